#!/usr/bin/env bash
# Stops what scripts/up.sh started: the four services, then Kafka and PostgreSQL (data kept;
# `deploy/local/infra.sh reset` deletes it).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
for pidfile in .local/run/*.pid; do
  [ -f "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null && echo "[down] stopped $(basename "$pidfile" .pid)" >&2 || true
  rm -f "$pidfile"
done
deploy/local/infra.sh stop
