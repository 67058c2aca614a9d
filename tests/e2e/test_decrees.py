"""One decree for twenty transfers across the four services as processes, over HTTP and the
real Kafka broker: the rows take effect one by one on the TMT while one, whose employee came
under disciplinary proceedings after the decree, is held alone; then the PPK's revoking decree
moves one person back, and personnel, evaluation and notification all follow. A ralat in
between re-issues one person's petikan."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from rangkui_eventkit.testing.auth import acting
from rangkui_eventkit.testing.infra import Infra
from rangkui_eventkit.testing.plugin import eventually
from rangkui_eventkit.testing.system import System, province_today

from .conftest import OPERATOR, PPK, READER, FullProcess

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

ROWS = 20
HEAD_NIP = "197501012000031002"
NIPS = [f"1990031520150320{i:02d}" for i in range(1, ROWS + 1)]


@pytest.fixture
async def system(infra: Infra, topic_prefix: str, tmp_path: Path) -> AsyncIterator[System]:
    """The four services; mutation's TMT scheduler off until the test turns it on (the
    province's real calendar cannot be moved, so the decree is made for today)."""
    system = System(infra, topic_prefix, tmp_path, settings={"MUTATION_RUN_SCHEDULER": "false"})
    try:
        await system.start()
        yield system
    finally:
        await system.close()


async def created(client: httpx.AsyncClient, url: str, body: dict[str, Any]) -> None:
    r = await client.post(url, json=body, headers=OPERATOR)
    assert r.status_code == 201, r.text


async def seed(client: httpx.AsyncClient, personnel: str) -> None:
    for unit_id, name, region in (
        ("sma-1", "SMA Negeri 1 Rangkui", "Kota Rangkui"),
        ("sma-2", "SMA Negeri 2 Tanjung Batu", "Kabupaten Tanjung Batu"),
    ):
        unit = {"unit_id": unit_id, "name": name, "kind": "SMA", "region": region}
        await created(client, f"{personnel}/units", unit)
    for position_id, unit_id, title, formasi, head in (
        ("guru-mat-1", "sma-1", "Guru Matematika", ROWS + 2, False),
        ("guru-mat-2", "sma-2", "Guru Matematika", ROWS + 2, False),
        ("kepsek-2", "sma-2", "Kepala Sekolah", 1, True),
    ):
        await created(client, f"{personnel}/positions", {
            "position_id": position_id, "unit_id": unit_id, "title": title,
            "jabatan_type": "FUNGSIONAL", "formasi": formasi, "is_head_of_unit": head,
            "required_education_levels": ["S1"],
            "required_education_fields": ["Pendidikan Matematika"],
        })  # fmt: skip
    for nip, name, unit, post in (
        (HEAD_NIP, "Drs. Bambang Sutrisno", "sma-2", "kepsek-2"),
        *((nip, f"Guru Matematika {i:02d}", "sma-1", "guru-mat-1") for i, nip in enumerate(NIPS)),
    ):
        birth = f"{nip[0:4]}-{nip[4:6]}-{nip[6:8]}"  # as the NIP encodes them
        await created(client, f"{personnel}/employees", {
            "nip": nip, "name": name, "gender": "M" if nip[14] == "1" else "F",
            "birth_date": birth,
            "grade": "III/b", "unit_id": unit, "position_id": post,
            "tmt_position": "2019-01-02",
            "education": [{"level": "S1", "field": "Pendidikan Matematika"}],
            "contact": {"email": f"{nip}@mail.rangkuiprov.go.id"},
        })  # fmt: skip


async def ready_for_its_decree(
    client: httpx.AsyncClient, mutation: str, nip: str, process: FullProcess
) -> str:
    async def propose() -> str | None:
        r = await client.post(f"{mutation}/mutations", json={
            "nip": nip, "to_unit_id": "sma-2", "to_position_id": "guru-mat-2",
            "kind": "ROTATION", "reason": "Rotasi guru matematika antarsekolah",
        }, headers=OPERATOR)  # fmt: skip
        if r.status_code == 404:  # mutation has not consumed the registration yet
            return None
        assert r.status_code == 201, r.text
        return str(r.json()["mutation_id"])

    mutation_id = await eventually(propose, timeout=60)
    url = f"{mutation}/mutations/{mutation_id}"
    await process.ready_for_decision(client, url)
    r = await client.post(f"{url}/approve", json={"reasons": "sesuai rotasi"}, headers=PPK)
    assert r.status_code == 200, r.text
    await process.socialised_and_acknowledged(client, url, nip)
    return mutation_id


