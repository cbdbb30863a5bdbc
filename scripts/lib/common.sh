# Shared helpers for the project's scripts: sourced, not run.
# Finds a JDK >= 25 (JAVA_HOME when new enough, else one under /usr/lib/jvm) and exports it.

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOCAL_DIR="$ROOT_DIR/.local"

# One Elasticsearch port setting for scripts, the app and the tests: HTX_ES_PORT (as services.sh uses it) becomes
# the URIs the app reads, unless HTX_ES_URIS names them.
if [ -n "${HTX_ES_PORT:-}" ] && [ -z "${HTX_ES_URIS:-}" ]; then export HTX_ES_URIS="http://127.0.0.1:$HTX_ES_PORT"; fi

log() { printf '[htx] %s\n' "$*" >&2; }
die() { printf '[htx] ERROR: %s\n' "$*" >&2; exit 1; }

java_major() { # $1 = JDK home; prints its major version or nothing
  local rel="$1/release"
  [ -x "$1/bin/java" ] || return 0
  if [ -f "$rel" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$rel"
  else
    "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1
  fi
}

find_jdk() { # $1 = minimum major version
  local min="$1" cand v
  if [ -n "${JAVA_HOME:-}" ]; then
    v="$(java_major "$JAVA_HOME")"
    if [ -n "$v" ] && [ "$v" -ge "$min" ]; then echo "$JAVA_HOME"; return 0; fi
  fi
  for cand in /usr/lib/jvm/*; do
    [ -d "$cand" ] || continue
    v="$(java_major "$cand")"
    if [ -n "$v" ] && [ "$v" -ge "$min" ]; then echo "$cand"; return 0; fi
  done
  return 1
}

use_jdk25() {
  local jdk
  jdk="$(find_jdk 25)" || die "No JDK >= 25 found (JAVA_HOME or /usr/lib/jvm). Install one, e.g. Temurin 25."
  export JAVA_HOME="$jdk"
  export PATH="$JAVA_HOME/bin:$PATH"
}

mvnw() { "$ROOT_DIR/mvnw" -B --no-transfer-progress "$@"; }

# Admin credentials for local runs: HTX_ADMIN_EMAIL/HTX_ADMIN_PASSWORD if set, else a generated pair
# kept in .local/admin-credentials (ignored by git) so every local run and script uses the same admin.
admin_credentials() {
  local f="$LOCAL_DIR/admin-credentials"
  if [ -z "${HTX_ADMIN_EMAIL:-}" ] || [ -z "${HTX_ADMIN_PASSWORD:-}" ]; then
    if [ ! -f "$f" ]; then
      mkdir -p "$LOCAL_DIR"
      printf 'HTX_ADMIN_EMAIL=admin@htxconnect.local\nHTX_ADMIN_PASSWORD=%s\n' \
        "$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)" > "$f"
      chmod 600 "$f"
    fi
    # shellcheck disable=SC1090
    source "$f"
  fi
  export HTX_ADMIN_EMAIL HTX_ADMIN_PASSWORD
}

# The key that signs sign-in tokens: HTX_JWT_SECRET if set, else one generated once and kept in .local/jwt-secret
# (ignored by git), so tokens survive a restart of a local run and every local instance shares it. The app itself
# refuses to start without one outside the demo profile.
jwt_secret() {
  local f="$LOCAL_DIR/jwt-secret"
  if [ -z "${HTX_JWT_SECRET:-}" ]; then
    if [ ! -f "$f" ]; then
      mkdir -p "$LOCAL_DIR"
      (umask 077; head -c 48 /dev/urandom | base64 -w0 > "$f")
    fi
    HTX_JWT_SECRET="$(cat "$f")"
  fi
  export HTX_JWT_SECRET
}

# Signs in as the admin on a running app and prints the bearer token. $1 = GraphQL URL.
admin_token() {
  admin_credentials
  need_jq
  local body token
  body="$(jq -nc --arg e "$HTX_ADMIN_EMAIL" --arg p "$HTX_ADMIN_PASSWORD" \
    '{query: "mutation($e: String!, $p: String!) { login(input: {email: $e, password: $p}) { token errors { message } } }", variables: {e: $e, p: $p}}')"
  token="$(curl -fsS -m 30 -H 'Content-Type: application/json' -d "$body" "$1" | jq -r '.data.login.token // empty')"
  [ -n "$token" ] || die "Could not sign in as $HTX_ADMIN_EMAIL at $1 (set HTX_ADMIN_EMAIL and HTX_ADMIN_PASSWORD)"
  printf '%s' "$token"
}

# jq is used by the operational scripts (not by Run or Test); installed from Debian when missing.
need_jq() {
  command -v jq >/dev/null && return 0
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || die "jq is needed (apt-get install jq)"
  log "Installing jq"
  apt-get install -y -qq jq >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq jq >/dev/null; } \
    || die "Could not install jq"
}

# Headless Chromium drives the dashboard test (Debian's package; test tools' own browser downloads do
# not work on these machines). Installed when missing; the test fails, never skips, without it.
need_chromium() {
  command -v chromium >/dev/null && return 0
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || die "chromium is needed for the dashboard test (apt-get install chromium)"
  log "Installing chromium (for the dashboard test)"
  apt-get install -y -qq chromium >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq chromium >/dev/null; } \
    || die "Could not install chromium"
}
