"""The four services as separate processes, as they run in production: each with its own
database, all on one Kafka topic namespace, driven over HTTP.

With `sasl=True` each service connects to the broker's SASL listener as its own SCRAM user,
with production's ACLs moved into this test's topic namespace (granted by `deploy/local/
infra.sh acls grant` and revoked on close), creating no topics: the flow then shows that the
services need no right beyond the ones the deployment gives them."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import asyncpg
import httpx

from rangkui_contracts.services import SERVICES
from rangkui_eventkit.clock import SystemClock
from rangkui_eventkit.testing.infra import REPO_ROOT, Infra


def province_today() -> date:
    """'Today' as the running services count it for a TMT: the province's calendar, a day
    ahead of the host's in the evening UTC. The services as processes run on the system
    clock, so a test's "effective today" uses this date, never the host's calendar."""
    return SystemClock().today()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class ServiceProcess:
    name: str
    env: dict[str, str]
    port: int
    log_path: Path
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [str(Path(sys.executable).parent / f"rangkui-{self.name}"), "serve"],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    def kill(self) -> None:
        """SIGKILL: no graceful shutdown, as in a crash or an OOM kill."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()

    async def wait_ready(self, timeout: float = 60.0) -> None:
        deadline = asyncio.get_running_loop().time() + timeout
        async with httpx.AsyncClient() as client:
            while True:
                if self.process and self.process.poll() is not None:
                    raise RuntimeError(
                        f"{self.name} exited with {self.process.returncode}; "
                        f"log:\n{self.log_path.read_text()[-3000:]}"
                    )
                try:
                    r = await client.get(f"{self.url}/readyz", timeout=2)
                    if r.status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
                if asyncio.get_running_loop().time() > deadline:
                    raise TimeoutError(
                        f"{self.name} not ready; log:\n{self.log_path.read_text()[-3000:]}"
                    )
                await asyncio.sleep(0.2)


INFRA_SH = REPO_ROOT / "deploy" / "local" / "infra.sh"


@dataclass
class System:
    infra: Infra
    topic_prefix: str
    log_dir: Path
    sasl: bool = False
    services: dict[str, ServiceProcess] = field(default_factory=dict)
    databases: list[str] = field(default_factory=list)
    granted_acls: Path | None = None
    settings: dict[str, str] = field(default_factory=dict)  # more environment, every service

    def kafka_environment(self, name: str) -> dict[str, str]:
        """How service `name` reaches Kafka: the PLAINTEXT listener, or SASL as itself."""
        if not self.sasl:
            return {"KAFKA_BOOTSTRAP_SERVERS": self.infra.kafka_bootstrap}
        if not self.infra.kafka_sasl_bootstrap:
            raise RuntimeError("the infrastructure has no SASL listener (deploy/local/infra.sh)")
        return {
            "KAFKA_BOOTSTRAP_SERVERS": self.infra.kafka_sasl_bootstrap,
            "KAFKA_SECURITY_PROTOCOL": "SASL_PLAINTEXT",
            "KAFKA_SASL_MECHANISM": "SCRAM-SHA-512",
            "KAFKA_SASL_USERNAME": name,
            "KAFKA_SASL_PASSWORD": self.infra.kafka_passwords[name],
            f"{name.upper()}_CREATE_TOPICS": "false",  # as in production: topics exist
        }

    async def grant_acls(self, acls_file_text: str) -> None:
        """Grant the ACLs of `acls_file_text` (acls.txt's format) until `close`."""
        path = self.log_dir / "acls.txt"
        path.write_text(acls_file_text)
        await _infra_acls("grant", path, self.infra.kafka_bootstrap)
        self.granted_acls = path

    async def start(self) -> None:
        admin = await asyncpg.connect(self.infra.pg_admin_url)
        try:
            for name in SERVICES:
                db = f"e2e_{name}_{uuid.uuid4().hex[:8]}"
                self.databases.append(db)
                port = free_port()
                prefix = name.upper()
                env = {
                    **os.environ,
                    **self.kafka_environment(name),
                    **await self._database_environment(admin, name, db),
                    "RANGKUI_TOPIC_PREFIX": self.topic_prefix,
                    f"{prefix}_HTTP_PORT": str(port),
                    f"{prefix}_HTTP_HOST": "127.0.0.1",
                    f"{prefix}_LOG_LEVEL": "INFO",
                    # Trust the development issuer: tests call with `testing.auth` tokens.
                    f"{prefix}_DEVELOPMENT_MODE": "true",
                    **self.settings,
                }
                self.services[name] = ServiceProcess(name, env, port, self.log_dir / f"{name}.log")
        finally:
            await admin.close()
        for svc in self.services.values():
            svc.start()
        await asyncio.gather(*(svc.wait_ready() for svc in self.services.values()))

    async def _database_environment(
        self, admin: asyncpg.Connection, name: str, db: str
    ) -> dict[str, str]:
        """A database shaped as in production where the infrastructure has the roles: owned
        by `<service>_owner` (migrations), used by the runtime role `<service>`, which owns
        nothing. Elsewhere (testcontainers) the superuser's, as before."""
        owner_url = self.infra.service_owner_urls.get(name)
        runtime_url = self.infra.service_database_urls.get(name)
        prefix = name.upper()
        if owner_url is None or runtime_url is None:
            await admin.execute(f'CREATE DATABASE "{db}"')
            return {f"{prefix}_DATABASE_URL": self.infra.database_url(db)}
        await admin.execute(f'CREATE DATABASE "{db}" OWNER "{name}_owner"')
        await admin.execute(f'REVOKE ALL ON DATABASE "{db}" FROM PUBLIC')
        await admin.execute(f'GRANT CONNECT ON DATABASE "{db}" TO "{name}"')
        return {
            f"{prefix}_DATABASE_URL": f"{runtime_url.rpartition('/')[0]}/{db}",
            f"{prefix}_DATABASE_OWNER_URL": f"{owner_url.rpartition('/')[0]}/{db}",
        }

    async def restart(self, name: str, *, crash: bool = True) -> None:
        svc = self.services[name]
        svc.kill() if crash else svc.stop()
        svc.start()
        await svc.wait_ready()

    async def close(self) -> None:
        for svc in self.services.values():
            svc.stop()
        if self.granted_acls is not None:
            await _infra_acls("revoke", self.granted_acls, self.infra.kafka_bootstrap)
        admin = await asyncpg.connect(self.infra.pg_admin_url)
        try:
            for db in self.databases:
                await admin.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
        finally:
            await admin.close()

    def url(self, name: str) -> str:
        return self.services[name].url


async def _infra_acls(action: str, path: Path, bootstrap: str) -> None:
    """Through the local broker's PLAINTEXT listener (`bootstrap`, a super user there)."""
    host, _, port = bootstrap.rpartition(":")
    if host != "127.0.0.1":
        raise RuntimeError(f"ACLs are granted on the local broker only, not on {bootstrap}")
    process = await asyncio.create_subprocess_exec(
        str(INFRA_SH), "acls", action, str(path),
        env={**os.environ, "RANGKUI_KAFKA_PORT": port},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    output, _ = await process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"infra.sh acls {action} failed:\n{output.decode()[-2000:]}")
