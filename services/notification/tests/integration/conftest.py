"""Fixtures for tests against the real Kafka and PostgreSQL: settings for a fresh database and
topic namespace, and a publisher of other contexts' events with the real producer."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import socket
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import date
from typing import Any

import asyncpg
import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from rangkui_contracts import DomainEvent, Envelope, topic_of
from rangkui_contracts.events.keys import PersonalDataKeyIssued
from rangkui_contracts.events.personnel import (
    Contact,
    EmployeeRegistered,
    EmployeeRegisteredV2,
    PositionEstablished,
    UnitRegistered,
)
from rangkui_eventkit.kafka import make_producer
from rangkui_eventkit.personal_data import (
    DEVELOPMENT_TRANSPORT_KEY,
    b64u_encode,
    new_data_key,
    new_key_id,
    seal,
    wrap_key,
)
from rangkui_eventkit.testing.infra import Infra
from rangkui_eventkit.testing.plugin import eventually
from rangkui_eventkit.testing.smtp import Mailbox, smtp_server
from rangkui_notification.settings import NotificationSettings

EMPLOYEE = "198609262015051001"
HEAD_ORIGIN = "197501012000031002"
HEAD_TARGET = "197802022003122003"

Publish = Callable[..., Awaitable[Envelope]]


@pytest.fixture
def settings(database_url: str, infra: Infra, topic_prefix: str) -> NotificationSettings:
    return NotificationSettings(
        database_url=database_url,
        development_mode=True,
        webhook_allow_private_targets=True,  # the test receivers listen on loopback
        kafka_bootstrap_servers=infra.kafka_bootstrap,
        topic_prefix=topic_prefix,
        relay_poll_interval_s=0.1,
        database_pool_max=5,
    )


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[asyncpg.Connection]:
    """A direct connection to the service's database, to observe what tests cannot over HTTP."""
    conn = await asyncpg.connect(database_url)
    yield conn
    await conn.close()


@pytest.fixture
async def publish(infra: Infra, topic_prefix: str) -> AsyncIterator[Publish]:
    """Publish an event as its own context would: CloudEvents binary mode, real producer."""
    producer = make_producer(infra.kafka_bootstrap)
    await producer.start()
    versions: dict[str, int] = {}

    async def send(
        event: DomainEvent,
        subject: str,
        *,
        envelope: Envelope | None = None,
        streamversion: Any = "auto",
    ) -> Envelope:
        if envelope is None:
            if streamversion == "auto":
                versions[subject] = versions.get(subject, 0) + 1
                streamversion = versions[subject]
            envelope = Envelope.wrap(
                event,
                source=f"/rangkui/{event.context}",
                subject=subject,
                correlationid=str(uuid.uuid4()),
                actor="tester",
                streamversion=streamversion,
            )
        topic = topic_of(type(event)).qualified(topic_prefix)
        await producer.send_and_wait(
            topic,
            key=envelope.kafka_key(),
            value=envelope.kafka_value(),
            headers=envelope.kafka_headers(),
        )
        return envelope

    yield send
    await producer.stop()


async def register(
    publish: Publish,
    nip: str,
    name: str,
    unit_id: str,
    position_id: str,
    email: str | None,
    *,
    legacy: bool = False,
) -> None:
    """Register an employee as personnel does now: their data key on the keys topic (wrapped
    with the development transport key) and their personal data sealed with it in an
    `EmployeeRegistered` v2; or, `legacy`, as it did before sealing (v1, plaintext)."""
    public = {
        "nip": nip,
        "name": name,
        "grade": "III/c",
        "unit_id": unit_id,
        "position_id": position_id,
        "tmt_position": date(2020, 1, 1),
    }
    personal = {"birth_date": date(1980, 1, 1), "gender": "F", "contact": Contact(email=email)}
    if legacy:
        await publish(EmployeeRegistered(**public, **personal), nip)
        return
    key, key_id = new_data_key(), new_key_id()
    wrapped = wrap_key(DEVELOPMENT_TRANSPORT_KEY, key, nip=nip, key_id=key_id)
    await publish(
        PersonalDataKeyIssued(nip=nip, key_id=key_id, wrapped_key=b64u_encode(wrapped)),
        nip,
        streamversion=None,
    )
    sealed = seal(key, key_id, nip, {**personal, "contact": personal["contact"].model_dump()})
    await publish(EmployeeRegisteredV2(**public, personal=sealed), nip)


