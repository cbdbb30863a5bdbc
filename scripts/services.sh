#!/usr/bin/env bash
# Brings up, idempotently, the services the app and its tests need on this machine, without Docker:
#   Elasticsearch (the core distribution from Maven Central) on 127.0.0.1:9200
#   a MySQL-compatible server on 127.0.0.1:3306 (one already listening, else MariaDB from Debian, started
#   with a 1 GB InnoDB buffer pool, HTX_DB_BUFFER_POOL: the 128 MB default does not hold the indexes of a
#   million products, so every overview scan would read them from disk again)
# Usage: scripts/services.sh up|down|status|es-up|es-kill
#   es-up    starts only Elasticsearch (HTX_ES_PORT, default 9200; data, logs and pid file under this checkout's
#            .local/elasticsearch, or, when root runs it for a checkout its own user cannot reach (a 0700 home or
#            mktemp folder), under /var/lib/htx-connect/<checkout key>)
#   es-kill  SIGKILLs the Elasticsearch this script started (its pid file in .local/run), as a crash would: the
#            benchmark's outage step uses it. It refuses when this checkout did not start the one on HTX_ES_PORT.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

ES_VERSION="${HTX_ES_VERSION:-9.5.0}"
ES_PORT="${HTX_ES_PORT:-9200}"
ES_HEAP="${HTX_ES_HEAP:-512m}"
ES_USER="${HTX_ES_USER:-htx-es}"
DB_PORT="${HTX_DB_PORT:-3306}"
DB_NAME="${HTX_DB_NAME:-htxconnect}"
DB_USER="${HTX_DB_USER:-htx}"
DB_PASSWORD="${HTX_DB_PASSWORD:-htx}"
# MariaDB's data folder and socket: the system's by default; another folder (and a socket inside it) for a second
# server beside the first, e.g. HTX_DB_PORT=13306 HTX_DB_DATADIR=/var/lib/htx-connect/db2 (scripts/check-setup.sh).
DB_DATADIR="${HTX_DB_DATADIR:-/var/lib/mysql}"
DB_OWN_FILES=()
if [ "$DB_DATADIR" = /var/lib/mysql ]; then DB_SOCKET=/run/mysqld/mysqld.sock
else
  # Debian's server configuration names one socket and pid file for every server: a second one needs its own.
  DB_SOCKET="$DB_DATADIR/mysqld.sock"; DB_OWN_FILES=(--pid-file="$DB_DATADIR/mariadbd.pid")
fi
RUN_DIR="$LOCAL_DIR/run"
ES_DIST_DIR="$LOCAL_DIR/elasticsearch-dist"
ES_HOME="$ES_DIST_DIR/elasticsearch-$ES_VERSION"
# The two pid files live apart: Elasticsearch's in a folder its own user owns (it writes the file), MariaDB's in
# a root-owned one (start-stop-daemon and this script refuse a root process's pid file in a folder another user
# can write: that is how `down` used to leave MariaDB running).
DB_PID="$RUN_DIR/db/mariadb.pid"
# A checkout set up before the pid files moved apart kept MariaDB's in .local/run.
if [ ! -f "$DB_PID" ] && [ -f "$RUN_DIR/mariadb.pid" ]; then DB_PID="$RUN_DIR/mariadb.pid"; fi
ES_STATE_FILE="$RUN_DIR/elasticsearch.state"

