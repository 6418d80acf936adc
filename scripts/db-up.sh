#!/usr/bin/env bash
# Brings up the PostgreSQL that Liquidation Audit needs and makes sure one database exists.
# Used by both README commands (scripts/run.sh and scripts/test.sh), so they agree on where the
# database is.
#
#   scripts/db-up.sh [--fresh] DATABASE
#
# --fresh drops DATABASE first (scratch databases of the tests only).
#
# In order, it:
#   1. uses a PostgreSQL that already answers at LIQAUDIT_DB_HOST:LIQAUDIT_DB_PORT;
#   2. else starts an installed one: the Debian cluster when we are root, otherwise a private
#      cluster under LIQAUDIT_PGDATA (initdb refuses to run as root, so as root a private
#      cluster is owned by the 'postgres' system user);
#   3. else, as root, installs PostgreSQL from Debian packages and starts it.
# Then it creates the application role (LIQAUDIT_DB_USER / LIQAUDIT_DB_PASSWORD) and DATABASE
# when they are missing. Idempotent; well under 2 seconds when everything is already up.
set -euo pipefail

fresh=false
if [ "${1:-}" = "--fresh" ]; then fresh=true; shift; fi
db="${1:?usage: scripts/db-up.sh [--fresh] DATABASE}"
host="${LIQAUDIT_DB_HOST:-127.0.0.1}"
port="${LIQAUDIT_DB_PORT:-5432}"
app_user="${LIQAUDIT_DB_USER:-liqaudit}"
app_password="${LIQAUDIT_DB_PASSWORD:-liqaudit}"
pgdata="${LIQAUDIT_PGDATA:-/var/tmp/liqaudit-pgdata}"

say() { printf 'db-up: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

pg_bin() {
  # The newest installed server's binaries (Debian keeps them out of PATH).
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && printf '%s\n' "$dir"
}

answers() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$host" -p "$port" -t 1
  else
    (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
  fi
}

wait_until_answers() {
  for _ in $(seq 1 60); do answers && return 0; sleep 0.5; done
  return 1
}

install_postgresql() {
  [ "$(id -u)" = 0 ] || die "PostgreSQL is not installed and we are not root: install it (apt-get install postgresql) or point LIQAUDIT_DB_HOST/LIQAUDIT_DB_PORT at one."
  command -v apt-get >/dev/null 2>&1 || die "PostgreSQL is not installed and this is not a Debian-like system: install PostgreSQL and rerun."
  say "PostgreSQL is not installed; installing it from Debian packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq postgresql >/dev/null
}

start_debian_cluster() {
  local version
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
  [ -n "$version" ] || return 1
  [ -d "/etc/postgresql/$version/main" ] || return 1
  say "starting the Debian cluster $version/main"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start >/dev/null 2>&1 || true
  wait_until_answers
}

start_private_cluster() {
  local bin owner run
  bin=$(pg_bin) || die "no PostgreSQL server binaries under /usr/lib/postgresql"
  if [ "$(id -u)" = 0 ]; then owner=postgres; run=(runuser -u postgres --); else owner=$(id -un); run=(); fi
  mkdir -p "$pgdata"
  chown "$owner" "$pgdata"
  chmod 700 "$pgdata"
  if [ ! -f "$pgdata/PG_VERSION" ]; then
    say "creating a private cluster in $pgdata (owner $owner)"
    "${run[@]}" "$bin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 >/dev/null
  fi
  say "starting the private cluster in $pgdata on port $port"
  "${run[@]}" "$bin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w \
    -o "-p $port -k /tmp -c listen_addresses=$host" start >/dev/null \
    || die "the private cluster did not start; see $pgdata/server.log"
  wait_until_answers
}

# Runs SQL as a superuser: over TCP as 'postgres' (trust auth), else over the local socket as
# the 'postgres' system user (peer auth on a freshly installed Debian cluster).
as_superuser() {
  if psql -h "$host" -p "$port" -U postgres -d postgres -XtAq -v ON_ERROR_STOP=1 -c 'select 1' >/dev/null 2>&1 </dev/null; then
    psql -h "$host" -p "$port" -U postgres -d postgres -XtAq -v ON_ERROR_STOP=1 "$@"
  elif [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- psql -p "$port" -d postgres -XtAq -v ON_ERROR_STOP=1 "$@"
  else
    die "cannot act as a PostgreSQL superuser at $host:$port to create role '$app_user' and database '$db'; create them yourself and rerun"
  fi
}

if ! answers; then
  if [ -z "$(pg_bin || true)" ]; then install_postgresql; fi
  if ! { [ "$(id -u)" = 0 ] && start_debian_cluster; }; then
    start_private_cluster || die "PostgreSQL did not come up at $host:$port"
  fi
fi
command -v psql >/dev/null 2>&1 || die "psql is missing: install postgresql-client"

role_exists=$(as_superuser -c "select 1 from pg_roles where rolname = '$app_user'")
if [ "$role_exists" != 1 ]; then
  say "creating role $app_user"
  as_superuser -c "create role \"$app_user\" login password '$app_password'"
fi
if $fresh; then
  as_superuser -c "drop database if exists \"$db\" with (force)"
fi
db_exists=$(as_superuser -c "select 1 from pg_database where datname = '$db'")
if [ "$db_exists" != 1 ]; then
  say "creating database $db"
  as_superuser -c "create database \"$db\" owner \"$app_user\""
fi
