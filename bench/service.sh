# Sourced by the bench/run-*.sh scripts: a fresh database and the packaged service on port 8089.
#   start_service DATABASE LOG ROLE   (extra environment is passed through, e.g. LIQAUDIT_DEMO_*)
# Sets BENCH_CREDENTIALS (user:password of a user with ROLE) and stops the service on exit.
# BENCH_KEEP_DB=1 keeps the database as a previous run left it (no reload of a million events);
# BENCH_JAVA_OPTS are passed to the service's JVM (e.g. -Xmx256m); BENCH_APP runs another build's
# quarkus-app directory (side-by-side comparisons: copy target/quarkus-app of the other commit).
# A kept database keeps its signing key too: its checkpoints must verify with the key that signed them.
signing_key() {
  local file="/tmp/liqaudit-bench-signing-key-$1"
  if [ "${BENCH_KEEP_DB:-}" != 1 ] || [ ! -f "$file" ]; then head -c 32 /dev/urandom | base64 > "$file"; fi
  cat "$file"
}

start_service() {
  local db="$1" log="$2" role="$3"
  if [ "${BENCH_KEEP_DB:-}" = 1 ]; then scripts/db-up.sh "$db"; else scripts/db-up.sh --fresh "$db"; fi
  [ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q install -DskipTests
  [ -f bench/target/benchmarks.jar ] || ./mvnw -B -q -f bench/pom.xml package
  BENCH_CREDENTIALS="bench:bench-$(head -c 9 /dev/urandom | base64 | tr -d '/+=')"
  QUARKUS_HTTP_PORT=8089 \
  QUARKUS_DATASOURCE_USERNAME=liqaudit QUARKUS_DATASOURCE_PASSWORD=liqaudit \
  QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:5432/$db" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db" \
  LIQAUDIT_BOOTSTRAP_USERS="$BENCH_CREDENTIALS:$role" \
  LIQAUDIT_LEDGER_SIGNING_KEY="$(signing_key "$db")" \
  LIQAUDIT_CSRF_KEY="$(head -c 32 /dev/urandom | base64)" \
    java ${BENCH_JAVA_OPTS:-} -jar "${BENCH_APP:-target/quarkus-app}/quarkus-run.jar" > "$log" 2>&1 &
  BENCH_SERVICE=$!
  trap 'kill $BENCH_SERVICE 2>/dev/null || true' EXIT
  # Readiness stays DOWN while demo data loads (a million events take minutes): wait as long as the
  # service lives, up to an hour.
  for _ in $(seq 1 7200); do
    curl -sf http://127.0.0.1:8089/q/health/ready >/dev/null && return 0
    kill -0 "$BENCH_SERVICE" 2>/dev/null || break
    sleep 0.5
  done
  echo "the service did not become ready; see $log" >&2
  return 1
}
