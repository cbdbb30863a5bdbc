# Shared helpers for the project's scripts: sourced, not run.
# Finds a JDK >= 25 (JAVA_HOME when new enough, else one under /usr/lib/jvm) and exports it.

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOCAL_DIR="$ROOT_DIR/.local"

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
