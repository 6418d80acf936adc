#!/usr/bin/env bash
# README command 2: bring the database up and run the whole suite against its own database
# (liquidations_test), so the tests never touch what scripts/run.sh serves.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/db-up.sh liquidations_test
scripts/db-up.sh --fresh liquidations_test_empty  # scratch: the production start-up check (ProductionStartIT)
scripts/db-up.sh --fresh liquidations_test_tamper # scratch: the tamper audit test rewrites rows (TamperAuditTest)
scripts/db-up.sh --fresh liquidations_test_quiet  # scratch: no scheduler, so only requests could write (PublicReadsNeverWriteTest)
scripts/db-up.sh --fresh liquidations_test_crash  # scratch: the service is killed mid-ingest and restarted (CrashRecoveryIT)
scripts/db-up.sh --fresh liquidations_test_demo   # scratch: demo data loads at start, readiness waits for it (ReadinessTest)
scripts/db-up.sh --fresh liquidations_test_readme # scratch: README's commands run against the packaged service (ReadmeCommandsIT)
scripts/db-up.sh --fresh liquidations_test_stream # scratch: two instances share a topic, one is killed (StreamingInstancesIT)
scripts/db-up.sh --fresh liquidations_test_outage # scratch: the broker stops mid-stream and starts again (StreamingInstancesIT)
scripts/kafka-up.sh                               # a local Kafka broker for streaming ingest (KafkaIngestTest)
# Pages are tested in a real headless browser: Debian's Chromium, typed into and clicked through
# Debian's chromedriver (WebDriver), so nothing is downloaded at run time.
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test: installing Chromium and chromedriver (Debian packages) for the browser tests" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "test: Chromium or chromedriver is missing and cannot be installed here (not root); install 'chromium' and 'chromium-driver'" >&2
    exit 1
  fi
fi
# The sample alerting rules (ops/prometheus-alerts.yml) are checked by Prometheus's own promtool.
if ! command -v promtool >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test: installing promtool (Debian package prometheus, not started) to check the alerting rules" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
  else
    echo "test: promtool is missing and cannot be installed here (not root); install Debian's 'prometheus'" >&2
    exit 1
  fi
fi
exec ./mvnw -B verify "$@"
