#!/usr/bin/env bash
# README command 2: bring the database up and run the whole suite against its own database
# (liquidations_test), so the tests never touch what scripts/run.sh serves.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/db-up.sh liquidations_test
scripts/db-up.sh --fresh liquidations_test_empty  # scratch: the production start-up check (ProductionStartIT)
scripts/db-up.sh --fresh liquidations_test_tamper # scratch: the tamper audit test rewrites rows (TamperAuditTest)
exec ./mvnw -B verify "$@"
