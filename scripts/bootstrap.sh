#!/usr/bin/env bash
# Creates .venv (once) and installs the whole workspace into it, editable: the contracts,
# the kit, the four services and the development tools. Re-runs are cheap: it reinstalls
# only when a pyproject.toml changed.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
python=${PYTHON:-python3}
venv=$root/.venv
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
packages=(contracts "libs/eventkit[testing]")
for s in services/*/; do
  [ -f "$s/pyproject.toml" ] && packages+=("${s%/}")
done
shopt -s nullglob
stamp=$(cat contracts/pyproject.toml libs/eventkit/pyproject.toml services/*/pyproject.toml \
  scripts/requirements-dev.txt | sha1sum | cut -c1-12)
if [ ! -f "$venv/.stamp-$stamp" ]; then
  echo "[bootstrap] installing the workspace into .venv" >&2
  "$venv/bin/python" -m pip install -q --upgrade pip
  args=()
  for p in "${packages[@]}"; do args+=(-e "$p"); done
  "$venv/bin/python" -m pip install -q "${args[@]}" -r scripts/requirements-dev.txt
  rm -f "$venv"/.stamp-*
  touch "$venv/.stamp-$stamp"
fi
