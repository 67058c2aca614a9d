#!/usr/bin/env bash
# Starts the whole system locally on a fresh machine: installs the workspace, starts real
# Kafka and PostgreSQL (deploy/local/infra.sh), the four services as background processes,
# loads a small demo data set, and prints where to look. `scripts/down.sh` stops it all.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

scripts/bootstrap.sh
deploy/local/infra.sh start
eval "$(deploy/local/infra.sh env)"
.venv/bin/rangkui-personnel topics

run_dir=$root/.local/run
mkdir -p "$run_dir"
declare -A ports=([personnel]=8101 [mutation]=8102 [evaluation]=8103 [notification]=8104)
services=$(.venv/bin/python -m rangkui_contracts.services)
for svc in $services; do
  pidfile=$run_dir/$svc.pid
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    echo "[up] $svc already running (pid $(cat "$pidfile"))" >&2
    continue
  fi
  upper=${svc^^}
  policies=()
  if [ "$svc" = mutation ]; then
    # The full process (Peraturan BKN 5/2019): no step skipped, a TPK quorum of three,
    # fourteen days to object after socialisation; no retroactive TMT.
    policies=(MUTATION_SKIP_STEPS='[]' MUTATION_TPK_QUORUM=3 MUTATION_OBJECTION_WINDOW_DAYS=14
      MUTATION_RETROACTIVE_TMT_MAX_DAYS=0)
  fi
  # Development mode: the services trust tokens minted by `rangkui-token` (local use only).
  env "${upper}_HTTP_PORT=${ports[$svc]}" "${upper}_LOG_JSON=true" "${upper}_DEVELOPMENT_MODE=true" \
    "${policies[@]}" setsid nohup ".venv/bin/rangkui-${svc}" serve \
    >"$run_dir/$svc.log" 2>&1 </dev/null &
  echo $! >"$pidfile"
done

for svc in $services; do
  url="http://127.0.0.1:${ports[$svc]}/readyz"
  for _ in $(seq 1 150); do
    curl -fsS "$url" >/dev/null 2>&1 && break
    if ! kill -0 "$(cat "$run_dir/$svc.pid")" 2>/dev/null; then
      echo "[up] $svc exited; its log:" >&2
      tail -n 40 "$run_dir/$svc.log" >&2
      exit 1
    fi
    sleep 0.2
  done
  curl -fsS "$url" >/dev/null || { echo "[up] $svc is not ready: $url" >&2; exit 1; }
done

.venv/bin/python scripts/demo_seed.py

# The console and the four APIs under one origin (development sign-in: pick a role).
scripts/console.sh build
console_port=${RANGKUI_CONSOLE_PORT:-8100}
pidfile=$run_dir/console.pid
if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  kill "$(cat "$pidfile")"  # ours (started below last time): serve the new build
fi
setsid nohup .venv/bin/python scripts/console_server.py --port "$console_port" --development-mode \
  --upstream "personnel=http://127.0.0.1:${ports[personnel]}" \
  --upstream "mutation=http://127.0.0.1:${ports[mutation]}" \
  --upstream "evaluation=http://127.0.0.1:${ports[evaluation]}" \
  --upstream "notification=http://127.0.0.1:${ports[notification]}" \
  >"$run_dir/console.log" 2>&1 </dev/null &
echo $! >"$pidfile"
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$console_port/config.json" >/dev/null 2>&1 && break
  sleep 0.2
done

cat <<MSG

Rangkui Mutasi is running.
  console       http://127.0.0.1:${console_port}/   (sign in: pick a role and a demo user)
  personnel     http://127.0.0.1:8101/docs
  mutation      http://127.0.0.1:8102/docs
  evaluation    http://127.0.0.1:8103/docs
  notification  http://127.0.0.1:8104/docs
  logs          $run_dir/*.log
  Kafka         127.0.0.1:19092   PostgreSQL 127.0.0.1:15432
Stop with: scripts/down.sh
MSG
