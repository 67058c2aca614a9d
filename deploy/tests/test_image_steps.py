"""What each service image does, done without Docker: the Dockerfile's install step
(deploy/docker/service.sh install) in a clean virtual environment from a copy of the build
context as .dockerignore selects it, then its start step (service.sh start) against the real
Kafka and a fresh PostgreSQL database, until /readyz answers 200. The service gets what the
production manifests give it: development mode off, an identity provider's issuer, and the
Secrets (personal-data keys, freshly generated) of rangkui_deploy.catalogue.

pip's cache is reused, so after the first run each service installs in well under a minute.
"""

from __future__ import annotations

import asyncio
import base64
import os
import shutil
import signal
import socket
import sys
from pathlib import Path

import asyncpg
import httpx
import pytest
from rangkui_deploy import catalogue

from rangkui_eventkit.testing.auth import dev_token
from rangkui_eventkit.testing.infra import Infra

REPO = Path(__file__).resolve().parents[2]
SCRIPT = Path("deploy/docker/service.sh")
SERVICES = sorted(p.parent.name for p in REPO.glob("services/*/pyproject.toml"))

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def build_context(target: Path) -> Path:
    """Copy what `docker build` sends: the `!` entries of .dockerignore."""
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc", "build")
    allowed = [
        line[1:].strip()
        for line in (REPO / ".dockerignore").read_text().splitlines()
        if line.startswith("!")
    ]
    for pattern in allowed:
        for source in REPO.glob(pattern.rstrip("/")):
            destination = target / source.relative_to(REPO)
            destination.parent.mkdir(parents=True, exist_ok=True)
            if source.is_dir():
                shutil.copytree(source, destination, ignore=ignore, dirs_exist_ok=True)
            else:
                shutil.copy2(source, destination)
    return target


def production_secrets(service: str) -> dict[str, str]:
    """The service's Secrets as an operator creates them (`openssl rand -base64 32`)."""
    return {
        variable: base64.b64encode(os.urandom(32)).decode()
        for variable, _, _ in catalogue.service(service).secret_environment()
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def run(*cmd: str | Path, env: dict[str, str], cwd: Path, timeout: float) -> str:
    process = await asyncio.create_subprocess_exec(
        *map(str, cmd),
        env=env,
        cwd=cwd,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await asyncio.wait_for(process.communicate(), timeout)
    text = output.decode(errors="replace")
    assert process.returncode == 0, f"{cmd} exited {process.returncode}:\n{text[-4000:]}"
    return text


@pytest.mark.parametrize("service", SERVICES)
async def test_the_image_steps_install_a_service_that_starts_and_is_ready(
    service: str, tmp_path: Path, database_url: str, topic_prefix: str, infra: Infra
) -> None:
    app = build_context(tmp_path / "app")
    venv = tmp_path / "venv"
    base_env = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", str(tmp_path)),
        "LANG": "C.UTF-8",
        "PYTHON": os.environ.get("RANGKUI_IMAGE_PYTHON", sys.executable),
        **{k: v for k, v in os.environ.items() if k.startswith("PIP_")},
    }
    await run("sh", SCRIPT, "install", service, venv, env=base_env, cwd=app, timeout=900)

    # The image's environment: its venv first on PATH, nothing else from this process.
    port = free_port()
    prefix = f"{service.upper()}_"
    env = {
        "PATH": f"{venv / 'bin'}:/usr/local/bin:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "PYTHONUNBUFFERED": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        f"{prefix}HTTP_HOST": "0.0.0.0",
        f"{prefix}HTTP_PORT": str(port),
        f"{prefix}DATABASE_URL": database_url,
        "KAFKA_BOOTSTRAP_SERVERS": infra.kafka_bootstrap,
        "RANGKUI_TOPIC_PREFIX": topic_prefix,
        # The manifests' identity provider, at an address where nobody answers: the service
        # must start without reaching it (keys are fetched on the first token).
        **catalogue.AUTH_ENVIRONMENT,
        "RANGKUI_AUTH_ISSUER": f"http://127.0.0.1:{free_port()}/realms/asn",
        f"{prefix}DEVELOPMENT_MODE": "false",
        **production_secrets(service),
    }
    # The Kubernetes init container, then the container.
    await run("sh", SCRIPT, "start", service, "migrate", env=env, cwd=app, timeout=120)
    log = tmp_path / "serve.log"
    with log.open("wb") as sink:
        server = await asyncio.create_subprocess_exec(
            "sh", str(SCRIPT), "start", service, env=env, cwd=app, stdout=sink, stderr=sink
        )
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=3) as http:
            deadline = asyncio.get_running_loop().time() + 90
            status = None
            while status != 200:
                assert server.returncode is None, f"exited:\n{log.read_text()[-4000:]}"
                assert asyncio.get_running_loop().time() < deadline, (
                    f"/readyz never answered 200 (last: {status}):\n{log.read_text()[-4000:]}"
                )
                try:
                    status = (await http.get("/readyz")).status_code
                except httpx.TransportError:
                    status = None
                if status != 200:
                    await asyncio.sleep(0.25)
            metrics = (await http.get("/metrics")).text
            # Production-like: no token, or one of the development issuer, is refused.
            anonymous = await http.get("/admin/consumers")
            development = await http.get(
                "/admin/consumers", headers={"Authorization": f"Bearer {dev_token()}"}
            )
        assert f'rangkui_outbox_backlog{{service="{service}"}}' in metrics
        assert (anonymous.status_code, development.status_code) == (401, 401)
        await run("sh", SCRIPT, "health", service, env=env, cwd=app, timeout=30)

        # The migrations travelled with the image: the kit's and the service's own.
        conn = await asyncpg.connect(database_url)
        try:
            applied = {r["name"] for r in await conn.fetch("SELECT name FROM schema_migrations")}
        finally:
            await conn.close()
        package = REPO / "services" / service / "src" / f"rangkui_{service}"
        shipped = {p.name for p in (package / "migrations").glob("*.sql")}
        assert shipped, f"{service} ships no migrations"
        assert shipped <= applied
        assert any(name.startswith("kit/") for name in applied)
    finally:
        if server.returncode is None:
            server.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(server.wait(), 30)
            except TimeoutError:
                server.kill()
                await server.wait()
    # Graceful: the lifespan stopped consumers, relay and pool (uvicorn then re-raises the
    # signal, so the exit status may be "terminated by SIGTERM").
    assert server.returncode in (0, -signal.SIGTERM), log.read_text()[-4000:]
    assert '"event": "service.stopped"' in log.read_text()
