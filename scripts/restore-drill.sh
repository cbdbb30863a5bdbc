#!/usr/bin/env bash
# Restore drill: proves that a backup brings the service back. On the running local services, without
# touching any other database or index:
#   1. source data: by default a scratch database (htxconnect_drill_src) that the app fills with the small
#      demo catalogue (--htx.demo.load=small), so the drill works on a fresh machine; --source=DB drills an
#      existing database instead (then HTX_ADMIN_EMAIL/HTX_ADMIN_PASSWORD must be that database's admin);
#   2. scripts/backup.sh of it;
#   3. scripts/restore.sh into a scratch database (htxconnect_drill);
#   4. the app jar on a free port against it, with its own index prefix (drill-) and a generated JWT key;
#   5. scripts/reindex.sh: the index rebuilt from MySQL;
#   6. the checkProductIndex admin mutation: fails unless nothing is missing, stale or orphaned, and every
#      table holds as many rows as in the source.
# Then it stops its app and drops its databases and indices. Prints rows, sizes and each step's time.
# Needs the app jar (built here when target/ has none: ./mvnw -q -DskipTests package) and jq.
# Usage: scripts/restore-drill.sh [--source=DB] [--keep]   (--keep: leave the scratch DB and indices for a look)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/db-tools.sh"
cd "$ROOT_DIR"
use_jdk25
need_jq

ES="${HTX_ES_URIS:-http://127.0.0.1:9200}"; ES="${ES%%,*}"
DRILL_DB="${HTX_DRILL_DB:-htxconnect_drill}"
SOURCE_DB="" keep=0
for arg in "$@"; do
  case "$arg" in
    --source=*) SOURCE_DB="${arg#--source=}" ;;
    --keep) keep=1 ;;
    *) die "Usage: scripts/restore-drill.sh [--source=DB] [--keep]" ;;
  esac
done
# The drill only ever drops databases and indices it named itself.
[[ "$DRILL_DB" =~ ^htxconnect_drill[A-Za-z0-9_]*$ ]] || die "HTX_DRILL_DB must start with htxconnect_drill"
[ "$SOURCE_DB" != "$DRILL_DB" ] || die "The source cannot be the drill's own database"
DRILL_PREFIX="drill-" SOURCE_PREFIX="drillsrc-"
work="$(mktemp -d)"
trap_add "rm -rf '$work'"

step_started=0
step() { step_started=$(now); log "== $*"; }
done_step() { log "   done in $(elapsed "$step_started") s${1:+: $1}"; FIGURES+=("$(printf '%-34s %7s s  %s' "$CURRENT" "$(elapsed "$step_started")" "${1:-}")"); }
FIGURES=()

free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }
  done
  die "No free port found"
}

APP_PID=""
start_app() { # $1 = database, $2 = index prefix, $3 = log file, then extra arguments; sets APP_PORT, APP_PID
  local db="$1" prefix="$2" logf="$3"; shift 3
  APP_PORT="$(free_port)"
  HTX_DB_NAME="$db" HTX_INDEX_PREFIX="$prefix" HTX_PORT="$APP_PORT" HTX_JWT_SECRET="$JWT_SECRET" \
    HTX_ADMIN_EMAIL="$HTX_ADMIN_EMAIL" HTX_ADMIN_PASSWORD="$HTX_ADMIN_PASSWORD" \
    java -Xmx"${HTX_APP_HEAP:-512m}" -jar "$JAR" "$@" >"$logf" 2>&1 &
  APP_PID=$!
  local i
  for i in $(seq 1 600); do
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 30 "$logf" >&2; die "The app against $db stopped while starting (log above)"; }
    # Readiness comes after the start-up runners (the demo loader among them).
    curl -fsS -m 2 -o /dev/null "http://localhost:$APP_PORT/actuator/health/readiness" 2>/dev/null && return 0
    sleep 1
  done
  die "The app against $db was not ready within 10 min (log: $logf)"
}
stop_app() {
  [ -n "$APP_PID" ] || return 0
  kill "$APP_PID" 2>/dev/null || true
  local i; for i in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}
delete_indices() { # $1 = prefix; deletes each index under it by name (wildcard deletes are refused by default)
  local idx
  for idx in $(curl -fsS -m 10 "$ES/_cat/indices/$1*?h=index" 2>/dev/null); do
    [[ "$idx" == "$1"* ]] && curl -fsS -m 30 -X DELETE "$ES/$idx" -o /dev/null || true
  done
}
cleanup() {
  stop_app
  if [ "$keep" = 1 ]; then log "Kept $DRILL_DB and the $DRILL_PREFIX indices (--keep)"; else
    sql -e "DROP DATABASE IF EXISTS \`$DRILL_DB\`" || true
    delete_indices "$DRILL_PREFIX"
  fi
  if [ -n "$OWN_SOURCE" ]; then
    sql -e "DROP DATABASE IF EXISTS \`$OWN_SOURCE\`" || true
    delete_indices "$SOURCE_PREFIX"
  fi
}
OWN_SOURCE=""
trap_add cleanup

JAR="$(ls -1 target/htx-connect-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)"
if [ -z "$JAR" ]; then log "Building the app jar"; mvnw -q -DskipTests package; JAR="$(ls -1 target/htx-connect-*.jar | grep -v '\.original$' | head -1)"; fi
JWT_SECRET="$(head -c 48 /dev/urandom | base64 -w0)"
drill_started=$(now)