# Where this checkout's Elasticsearch keeps data, logs and its pid file: recorded by es-up, so down, kill and
# status find the same place whoever runs them.
es_state_dir() {
  if [ -f "$ES_STATE_FILE" ]; then cat "$ES_STATE_FILE"; return 0; fi
  if [ "$(id -u)" = 0 ] && id "$ES_USER" >/dev/null 2>&1 && ! runuser -u "$ES_USER" -- test -x "$LOCAL_DIR" 2>/dev/null; then
    echo "/var/lib/htx-connect/$(printf '%s' "$ROOT_DIR" | sha1sum | cut -c1-12)"
  else
    echo "$LOCAL_DIR/elasticsearch"
  fi
}
es_pid_file() {
  local f; f="$(es_state_dir)/run/elasticsearch.pid"
  # A checkout set up before the pid files moved apart kept it in .local/run.
  if [ ! -f "$f" ] && [ -f "$RUN_DIR/elasticsearch.pid" ]; then f="$RUN_DIR/elasticsearch.pid"; fi
  echo "$f"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
es_healthy() { curl -fsS -m 3 "http://127.0.0.1:$ES_PORT/_cluster/health?wait_for_status=yellow&timeout=2s" >/dev/null 2>&1; }
pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# ---------- Elasticsearch ----------
es_fetch() {
  [ -x "$ES_HOME/bin/elasticsearch" ] && return 0
  log "Fetching Elasticsearch $ES_VERSION (core distribution) from Maven Central"
  use_jdk25
  mkdir -p "$ES_DIST_DIR"
  mvnw -q -f "$ROOT_DIR/pom.xml" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack \
    -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
    -DoutputDirectory="$ES_DIST_DIR" -DmarkersDirectory="$ES_DIST_DIR/.markers" -Dmdep.overWriteIfNewer=true \
    || die "Could not fetch Elasticsearch $ES_VERSION with Maven"
  [ -x "$ES_HOME/bin/elasticsearch" ] || die "Elasticsearch unpacked but $ES_HOME/bin/elasticsearch is missing"
}

es_up() {
  if es_healthy; then log "Elasticsearch already answers on 127.0.0.1:$ES_PORT"; return 0; fi
  if port_open "$ES_PORT"; then die "Port $ES_PORT is taken by something that is not a healthy Elasticsearch"; fi
  es_fetch
  local es_jdk; es_jdk="$(find_jdk 21)" || die "Elasticsearch needs a JDK >= 21"
  local home="$ES_HOME" state
  local -a run=()
  mkdir -p "$RUN_DIR"
  if [ "$(id -u)" = 0 ]; then
    # Elasticsearch refuses to run as root: run it as a dedicated system user.
    id "$ES_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_USER"
    rm -f "$ES_STATE_FILE"
    state="$(es_state_dir)"
    if [ "$state" != "$LOCAL_DIR/elasticsearch" ]; then
      # The checkout sits where that user cannot go (a 0700 folder): a copy of the distribution and the node's
      # data, logs and pid file in a system folder of this checkout's own.
      log "Elasticsearch's user cannot reach this checkout: its files go to $state"
      mkdir -p "$state"
      [ -x "$state/elasticsearch-$ES_VERSION/bin/elasticsearch" ] || cp -a "$home" "$state/"
      home="$state/elasticsearch-$ES_VERSION"
    fi
    mkdir -p "$state/data" "$state/logs" "$state/run"
    chown -R "$ES_USER" "$home" "$state/data" "$state/logs" "$state/run"
    [ "$state" = "$LOCAL_DIR/elasticsearch" ] && chown "$ES_USER" "$state"
    run=(runuser -u "$ES_USER" --)
  else
    state="$(es_state_dir)"
    mkdir -p "$state/data" "$state/logs" "$state/run"
  fi
  echo "$state" > "$ES_STATE_FILE"
  local pid_file="$state/run/elasticsearch.pid"
  log "Starting Elasticsearch $ES_VERSION on 127.0.0.1:$ES_PORT (heap $ES_HEAP)"
  rm -f "$pid_file" "$RUN_DIR/elasticsearch.pid"
  "${run[@]}" env ES_JAVA_HOME="$es_jdk" ES_JAVA_OPTS="-Xms$ES_HEAP -Xmx$ES_HEAP" \
    "$home/bin/elasticsearch" -d -p "$pid_file" \
      -E discovery.type=single-node -E xpack.security.enabled=false \
      -E network.host=127.0.0.1 -E http.port="$ES_PORT" \
      -E path.data="$state/data" -E path.logs="$state/logs" \
      -E cluster.routing.allocation.disk.threshold_enabled=false \
      -E action.destructive_requires_name=false \
      >"$LOCAL_DIR/elasticsearch-start.log" 2>&1 || { cat "$LOCAL_DIR/elasticsearch-start.log" >&2; die "Elasticsearch did not start"; }
  local i
  for i in $(seq 1 120); do
    if es_healthy; then log "Elasticsearch healthy after ${i}s"; return 0; fi
    sleep 1
  done
  tail -50 "$state/logs"/*.log >&2 2>/dev/null || true
  die "Elasticsearch did not become healthy in 120 s"
}

es_down() {
  local pid_file; pid_file="$(es_pid_file)"
  if pid_alive "$pid_file"; then
    log "Stopping Elasticsearch (pid $(cat "$pid_file"))"; kill "$(cat "$pid_file")"
    local i; for i in $(seq 1 30); do pid_alive "$pid_file" || break; sleep 1; done
    pid_alive "$pid_file" && die "Elasticsearch (pid $(cat "$pid_file")) did not stop within 30 s"
  elif es_healthy; then
    log "Elasticsearch on 127.0.0.1:$ES_PORT was not started by this checkout: left running"
  fi
  rm -f "$pid_file"
}

# A crash, not a shutdown: only the Elasticsearch this checkout started (its pid file), only if it is an
# Elasticsearch and, when ss can tell, the one listening on ES_PORT, so a shared one is never hit by mistake.
es_kill() {
  local pid_file; pid_file="$(es_pid_file)"
  pid_alive "$pid_file" || die "Refusing: no Elasticsearch started by this script is running (no live pid in $pid_file); the one on port $ES_PORT, if any, belongs to someone else"
  local pid; pid="$(cat "$pid_file")"
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'org.elasticsearch' \
    || die "Refusing: pid $pid in $pid_file is not an Elasticsearch process"
  if command -v ss >/dev/null; then
    ss -ltnpH "sport = :$ES_PORT" 2>/dev/null | grep -q "pid=$pid," \
      || die "Refusing: pid $pid from $pid_file does not listen on port $ES_PORT (set HTX_ES_PORT to the port this checkout's Elasticsearch uses)"
  fi
  log "Killing Elasticsearch (SIGKILL, pid $pid, port $ES_PORT)"
  kill -KILL "$pid"
  local i; for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && die "pid $pid still alive after SIGKILL"
  rm -f "$pid_file"
}

# ---------- MySQL-compatible server ----------
mysql_admin() {
  # Root access: the unix socket of a server we started, else TCP root without password.
  if pid_alive "$DB_PID"; then mysql -uroot --socket="$DB_SOCKET" "$@"; else mysql -h127.0.0.1 -P"$DB_PORT" -uroot "$@"; fi
}

db_prepare() {
  log "Ensuring databases $DB_NAME, ${DB_NAME}_test and user $DB_USER"
  mysql_admin <<SQL
CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS \`${DB_NAME}_test\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
CREATE USER IF NOT EXISTS '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
CREATE USER IF NOT EXISTS '$DB_USER'@'%' IDENTIFIED BY '$DB_PASSWORD';
-- The pattern also covers per-worker test databases (htxconnect_test_*), so parallel test runs stay apart.
GRANT ALL PRIVILEGES ON \`$DB_NAME%\`.* TO '$DB_USER'@'localhost', '$DB_USER'@'127.0.0.1', '$DB_USER'@'%';
FLUSH PRIVILEGES;
SQL
}

db_up() {
  if port_open "$DB_PORT"; then
    log "A MySQL-compatible server already listens on 127.0.0.1:$DB_PORT: using it"
    if mysql -h127.0.0.1 -P"$DB_PORT" -u"$DB_USER" -p"$DB_PASSWORD" -e "USE \`$DB_NAME\`; USE \`${DB_NAME}_test\`" >/dev/null 2>&1; then return 0; fi
    command -v mysql >/dev/null || die "The mysql client is missing; install mariadb-client"
    db_prepare || die "Could not create database/user on 127.0.0.1:$DB_PORT as root; create them by hand"
    return 0
  fi
  if ! command -v mariadbd >/dev/null && [ ! -x /usr/sbin/mariadbd ]; then
    [ "$(id -u)" = 0 ] || die "No MySQL-compatible server on 127.0.0.1:$DB_PORT and not root to install mariadb-server"
    log "Installing mariadb-server from Debian"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null || log "apt-get update failed; trying the install anyway"
    apt-get install -y -qq mariadb-server >/dev/null || die "apt-get install mariadb-server failed"
  fi
  [ "$(id -u)" = 0 ] || die "Starting MariaDB needs root (or start a MySQL server on 127.0.0.1:$DB_PORT yourself)"
  install -d -m 0755 "$RUN_DIR" "$RUN_DIR/db"
  install -d -o mysql -g mysql /run/mysqld
  if [ ! -d "$DB_DATADIR/mysql" ]; then
    log "Initialising the MariaDB data folder $DB_DATADIR"
    install -d -o mysql -g mysql "$DB_DATADIR"
    mariadb-install-db --user=mysql --datadir="$DB_DATADIR" >/dev/null
  fi
  log "Starting MariaDB on 127.0.0.1:$DB_PORT"
  start-stop-daemon --start --oknodo --background --make-pidfile --pidfile "$DB_PID" \
    --exec /usr/sbin/mariadbd -- --user=mysql --datadir="$DB_DATADIR" --socket="$DB_SOCKET" "${DB_OWN_FILES[@]}" \
      --bind-address=127.0.0.1 --port="$DB_PORT" \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --max-connections=600 \
      --innodb-buffer-pool-size="${HTX_DB_BUFFER_POOL:-1G}"
  local i
  for i in $(seq 1 60); do
    if mysqladmin -uroot --socket="$DB_SOCKET" ping >/dev/null 2>&1 && port_open "$DB_PORT"; then break; fi
    sleep 1
  done
  port_open "$DB_PORT" || die "MariaDB did not open 127.0.0.1:$DB_PORT within 60 s"
  db_prepare
}

db_down() {
  if pid_alive "$DB_PID"; then
    local pid; pid="$(cat "$DB_PID")"
    grep -qx 'mariadbd' "/proc/$pid/comm" 2>/dev/null || die "Refusing: pid $pid in $DB_PID is not a MariaDB server"
    # Our own signal and wait rather than start-stop-daemon --stop, which refuses any pid file it finds insecure.
    log "Stopping MariaDB (pid $pid)"
    kill -TERM "$pid"
    local i; for i in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && die "MariaDB (pid $pid) did not stop within 60 s"
  elif port_open "$DB_PORT"; then
    log "The MySQL-compatible server on 127.0.0.1:$DB_PORT was not started by this checkout: left running"
  fi
  rm -f "$DB_PID"
}

status() {
  if es_healthy; then
    local pid_file; pid_file="$(es_pid_file)"
    echo "elasticsearch: up on http://127.0.0.1:$ES_PORT $(pid_alive "$pid_file" && echo "(started by this script, pid $(cat "$pid_file"))" || echo "(not started by this script)")"
  else echo "elasticsearch: down"; fi
  if port_open "$DB_PORT"; then
    echo "mysql: up on 127.0.0.1:$DB_PORT $(pid_alive "$DB_PID" && echo "(MariaDB started by this script, pid $(cat "$DB_PID"))" || echo "(not started by this script)")"
  else echo "mysql: down"; fi
}

case "${1:-}" in
  up) db_up; es_up; status ;;
  down) es_down; db_down; status ;;
  status) status ;;
  es-up) es_up ;;
  es-kill) es_kill ;;
  *) echo "usage: $0 up|down|status|es-up|es-kill" >&2; exit 2 ;;
esac
