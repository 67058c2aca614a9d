#!/usr/bin/env bash
# The web console's toolchain on a fresh Debian machine: Node.js and npm from Debian when
# missing, the console's npm packages (exactly package-lock.json), Debian's chromium for the
# end-to-end story (Playwright's own browser download is not used).
#
#   scripts/console.sh build   install what is missing, then build console/dist
#   scripts/console.sh test    also check the generated client, the types and run Vitest
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root/console"

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "[console] missing $*: install them (apt-get install -y $*)" >&2
    exit 1
  fi
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt_install nodejs npm
fi
if [ "${1:-build}" = test ] && ! command -v chromium >/dev/null; then
  apt_install chromium
fi

# Reinstall only when the lock file changed since the last install.
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  npm ci --no-audit --no-fund
fi

case "${1:-build}" in
  build)
    npm run build ;;
  test)
    npm run check-api
    npm run typecheck
    npm test
    npm run build ;;
  *)
    echo "usage: scripts/console.sh build|test" >&2
    exit 2 ;;
esac
