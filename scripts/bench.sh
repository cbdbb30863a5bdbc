#!/usr/bin/env bash
# The benchmark (not a test): loads N demo products (default 100,000) into its own database and index
# prefix, starts the app on its own port, and reports side by side
#   1. p50/p95/p99 and throughput of a fixed query mix through GraphQL vs the same request sent straight
#      to Elasticsearch (sequential and concurrent clients),
#   2. full reindex docs/s vs a raw _bulk load of the same documents,
#   3. write-to-searchable delay of products created through GraphQL,
#   4. the load step: 32 clients, each its own signed-in user, for 60 s with a mix close to real use (70 % searches,
#      10 % product pages, 10 % matches, 10 % writes): p50/p95/p99 and errors by code per operation, throughput, the
#      app's peak heap; with HTX_BENCH_OUTAGE=1 the same again with Elasticsearch killed 20 s in for 20 s,
#   and the dashboard's data (its activity history comes from scripts/bench-activity.sql, added once).
# The data set is kept between runs (same N and seed: loaded once). Everything it starts, it stops.
# Usage: scripts/bench.sh [N]        env: HTX_BENCH_SEED (42), HTX_BENCH_PORT (18080),
#   HTX_BENCH_DB (htxconnect_bench) and HTX_BENCH_PREFIX (bench-): a second data set beside the first,
#   HTX_BENCH_WARMUP (seconds of search warm-up before measuring, 60, then on until the app's JIT compiler is quiet;
#   0 for a cold app),
#   HTX_BENCH_JFR=1 (record a JDK Flight Recorder profile of the app while it is measured: target/bench/app.jfr),
#   HTX_BENCH_ONLY (a comma list of steps: search,match,dashboard,reindex,write,load; all by default),
#   HTX_ES_URIS or HTX_ES_PORT: the Elasticsearch the app and the runner use (and services.sh starts), 9200 by default,
#   HTX_BENCH_LOAD_CLIENTS (32), HTX_BENCH_LOAD_SECONDS (60): the load step's clients and duration,
#   HTX_BENCH_LOAD_WARMUP (30): seconds the clients load the app unmeasured before the first run (0 for a cold app),
#   HTX_BENCH_OUTAGE=1: also the outage run; the runner kills Elasticsearch with `scripts/services.sh es-kill` at
#     HTX_BENCH_OUTAGE_AT (20) s and starts it with `es-up` HTX_BENCH_OUTAGE_FOR (20) s later. es-kill only kills an
#     Elasticsearch this checkout started (its .local/run pid file): point it at a private one, never a shared one, e.g.
#     HTX_ES_PORT=9201 scripts/services.sh es-up, then HTX_ES_PORT=9201 HTX_BENCH_OUTAGE=1 HTX_BENCH_ONLY=load scripts/bench.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$ROOT_DIR"
use_jdk25

N="${1:-100000}"
SEED="${HTX_BENCH_SEED:-42}"
PORT="${HTX_BENCH_PORT:-18080}"
DB="${HTX_BENCH_DB:-htxconnect_bench}"
PREFIX="${HTX_BENCH_PREFIX:-bench-}"
ES="${HTX_ES_URIS:-http://127.0.0.1:${HTX_ES_PORT:-9200}}"
DB_URL="jdbc:mysql://${HTX_DB_HOST:-127.0.0.1}:${HTX_DB_PORT:-3306}/$DB?useUnicode=true&characterEncoding=UTF-8&connectionTimeZone=UTC&rewriteBatchedStatements=true&allowPublicKeyRetrieval=true&useSSL=false&createDatabaseIfNotExist=true"
LOGS="$ROOT_DIR/target/bench"
mkdir -p "$LOGS"

"$ROOT_DIR/scripts/services.sh" up
admin_credentials
log "Building the application and the benchmark runner"
mvnw -q -DskipTests package
mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$LOGS/classpath.txt" >/dev/null
# The app runs from a copy: a build in the checkout while the benchmark runs (tests package the jar) would
# replace the jar under the running app, whose next class load then fails.
cp "$(ls -1 target/htx-connect-*.jar | grep -v '\.original$' | head -1)" "$LOGS/app.jar"
jar="$LOGS/app.jar"
jwt_secret
app=(java -Xmx"${HTX_APP_HEAP:-768m}" -jar "$jar" --spring.datasource.url="$DB_URL" --spring.elasticsearch.uris="$ES" --htx.search.index-prefix="$PREFIX" --server.port="$PORT"
     --htx.demo.seed="$SEED" --logging.level.vn.htxconnect=INFO
     # The search step is one caller sending thousands of searches a minute (its warm-up runs until the JIT compiler
     # is quiet): a partner's budget would refuse most of them. The budget is still taken and refunded per request.
     --htx.limits.budget=1000000000 --htx.limits.refill-per-second=10000000)

