#!/usr/bin/env bash
# Brings up the Apache Kafka broker that streaming ingest needs (issue 20): a single local broker
# in KRaft mode on 127.0.0.1, no Docker.
#
#   scripts/kafka-up.sh          # idempotent: a broker already answering is left alone
#   scripts/kafka-up.sh --stop   # stops the broker this script started
#
# The broker (org.apache.kafka:kafka_2.13, the version of the clients Quarkus' BOM gives) and its
# dependencies are resolved from Maven Central through the Maven wrapper (scripts/kafka/pom.xml)
# into LIQAUDIT_KAFKA_HOME, its storage is formatted once, and it listens at
# KAFKA_BOOTSTRAP_SERVERS (127.0.0.1:9092 by default; its controller one port above).
set -euo pipefail
cd "$(dirname "$0")/.."
home="${LIQAUDIT_KAFKA_HOME:-/var/tmp/liqaudit-kafka}"
bootstrap="${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}"
host="${bootstrap%:*}"
port="${bootstrap##*:}"
controller=$((port + 1))
version="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' scripts/kafka/pom.xml)"
libs="$home/libs-$version"
data="$home/data"
conf="$home/server.properties"

say() { printf 'kafka-up: %s\n' "$*" >&2; }
answers() { (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; }

if [ "${1:-}" = "--stop" ]; then
  if [ -f "$home/broker.pid" ] && kill "$(cat "$home/broker.pid")" 2>/dev/null; then
    for _ in $(seq 1 60); do answers || { say "stopped"; rm -f "$home/broker.pid"; exit 0; }; sleep 0.5; done
  fi
  say "no broker of ours was running"
  exit 0
fi

if answers; then
  say "a broker answers at $bootstrap: nothing to do"
  exit 0
fi

mkdir -p "$home"
if [ ! -f "$libs/.complete" ]; then
  say "resolving Apache Kafka $version from Maven Central into $libs"
  ./mvnw -B -q -f scripts/kafka/pom.xml dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$libs"
  touch "$libs/.complete"
fi

cat > "$conf" <<PROPERTIES
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller
listeners=PLAINTEXT://$host:$port,CONTROLLER://127.0.0.1:$controller
advertised.listeners=PLAINTEXT://$host:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$data
num.partitions=4
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
PROPERTIES
cat > "$home/log4j2.properties" <<PROPERTIES
rootLogger.level=INFO
rootLogger.appenderRef.file.ref=file
appender.file.type=File
appender.file.name=file
appender.file.fileName=$home/broker.log
appender.file.layout.type=PatternLayout
appender.file.layout.pattern=%d %p [%c] %m%n
PROPERTIES

if [ ! -f "$data/meta.properties" ]; then
  say "formatting the broker's storage in $data"
  cluster="$(java -cp "$libs/*" kafka.tools.StorageTool random-uuid)"
  java -cp "$libs/*" kafka.tools.StorageTool format -t "$cluster" -c "$conf" >/dev/null
fi

say "starting the broker at $bootstrap (log: $home/broker.log)"
nohup java -Xms256m -Xmx512m -Dlog4j2.configurationFile="$home/log4j2.properties" -cp "$libs/*" kafka.Kafka "$conf" \
  > "$home/broker.out" 2>&1 &
echo $! > "$home/broker.pid"
for _ in $(seq 1 120); do
  if answers; then say "up"; exit 0; fi
  kill -0 "$(cat "$home/broker.pid")" 2>/dev/null || break
  sleep 0.5
done
say "the broker did not start; see $home/broker.out and $home/broker.log"
tail -20 "$home/broker.out" >&2 || true
exit 1
