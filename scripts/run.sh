#!/usr/bin/env bash
# README command 1: run Liquidation Audit on http://localhost:8080 with a local database.
#
# Builds the jar when the sources are newer, brings PostgreSQL up (scripts/db-up.sh), and on
# the first run writes generated secrets (sign-in passwords) to a file outside the repository
# that only its owner can read. Then it runs the packaged service in the foreground.
set -euo pipefail
cd "$(dirname "$0")/.."

secrets_dir="${LIQAUDIT_SECRETS_DIR:-${XDG_CONFIG_HOME:-$HOME/.config}/liqaudit}"
credentials="$secrets_dir/credentials.env"
jar=target/quarkus-app/quarkus-run.jar

random_password() { head -c 18 /dev/urandom | base64 | tr -d '/+=' | cut -c1-20; }

scripts/db-up.sh liquidations

if [ ! -f "$jar" ] || [ -n "$(find pom.xml src templates migrations reports -newer "$jar" -type f -print -quit)" ]; then
  echo "run: building (./mvnw package -DskipTests)" >&2
  ./mvnw -B -q package -DskipTests
fi

mkdir -p "$secrets_dir"
chmod 700 "$secrets_dir"
umask 077
touch "$credentials"
chmod 600 "$credentials"
# Each secret is generated once, on the first run that lacks it, and kept.
add_secret() { grep -q "^$1=" "$credentials" || echo "$1=$2" >> "$credentials"; }
add_secret LIQAUDIT_BOOTSTRAP_USERS "admin:$(random_password):admin+auditor,auditor:$(random_password):auditor,regulator:$(random_password):regulator,reconciler:$(random_password):reconciler,ingestor:$(random_password):ingestor,rulekeeper:$(random_password):rulekeeper"
add_secret LIQAUDIT_CSRF_KEY "$(random_password)$(random_password)"
add_secret LIQAUDIT_LEDGER_SIGNING_KEY "$(head -c 32 /dev/urandom | base64)"  # Ed25519 seed for checkpoints

set -a
# shellcheck disable=SC1090
. "$credentials"
set +a
export QUARKUS_DATASOURCE_USERNAME="${LIQAUDIT_DB_USER:-liqaudit}"
export QUARKUS_DATASOURCE_PASSWORD="${LIQAUDIT_DB_PASSWORD:-liqaudit}"
db_url="${LIQAUDIT_DB_HOST:-127.0.0.1}:${LIQAUDIT_DB_PORT:-5432}/liquidations"
export QUARKUS_DATASOURCE_REACTIVE_URL="${QUARKUS_DATASOURCE_REACTIVE_URL:-postgresql://$db_url}"
export QUARKUS_DATASOURCE_JDBC_URL="${QUARKUS_DATASOURCE_JDBC_URL:-jdbc:postgresql://$db_url}"

cat <<EOF
Liquidation Audit is starting on http://localhost:8080
  Disclosures (public):  http://localhost:8080/disclosures
  Audit portal:          http://localhost:8080/portal
  API (Swagger UI):      http://localhost:8080/q/swagger-ui
  Health:                http://localhost:8080/q/health/ready
  Sign-in credentials:   $credentials
EOF
export LIQAUDIT_DEMO_LOAD_IF_EMPTY="${LIQAUDIT_DEMO_LOAD_IF_EMPTY:-true}"
exec java ${JAVA_OPTS:-} -jar "$jar"
