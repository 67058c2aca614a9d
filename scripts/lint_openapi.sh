#!/usr/bin/env bash
# Lints the checked-in OpenAPI documents (contracts/openapi/*.json) with the ruleset in
# redocly.yaml and its reviewed exceptions (.redocly.lint-ignore.yaml), using the Redocly CLI
# pinned in tools/openapi-lint (installed here from the npm registry, exactly as locked).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
tool=tools/openapi-lint
stamp=$tool/node_modules/.stamp-$(sha1sum "$tool/package-lock.json" | cut -c1-12)
if [ ! -f "$stamp" ]; then
  if ! command -v npm >/dev/null; then  # a fresh Debian machine: Node.js from Debian's packages
    echo "[lint-openapi] installing Node.js and npm (apt)" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  fi
  (cd "$tool" && npm ci --no-audit --no-fund --loglevel=error)
  touch "$stamp"
fi
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
exec "$tool/node_modules/.bin/redocly" lint --format=stylish "$@"
