#!/usr/bin/env bash
# Disclosure page latency with many recorded events: starts the packaged service on a fresh
# database (liquidations_bench_pages, port 8089), lets it load EVENTS demo events (spread over
# half a year of 2026) through the ingest path, then times every page for the whole year.
#   bench/run-disclosures.sh [EVENTS] [REQUESTS]
set -euo pipefail
cd "$(dirname "$0")/.."
events="${1:-1000000}"; requests="${2:-200}"
scripts/db-up.sh --fresh liquidations_bench_pages
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q install -DskipTests
[ -f bench/target/benchmarks.jar ] || ./mvnw -B -q -f bench/pom.xml package
log=/tmp/liqaudit-bench-pages.log
QUARKUS_HTTP_PORT=8089 \
QUARKUS_DATASOURCE_USERNAME=liqaudit QUARKUS_DATASOURCE_PASSWORD=liqaudit \
QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/liquidations_bench_pages \
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/liquidations_bench_pages \
LIQAUDIT_BOOTSTRAP_USERS="bench:bench-$(head -c 9 /dev/urandom | base64 | tr -d '/+='):admin" \
LIQAUDIT_LEDGER_SIGNING_KEY="$(head -c 32 /dev/urandom | base64)" \
LIQAUDIT_DEMO_LOAD_IF_EMPTY=true LIQAUDIT_DEMO_EVENTS="$events" \
  java -jar target/quarkus-app/quarkus-run.jar > "$log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true' EXIT
until grep -q "demo data: $events events loaded\|demo data: loading failed" "$log"; do sleep 5; done
grep "demo data" "$log"
psql -h 127.0.0.1 -U postgres -d liquidations_bench_pages -Atc \
  "select 'events: ' || count(*) from liquidation_event" -c "select 'rollup rows: ' || count(*) from disclosure_daily"
java -cp bench/target/benchmarks.jar io.liqaudit.bench.DisclosureLatency http://127.0.0.1:8089 2026 "$requests"
