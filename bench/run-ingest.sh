#!/usr/bin/env bash
# Ingest throughput: starts the packaged service on a fresh database (liquidations_bench, port
# 8089), drives the batch endpoint with demo events, COPYs the same rows for the floor, stops.
#   bench/run-ingest.sh [EVENTS] [BATCH] [CLIENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
events="${1:-20000}"; batch="${2:-1000}"; clients="${3:-2}"
. bench/service.sh
start_service liquidations_bench /tmp/liqaudit-bench-service.log ingestor
java -cp bench/target/benchmarks.jar io.liqaudit.bench.IngestThroughput http://127.0.0.1:8089 "$BENCH_CREDENTIALS" \
  jdbc:postgresql://127.0.0.1:5432/liquidations_bench "$events" "$batch" "$clients"