async def seed_province(
    publish: Publish,
    *,
    teacher_email: str | None = "siti@example.id",
    head_origin_email: str | None = "budi@example.id",
    legacy: bool = False,
) -> None:
    """Two schools with their heads and a mathematics teacher at the first one; the people
    registered with sealed personal data (or, `legacy`, in plaintext as before sealing)."""
    for unit_id, name in (
        ("SMA1", "SMA Negeri 1 Kota Rangkui"),
        ("SMA2", "SMA Negeri 2 Tanjung Batu"),
    ):
        await publish(
            UnitRegistered(unit_id=unit_id, name=name, kind="SMA", region="Rangkui"), unit_id
        )
    for pid, unit, title, head in (
        ("KEPSEK-1", "SMA1", "Kepala Sekolah", True),
        ("KEPSEK-2", "SMA2", "Kepala Sekolah", True),
        ("GURU-1", "SMA1", "Guru Matematika", False),
        ("GURU-2", "SMA2", "Guru Matematika", False),
    ):
        await publish(
            PositionEstablished(
                position_id=pid,
                unit_id=unit,
                title=title,
                jabatan_type="FUNGSIONAL",
                formasi=2,
                is_head_of_unit=head,
            ),
            pid,
        )
    for nip, name, unit, pid, email in (
        (HEAD_ORIGIN, "Budi Santoso", "SMA1", "KEPSEK-1", head_origin_email),
        (HEAD_TARGET, "Dewi Lestari", "SMA2", "KEPSEK-2", "dewi@example.id"),
        (EMPLOYEE, "Siti Rahma", "SMA1", "GURU-1", teacher_email),
    ):
        await register(publish, nip, name, unit, pid, email, legacy=legacy)


async def directory_ready(db: asyncpg.Connection) -> bool:
    return await db.fetchval("SELECT count(*) FROM directory_employees") == 3


@pytest.fixture
async def smtp() -> AsyncIterator[tuple[Mailbox, int]]:
    """A real SMTP server on loopback (aiosmtpd, in its own thread)."""
    async with smtp_server() as server:
        yield server


def with_email(settings: NotificationSettings, port: int, **extra: Any) -> NotificationSettings:
    values: dict[str, Any] = {
        "email_enabled": True,
        "smtp_port": port,
        "email_backoff_base_s": 0.1,
        "email_backoff_max_s": 0.5,
        "delivery_poll_interval_s": 0.05,
        "bkd_email": "bkd@rangkui.test",
    }
    return settings.model_copy(update=values | extra)


class Receiver:
    """A provincial system's webhook endpoint on loopback (uvicorn), which verifies the
    signature exactly as the README tells receivers to, and can be down (not listening)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.url = f"http://127.0.0.1:{port}/events"
        self.secret = ""
        self.received: list[dict[str, Any]] = []
        self.rejected: list[str] = []
        self._server: uvicorn.Server | None = None
        self._task: asyncio.Task[None] | None = None

    async def _handle(self, request: Request) -> Response:
        body = await request.body()
        timestamp = request.headers.get("X-Rangkui-Timestamp", "")
        given = request.headers.get("X-Rangkui-Signature", "")
        expected = (
            "sha256="
            + hmac.new(
                self.secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256
            ).hexdigest()
        )
        fresh = timestamp.isdigit() and abs(time.time() - int(timestamp)) <= 300
        if not (fresh and hmac.compare_digest(expected, given)):
            self.rejected.append(given)
            return Response(status_code=401)
        self.received.append(json.loads(body))
        return Response(status_code=204)

    async def up(self) -> None:
        app = Starlette(routes=[Route("/events", self._handle, methods=["POST"])])
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self._server = uvicorn.Server(config)
        self._task = asyncio.create_task(self._server.serve())
        await eventually(lambda: self._server is not None and self._server.started)

    async def down(self) -> None:
        if self._server is not None and self._task is not None:
            self._server.should_exit = True
            await self._task
            self._server = self._task = None


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    r = Receiver(port)
    yield r
    await r.down()
