# Helpers of the backup, restore and drill scripts: sourced, not run. The MySQL connection comes from the
# same variables as the app (HTX_DB_HOST/PORT/USER/PASSWORD); the password goes through an option file
# readable only by us, never the command line.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

DB_HOST="${HTX_DB_HOST:-127.0.0.1}"
DB_PORT="${HTX_DB_PORT:-3306}"
DB_USER="${HTX_DB_USER:-htx}"
DB_PASSWORD="${HTX_DB_PASSWORD:-htx}"

# Cleanup steps run at exit, the last added first (so the connection file, added first, goes last).
# Scripts add theirs with trap_add instead of replacing the EXIT trap.
_CLEANUP=()
_run_cleanup() {
  local i
  for ((i = ${#_CLEANUP[@]} - 1; i >= 0; i--)); do eval "${_CLEANUP[$i]}" || true; done
}
trap _run_cleanup EXIT
trap_add() { _CLEANUP+=("$1"); }

# A [client] option file with the connection, made once when this file is sourced (not in a subshell,
# whose exit would remove it) and removed when the script exits.
_DB_OPTIONS="$(mktemp)"
chmod 600 "$_DB_OPTIONS"
printf '[client]\nhost=%s\nport=%s\nuser=%s\npassword="%s"\n' "$DB_HOST" "$DB_PORT" "$DB_USER" \
  "$(printf '%s' "$DB_PASSWORD" | sed 's/\\/\\\\/g; s/"/\\"/g')" > "$_DB_OPTIONS"
trap_add "rm -f '$_DB_OPTIONS'"
client_options() { printf '%s' "$_DB_OPTIONS"; }

sql_client() { command -v mysql || command -v mariadb || die "The mysql client is missing (apt-get install mariadb-client)"; }
dump_client() { command -v mysqldump || command -v mariadb-dump || die "mysqldump is missing (apt-get install mariadb-client)"; }

# sql DB 'statement'  runs it and prints tab-separated rows without headers.
sql() { "$(sql_client)" --defaults-extra-file="$(client_options)" --batch --skip-column-names --default-character-set=utf8mb4 "$@"; }

sql_quote() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/''/g")"; }
db_exists() { [ "$(sql -e "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = $(sql_quote "$1")")" = 1 ]; }
table_count() { sql -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = $(sql_quote "$1") AND table_type = 'BASE TABLE'"; }

# Exact row counts, one "table<TAB>rows" line per table (information_schema's are estimates for InnoDB).
row_counts() {
  local db="$1" union
  # One statement (a UNION of exact counts): one client start, not one per table.
  union="$(sql -e "SET SESSION group_concat_max_len = 1048576; SELECT GROUP_CONCAT(CONCAT('SELECT ''', table_name, ''', COUNT(*) FROM \`', table_name, '\`') ORDER BY table_name SEPARATOR ' UNION ALL ') FROM information_schema.tables WHERE table_schema = $(sql_quote "$db") AND table_type = 'BASE TABLE'")"
  [ -z "$union" ] || [ "$union" = NULL ] || sql "$db" -e "$union"
}
row_total() { row_counts "$1" | awk -F'\t' '{ s += $2 } END { print s + 0 }'; }

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
human_size() { numfmt --to=iec --suffix=B "$(stat -c %s "$1")"; }
