#!/usr/bin/env bash
# The whole test suite, on a fresh machine: installs the workspace, starts real Kafka and
# PostgreSQL unless they are given (environment) or Docker can provide them
# (testcontainers), checks lint and contracts, then runs pytest. Extra arguments go to pytest.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

scripts/bootstrap.sh

docker_answers() { command -v docker >/dev/null && timeout 5 docker info >/dev/null 2>&1; }

if [ -n "${KAFKA_BOOTSTRAP_SERVERS:-}" ] && [ -n "${RANGKUI_PG_ADMIN_URL:-}" ]; then
  echo "[test] using Kafka and PostgreSQL from the environment" >&2
elif docker_answers; then
  echo "[test] a Docker daemon answers: the fixtures start testcontainers" >&2
else
  deploy/local/infra.sh start
  eval "$(deploy/local/infra.sh env)"
  export RANGKUI_INFRA_ORIGIN=local  # ours to stop and restart in fault tests
fi

echo "[test] ruff" >&2
.venv/bin/ruff check .
echo "[test] contracts: checked-in schemas match the models" >&2
.venv/bin/python -m rangkui_contracts check
echo "[test] contracts: checked-in OpenAPI documents match the services" >&2
.venv/bin/python scripts/openapi.py check
echo "[test] contracts: OpenAPI documents pass the ruleset (Redocly CLI, redocly.yaml)" >&2
scripts/lint_openapi.sh

echo "[test] console: packages, generated API client, types, component tests, build" >&2
scripts/console.sh test

# The SK document tests read the rendered PDFs with poppler (pdftotext, pdftoppm).
if ! command -v pdftotext >/dev/null || ! command -v pdftoppm >/dev/null; then
  echo "[test] installing poppler-utils (apt-get)" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
fi

echo "[test] pytest" >&2
exec .venv/bin/pytest -q "$@"
