#!/usr/bin/env bash
# Disclosure page latency with many recorded events: starts the packaged service on a fresh
# database (liquidations_bench_pages, port 8089), lets it load EVENTS demo events (spread over
# half a year of 2026) through the ingest path, then times every page for the whole year.
#   bench/run-disclosures.sh [EVENTS] [REQUESTS]
set -euo pipefail
cd "$(dirname "$0")/.."
events="${1:-1000000}"; requests="${2:-200}"
log=/tmp/liqaudit-bench-pages.log
. bench/service.sh
LIQAUDIT_DEMO_LOAD_IF_EMPTY=true LIQAUDIT_DEMO_EVENTS="$events" start_service liquidations_bench_pages "$log" admin
until grep -q "demo data: $events events loaded\|demo data: loading failed" "$log"; do sleep 5; done
grep "demo data" "$log"
psql -h 127.0.0.1 -U postgres -d liquidations_bench_pages -Atc \
  "select 'events: ' || count(*) from liquidation_event" -c "select 'rollup rows: ' || count(*) from disclosure_daily"
java -cp bench/target/benchmarks.jar io.liqaudit.bench.DisclosureLatency http://127.0.0.1:8089 2026 "$requests"
