"""Fixtures for tests of the evaluation service against the real Kafka and PostgreSQL."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

import pytest

from rangkui_contracts import DomainEvent, Envelope
from rangkui_contracts.events.mutation import MutationEffective
from rangkui_contracts.events.personnel import (
    EmployeeReassigned,
    EmployeeRegistered,
    EmployeeRegisteredV2,
    PositionEstablished,
    UnitRegistered,
)
from rangkui_evaluation.settings import EvaluationSettings
from rangkui_eventkit.testing.infra import Infra
from rangkui_eventkit.testing.kafka_tools import publish_envelopes
from rangkui_eventkit.testing.plugin import eventually


class Publisher:
    """Publishes other services' events the way their outbox relays do (real producer,
    CloudEvents binary mode, stream versions counted per stream)."""

    def __init__(self, bootstrap: str, prefix: str) -> None:
        self.bootstrap = bootstrap
        self.prefix = prefix
        self.versions: dict[str, itertools.count[int]] = {}

    def envelope(self, stream: str, event: DomainEvent, version: int | None = None) -> Envelope:
        if version is None:
            version = next(self.versions.setdefault(stream, itertools.count(1)))
        return Envelope.wrap(
            event,
            source=f"/rangkui/{event.context}",
            subject=stream,
            correlationid=str(uuid.uuid4()),
            actor="tester",
            streamversion=version,
        )

    async def send(self, envelopes: Sequence[Envelope]) -> None:
        await publish_envelopes(self.bootstrap, envelopes, prefix=self.prefix)

    async def publish(self, *items: tuple[str, DomainEvent]) -> list[Envelope]:
        envelopes = [self.envelope(stream, event) for stream, event in items]
        await self.send(envelopes)
        return envelopes


@pytest.fixture
def publisher(infra: Infra, topic_prefix: str) -> Publisher:
    return Publisher(infra.kafka_bootstrap, topic_prefix)


@pytest.fixture
def settings(infra: Infra, database_url: str, topic_prefix: str) -> EvaluationSettings:
    return EvaluationSettings(
        database_url=database_url,
        development_mode=True,
        kafka_bootstrap_servers=infra.kafka_bootstrap,
        topic_prefix=topic_prefix,
        scheduler_interval_s=0.2,
        log_json=False,
    )


class Factory:
    """Builders of other contexts' events, for test set-ups."""

    @staticmethod
    def nip(birth: str = "19860926", seq: int = 1, gender: int = 1) -> str:
        """A valid NIP: birth date, appointment (2010-01), gender and sequence."""
        return f"{birth}201001{gender}{seq:03d}"

    @staticmethod
    def unit(
        unit_id: str, parent: str | None = None, region: str = "Kota Rangkui"
    ) -> tuple[str, DomainEvent]:
        return (
            f"unit-{unit_id}",
            UnitRegistered(
                unit_id=unit_id,
                name=f"Unit {unit_id}",
                kind="OPD",
                region=region,
                parent_unit_id=parent,
            ),
        )

    @staticmethod
    def position(position_id: str, unit_id: str, *, head: bool = False) -> tuple[str, DomainEvent]:
        return (
            f"position-{position_id}",
            PositionEstablished(
                position_id=position_id,
                unit_id=unit_id,
                title="Kepala" if head else "Staf",
                jabatan_type="STRUKTURAL" if head else "PELAKSANA",
                formasi=1 if head else 5,
                is_head_of_unit=head,
            ),
        )

    @staticmethod
    def employee(
        nip_: str, unit_id: str, position_id: str, *, legacy: bool = False
    ) -> tuple[str, DomainEvent]:
        """As personnel registers now (v2, personal data sealed: here absent), or as it
        did before (`legacy`: v1 with birth date and gender in plaintext)."""
        public: dict[str, Any] = {
            "nip": nip_,
            "name": f"Pegawai {nip_[-3:]}",
            "grade": "III/a",
            "unit_id": unit_id,
            "position_id": position_id,
            "tmt_position": date(2020, 1, 1),
        }
        if not legacy:
            return f"employee-{nip_}", EmployeeRegisteredV2(**public)
        birth = date(int(nip_[:4]), int(nip_[4:6]), int(nip_[6:8]))
        return (
            f"employee-{nip_}",
            EmployeeRegistered(**public, gender="M", birth_date=birth),
        )

    @staticmethod
    def effective(
        mutation_id: str, nip_: str, to_unit: str, to_post: str, tmt: date, **extra: Any
    ) -> tuple[str, DomainEvent]:
        return (
            f"mutation-{mutation_id}",
            MutationEffective(
                mutation_id=mutation_id,
                nip=nip_,
                from_unit_id="unit-lama",
                from_position_id="pos-lama",
                to_unit_id=to_unit,
                to_position_id=to_post,
                tmt=tmt,
                **extra,
            ),
        )

    @staticmethod
    def reassigned(
        nip_: str, from_unit: str, from_post: str, to_unit: str, to_post: str, tmt: date
    ) -> tuple[str, DomainEvent]:
        return (
            f"employee-{nip_}",
            EmployeeReassigned(
                nip=nip_,
                from_unit_id=from_unit,
                from_position_id=from_post,
                to_unit_id=to_unit,
                to_position_id=to_post,
                tmt=tmt,
            ),
        )


@pytest.fixture
def make() -> type[Factory]:
    return Factory


async def wait_for_plan(client: Any, plan_id: str, **expected: Any) -> dict[str, Any]:
    """Poll a plan until it exists and shows every expected top-level value."""

    async def check() -> dict[str, Any] | None:
        response = await client.get(f"/monitoring/plans/{plan_id}")
        if response.status_code != 200:
            return None
        plan = response.json()
        return plan if all(plan.get(k) == v for k, v in expected.items()) else None

    return await eventually(check, timeout=30)


@pytest.fixture
def plan_ready() -> Any:
    return wait_for_plan
