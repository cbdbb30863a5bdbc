#!/usr/bin/env bash
# Restores a backup of scripts/backup.sh (.sql.gz or .sql) into HTX_DB_NAME (default htxconnect; created if
# missing), then has the product index rebuilt from MySQL. A database that has tables is replaced whole
# (dropped and created again, so no table of a newer schema survives beside the backup's) only with
# --yes or a typed confirmation. Stop the app that uses the database first: it would write into the
# restore and keep cached state.
# The index: Elasticsearch holds nothing that MySQL does not, so it is not restored but rebuilt. With
# --reindex[=GRAPHQL_URL] this script waits (up to 5 min) for an app started against the restored database
# to answer and runs scripts/reindex.sh on it (default URL http://localhost:${HTX_PORT:-8080}/graphql);
# without it, it says how. The admin who signs in for the reindex is the backup's: HTX_ADMIN_EMAIL and
# HTX_ADMIN_PASSWORD (or .local/admin-credentials) must be that admin's.
# Usage: scripts/restore.sh FILE [--yes] [--reindex[=GRAPHQL_URL]]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/db-tools.sh"

DB_NAME="${HTX_DB_NAME:-htxconnect}"
file="" yes=0 reindex_url=""
for arg in "$@"; do
  case "$arg" in
    --yes|-y) yes=1 ;;
    --reindex) reindex_url="http://localhost:${HTX_PORT:-8080}/graphql" ;;
    --reindex=*) reindex_url="${arg#--reindex=}" ;;
    -*) die "Unknown option $arg (usage: scripts/restore.sh FILE [--yes] [--reindex[=GRAPHQL_URL]])" ;;
    *) [ -z "$file" ] || die "One backup file at a time"; file="$arg" ;;
  esac
done
[ -n "$file" ] || die "Usage: scripts/restore.sh FILE [--yes] [--reindex[=GRAPHQL_URL]]"
[ -f "$file" ] || die "No such backup: $file"
[[ "$DB_NAME" =~ ^[A-Za-z0-9_]+$ ]] || die "Refusing the database name '$DB_NAME' (letters, digits and _ only)"

reader=(cat "$file")
case "$file" in *.gz) gzip -t "$file" || die "$file is not a readable gzip file"; reader=(gunzip -c "$file") ;; esac
"${reader[@]}" | tail -n 3 | grep -q -- '-- Dump completed' || die "$file is not a complete dump (no '-- Dump completed' at its end)"

if db_exists "$DB_NAME" && [ "$(table_count "$DB_NAME")" != 0 ]; then
  summary="$DB_NAME on $DB_HOST:$DB_PORT has $(table_count "$DB_NAME") tables"
  if [ "$yes" != 1 ]; then
    [ -t 0 ] || die "$summary; it would be replaced. Run again with --yes to overwrite it."
    printf '[htx] %s; restoring replaces all of it. Type the database name to go on: ' "$summary" >&2
    read -r answer
    [ "$answer" = "$DB_NAME" ] || die "Not confirmed; nothing changed"
  fi
  log "$summary: replacing it"
fi

started=$(now)
sql -e "DROP DATABASE IF EXISTS \`$DB_NAME\`; CREATE DATABASE \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
# MariaDB 10.11.8+ dumps open with a "sandbox mode" line that MySQL's client and older MariaDB ones reject.
"${reader[@]}" | sed '1{/^\/\*M!999999\\- enable the sandbox mode \*\/ *$/d;}' | sql "$DB_NAME"
took="$(elapsed "$started")"
log "Restored $file ($(human_size "$file")) into $DB_NAME: $(table_count "$DB_NAME") tables, $(row_total "$DB_NAME") rows in $took s"

if [ -z "$reindex_url" ]; then
  log "Next: start the app against $DB_NAME (it applies any newer migrations), then rebuild the product index"
  log "from MySQL: scripts/reindex.sh [GRAPHQL_URL], or run this script with --reindex[=GRAPHQL_URL]."
  exit 0
fi
health="${reindex_url%/graphql}/actuator/health/readiness"
log "Waiting for the app at $reindex_url (started against $DB_NAME) to be ready"
for _ in $(seq 1 300); do
  curl -fsS -m 2 -o /dev/null "$health" 2>/dev/null && break
  sleep 1
done
curl -fsS -m 2 -o /dev/null "$health" || die "No ready app at $health after 5 min; start it, then run scripts/reindex.sh $reindex_url"
started=$(now)
"$ROOT_DIR/scripts/reindex.sh" "$reindex_url"
log "Index rebuilt in $(elapsed "$started") s"
