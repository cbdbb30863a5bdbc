#!/usr/bin/env bash
# The README's Run command: starts the local services, builds the app and runs it in the foreground
# with a small demo data set (loaded only into a database without organizations). Ctrl-C stops it.
# Extra arguments go to the application, e.g. scripts/run.sh --server.port=8081
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$ROOT_DIR"
use_jdk25
"$ROOT_DIR/scripts/services.sh" up
admin_credentials
jwt_secret
log "Building the application"
mvnw -q -DskipTests package
jar="$(ls -1 target/htx-connect-*.jar | grep -v '\.original$' | head -1)"
[ -f "$jar" ] || die "No application jar in target/"

port="${HTX_PORT:-8080}"
for arg in "$@"; do
  case "$arg" in --server.port=*) port="${arg#--server.port=}" ;; esac
done
# Says where to go once the app answers; dies with the app.
(
  for _ in $(seq 1 180); do
    if curl -s -m 2 -o /dev/null "http://localhost:$port/actuator/health"; then
      echo "GraphQL: http://localhost:$port/graphql  GraphiQL: http://localhost:$port/graphiql"
      echo "Admin: $HTX_ADMIN_EMAIL (password in .local/admin-credentials or HTX_ADMIN_PASSWORD); sign in with the login mutation"
      exit 0
    fi
    sleep 1
  done
  log "The application did not answer on port $port within 180 s"
) &
exec java -Xmx"${HTX_APP_HEAP:-768m}" -jar "$jar" --htx.demo.load=small "$@"
