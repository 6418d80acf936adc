#!/usr/bin/env bash
# Streaming ingest against HTTP batch ingest against the broker's own producer, in one run on one
# packaged service with streaming on (fresh database liquidations_bench_kafka, port 8089, the local
# broker of scripts/kafka-up.sh): EVENTS events over HTTP (batches of 1,000, 2 clients), EVENTS
# other events through a PARTITIONS-partition topic, then EVENTS records produced to a scratch topic
# with the same producer settings and nobody consuming.
#   bench/run-kafka.sh [EVENTS] [PARTITIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
events="${1:-30000}"; partitions="${2:-4}"
scripts/kafka-up.sh
run="$(date +%s)"
topic="bench-liquidations-$run"
. bench/service.sh
[ -f bench/target/benchmarks.jar ] || ./mvnw -B -q -f bench/pom.xml package
java -cp bench/target/benchmarks.jar io.liqaudit.bench.KafkaThroughput create-topic 127.0.0.1:9092 "$topic" "$partitions"
LIQAUDIT_KAFKA_ENABLED=true LIQAUDIT_KAFKA_TOPIC="$topic" LIQAUDIT_KAFKA_VERDICT_TOPIC="bench-verdicts-$run" \
LIQAUDIT_KAFKA_DEAD_LETTER_TOPIC="bench-dead-letter-$run" MP_MESSAGING_INCOMING_LIQUIDATIONS_GROUP_ID="bench-$run" \
  start_service liquidations_bench_kafka /tmp/liqaudit-bench-kafka.log ingestor
java -cp bench/target/benchmarks.jar io.liqaudit.bench.KafkaThroughput run 127.0.0.1:9092 "$topic" \
  http://127.0.0.1:8089 "$BENCH_CREDENTIALS" jdbc:postgresql://127.0.0.1:5432/liquidations_bench_kafka "$events"
