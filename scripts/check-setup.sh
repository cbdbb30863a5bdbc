#!/usr/bin/env bash
# Proves the set-up works from a checkout in any folder, as issue 15 asks: clones this checkout (its committed
# state plus uncommitted changes) into a private 0700 folder whose path holds a space, then, there:
#   1. as root with services of its own (Elasticsearch on HTX_CHECK_ES_PORT, 19200, and a second MariaDB on
#      HTX_CHECK_DB_PORT, 13306, with its own data folder): services.sh up, status (both "started by this script"),
#      the Run command (the app answers a signed-in search), the Test command (a few test classes, or the whole
#      suite with --full), services.sh down (both ports closed, status says so);
#   2. as a non-root user in their own 0700 home, against the services already running on this machine
#      (HTX_DB_PORT/HTX_ES_PORT, 3306/9200): services.sh up and status (used, "not started by this script"),
#      the Test command (a few classes, or all with --full), and down (leaves those services running).
# Usage: scripts/check-setup.sh [--full] [--keep]   (root only: it creates a system user and a second MariaDB)
# The Elasticsearch distribution and the Maven repository are copied from this machine, not downloaded again:
# a fresh machine's Test command downloads them anyway.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
[ "$(id -u)" = 0 ] || die "check-setup.sh runs as root (it starts a second MariaDB and creates a user)"
FULL=0; KEEP=0
for a in "$@"; do case "$a" in --full) FULL=1 ;; --keep) KEEP=1 ;; *) die "unknown argument $a" ;; esac; done
ES_PORT2="${HTX_CHECK_ES_PORT:-19200}"
DB_PORT2="${HTX_CHECK_DB_PORT:-13306}"
APP_PORT2="${HTX_CHECK_APP_PORT:-18090}"
USER2="${HTX_CHECK_USER:-htx-check}"
SUBSET="${HTX_CHECK_TESTS:-SignInTests,ProductMutationTests,TokenServiceUnitTests}"
use_jdk25
need_jq

