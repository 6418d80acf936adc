#!/usr/bin/env bash
# Re-verification speed: starts the packaged service on a fresh database
# (liquidations_bench_reverify, port 8089), lets it load EVENTS demo events through the ingest
# path, then starts a verification run of every event and reports the run's own rate (events
# re-replayed and written per second, from its start to its finish).
#   bench/run-reverify.sh [EVENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
events="${1:-200000}"
log=/tmp/liqaudit-bench-reverify.log
. bench/service.sh
LIQAUDIT_DEMO_LOAD_IF_EMPTY=true LIQAUDIT_DEMO_EVENTS="$events" start_service liquidations_bench_reverify "$log" auditor
# A kept database (BENCH_KEEP_DB=1) already holds its events: only a fresh one is loaded first.
if [ "${BENCH_KEEP_DB:-}" != 1 ]; then
  until grep -q "demo data: $events events loaded\|demo data: loading failed" "$log"; do sleep 2; done
  grep "demo data" "$log" | tail -1
  # As autovacuum would have by then (this machine runs PostgreSQL with it off): the first reads of a
  # freshly loaded table otherwise also set its hint bits, a cost no steady service pays.
  PGPASSWORD=liqaudit psql -h 127.0.0.1 -U liqaudit -d liquidations_bench_reverify -qc 'vacuum analyze' 2>/dev/null
fi
run=$(curl -sf -u "$BENCH_CREDENTIALS" -H 'Content-Type: application/json' -d '{}' \
  http://127.0.0.1:8089/api/v1/verification/runs | python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])')
while :; do
  view=$(curl -sf -u "$BENCH_CREDENTIALS" "http://127.0.0.1:8089/api/v1/verification/runs/$run")
  status=$(echo "$view" | python3 -c 'import sys,json; print(json.load(sys.stdin)["status"])')
  [ "$status" = RUNNING ] || break
  sleep 1
done
echo "$view" | python3 -c 'import sys,json; v=json.load(sys.stdin); print("run %s: %s, %d of %d events, %s events/s, failed %d, verdicts changed %d" % (v["id"], v["status"], v["done"], v["total"], v["eventsPerSecond"], v["failed"], v["verdictsChanged"]))'
