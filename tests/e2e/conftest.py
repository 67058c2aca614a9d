"""Fixtures of the end-to-end tests: the running system and a small province to drive."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from rangkui_deploy.acls import namespaced_acls_file

from rangkui_eventkit.kafka import ensure_topics
from rangkui_eventkit.testing.auth import acting, bearer
from rangkui_eventkit.testing.infra import Infra
from rangkui_eventkit.testing.plugin import eventually
from rangkui_eventkit.testing.system import System, province_today

OPERATOR = acting("operator.bkd", "bkd_operator")
PPK = acting("ppk.gubernur", "ppk")
READER = bearer(roles=["bkd_operator", "auditor"], sub="e2e.reader")


VERIFIER = acting("verifikator.bkd", "bkd_operator")
TPK_MEMBERS = ("tpk.sekda", "tpk.inspektur", "tpk.kepala-bkd")
TPK = acting(TPK_MEMBERS[0], "tpk_member")
DOCUMENTS = (
    "REQUEST_LETTER",
    "ORIGIN_APPROVAL_LETTER",
    "JOB_AND_WORKLOAD_ANALYSIS",
    "LATEST_RANK_SK",
    "PERFORMANCE_APPRAISALS",
    "DISCIPLINE_STATEMENT",
    "STUDY_OBLIGATION_STATEMENT",
    "CLEAN_AUDIT_CERTIFICATE",
)


async def _post_ok(
    client: httpx.AsyncClient, url: str, body: Any, headers: dict[str, str]
) -> dict[str, Any]:
    r = await client.post(url, json=body, headers=headers)
    assert r.status_code == 200, f"{url}: {r.status_code} {r.text}"
    return r.json()


async def ready_for_decision(client: httpx.AsyncClient, transfer_url: str) -> None:
    """The full process before the PPK decides: the documents check of a complete file and
    the TPK's sidang (members present, berita acara), as the default policy requires."""
    items = [{"code": c, "present": True, "reference": f"B-{c}"} for c in DOCUMENTS]
    await _post_ok(client, f"{transfer_url}/documents", {"items": items}, VERIFIER)
    sidang = {
        "recommended": True,
        "notes": "sesuai kebutuhan dan pola karier",
        "members_present": list(TPK_MEMBERS),
        "berita_acara_ref": "BA/TPK/E2E/2026",
    }
    await _post_ok(client, f"{transfer_url}/review", sidang, TPK)


async def socialised_and_acknowledged(
    client: httpx.AsyncClient, transfer_url: str, nip: str
) -> None:
    """The approved transfer explained to the employee, who acknowledges it (so the decree
    need not wait for the end of the objection window)."""
    message = {"message": "Anda dibutuhkan di SMA Negeri 2 Tanjung Batu"}
    await _post_ok(client, f"{transfer_url}/socialize", message, OPERATOR)
    await _post_ok(client, f"{transfer_url}/acknowledge", None, acting(nip, "employee"))


class FullProcess:
    """The steps of the default (full) process, for tests that drive a transfer their own
    way (`process` fixture): the e2e files import nothing from one another."""

    ready_for_decision = staticmethod(ready_for_decision)
    socialised_and_acknowledged = staticmethod(socialised_and_acknowledged)


@pytest.fixture
def process() -> FullProcess:
    return FullProcess()


@pytest.fixture
async def system(
    request: pytest.FixtureRequest, infra: Infra, topic_prefix: str, tmp_path: Path
) -> AsyncIterator[System]:
    """All four services as separate processes on this test's topics and databases; with
    the parameter "sasl" (indirect), each as its own SCRAM user with production's ACLs."""
    sasl = getattr(request, "param", "plaintext") == "sasl"
    system = System(infra, topic_prefix, tmp_path, sasl=sasl)
    try:
        if sasl:
            request.getfixturevalue("kafka_sasl_bootstrap")  # fails loudly where it is missing
            await ensure_topics(infra.kafka_bootstrap, topic_prefix, partitions=1)
            await system.grant_acls(namespaced_acls_file(topic_prefix))
        await system.start()
        yield system
    finally:
        await system.close()


