#!/bin/sh
# The install and start steps of a Rangkui service image, in one place.
#
# The Dockerfiles run these steps, and so does CI (deploy/tests/test_image_steps.py) in a clean
# virtual environment, because there is no Docker engine on our machines: what CI proves is
# what the image does.
#
#   service.sh install <service> <venv>  create <venv> (no pip inside) and install contracts,
#                                        libs/eventkit and services/<service> from the
#                                        directory this script sits two levels below
#   service.sh start <service> [args]    exec `rangkui-<service> serve` (or the given
#                                        subcommand: migrate, rebuild <projection>)
#   service.sh health <service>          exit 0 if GET /healthz answers 200 (HEALTHCHECK)
#
# Why editable installs: the image keeps the source tree at /app and installs it in place,
# the same layout the tests and `scripts/up.sh` use. (The SQL migrations are package data of
# rangkui_eventkit and of each service, so a wheel install would work as well.)
#
# Environment: PYTHON (interpreter that creates the venv and runs pip; default python3),
# PIP_CONSTRAINT (default: constraints.txt next to this script, pins third-party versions),
# pip's own PIP_* variables (cache, index) pass through.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
services="personnel mutation evaluation notification"

usage() {
    echo "usage: $0 install <service> <venv> | start <service> [args...] | health <service>" >&2
    exit 2
}

check_service() {
    case " $services " in
        *" $1 "*) ;;
        *) echo "unknown service: $1 (one of: $services)" >&2; exit 2 ;;
    esac
}

[ $# -ge 2 ] || usage
command=$1
service=$2
shift 2
check_service "$service"
upper=$(echo "$service" | tr '[:lower:]' '[:upper:]')

case "$command" in
    install)
        [ $# -eq 1 ] || usage
        venv=$1
        python=${PYTHON:-python3}
        constraints=${PIP_CONSTRAINT:-$here/constraints.txt}
        "$python" -m venv --without-pip "$venv"
        # pip runs from the interpreter that built the venv and installs into it, so neither
        # pip nor setuptools ends up in the runtime environment.
        PIP_CONSTRAINT="$constraints" "$python" -m pip --python "$venv/bin/python" \
            --disable-pip-version-check install --no-input \
            -e "$root/contracts" \
            -e "$root/libs/eventkit" \
            -e "$root/services/$service"
        # Byte-compile now: at run time the root filesystem is read-only.
        "$venv/bin/python" -m compileall -q "$root/contracts/src" "$root/libs/eventkit/src" \
            "$root/services/$service/src" >/dev/null
        "$venv/bin/rangkui-$service" --help >/dev/null
        ;;
    start)
        [ $# -gt 0 ] || set -- serve
        exec "rangkui-$service" "$@"
        ;;
    health)
        port=$(printenv "${upper}_HTTP_PORT" || echo 8080)
        exec python -c "import sys, urllib.request
try:
    urllib.request.urlopen('http://127.0.0.1:$port/healthz', timeout=3)
except Exception as exc:
    sys.exit(f'unhealthy: {exc}')"
        ;;
    *)
        usage
        ;;
esac
