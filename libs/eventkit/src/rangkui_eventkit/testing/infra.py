"""Where the tests find Kafka and PostgreSQL, in this order:

1. addresses given in the environment: `KAFKA_BOOTSTRAP_SERVERS` and `RANGKUI_PG_ADMIN_URL`
   (a superuser URL; each test gets its own database);
2. testcontainers, when a Docker daemon answers;
3. the project's own local processes (`deploy/local/infra.sh start`), started on demand.

The local broker also has a SASL_PLAINTEXT listener with one SCRAM user per service and
ACLs (`KAFKA_SASL_BOOTSTRAP_SERVERS`, passwords in `RANGKUI_KAFKA_<USER>_PASSWORD`), and
the local PostgreSQL one least-privileged role per service (`<SERVICE>_DATABASE_URL`):
`kafka_sasl_bootstrap` and `service_database_urls` are empty where the infrastructure did
not say it has them (testcontainers has neither).
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rangkui_contracts.services import SERVICES

REPO_ROOT = Path(__file__).resolve().parents[5]
_PASSWORD = re.compile(r"RANGKUI_KAFKA_([A-Z0-9_]+)_PASSWORD")


@dataclass(frozen=True)
class Infra:
    kafka_bootstrap: str
    pg_admin_url: str
    origin: str  # "environment", "testcontainers" or "local"
    kafka_sasl_bootstrap: str | None = None  # SASL_PLAINTEXT + SCRAM-SHA-512, ACLs on
    kafka_passwords: Mapping[str, str] = field(default_factory=dict)  # SCRAM user -> password
    service_database_urls: Mapping[str, str] = field(default_factory=dict)  # service -> URL
    # service -> the URL of its database's owner role (migrations), where there is one; named
    # RANGKUI_<SERVICE>_OWNER_URL, not like the setting, so that no service picks it up
    # from a shell that exported `infra.sh env`
    service_owner_urls: Mapping[str, str] = field(default_factory=dict)

    def database_url(self, database: str) -> str:
        base, _, _ = self.pg_admin_url.rpartition("/")
        return f"{base}/{database}"


def _from_variables(values: Mapping[str, str], origin: str) -> Infra:
    """An `Infra` from `infra.sh env`'s variables (or the same names in the environment)."""
    passwords = {
        m.group(1).lower(): value
        for name, value in values.items()
        if (m := _PASSWORD.fullmatch(name))
    }
    databases = {
        s: values[f"{s.upper()}_DATABASE_URL"]
        for s in SERVICES
        if values.get(f"{s.upper()}_DATABASE_URL")
    }
    owners = {
        s: values[f"RANGKUI_{s.upper()}_OWNER_URL"]
        for s in SERVICES
        if values.get(f"RANGKUI_{s.upper()}_OWNER_URL")
    }
    return Infra(
        values["KAFKA_BOOTSTRAP_SERVERS"],
        values["RANGKUI_PG_ADMIN_URL"],
        origin,
        kafka_sasl_bootstrap=values.get("KAFKA_SASL_BOOTSTRAP_SERVERS") or None,
        kafka_passwords=passwords,
        service_database_urls=databases,
        service_owner_urls=owners,
    )


def from_environment() -> Infra | None:
    if os.environ.get("KAFKA_BOOTSTRAP_SERVERS") and os.environ.get("RANGKUI_PG_ADMIN_URL"):
        # scripts/test.sh exports the addresses of the local processes it started and says so:
        # fault tests may then stop and restart the broker through deploy/local/infra.sh.
        return _from_variables(os.environ, os.environ.get("RANGKUI_INFRA_ORIGIN", "environment"))
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
    return _from_variables(values, "local")


def resolve(stack: list[Any]) -> Infra:
    return from_environment() or (
        from_testcontainers(stack) if docker_available() else from_local_processes()
    )
