#!/usr/bin/env bash
# How much a re-verification run slows concurrent ingest: starts the packaged service on a fresh
# database (liquidations_bench_rvload, port 8089) loaded with STORED demo events, then ingests
# INGESTED new events (batches of 1,000, 2 clients) three times: alone, while a verification run
# of every stored event goes on, and alone again. Prints each ingest rate and the run's own rate.
#   bench/run-ingest-during-reverify.sh [STORED] [INGESTED]
set -euo pipefail
cd "$(dirname "$0")/.."
stored="${1:-400000}"; ingested="${2:-30000}"
log=/tmp/liqaudit-bench-rvload.log
. bench/service.sh
LIQAUDIT_DEMO_LOAD_IF_EMPTY=true LIQAUDIT_DEMO_EVENTS="$stored" start_service liquidations_bench_rvload "$log" ingestor+auditor
until grep -q "demo data: $stored events loaded\|demo data: loading failed" "$log"; do sleep 2; done
grep "demo data" "$log" | tail -1
ingest() {
  java -cp bench/target/benchmarks.jar io.liqaudit.bench.IngestThroughput http://127.0.0.1:8089 "$BENCH_CREDENTIALS" \
    jdbc:postgresql://127.0.0.1:5432/liquidations_bench_rvload "$ingested" 1000 2 | grep "ingest over HTTP"
}
echo "alone:       $(ingest)"
run=$(curl -sf -u "$BENCH_CREDENTIALS" -H 'Content-Type: application/json' -d '{}' \
  http://127.0.0.1:8089/api/v1/verification/runs | python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])')
echo "during a run: $(ingest)"
running=$(curl -sf -u "$BENCH_CREDENTIALS" "http://127.0.0.1:8089/api/v1/verification/runs/$run" \
  | python3 -c 'import sys,json; print(json.load(sys.stdin)["status"])')
echo "(the run was still $running when that ingest ended)"
while [ "$(curl -sf -u "$BENCH_CREDENTIALS" "http://127.0.0.1:8089/api/v1/verification/runs/$run" \
  | python3 -c 'import sys,json; print(json.load(sys.stdin)["status"])')" = RUNNING ]; do sleep 1; done
curl -sf -u "$BENCH_CREDENTIALS" "http://127.0.0.1:8089/api/v1/verification/runs/$run" | python3 -c \
  'import sys,json; v=json.load(sys.stdin); print("run %s: %s, %d events, %s events/s overall" % (v["id"], v["status"], v["done"], v["eventsPerSecond"]))'
echo "alone again: $(ingest)"
