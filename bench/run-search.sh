#!/usr/bin/env bash
# Auditor search, event page and evidence export latency over a large log: starts the packaged
# service on a fresh database (liquidations_bench_search, port 8089), lets it load EVENTS demo
# events through the ingest path, then times each search filter, combination and order, the
# portal pages and a bundle export.
#   bench/run-search.sh [EVENTS] [REQUESTS]     (BENCH_KEEP_DB=1: time the database a previous run loaded)
set -euo pipefail
cd "$(dirname "$0")/.."
events="${1:-1000000}"; requests="${2:-100}"
log=/tmp/liqaudit-bench-search.log
. bench/service.sh
LIQAUDIT_DEMO_LOAD_IF_EMPTY=true LIQAUDIT_DEMO_EVENTS="$events" start_service liquidations_bench_search "$log" auditor
if [ "${BENCH_KEEP_DB:-}" != 1 ]; then
  until grep -q "demo data: $events events loaded\|demo data: loading failed" "$log"; do sleep 5; done
  grep "demo data" "$log"
fi
psql -h 127.0.0.1 -U postgres -d liquidations_bench_search -Atc "vacuum analyze" \
  -c "select 'events: ' || count(*) from liquidation_event"
# Cases and checkpoints are made by their schedulers: give them a moment after the load.
sleep 15
java -cp bench/target/benchmarks.jar io.liqaudit.bench.SearchLatency http://127.0.0.1:8089 "$BENCH_CREDENTIALS" "$requests"
