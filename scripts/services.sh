#!/usr/bin/env bash
# Brings up, idempotently, the services the app and its tests need on this machine, without Docker:
#   Elasticsearch (the core distribution from Maven Central) on 127.0.0.1:9200
#   a MySQL-compatible server on 127.0.0.1:3306 (one already listening, else MariaDB from Debian, started
#   with a 1 GB InnoDB buffer pool, HTX_DB_BUFFER_POOL: the 128 MB default does not hold the indexes of a
#   million products, so every overview scan would read them from disk again)
# Usage: scripts/services.sh up|down|status|es-up|es-kill
#   es-up    starts only Elasticsearch (HTX_ES_PORT, default 9200; data and pid file under this checkout's .local)
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
RUN_DIR="$LOCAL_DIR/run"
ES_DIST_DIR="$LOCAL_DIR/elasticsearch-dist"
ES_HOME="$ES_DIST_DIR/elasticsearch-$ES_VERSION"
ES_PID="$RUN_DIR/elasticsearch.pid"
DB_PID="$RUN_DIR/mariadb.pid"

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
  local home="$ES_HOME" data="$LOCAL_DIR/elasticsearch/data" logs="$LOCAL_DIR/elasticsearch/logs"
  mkdir -p "$RUN_DIR" "$data" "$logs"
  local -a run=()
  if [ "$(id -u)" = 0 ]; then
    # Elasticsearch refuses to run as root: run it as a dedicated system user.
    id "$ES_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_USER"
    if ! runuser -u "$ES_USER" -- test -r "$home/bin/elasticsearch"; then
      # The checkout sits where that user cannot read: use a copy in a system folder.
      local sys="/var/lib/htx-connect"; mkdir -p "$sys"
      [ -x "$sys/elasticsearch-$ES_VERSION/bin/elasticsearch" ] || cp -a "$home" "$sys/"
      home="$sys/elasticsearch-$ES_VERSION"; data="$sys/data"; logs="$sys/logs"; mkdir -p "$data" "$logs"
    fi
    chown -R "$ES_USER" "$home" "$data" "$logs" "$RUN_DIR"
    run=(runuser -u "$ES_USER" --)
  fi
  log "Starting Elasticsearch $ES_VERSION on 127.0.0.1:$ES_PORT (heap $ES_HEAP)"
  rm -f "$ES_PID"
  "${run[@]}" env ES_JAVA_HOME="$es_jdk" ES_JAVA_OPTS="-Xms$ES_HEAP -Xmx$ES_HEAP" \
    "$home/bin/elasticsearch" -d -p "$ES_PID" \
      -E discovery.type=single-node -E xpack.security.enabled=false \
      -E network.host=127.0.0.1 -E http.port="$ES_PORT" \
      -E path.data="$data" -E path.logs="$logs" \
      -E cluster.routing.allocation.disk.threshold_enabled=false \
      -E action.destructive_requires_name=false \
      >"$LOCAL_DIR/elasticsearch-start.log" 2>&1 || { cat "$LOCAL_DIR/elasticsearch-start.log" >&2; die "Elasticsearch did not start"; }
  local i
  for i in $(seq 1 120); do
    if es_healthy; then log "Elasticsearch healthy after ${i}s"; return 0; fi
    sleep 1
  done
  tail -50 "$logs"/*.log >&2 2>/dev/null || true
  die "Elasticsearch did not become healthy in 120 s"
}

es_down() {
  if pid_alive "$ES_PID"; then
    log "Stopping Elasticsearch (pid $(cat "$ES_PID"))"; kill "$(cat "$ES_PID")"
    local i; for i in $(seq 1 30); do pid_alive "$ES_PID" || break; sleep 1; done
  fi
  rm -f "$ES_PID"
}

# A crash, not a shutdown: only the Elasticsearch this checkout started (its pid file), only if it is an
# Elasticsearch and, when ss can tell, the one listening on ES_PORT, so a shared one is never hit by mistake.
es_kill() {
  pid_alive "$ES_PID" || die "Refusing: no Elasticsearch started by this script is running (no live pid in $ES_PID); the one on port $ES_PORT, if any, belongs to someone else"
  local pid; pid="$(cat "$ES_PID")"
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'org.elasticsearch' \
    || die "Refusing: pid $pid in $ES_PID is not an Elasticsearch process"
  if command -v ss >/dev/null; then
    ss -ltnpH "sport = :$ES_PORT" 2>/dev/null | grep -q "pid=$pid," \
      || die "Refusing: pid $pid from $ES_PID does not listen on port $ES_PORT (set HTX_ES_PORT to the port this checkout's Elasticsearch uses)"
  fi
  log "Killing Elasticsearch (SIGKILL, pid $pid, port $ES_PORT)"
  kill -KILL "$pid"
  local i; for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && die "pid $pid still alive after SIGKILL"
  rm -f "$ES_PID"
}

# ---------- MySQL-compatible server ----------
mysql_admin() {
  # Root access: the unix socket of a server we started, else TCP root without password.
  if [ -f "$DB_PID" ] && pid_alive "$DB_PID"; then mysql -uroot "$@"; else mysql -h127.0.0.1 -P"$DB_PORT" -uroot "$@"; fi
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
  mkdir -p "$RUN_DIR"
  install -d -o mysql -g mysql /run/mysqld
  if [ ! -d /var/lib/mysql/mysql ]; then
    log "Initialising the MariaDB data folder"
    mariadb-install-db --user=mysql --datadir=/var/lib/mysql >/dev/null
  fi
  log "Starting MariaDB on 127.0.0.1:$DB_PORT"
  start-stop-daemon --start --oknodo --background --make-pidfile --pidfile "$DB_PID" \
    --exec /usr/sbin/mariadbd -- --user=mysql --bind-address=127.0.0.1 --port="$DB_PORT" \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --max-connections=300 \
      --innodb-buffer-pool-size="${HTX_DB_BUFFER_POOL:-1G}"
  local i
  for i in $(seq 1 60); do
    if mysqladmin -uroot ping >/dev/null 2>&1 && port_open "$DB_PORT"; then break; fi
    sleep 1
  done
  port_open "$DB_PORT" || die "MariaDB did not open 127.0.0.1:$DB_PORT within 60 s"
  db_prepare
}

db_down() {
  if pid_alive "$DB_PID"; then
    log "Stopping MariaDB (pid $(cat "$DB_PID"))"
    start-stop-daemon --stop --pidfile "$DB_PID" --retry 30 >/dev/null || true
  fi
  rm -f "$DB_PID"
}

status() {
  if es_healthy; then
    echo "elasticsearch: up on http://127.0.0.1:$ES_PORT $(pid_alive "$ES_PID" && echo "(started by this script, pid $(cat "$ES_PID"))" || echo "(not started by this script)")"
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
