#!/usr/bin/env bash
# Reconciliation over a million events: totals (venue × day, a year), breaks, and matching a
# statement of 100,000 lines, on the packaged service (port 8089) over the database BENCH_DB
# (default liquidations_bench_search, as bench/run-search.sh loads it; BENCH_KEEP_DB=1 keeps it).
#   BENCH_KEEP_DB=1 bench/run-reconciliation.sh [REQUESTS]
set -euo pipefail
cd "$(dirname "$0")/.."
requests="${1:-20}"
db="${BENCH_DB:-liquidations_bench_search}"
. bench/service.sh
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx512m}" start_service "$db" /tmp/liqaudit-bench-reconciliation.log reconciler
java -cp bench/target/benchmarks.jar io.liqaudit.bench.ReconciliationLatency http://127.0.0.1:8089 "$BENCH_CREDENTIALS" \
  "jdbc:postgresql://127.0.0.1:5432/$db" "$requests"
grep -o "GC(.*Pause.*" /tmp/liqaudit-bench-reconciliation.log | tail -1 || true
