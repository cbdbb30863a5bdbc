#!/usr/bin/env bash
# Full product reindex on a running app: starts it through the admin GraphQL API (reindexProducts),
# then prints its progress every second until it ends. Exits 0 when it succeeded. Signs in as the
# admin (HTX_ADMIN_EMAIL/HTX_ADMIN_PASSWORD, or the local run's generated pair).
# Usage: scripts/reindex.sh [GRAPHQL_URL]     default http://localhost:${HTX_PORT:-8080}/graphql
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

URL="${1:-http://localhost:${HTX_PORT:-8080}/graphql}"
need_jq

TOKEN="$(admin_token "$URL")"
gql() { # $1 = JSON request body; prints the response
  curl -fsS -m 30 -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" -d "$1" "$URL" \
    || die "No answer from $URL (is the app running?)"
}

started="$(gql '{"query":"mutation { reindexProducts(input: {clientMutationId: \"reindex.sh\"}) { job { id index } errors { code message } } }"}')"
job="$(jq -r '.data.reindexProducts.job.id // empty' <<<"$started")"
code="$(jq -r '.data.reindexProducts.errors[0].code // empty' <<<"$started")"
if [ -z "$job" ] || { [ -n "$code" ] && [ "$code" != CONFLICT ]; }; then
  jq -r '(.data.reindexProducts.errors // [])[] | "\(.code): \(.message)", (.errors // [])[].message' <<<"$started" >&2
  die "Reindex not started"
fi
if [ "$code" = CONFLICT ]; then
  # Another reindex runs already (an admin's, or the app rebuilding a missing index itself): follow that one.
  log "A reindex is already running: following job $job"
else
  log "Reindex started: job $job"
fi

query="$(jq -nc --arg id "$job" '{query: "query($id: ID!) { searchJob(id: $id) { status index total processed caughtUp docsPerSecond startedAt loadedAt finishedAt error } }", variables: {id: $id}}')"
while true; do
  j="$(gql "$query" | jq -c '.data.searchJob')"
  status="$(jq -r .status <<<"$j")"
  jq -r '"\(.status)  \(.index // "-")  \(.processed)/\(.total) products (\(if .total > 0 then (.processed * 100 / .total | floor) else 0 end)%)  \(.docsPerSecond // 0) docs/s  caught up \(.caughtUp)"' <<<"$j"
  case "$status" in
    RUNNING) sleep 1 ;;
    SUCCEEDED) log "Done: alias now points at $(jq -r .index <<<"$j") (started $(jq -r .startedAt <<<"$j"), finished $(jq -r .finishedAt <<<"$j"))"; exit 0 ;;
    *) die "Reindex $status: $(jq -r '.error // "unknown error"' <<<"$j")" ;;
  esac
done
