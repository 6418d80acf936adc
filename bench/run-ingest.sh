#!/usr/bin/env bash
# Ingest throughput: starts the packaged service on a fresh database (liquidations_bench, port
# 8089), drives the batch endpoint with demo events, COPYs the same rows for the floor, stops.
#   bench/run-ingest.sh [EVENTS] [BATCH] [CLIENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
events="${1:-20000}"; batch="${2:-1000}"; clients="${3:-2}"
scripts/db-up.sh --fresh liquidations_bench
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q install -DskipTests
[ -f bench/target/benchmarks.jar ] || ./mvnw -B -q -f bench/pom.xml package
password="bench-$(head -c 9 /dev/urandom | base64 | tr -d '/+=')"
QUARKUS_HTTP_PORT=8089 \
QUARKUS_DATASOURCE_USERNAME=liqaudit QUARKUS_DATASOURCE_PASSWORD=liqaudit \
QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/liquidations_bench \
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/liquidations_bench \
LIQAUDIT_BOOTSTRAP_USERS="bench:$password:ingestor" \
LIQAUDIT_LEDGER_SIGNING_KEY="$(head -c 32 /dev/urandom | base64)" \
  java -jar target/quarkus-app/quarkus-run.jar > /tmp/liqaudit-bench-service.log 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf http://127.0.0.1:8089/q/health/ready >/dev/null && break; sleep 0.5; done
java -cp bench/target/benchmarks.jar io.liqaudit.bench.IngestThroughput http://127.0.0.1:8089 "bench:$password" \
  jdbc:postgresql://127.0.0.1:5432/liquidations_bench "$events" "$batch" "$clients"
