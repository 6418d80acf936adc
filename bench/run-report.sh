#!/usr/bin/env bash
# A report package on the million events run-search.sh loaded (BENCH_KEEP_DB=1 keeps them; without
# it, EVENTS are loaded first), with the service's heap capped at 256 MB: time, rows/s, the
# package's size, the PDF's time, the JVM's peak heap used, and the offline check.
#   BENCH_KEEP_DB=1 bench/run-report.sh [EVENTS] [REPORT] [PERIOD]   (liquidation-register, 2026)
set -euo pipefail
cd "$(dirname "$0")/.."
events="${1:-1000000}"; report="${2:-liquidation-register}"; period="${3:-2026}"
log=/tmp/liqaudit-bench-report.log
. bench/service.sh
rm -f /tmp/liqaudit-bench-report-gc.log
QUARKUS_FLYWAY_REPAIR_AT_START=true BENCH_JAVA_OPTS="-Xmx256m -Xlog:gc:file=/tmp/liqaudit-bench-report-gc.log" LIQAUDIT_REPORTS_DIR=/tmp/liqaudit-bench-reports \
  LIQAUDIT_DEMO_LOAD_IF_EMPTY=true LIQAUDIT_DEMO_EVENTS="$events" start_service liquidations_bench_search "$log" regulator+admin
if [ "${BENCH_KEEP_DB:-}" != 1 ]; then
  until grep -q "demo data: $events events loaded\|demo data: loading failed" "$log"; do sleep 5; done
fi
sleep 5   # a checkpoint covering the log is signed within its interval
start=$(date +%s.%N)
location=$(curl -sf -u "$BENCH_CREDENTIALS" -H 'Content-Type: application/json' -d "{\"period\": \"$period\"}" \
  -D - -o /dev/null "http://127.0.0.1:8089/api/v1/reports/$report/runs" | tr -d '\r' | awk -F': ' 'tolower($1)=="location"{print $2}')
while true; do
  status=$(curl -s -u "$BENCH_CREDENTIALS" "$location")
  case "$status" in *'"status":"RUNNING"'*) sleep 1 ;; *) break ;; esac
done
end=$(date +%s.%N)
echo "$status"
rows=$(echo "$status" | sed 's/.*"rows":\([0-9]*\).*/\1/')
curl -sf -u "$BENCH_CREDENTIALS" -o /tmp/liqaudit-bench-register.zip "$location/package"
grep -o "report run [0-9]*: .*PDF in [0-9]* ms" "$log" | tail -1
# The heap's peak: the largest "used before" of any collection in the GC log (G1: "150M->20M(256M)").
peak=$(grep -o '[0-9]*M->' /tmp/liqaudit-bench-report-gc.log | sed 's/M->//' | sort -n | tail -1)
awk -v s="$start" -v e="$end" -v r="$rows" -v p="$peak" -v b="$(stat -c %s /tmp/liqaudit-bench-register.zip)" \
  'BEGIN{t=e-s; printf "rows %d in %.1f s = %.0f rows/s; package %.1f MB; peak heap used %d MB (cap 256 MB, whole service)\n", r, t, r/t, b/1e6, p}'
/usr/bin/time -v java -cp "target/quarkus-app/app/*:target/quarkus-app/lib/main/*" io.liqaudit.reports.PackageVerifier \
  /tmp/liqaudit-bench-register.zip 2> /tmp/liqaudit-bench-verify.txt
grep -E "Elapsed|Maximum resident" /tmp/liqaudit-bench-verify.txt
