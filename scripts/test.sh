#!/usr/bin/env bash
# The README's Test command: runs the whole suite with Maven against a real MySQL and Elasticsearch, started as
# Testcontainers when a Docker engine answers, else by scripts/services.sh on this machine. Extra arguments go to
# Maven.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$ROOT_DIR"
use_jdk25
start=$(date +%s)
# Where the integration tests' MySQL and Elasticsearch come from: HTX_TEST_SERVICES=local|docker when set; else
# Testcontainers when a Docker engine answers `docker info` within 10 s, and the local services otherwise.
if [ -z "${HTX_TEST_SERVICES:-}" ]; then
  if command -v docker >/dev/null && timeout 10 docker info >/dev/null 2>&1; then HTX_TEST_SERVICES=docker; else HTX_TEST_SERVICES=local; fi
fi
export HTX_TEST_SERVICES
log "Test services: $HTX_TEST_SERVICES"
if [ "$HTX_TEST_SERVICES" = "local" ]; then
  "$ROOT_DIR/scripts/services.sh" up
fi
need_chromium
mvnw clean verify "$@"
log "Test command finished in $(( $(date +%s) - start )) s"
