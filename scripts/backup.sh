#!/usr/bin/env bash
# Backs up the app's MySQL database: a consistent dump (mysqldump --single-transaction, or mariadb-dump),
# gzipped. The Elasticsearch indices are not backed up: they are rebuilt from MySQL (scripts/restore.sh).
# Same variables as the app and scripts/services.sh: HTX_DB_HOST/PORT/NAME/USER/PASSWORD.
# Usage: scripts/backup.sh [FILE]     default .local/backups/<db>-<UTC time>.sql.gz; prints the file's path.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/db-tools.sh"

DB_NAME="${HTX_DB_NAME:-htxconnect}"
file="${1:-$LOCAL_DIR/backups/$DB_NAME-$(date -u +%Y%m%dT%H%M%SZ).sql.gz}"
mkdir -p "$(dirname "$file")"
db_exists "$DB_NAME" || die "Database $DB_NAME does not exist on $DB_HOST:$DB_PORT"

dump="$(dump_client)"
# --single-transaction: one InnoDB snapshot, no table locks, the app may keep running. No --databases: the
# dump has no CREATE DATABASE/USE, so it restores into any database name (a scratch copy, a drill).
# --no-tablespaces: MySQL 8 would otherwise want the PROCESS privilege, which the app's user lacks.
opts=(--single-transaction --routines --triggers --no-tablespaces --hex-blob --default-character-set=utf8mb4)
# MySQL 8's mysqldump asks a MariaDB server for column statistics it does not have.
"$dump" --help 2>/dev/null | grep -q -- '--column-statistics' && opts+=(--column-statistics=0)

started=$(now)
tmp="$file.partial"
trap_add 'rm -f "$tmp"'
# pipefail: a failed dump fails the script (the partial file is removed), never a truncated backup.
"$dump" --defaults-extra-file="$(client_options)" "${opts[@]}" "$DB_NAME" | gzip -6 > "$tmp"
# A complete mysqldump ends with "-- Dump completed"; anything else was cut short.
gunzip -c "$tmp" | tail -n 3 | grep -q -- '-- Dump completed' || die "The dump of $DB_NAME looks incomplete"
mv "$tmp" "$file"
chmod 600 "$file"
took="$(elapsed "$started")"
log "Backed up $DB_NAME ($(table_count "$DB_NAME") tables, about $(row_total "$DB_NAME") rows) to $file: $(human_size "$file") in $took s"
echo "$file"