async def test_a_twenty_row_decree_takes_effect_row_by_row_and_a_revocation_moves_one_back(
    system: System, process: FullProcess
) -> None:
    personnel, mutation = system.url("personnel"), system.url("mutation")
    evaluation, notification = system.url("evaluation"), system.url("notification")
    async with httpx.AsyncClient(timeout=30, headers=READER) as client:
        await seed(client, personnel)
        ids = [await ready_for_its_decree(client, mutation, nip, process) for nip in NIPS]
        today = province_today()
        r = await client.post(f"{mutation}/decrees", json={
            "mutation_ids": ids, "sk_number": "800/2207/BKD/2026",
            "sk_date": today.isoformat(), "tmt": today.isoformat(),
        }, headers=PPK)  # fmt: skip
        assert r.status_code == 201, r.text
        decree = r.json()
        assert len(decree["rows"]) == ROWS
        pdf = await client.get(f"{mutation}{decree['document_url']}")
        assert hashlib.sha256(pdf.content).hexdigest() == decree["document_sha256"]

        # After the decree, before its TMT is processed, one teacher comes under
        # disciplinary proceedings: their row must be held, the others not.
        held_nip = NIPS[-1]
        r = await client.post(f"{personnel}/employees/{held_nip}/status", json={
            "status": "DISCIPLINARY", "since": today.isoformat(),
            "reason": "pemeriksaan disiplin",
        }, headers=OPERATOR)  # fmt: skip
        assert r.status_code == 200, r.text

        async def mutation_knows() -> bool:
            r = await client.get(f"{mutation}/employees/{held_nip}")
            return r.status_code == 200 and r.json()["status"] == "DISCIPLINARY"

        await eventually(mutation_knows, timeout=30)
        system.services["mutation"].env["MUTATION_RUN_SCHEDULER"] = "true"
        await system.restart("mutation", crash=False)

        async def settled() -> dict[str, str] | None:
            r = await client.get(
                f"{mutation}/mutations", params={"decree_id": decree["decree_id"], "limit": 50}
            )
            found = {m["nip"]: m["status"] for m in r.json()["items"]}
            return found if "DECREED" not in found.values() and len(found) == ROWS else None

        statuses = await eventually(settled, timeout=90)
        assert statuses[held_nip] == "HELD"
        assert [statuses[n] for n in NIPS[:-1]] == ["EFFECTIVE"] * (ROWS - 1)

        async def unit_of(nip: str) -> str | None:
            r = await client.get(f"{personnel}/employees/{nip}")
            return r.json()["unit_id"] if r.status_code == 200 else None

        async def everyone_placed() -> bool:
            return [await unit_of(n) for n in NIPS] == ["sma-2"] * (ROWS - 1) + ["sma-1"]

        await eventually(everyone_placed, timeout=60)

        # A ralat corrects one row's new post: the decree and that person's petikan are
        # re-issued; the first document stays genuine but reads as superseded.
        petikan_url = f"{mutation}/decrees/{decree['decree_id']}/petikan/{NIPS[1]}"
        before = (await client.get(petikan_url)).content
        r = await client.post(f"{mutation}/decrees/{decree['decree_id']}/correct", json={
            "sk_number": "800/2300/BKD/2026", "sk_date": today.isoformat(),
            "reason": "Salah tulis jabatan baru",
            "corrections": [{"mutation_id": ids[1], "field": "to_position",
                             "after": "Guru Matematika Ahli Muda"}],
        }, headers=PPK)  # fmt: skip
        assert r.status_code == 200, r.text
        assert (r.json()["status"], r.json()["rows"][1]["to_position"]) == (
            "DIRALAT",
            "Guru Matematika Ahli Muda",
        )
        after = (await client.get(petikan_url)).content
        assert after.startswith(b"%PDF-")
        assert after != before
        first = await client.get(
            f"{mutation}/decrees/{decree['decree_id']}/verify",
            params={"sha256": decree["document_sha256"]},
        )
        assert (first.json()["genuine"], first.json()["matched"]) == (True, "SUPERSEDED_DOCUMENT")

        # The PPK revokes one row: the person goes back, their plan is cancelled, they are told.
        back_nip, back_id = NIPS[0], ids[0]
        r = await client.post(f"{mutation}/decrees/{decree['decree_id']}/revoke", json={
            "sk_number": "800/2301/BKD/2026", "sk_date": today.isoformat(),
            "reason": "Penempatan tidak sesuai formasi", "mutation_ids": [back_id],
        }, headers=PPK)  # fmt: skip
        assert r.status_code == 200, r.text

        async def back_in_sma_1() -> bool:
            return await unit_of(back_nip) == "sma-1"

        await eventually(back_in_sma_1, timeout=60)

        async def plan_cancelled() -> bool:
            r = await client.get(f"{evaluation}/monitoring/plans", params={"nip": back_nip})
            plans = r.json() if r.status_code == 200 else []
            return bool(plans) and all(p["status"] == "CANCELLED" for p in plans)

        await eventually(plan_cancelled, timeout=60)

        async def told() -> bool:
            r = await client.get(
                f"{notification}/inbox/{back_nip}", headers=acting(back_nip, "employee")
            )
            inbox = r.json() if r.status_code == 200 else []
            return any("800/2301/BKD/2026" in n["subject"] for n in inbox)

        await eventually(told, timeout=60)
        r = await client.get(
            f"{mutation}/decrees/{decree['decree_id']}/verify",
            params={"sha256": decree["document_sha256"]},
        )
        assert (r.json()["genuine"], r.json()["status"]) == (True, "DIBATALKAN SEBAGIAN")
        assert await unit_of(NIPS[1]) == "sma-2"  # the others stay where the decree put them
