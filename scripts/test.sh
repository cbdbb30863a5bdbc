#!/usr/bin/env bash
# The README's Test command: starts the local services (unless a Docker engine will run them as
# Testcontainers) and runs the whole suite with Maven. Extra arguments go to Maven.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$ROOT_DIR"
use_jdk25
start=$(date +%s)
if [ "${HTX_TEST_SERVICES:-}" != "docker" ]; then
  "$ROOT_DIR/scripts/services.sh" up
  export HTX_TEST_SERVICES="${HTX_TEST_SERVICES:-local}"
fi
need_chromium
mvnw clean verify "$@"
log "Test command finished in $(( $(date +%s) - start )) s"
