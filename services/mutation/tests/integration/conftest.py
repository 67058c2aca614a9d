"""Fixtures for the mutation service against the real Kafka and PostgreSQL: settings on the
test's own database and topics, a clock the test moves, and a publisher of personnel events
through the real idempotent producer."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any

import httpx
import pytest

from rangkui_contracts import DomainEvent, Envelope
from rangkui_contracts.events.common import Education
from rangkui_contracts.events.personnel import (
    EmployeeRegistered,
    EmployeeRegisteredV2,
    PositionEstablished,
    UnitRegistered,
)
from rangkui_contracts.topics import PERSONNEL, TopicSpec
from rangkui_eventkit.clock import FixedClock
from rangkui_eventkit.testing.auth import acting
from rangkui_eventkit.testing.infra import Infra
from rangkui_eventkit.testing.kafka_tools import publish_envelopes
from rangkui_mutation.domain.mutation import REQUIRED_DOCUMENTS
from rangkui_mutation.settings import MutationSettings

TODAY = date(2026, 11, 28)
Clock = FixedClock  # the clock type the tests annotate with


@pytest.fixture
def clock() -> FixedClock:
    """The service's 'today', moved by the test."""
    return FixedClock(TODAY)


@pytest.fixture
def settings(database_url: str, infra: Infra, topic_prefix: str) -> MutationSettings:
    return MutationSettings(
        database_url=database_url,
        development_mode=True,
        kafka_bootstrap_servers=infra.kafka_bootstrap,
        topic_prefix=topic_prefix,
        relay_poll_interval_s=0.1,
        scheduler_interval_s=0.1,
        log_json=False,
    )


Publish = Callable[..., Awaitable[None]]


@pytest.fixture
def publish_personnel(infra: Infra, topic_prefix: str) -> Publish:
    """Publish (stream id, event) pairs as their service does, on the personnel topic unless
    another is given."""

    versions: dict[str, int] = {}  # per stream, across calls, as a real stream grows

    async def publish(events: list[tuple[str, DomainEvent]], topic: TopicSpec = PERSONNEL) -> None:
        envelopes = []
        for stream, event in events:
            versions[stream] = versions.get(stream, 0) + 1
            envelopes.append(
                Envelope.wrap(
                    event,
                    source=f"/rangkui/{event.context}",
                    subject=stream,
                    correlationid="seed",
                    actor="operator.bkd",
                    streamversion=versions[stream],
                )
            )
        await publish_envelopes(
            infra.kafka_bootstrap, envelopes, topic=topic.qualified(topic_prefix)
        )

    return publish


def unit(unit_id: str, name: str) -> tuple[str, DomainEvent]:
    return (
        f"unit-{unit_id}",
        UnitRegistered(unit_id=unit_id, name=name, kind="SMA", region="Kota Rangkui"),
    )


def post(position_id: str, unit_id: str, formasi: int) -> tuple[str, DomainEvent]:
    return (
        f"position-{position_id}",
        PositionEstablished(
            position_id=position_id,
            unit_id=unit_id,
            title="Guru Matematika",
            jabatan_type="FUNGSIONAL",
            formasi=formasi,
            required_education_levels=["S1"],
            required_education_fields=["Pendidikan Matematika"],
        ),
    )


def employee(
    nip: str,
    unit_id: str,
    position_id: str,
    tmt_position: date = date(2019, 1, 2),
    *,
    legacy: bool = False,
) -> tuple[str, DomainEvent]:
    """A registration as personnel publishes it now (v2: personal data sealed, here absent),
    or as it did before (`legacy`: v1 with birth date and gender in plaintext)."""
    public: dict[str, Any] = {
        "nip": nip,
        "name": f"Guru {nip[-3:]}",
        "grade": "III/b",
        "unit_id": unit_id,
        "position_id": position_id,
        "tmt_position": tmt_position,
        "education": [Education(level="S1", field="Pendidikan Matematika")],
    }
    if not legacy:
        return f"employee-{nip}", EmployeeRegisteredV2(**public)
    return (
        f"employee-{nip}",
        EmployeeRegistered(
            **public,
            gender="F" if nip[14] == "2" else "M",
            birth_date=date(int(nip[:4]), int(nip[4:6]), int(nip[6:8])),
        ),
    )


# ------------------------------------------------------------------ the full process
VERIFIER = acting("verifikator.bkd", "bkd_operator")
TPK_MEMBERS = ("tpk.sekda", "tpk.inspektur", "tpk.kepala-bkd")
TPK = acting(TPK_MEMBERS[0], "tpk_member")
SOCIALISER = acting("sosialisasi.bkd", "bkd_operator")


async def _ok(client: httpx.AsyncClient, path: str, body: Any, headers: dict[str, str]) -> Any:
    r = await client.post(path, json=body, headers=headers)
    assert r.is_success, f"{path}: {r.status_code} {r.text}"
    return r.json()


async def ready_for_decision(
    client: httpx.AsyncClient, mutation_id: str, *, recommended: bool = True
) -> None:
    """The documents check of a complete file and the TPK's sidang (quorum, berita acara)."""
    path = f"/mutations/{mutation_id}"
    items = [{"code": c, "present": True, "reference": f"B-{c}"} for c in REQUIRED_DOCUMENTS]
    await _ok(client, f"{path}/documents", {"items": items}, VERIFIER)
    sidang = {
        "recommended": recommended,
        "notes": "sesuai pola karier" if recommended else "belum memenuhi pola karier",
        "members_present": list(TPK_MEMBERS),
        "berita_acara_ref": f"BA/TPK/{mutation_id[:8]}",
    }
    await _ok(client, f"{path}/review", sidang, TPK)


async def answered(client: httpx.AsyncClient, mutation_id: str, nip: str) -> None:
    """The approved transfer socialised and acknowledged by the employee."""
    path = f"/mutations/{mutation_id}"
    await _ok(client, f"{path}/socialize", {"message": "Anda dibutuhkan di SMA 2"}, SOCIALISER)
    await _ok(client, f"{path}/acknowledge", None, acting(nip, "employee"))