db() { mysql -h"${HTX_DB_HOST:-127.0.0.1}" -P"${HTX_DB_PORT:-3306}" -u"${HTX_DB_USER:-htx}" -p"${HTX_DB_PASSWORD:-htx}" -N -e "$1" 2>/dev/null; }
have="$(db "SELECT COUNT(*) FROM $DB.product" || echo 0)"
# The write-to-searchable step adds a few products per run: a data set of N or a little more is reused.
if [ "${have:-0}" -lt "$N" ] || [ "${have:-0}" -gt $(( N + 10000 )) ]; then
  log "Fresh benchmark data set: $N products (the database held ${have:-0})"
  db "DROP DATABASE IF EXISTS $DB" || true
  curl -fsS -X DELETE "$ES/${PREFIX}*" >/dev/null 2>&1 || true
  log "Loading $N products through the services (seed $SEED); log: $LOGS/load.log"
  start=$(date +%s)
  "${app[@]}" --htx.demo.load=bench --htx.demo.products="$N" >"$LOGS/load.log" 2>&1 || { tail -30 "$LOGS/load.log" >&2; die "Demo load failed"; }
  grep -E "Demo data: .*loaded in|search index caught up" "$LOGS/load.log" | sed 's/.*Demo data: /[htx] load: /' >&2
  log "Load, indexing included, took $(( $(date +%s) - start )) s"
else
  log "Reusing the $N products already in $DB"
fi

# The dashboard reads activity (sign-ins, answered inquiries): the data set gets a history of it once.
if [ "$(db "SELECT COUNT(*) FROM $DB.user_sign_in" || echo 0)" -lt 1000 ]; then
  log "Adding members, sign-ins and inquiries to the data set (scripts/bench-activity.sql)"
  mysql -h"${HTX_DB_HOST:-127.0.0.1}" -P"${HTX_DB_PORT:-3306}" -u"${HTX_DB_USER:-htx}" -p"${HTX_DB_PASSWORD:-htx}" "$DB" \
    < "$ROOT_DIR/scripts/bench-activity.sql" 2>/dev/null || die "Could not add the activity history"
fi
log "Activity in the data set: $(db "SELECT CONCAT((SELECT COUNT(*) FROM $DB.membership), ' members, ', (SELECT COUNT(*) FROM $DB.user_sign_in), ' sign-ins, ', (SELECT COUNT(*) FROM $DB.conversation_message), ' messages')")"

run=("${app[@]}")
if [ "${HTX_BENCH_JFR:-0}" = "1" ]; then
  # Profile only the measured search steps, after the warm-up (the runner starts and stops the recording with jcmd):
  # method samples every 10-20 ms, allocations, locks, I/O, 256-frame stacks.
  run=(java -XX:FlightRecorderOptions=stackdepth=256 "${app[@]:1}")
  rm -f "$LOGS/app.jfr"
  log "Recording a flight-recorder profile of the measured search into $LOGS/app.jfr (summary: scripts/jfr-summary.sh $LOGS/app.jfr)"
fi
log "Starting the app on port $PORT; log: $LOGS/app.log"
"${run[@]}" >"$LOGS/app.log" 2>&1 &
APP_PID=$!
trap 'kill "$APP_PID" 2>/dev/null; wait "$APP_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  curl -s -m 2 -o /dev/null "http://localhost:$PORT/actuator/health" && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$LOGS/app.log" >&2; die "The app stopped"; }
  sleep 1
done

outage=()
if [ "${HTX_BENCH_OUTAGE:-0}" = "1" ]; then
  # The runner crashes and restarts Elasticsearch itself; es-kill refuses an Elasticsearch this checkout did not start.
  outage=(--es-kill "HTX_ES_PORT=${HTX_ES_PORT:-9200} $ROOT_DIR/scripts/services.sh es-kill"
          --es-up "HTX_ES_PORT=${HTX_ES_PORT:-9200} $ROOT_DIR/scripts/services.sh es-up")
  log "Outage run: Elasticsearch on port ${HTX_ES_PORT:-9200} will be killed and restarted during the load step"
fi
java -cp "target/test-classes:target/classes:$(cat "$LOGS/classpath.txt")" vn.htxconnect.bench.BenchRunner \
  --token "$(admin_token "http://localhost:$PORT/graphql")" --graphql "http://localhost:$PORT/graphql" --es "$ES" --prefix "$PREFIX" --warmup "${HTX_BENCH_WARMUP:-60}" \
  ${HTX_BENCH_JFR:+--jfr-pid "$APP_PID" --jfr-file "$LOGS/app.jfr"} ${HTX_BENCH_ONLY:+--only "$HTX_BENCH_ONLY"} \
  --load-clients "${HTX_BENCH_LOAD_CLIENTS:-32}" --load-seconds "${HTX_BENCH_LOAD_SECONDS:-60}" --load-warmup "${HTX_BENCH_LOAD_WARMUP:-30}" \
  --outage-at "${HTX_BENCH_OUTAGE_AT:-20}" --outage-for "${HTX_BENCH_OUTAGE_FOR:-20}" "${outage[@]}" \
  | tee "$LOGS/report.txt"
log "Report saved in $LOGS/report.txt (N=$N, seed $SEED)"