# Stale leftovers of an interrupted drill would make the figures lie.
sql -e "DROP DATABASE IF EXISTS \`$DRILL_DB\`"
delete_indices "$DRILL_PREFIX"

CURRENT="1. source data"
if [ -z "$SOURCE_DB" ]; then
  SOURCE_DB="${DRILL_DB}_src"; OWN_SOURCE="$SOURCE_DB"
  export HTX_ADMIN_EMAIL="drill-admin@htxconnect.local"
  HTX_ADMIN_PASSWORD="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)"; export HTX_ADMIN_PASSWORD
  step "$CURRENT: the small demo catalogue into $SOURCE_DB (app on a free port, prefix $SOURCE_PREFIX)"
  sql -e "DROP DATABASE IF EXISTS \`$SOURCE_DB\`; CREATE DATABASE \`$SOURCE_DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  delete_indices "$SOURCE_PREFIX"
  start_app "$SOURCE_DB" "$SOURCE_PREFIX" "$work/source-app.log" --htx.demo.load=small
  stop_app
  done_step "$(sql "$SOURCE_DB" -e 'SELECT COUNT(*) FROM product') products, $(row_total "$SOURCE_DB") rows in $(table_count "$SOURCE_DB") tables"
else
  db_exists "$SOURCE_DB" || die "No database $SOURCE_DB"
  admin_credentials
  step "$CURRENT: existing database $SOURCE_DB"
  done_step "$(sql "$SOURCE_DB" -e 'SELECT COUNT(*) FROM product') products, $(row_total "$SOURCE_DB") rows in $(table_count "$SOURCE_DB") tables"
fi
row_counts "$SOURCE_DB" > "$work/source-rows.tsv"

CURRENT="2. backup"
step "$CURRENT of $SOURCE_DB"
backup="$(HTX_DB_NAME="$SOURCE_DB" "$ROOT_DIR/scripts/backup.sh" "$work/backup.sql.gz")"
done_step "$(human_size "$backup") gzipped ($(gunzip -c "$backup" | wc -c | numfmt --to=iec --suffix=B) of SQL)"

CURRENT="3. restore"
step "$CURRENT into $DRILL_DB"
HTX_DB_NAME="$DRILL_DB" "$ROOT_DIR/scripts/restore.sh" "$backup" --yes
row_counts "$DRILL_DB" > "$work/restored-rows.tsv"
if ! diff "$work/source-rows.tsv" "$work/restored-rows.tsv" > "$work/rows.diff"; then
  # With --source on a database the app is writing to, rows added after the dump differ: said, not fatal.
  if [ -n "$OWN_SOURCE" ]; then cat "$work/rows.diff" >&2; die "Row counts differ between $SOURCE_DB and the restore (above)"; fi
  log "   row counts differ from the source now (written to since the dump):"; cat "$work/rows.diff" >&2
fi
done_step "$(row_total "$DRILL_DB") rows in $(table_count "$DRILL_DB") tables, every table's count as in the source"

CURRENT="4. app start on the restore"
step "$CURRENT (prefix $DRILL_PREFIX)"
start_app "$DRILL_DB" "$DRILL_PREFIX" "$work/drill-app.log"
URL="http://localhost:$APP_PORT/graphql"
done_step "port $APP_PORT"

TOKEN="$(admin_token "$URL")"
check() {
  curl -fsS -m 120 -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" \
    -d '{"query":"mutation { checkProductIndex(input: {clientMutationId: \"restore-drill\"}) { report { index checked indexed missing { count } stale { count } orphaned { count } } errors { message } } }"}' "$URL"
}
before="$(check | jq -c '.data.checkProductIndex.report')"
log "   index before the reindex: $before"

CURRENT="5. reindex"
step "$CURRENT (scripts/reindex.sh)"
"$ROOT_DIR/scripts/reindex.sh" "$URL" >"$work/reindex.out"
tail -n 1 "$work/reindex.out" >&2
done_step "$(tail -n 1 "$work/reindex.out" | awk '{print $3, $4, $6, $7}')"

CURRENT="6. consistency check"
step "$CURRENT (checkProductIndex)"
answer="$(check)"
report="$(jq -c '.data.checkProductIndex.report' <<<"$answer")"
[ "$report" != null ] || die "checkProductIndex failed: $answer"
active="$(sql "$DRILL_DB" -e "SELECT COUNT(*) FROM product WHERE status = 'ACTIVE'" 2>/dev/null || echo "?")"
missing="$(jq .missing.count <<<"$report")" stale="$(jq .stale.count <<<"$report")" orphaned="$(jq .orphaned.count <<<"$report")"
checked="$(jq .checked <<<"$report")" indexed="$(jq .indexed <<<"$report")"
done_step "checked $checked, indexed $indexed ($active ACTIVE products in MySQL), missing $missing, stale $stale, orphaned $orphaned"
log "   report: $report"

printf '\nRestore drill (%s -> %s), %s s in all:\n' "$SOURCE_DB" "$DRILL_DB" "$(elapsed "$drill_started")"
printf '  %s\n' "${FIGURES[@]}"
[ "$checked" -gt 0 ] || die "DRILL FAILED: the check read no product"
[ "$missing" = 0 ] && [ "$stale" = 0 ] && [ "$orphaned" = 0 ] || die "DRILL FAILED: the index is not consistent with the restored MySQL"
echo "DRILL PASSED: nothing missing after restore and reindex"
