"""Where the tests find Kafka and PostgreSQL, in this order:

1. addresses given in the environment: `KAFKA_BOOTSTRAP_SERVERS` and `RANGKUI_PG_ADMIN_URL`
   (a superuser URL; each test gets its own database);
2. testcontainers, when a Docker daemon answers;
3. the project's own local processes (`deploy/local/infra.sh start`), started on demand.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[5]


@dataclass(frozen=True)
class Infra:
    kafka_bootstrap: str
    pg_admin_url: str
    origin: str  # "environment", "testcontainers" or "local"

    def database_url(self, database: str) -> str:
        base, _, _ = self.pg_admin_url.rpartition("/")
        return f"{base}/{database}"


def from_environment() -> Infra | None:
    kafka = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    pg = os.environ.get("RANGKUI_PG_ADMIN_URL")
    if kafka and pg:
        # scripts/test.sh exports the addresses of the local processes it started and says so:
        # fault tests may then stop and restart the broker through deploy/local/infra.sh.
        return Infra(kafka, pg, os.environ.get("RANGKUI_INFRA_ORIGIN", "environment"))
    return None


def docker_available() -> bool:
    """testcontainers raises in a container's constructor without a daemon: ask first."""
    try:
        import docker  # type: ignore[import-untyped]

        client = docker.from_env(timeout=3)
        client.ping()
        return True
    except Exception:
        return False


def from_testcontainers(stack: list[Any]) -> Infra:
    from testcontainers.kafka import KafkaContainer  # type: ignore[import-untyped]
    from testcontainers.postgres import PostgresContainer  # type: ignore[import-untyped]

    pg = PostgresContainer("postgres:16-alpine", username="postgres", password="postgres")
    pg.start()
    stack.append(pg)
    kafka = KafkaContainer("apache/kafka:4.1.1").with_kraft()
    kafka.start()
    stack.append(kafka)
    url = pg.get_connection_url().replace("postgresql+psycopg2://", "postgresql://")
    return Infra(kafka.get_bootstrap_server(), url, "testcontainers")


def from_local_processes() -> Infra:
    script = REPO_ROOT / "deploy" / "local" / "infra.sh"
    subprocess.run([str(script), "start"], check=True)
    env = subprocess.run([str(script), "env"], check=True, capture_output=True, text=True).stdout
    values = dict(
        line.removeprefix("export ").split("=", 1) for line in env.splitlines() if "=" in line
    )
    return Infra(values["KAFKA_BOOTSTRAP_SERVERS"], values["RANGKUI_PG_ADMIN_URL"], "local")


def resolve(stack: list[Any]) -> Infra:
    return from_environment() or (
        from_testcontainers(stack) if docker_available() else from_local_processes()
    )
