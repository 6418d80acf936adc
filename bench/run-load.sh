#!/usr/bin/env bash
# Ingest under load with readers at the same time: 2, 8 and 32 clients, in time order and late,
# on one packaged service and a fresh database (liquidations_bench_load, port 8089); then the
# COPY floor of the same run.
#   bench/run-load.sh [EVENTS_PER_SCENARIO]
set -euo pipefail
cd "$(dirname "$0")/.."
events="${1:-30000}"
. bench/service.sh
start_service liquidations_bench_load /tmp/liqaudit-bench-load.log ingestor
java -cp bench/target/benchmarks.jar io.liqaudit.bench.LoadBenchmark http://127.0.0.1:8089 "$BENCH_CREDENTIALS" \
  jdbc:postgresql://127.0.0.1:5432/liquidations_bench_load "$events"