@dataclass
class Province:
    """Two schools, their posts, and helpers to register people and transfer them."""

    system: System
    client: httpx.AsyncClient
    suffix: str = field(default_factory=lambda: uuid.uuid4().hex[:6])

    def id(self, name: str) -> str:
        return f"{name}-{self.suffix}"

    async def seed(self) -> None:
        personnel = self.system.url("personnel")
        units = [
            (self.id("sma-1"), "SMA Negeri 1 Rangkui", "Kota Rangkui"),
            (self.id("sma-2"), "SMA Negeri 2 Tanjung Batu", "Kabupaten Tanjung Batu"),
        ]
        for unit_id, name, region in units:
            r = await self.client.post(
                f"{personnel}/units",
                json={"unit_id": unit_id, "name": name, "kind": "SMA", "region": region},
                headers=OPERATOR,
            )
            assert r.status_code == 201, r.text
        positions = [
            (self.id("guru-mat-1"), self.id("sma-1"), "Guru Matematika", 3, False),
            (self.id("guru-mat-2"), self.id("sma-2"), "Guru Matematika", 4, False),
            (self.id("kepsek-2"), self.id("sma-2"), "Kepala Sekolah", 1, True),
        ]
        for pid, unit, title, formasi, head in positions:
            r = await self.client.post(
                f"{personnel}/positions",
                json={
                    "position_id": pid,
                    "unit_id": unit,
                    "title": title,
                    "jabatan_type": "FUNGSIONAL",
                    "formasi": formasi,
                    "is_head_of_unit": head,
                    "required_education_levels": ["S1"],
                    "required_education_fields": ["Pendidikan Matematika"],
                },
                headers=OPERATOR,
            )
            assert r.status_code == 201, r.text

    async def register(self, nip: str, name: str, unit: str, position: str) -> None:
        gender = "M" if nip[14] == "1" else "F"
        birth = date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
        r = await self.client.post(
            f"{self.system.url('personnel')}/employees",
            json={
                "nip": nip,
                "name": name,
                "gender": gender,
                "birth_date": birth.isoformat(),
                "grade": "III/b",
                "unit_id": self.id(unit),
                "position_id": self.id(position),
                "tmt_position": "2019-01-02",
                "education": [{"level": "S1", "field": "Pendidikan Matematika"}],
                "contact": {"email": f"{nip}@mail.rangkuiprov.go.id"},
            },
            headers=OPERATOR,
        )
        assert r.status_code == 201, r.text

    async def transfer(self, nip: str, unit: str, position: str) -> str:
        """The full process: propose, documents, TPK sidang, approve, socialise, the
        employee acknowledges, decree with TMT today; returns the mutation id."""
        mutation = self.system.url("mutation")

        async def propose() -> dict[str, Any] | None:
            r = await self.client.post(
                f"{mutation}/mutations",
                json={
                    "nip": nip,
                    "to_unit_id": self.id(unit),
                    "to_position_id": self.id(position),
                    "kind": "NEED_BASED",
                    "reason": "SMA Negeri 2 kekurangan guru matematika",
                },
                headers=OPERATOR,
            )
            if r.status_code == 404:  # mutation has not consumed the registration yet
                return None
            assert r.status_code == 201, r.text
            return r.json()

        proposed = await eventually(propose, timeout=30)
        mutation_id: str = proposed["mutation_id"]
        transfer_url = f"{mutation}/mutations/{mutation_id}"
        await ready_for_decision(self.client, transfer_url)
        r = await self.client.post(
            f"{transfer_url}/approve", json={"reasons": "sesuai kebutuhan"}, headers=PPK
        )
        assert r.status_code == 200, r.text
        await socialised_and_acknowledged(self.client, transfer_url, nip)
        today = province_today().isoformat()
        r = await self.client.post(
            f"{mutation}/mutations/{mutation_id}/decree",
            json={"sk_number": f"800/{mutation_id[:6]}/BKD/2026", "sk_date": today, "tmt": today},
            headers=PPK,
        )
        assert r.status_code == 200, r.text
        return mutation_id

    async def ready_for_decision(self, transfer_url: str) -> None:
        await ready_for_decision(self.client, transfer_url)

    async def employee(self, nip: str) -> dict[str, Any]:
        r = await self.client.get(f"{self.system.url('personnel')}/employees/{nip}")
        return r.json() if r.status_code == 200 else {}

    async def plans(self, nip: str) -> list[dict[str, Any]]:
        r = await self.client.get(
            f"{self.system.url('evaluation')}/monitoring/plans", params={"nip": nip}
        )
        return r.json() if r.status_code == 200 else []

    async def inbox(self, recipient: str) -> list[dict[str, Any]]:
        r = await self.client.get(f"{self.system.url('notification')}/inbox/{recipient}")
        return r.json() if r.status_code == 200 else []


@pytest.fixture
async def province(system: System) -> AsyncIterator[Province]:
    async with httpx.AsyncClient(timeout=10, headers=READER) as client:
        p = Province(system, client)
        await p.seed()
        yield p