base="$(mktemp -d)"   # mode 0700, like a root home or any mktemp folder
clone="$base/htx checkout"
datadir="/var/lib/htx-connect/check-$(basename "$base")/mysql"
failures=0
check() { # $1 = description, rest = command; counts a failure instead of stopping, so every step reports
  local what="$1"; shift
  if "$@"; then log "PASS $what"; else log "FAIL $what"; failures=$((failures + 1)); fi
}
clone_into() { # $1 = folder: the committed state plus uncommitted changes and new files
  git clone -q "$ROOT_DIR" "$1"
  (cd "$ROOT_DIR" && git diff HEAD --binary) | (cd "$1" && git apply --allow-empty)
  (cd "$ROOT_DIR" && git ls-files --others --exclude-standard -z) | (cd "$ROOT_DIR" && xargs -0 -r cp --parents -t "$1")
  if [ -d "$ROOT_DIR/.local/elasticsearch-dist" ]; then
    mkdir -p "$1/.local" && cp -a "$ROOT_DIR/.local/elasticsearch-dist" "$1/.local/"
  fi
}
in_clone() { (cd "$clone" && env HTX_ES_PORT="$ES_PORT2" HTX_DB_PORT="$DB_PORT2" HTX_DB_DATADIR="$datadir" \
  HTX_DB_BUFFER_POOL=256M HTX_TEST_SERVICES=local "$@"); }
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  if [ "$KEEP" = 0 ]; then
    in_clone scripts/services.sh down >/dev/null 2>&1 || true
    rm -rf "$base" "$(dirname "$datadir")"
    [ -n "$(es_dir_of_clone 2>/dev/null)" ] && rm -rf "$(es_dir_of_clone)" || true
  fi
}
es_dir_of_clone() { local f="$clone/.local/run/elasticsearch.state"; [ -f "$f" ] && case "$(cat "$f")" in /var/lib/htx-connect/*) cat "$f" ;; esac; }
trap cleanup EXIT

log "1. Root, a 0700 folder with a space in its path, services of its own: $clone"
clone_into "$clone"
check "the folder is private (0700)" test "$(stat -c %a "$base")" = 700
t0=$(date +%s)
check "services.sh up" in_clone scripts/services.sh up
status="$(in_clone scripts/services.sh status)"; echo "$status"
check "status: Elasticsearch started by this checkout" grep -q "elasticsearch: up on http://127.0.0.1:$ES_PORT2 (started by this script" <<<"$status"
check "status: MariaDB started by this checkout" grep -q "mysql: up on 127.0.0.1:$DB_PORT2 (MariaDB started by this script" <<<"$status"
log "services up in $(( $(date +%s) - t0 )) s"

t0=$(date +%s)
(in_clone env HTX_PORT="$APP_PORT2" scripts/run.sh > "$base/run.log" 2>&1) &
app_pid=$!
answered=0
for _ in $(seq 1 300); do
  if curl -fs -m 2 "http://127.0.0.1:$APP_PORT2/actuator/health" >/dev/null; then answered=1; break; fi
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 1
done
check "Run command: the app answers" test "$answered" = 1
if [ "$answered" = 1 ]; then
  log "the app answered $(( $(date +%s) - t0 )) s after the Run command (build included)"
  token="$(set -a; source "$clone/.local/admin-credentials"; set +a; admin_token "http://127.0.0.1:$APP_PORT2/graphql")"
  # The demo catalogue loads after the app answers, and reaches the index through the outbox: wait for it.
  total=0
  for _ in $(seq 1 120); do
    total="$(curl -fsS -m 30 -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
      -d '{"query":"{ searchProducts(query: \"gạo\", first: 3) { totalCount } }"}' "http://127.0.0.1:$APP_PORT2/graphql" \
      | jq -r '.data.searchProducts.totalCount // 0')" || total=0
    [ "${total:-0}" -gt 0 ] && break
    sleep 1
  done
  check "Run command: a signed-in search finds the demo catalogue ($total products)" test "${total:-0}" -gt 0
fi
pkill -P "$app_pid" 2>/dev/null || true; kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=""
pkill -f -- "--server.port=$APP_PORT2" 2>/dev/null || true
pkill -f -- "$clone/target/htx-connect" 2>/dev/null || true

t0=$(date +%s)
if [ "$FULL" = 1 ]; then
  check "Test command (whole suite)" in_clone scripts/test.sh
else
  check "Test command ($SUBSET)" in_clone scripts/test.sh -Dtest="$SUBSET" -Dsurefire.failIfNoSpecifiedTests=false
fi
log "Test command took $(( $(date +%s) - t0 )) s"

check "services.sh down" in_clone scripts/services.sh down
port_closed() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
check "down stopped this checkout's Elasticsearch" port_closed "$ES_PORT2"
check "down stopped this checkout's MariaDB" port_closed "$DB_PORT2"
status="$(in_clone scripts/services.sh status)"; echo "$status"
check "status says both are down" bash -c 'grep -qx "mysql: down" <<<"$1" && grep -qx "elasticsearch: down" <<<"$1"' _ "$status"

log "2. A non-root user ($USER2) in a 0700 home, with the services this machine already runs"
id "$USER2" >/dev/null 2>&1 || useradd --create-home --shell /bin/bash "$USER2"
home2="$(getent passwd "$USER2" | cut -d: -f6)"
chmod 700 "$home2"
clone2="$home2/my projects/htx"
rm -rf "$home2/my projects"
clone_into "$clone2"
# The Maven repository and wrapper of this machine, so the user's build does not download them again.
if [ -d "$HOME/.m2" ] && [ ! -d "$home2/.m2" ]; then cp -a "$HOME/.m2" "$home2/"; fi
chown -R "$USER2": "$home2"
as_user() { runuser -u "$USER2" -- env -C "$clone2" HOME="$home2" PATH="$PATH" JAVA_HOME="$JAVA_HOME" "$@"; }
check "non-root: services.sh up uses the running services" as_user scripts/services.sh up
status="$(as_user scripts/services.sh status)"; echo "$status"
check "non-root: status names them as not started by this checkout" grep -q "not started by this script" <<<"$status"
t0=$(date +%s)
if [ "$FULL" = 1 ]; then
  check "non-root: Test command (whole suite)" as_user env HTX_TEST_SERVICES=local HTX_TEST_DB=htxconnect_test_check HTX_TEST_INDEX_PREFIX=check- scripts/test.sh
else
  check "non-root: Test command ($SUBSET)" as_user env HTX_TEST_SERVICES=local HTX_TEST_DB=htxconnect_test_check HTX_TEST_INDEX_PREFIX=check- \
    scripts/test.sh -Dtest="$SUBSET" -Dsurefire.failIfNoSpecifiedTests=false
fi
log "non-root Test command took $(( $(date +%s) - t0 )) s"
as_user scripts/services.sh down || true
check "non-root: down leaves the machine's services running" as_user bash -c 'exec 3<>/dev/tcp/127.0.0.1/3306 && exec 4<>/dev/tcp/127.0.0.1/9200'
mysql -h127.0.0.1 -uhtx -phtx -e 'DROP DATABASE IF EXISTS htxconnect_test_check' 2>/dev/null || true
[ "$KEEP" = 0 ] && rm -rf "$home2/my projects"

if [ "$failures" = 0 ]; then log "check-setup: every step passed"; else die "check-setup: $failures step(s) failed"; fi
