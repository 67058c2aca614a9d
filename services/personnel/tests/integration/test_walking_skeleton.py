"""Register units, posts and employees over HTTP and see them in the read models; react to
an effective transfer published on the real broker, exactly once."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import httpx
import pytest

from rangkui_contracts import Envelope
from rangkui_contracts.events.mutation import MutationEffective
from rangkui_contracts.topics import DEAD_LETTER, MUTATION
from rangkui_eventkit.testing.auth import acting
from rangkui_eventkit.testing.kafka_tools import header, read_topic

pytestmark = pytest.mark.integration

NIP = "198609262015051001"


async def seed(client: httpx.AsyncClient) -> None:
    for body in (
        {"unit_id": "dinkes", "name": "Dinas Kesehatan", "kind": "OPD", "region": "Kota Rangkui"},
        {
            "unit_id": "rsud-a",
            "name": "RSUD Rangkui Barat",
            "kind": "RSUD",
            "region": "Kabupaten Barat",
            "parent_unit_id": "dinkes",
        },
        {
            "unit_id": "rsud-b",
            "name": "RSUD Rangkui Timur",
            "kind": "RSUD",
            "region": "Kabupaten Timur",
            "parent_unit_id": "dinkes",
        },
    ):
        r = await client.post("/units", json=body, headers=acting("bkd-admin", "bkd_operator"))
        assert r.status_code == 201, r.text
    for unit in ("rsud-a", "rsud-b"):
        r = await client.post(
            "/positions",
            json={
                "position_id": f"{unit}-perawat",
                "unit_id": unit,
                "title": "Perawat Ahli Pertama",
                "jabatan_type": "FUNGSIONAL",
                "formasi": 3,
                "required_education_levels": ["D3", "S1"],
                "required_education_fields": ["Keperawatan"],
                "grade_min": "III/a",
                "grade_max": "III/d",
            },
        )
        assert r.status_code == 201, r.text


def employee(**overrides: Any) -> dict[str, Any]:
    return {
        "nip": NIP,
        "name": "Budi Santoso",
        "gender": "M",
        "birth_date": "1986-09-26",
        "grade": "III/b",
        "unit_id": "rsud-a",
        "position_id": "rsud-a-perawat",
        "tmt_position": "2019-01-01",
        "education": [{"level": "S1", "field": "Keperawatan", "year": 2009}],
        "competencies": ["triase"],
        "contact": {"email": "budi@example.org", "phone": "0812000"},
    } | overrides


def staffing_of(rows: list[dict[str, Any]]) -> dict[str, tuple[int, int, int]]:
    return {r["position_id"]: (r["formasi"], r["bezetting"], r["gap"]) for r in rows}


async def test_registers_an_employee_and_shows_them_with_history_and_staffing(
    client: httpx.AsyncClient, poll: Any
) -> None:
    await seed(client)
    r = await client.post("/employees", json=employee())
    assert r.status_code == 201, r.text
    assert r.json()["stream_id"] == f"employee-{NIP}"

    shown = await poll(f"/employees/{NIP}")
    assert shown["unit_id"] == "rsud-a"
    assert shown["position_id"] == "rsud-a-perawat"
    assert shown["rank_name"] == "Penata Muda Tk I"
    assert shown["contact"] == {"email": "budi@example.org", "phone": "0812000"}
    assert [(h["kind"], h["unit_id"]) for h in shown["history"]] == [
        ("GRADE", None),
        ("POSITION", "rsud-a"),
    ]
    rows = await poll(
        "/staffing", lambda rows: staffing_of(rows).get("rsud-a-perawat", (0, 0))[1] == 1
    )
    assert staffing_of(rows) == {"rsud-a-perawat": (3, 1, 2), "rsud-b-perawat": (3, 0, 3)}
    units = await poll("/units", lambda u: len(u) == 3)
    assert {u["unit_id"]: u["parent_unit_id"] for u in units}["rsud-a"] == "dinkes"


async def test_refuses_a_duplicate_nip_with_409(client: httpx.AsyncClient) -> None:
    await seed(client)
    assert (await client.post("/employees", json=employee())).status_code == 201
    r = await client.post("/employees", json=employee(name="Someone Else"))
    assert r.status_code == 409
    assert r.json()["message"] == f"an employee with NIP {NIP} is already registered"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"unit_id": "nowhere"}, "unit nowhere is not a registered unit"),
        ({"position_id": "ghost"}, "post ghost is not an established post"),
        ({"position_id": "rsud-b-perawat"}, "belongs to unit rsud-b, not to unit rsud-a"),
        ({"nip": "198602302015051001"}, "(19860230) are not a real birth date"),
        ({"birth_date": "1986-09-27"}, "birth date 1986-09-27 contradicts the NIP"),
        ({"grade": "III/e"}, "is not a golongan/ruang"),
    ],
)
async def test_refuses_an_invalid_registration_with_422_naming_the_problem(
    client: httpx.AsyncClient, overrides: dict[str, Any], message: str
) -> None:
    await seed(client)
    r = await client.post("/employees", json=employee(**overrides))
    assert r.status_code == 422, r.text
    assert message in r.json()["message"]


def effective(
    mutation_id: str, to_unit: str = "rsud-b", version: int = 4, subject: str | None = None
) -> Envelope:
    event = MutationEffective(
        mutation_id=mutation_id,
        nip=NIP,
        from_unit_id="rsud-a",
        from_position_id="rsud-a-perawat",
        to_unit_id=to_unit,
        to_position_id=f"{to_unit}-perawat",
        tmt=date(2026, 1, 1),
        sk_number="800/123/BKD/2025",
    )
    return Envelope.wrap(
        event,
        source="/rangkui/mutation",
        subject=subject or f"mutation-{mutation_id}",
        correlationid=str(uuid.uuid4()),
        actor="pejabat-ppk",
        streamversion=version,
    )


async def test_moves_the_employee_exactly_once_when_a_transfer_becomes_effective(
    client: httpx.AsyncClient, poll: Any, publish: Any, topic_prefix: str
) -> None:
    await seed(client)
    assert (await client.post("/employees", json=employee())).status_code == 201
    await poll(f"/employees/{NIP}")
    topic = MUTATION.qualified(topic_prefix)
    mutation_id = f"m-{uuid.uuid4().hex[:8]}"
    first = effective(mutation_id)
    # the same record twice (the kit skips it by stream version), then the same transfer as
    # a later event of its stream (only the decider can tell it was applied already)
    await publish(topic, [first, first])
    await publish(topic, [effective(mutation_id, version=5)])

    moved = await poll(f"/employees/{NIP}", lambda e: e["unit_id"] == "rsud-b")
    assert moved["position_id"] == "rsud-b-perawat"
    positions = [h for h in moved["history"] if h["kind"] == "POSITION"]
    assert [(h["unit_id"], h["valid_to"], h["mutation_id"]) for h in positions] == [
        ("rsud-a", "2026-01-01", None),
        ("rsud-b", None, mutation_id),
    ]
    rows = await poll("/staffing", lambda rows: staffing_of(rows)["rsud-b-perawat"][1] == 1)
    assert staffing_of(rows) == {"rsud-a-perawat": (3, 0, 3), "rsud-b-perawat": (3, 1, 2)}

    # a marker after the duplicates on their partition: once applied, they were all consumed
    marker = f"m-{uuid.uuid4().hex[:8]}"
    await publish(topic, [effective(marker, to_unit="rsud-a", version=6, subject=first.subject)])
    await poll(f"/employees/{NIP}", lambda e: e["unit_id"] == "rsud-a")
    service = client._transport.app.state.service  # type: ignore[attr-defined]
    types = await service.pool.fetch(
        "SELECT event_type, data->>'mutation_id' AS m FROM events "
        "WHERE stream_id = $1 ORDER BY version",
        f"employee-{NIP}",
    )
    assert [(t["event_type"].split(".")[2], t["m"]) for t in types] == [
        ("EmployeeRegistered", None),
        ("EmployeeReassigned", mutation_id),
        ("EmployeeReassigned", marker),
    ]


async def test_a_transfer_of_an_unknown_employee_goes_to_the_dead_letters_with_the_reason(
    client: httpx.AsyncClient, publish: Any, infra: Any, topic_prefix: str
) -> None:
    await seed(client)
    await publish(MUTATION.qualified(topic_prefix), [effective("m-ghost")])
    [letter] = await read_topic(
        infra.kafka_bootstrap, DEAD_LETTER.qualified(topic_prefix), expect=1, timeout=60
    )
    reason = header(letter, "dlq_reason") or ""
    assert f"no employee with NIP {NIP} is registered" in reason
