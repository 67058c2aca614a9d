"""The walking skeleton across the four services, as separate processes, over HTTP and the
real Kafka broker: a transfer proposed, approved, decreed and made effective moves the
employee in personnel, schedules monitoring in evaluation and puts a notice in the inbox."""

from __future__ import annotations

import json
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest

from rangkui_contracts.topics import MUTATION, PERSONNEL
from rangkui_eventkit.testing.kafka_tools import header, read_topic
from rangkui_eventkit.testing.plugin import eventually
from rangkui_eventkit.testing.system import System

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

SCHEMAS = Path(__file__).resolve().parents[2] / "contracts" / "schemas"
HEAD_NIP = "197501012000031002"
TEACHER_NIP = "199003152015032001"


async def seed_province(client: httpx.AsyncClient, personnel: str, suffix: str) -> dict[str, str]:
    ids = {
        "origin": f"sma-1-{suffix}",
        "target": f"sma-2-{suffix}",
        "teacher_origin": f"guru-mat-1-{suffix}",
        "teacher_target": f"guru-mat-2-{suffix}",
        "head_target": f"kepsek-2-{suffix}",
    }
    units = [
        {"unit_id": ids["origin"], "name": "SMA Negeri 1 Rangkui", "kind": "SMA", "region": "Kota Rangkui"},
        {"unit_id": ids["target"], "name": "SMA Negeri 2 Tanjung Batu", "kind": "SMA", "region": "Kabupaten Tanjung Batu"},
    ]
    for unit in units:
        r = await client.post(f"{personnel}/units", json=unit, headers=OPERATOR)
        assert r.status_code == 201, r.text
    positions = [
        (ids["teacher_origin"], ids["origin"], "Guru Matematika", 2, False),
        (ids["teacher_target"], ids["target"], "Guru Matematika", 3, False),
        (ids["head_target"], ids["target"], "Kepala Sekolah", 1, True),
    ]
    for pid, unit, title, formasi, head in positions:
        r = await client.post(
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
    return ids


OPERATOR = {"X-Actor": "operator.bkd"}
PPK = {"X-Actor": "ppk.gubernur"}


async def register(
    client: httpx.AsyncClient, personnel: str, nip: str, name: str, unit: str, position: str
) -> None:
    gender = "M" if nip[14] == "1" else "F"
    birth = date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    r = await client.post(
        f"{personnel}/employees",
        json={
            "nip": nip,
            "name": name,
            "gender": gender,
            "birth_date": birth.isoformat(),
            "grade": "III/b",
            "unit_id": unit,
            "position_id": position,
            "tmt_position": "2019-01-02",
            "education": [{"level": "S1", "field": "Pendidikan Matematika"}],
            "contact": {"email": f"{nip}@mail.rangkuiprov.go.id"},
        },
        headers=OPERATOR,
    )
    assert r.status_code == 201, r.text


async def transfer(
    client: httpx.AsyncClient, mutation: str, nip: str, unit: str, position: str
) -> str:
    async def propose() -> dict[str, Any] | None:
        r = await client.post(
            f"{mutation}/mutations",
            json={
                "nip": nip,
                "to_unit_id": unit,
                "to_position_id": position,
                "kind": "NEED_BASED",
                "reason": "SMA Negeri 2 kekurangan guru matematika",
            },
            headers=OPERATOR,
        )
        if r.status_code == 404:  # mutation has not yet consumed the registration
            return None
        assert r.status_code == 201, r.text
        return r.json()

    proposed = await eventually(propose, timeout=30)
    mutation_id = proposed["mutation_id"]
    r = await client.post(
        f"{mutation}/mutations/{mutation_id}/approve", json={"reasons": "sesuai kebutuhan"}, headers=PPK
    )
    assert r.status_code == 200, r.text
    r = await client.post(
        f"{mutation}/mutations/{mutation_id}/decree",
        json={
            "sk_number": f"800/{mutation_id[:6]}/BKD/2026",
            "sk_date": date.today().isoformat(),
            "tmt": date.today().isoformat(),
        },
        headers=PPK,
    )
    assert r.status_code == 200, r.text
    return mutation_id


async def test_an_effective_transfer_moves_the_employee_schedules_monitoring_and_notifies(
    system: System,
) -> None:
    personnel, mutation = system.url("personnel"), system.url("mutation")
    evaluation, notification = system.url("evaluation"), system.url("notification")
    async with httpx.AsyncClient(timeout=10) as client:
        ids = await seed_province(client, personnel, uuid.uuid4().hex[:6])
        await register(client, personnel, HEAD_NIP, "Drs. Bambang Sutrisno", ids["target"], ids["head_target"])
        await register(client, personnel, TEACHER_NIP, "Siti Rahmawati, S.Pd.", ids["origin"], ids["teacher_origin"])

        mutation_id = await transfer(client, mutation, TEACHER_NIP, ids["target"], ids["teacher_target"])

        async def moved() -> dict[str, Any] | None:
            r = await client.get(f"{personnel}/employees/{TEACHER_NIP}")
            body = r.json() if r.status_code == 200 else {}
            return body if body.get("unit_id") == ids["target"] else None

        employee = await eventually(moved, timeout=30)
        assert employee["position_id"] == ids["teacher_target"]

        async def planned() -> list[dict[str, Any]]:
            r = await client.get(f"{evaluation}/monitoring/plans", params={"nip": TEACHER_NIP})
            return r.json() if r.status_code == 200 else []

        plans = await eventually(planned, timeout=30)
        assert len(plans) == 1
        assert plans[0]["mutation_id"] == mutation_id
        assert plans[0]["evaluator_nip"] == HEAD_NIP
        assert len(plans[0]["checkpoints"]) == 3

        async def notified() -> list[dict[str, Any]]:
            r = await client.get(f"{notification}/inbox/{TEACHER_NIP}")
            return r.json() if r.status_code == 200 else []

        inbox = await eventually(notified, timeout=30)
        assert any("SMA Negeri 2 Tanjung Batu" in n["body"] for n in inbox)

    # What an outside consumer sees on the topics: CloudEvents headers and JSON bodies that
    # validate against the checked-in schemas.
    records = await read_topic(
        system.infra.kafka_bootstrap, MUTATION.qualified(system.topic_prefix), expect=4
    )
    records += await read_topic(
        system.infra.kafka_bootstrap, PERSONNEL.qualified(system.topic_prefix), expect=10
    )
    types = [header(r, "ce_type") for r in records]
    assert "rangkui.mutation.MutationEffective.v1" in types
    assert "rangkui.personnel.EmployeeReassigned.v1" in types
    for r in records:
        ce_type = header(r, "ce_type")
        assert header(r, "ce_specversion") == "1.0"
        assert header(r, "ce_subject") == r.key.decode()
        schema = json.loads((SCHEMAS / f"{ce_type}.json").read_text())
        jsonschema.validate(json.loads(r.value), schema)
