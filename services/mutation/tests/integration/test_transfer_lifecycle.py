"""The transfer lifecycle in process against the real Kafka and PostgreSQL: personnel events
in through the real producer, commands over HTTP, MutationEffective out on the topic."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta
from typing import Any

import asyncpg
import httpx
import pytest

from rangkui_contracts.events.keys import PersonalDataKeyIssued
from rangkui_contracts.topics import MUTATION, PERSONNEL_KEYS
from rangkui_eventkit.personal_data import (
    DEVELOPMENT_TRANSPORT_KEY,
    b64u_encode,
    new_data_key,
    new_key_id,
    wrap_key,
)
from rangkui_eventkit.testing.auth import acting, bearer
from rangkui_eventkit.testing.kafka_tools import header, read_topic
from rangkui_eventkit.testing.plugin import eventually, serve_in_process
from rangkui_eventkit.testing.scan import tables_holding
from rangkui_mutation.bootstrap import build_service, create_app
from rangkui_mutation.service_layer.scheduler import make_due_transfers_effective
from rangkui_mutation.settings import MutationSettings

from .conftest import TODAY, Clock, Publish, answered, employee, post, ready_for_decision, unit

pytestmark = pytest.mark.integration

NIP = "199003152015032001"
OTHER_NIP = "198807122012031003"
OPERATOR = acting("operator.bkd", "bkd_operator")
PPK = acting("ppk.gubernur", "ppk")
EFFECTIVE = "rangkui.mutation.MutationEffective.v1"


async def seed(publish: Publish, *, target_formasi: int = 3) -> None:
    await publish(
        [
            unit("sma-1", "SMA Negeri 1 Rangkui"),
            unit("sma-2", "SMA Negeri 2 Tanjung Batu"),
            post("guru-mat-1", "sma-1", 2),
            post("guru-mat-2", "sma-2", target_formasi),
            employee(NIP, "sma-1", "guru-mat-1"),
            employee(OTHER_NIP, "sma-1", "guru-mat-1"),
        ]
    )


async def propose(client: httpx.AsyncClient, nip: str = NIP) -> str:
    """Propose once the employee reached the read model (404 until then)."""

    async def attempt() -> str | None:
        r = await client.post(
            "/mutations",
            json={
                "nip": nip,
                "to_unit_id": "sma-2",
                "to_position_id": "guru-mat-2",
                "kind": "NEED_BASED",
                "reason": "SMA Negeri 2 kekurangan guru matematika",
            },
            headers=OPERATOR,
        )
        if r.status_code == 404:
            return None
        assert r.status_code == 201, r.text
        return r.json()["mutation_id"]

    return await eventually(attempt, timeout=20)


async def decree(client: httpx.AsyncClient, mutation_id: str, tmt: Any) -> None:
    r = await client.post(
        f"/mutations/{mutation_id}/decree",
        json={"sk_number": "800/17/BKD/2026", "sk_date": TODAY.isoformat(), "tmt": tmt.isoformat()},
        headers=PPK,
    )
    assert r.status_code == 200, r.text


async def effective_records(settings: MutationSettings, expect: int = 1) -> list[Any]:
    records = await read_topic(
        settings.kafka_bootstrap_servers,
        MUTATION.qualified(settings.topic_prefix),
        expect=expect,
        timeout=15,
    )
    return [r for r in records if header(r, "ce_type") == EFFECTIVE]


async def test_a_proposed_approved_and_decreed_transfer_becomes_effective_on_its_tmt(
    settings: MutationSettings, publish_personnel: Publish, clock: Clock
) -> None:
    await seed(publish_personnel)
    async with serve_in_process(create_app(settings, clock=clock)) as client:
        mutation_id = await propose(client)
        await ready_for_decision(client, mutation_id)
        r = await client.post(
            f"/mutations/{mutation_id}/approve", json={"reasons": "sesuai kebutuhan"}, headers=PPK
        )
        assert r.status_code == 200, r.text
        assert r.json()["status"] == "APPROVED"
        await answered(client, mutation_id, NIP)
        await decree(client, mutation_id, TODAY)

        async def effective() -> dict[str, Any] | None:
            r = await client.get(f"/mutations/{mutation_id}")
            return r.json() if r.status_code == 200 and r.json()["status"] == "EFFECTIVE" else None

        view = await eventually(effective, timeout=15)
        board = (await client.get("/pipeline", params={"unit_id": "sma-2"})).json()
        history = (await client.get(f"/employees/{NIP}/mutations")).json()

        # A rebuild replays the topic into an empty read model: the same view comes back.
        r = await client.post("/admin/projections/mutation_board/rebuild")
        assert r.status_code == 202

        async def rebuilt() -> dict[str, Any] | None:
            r = await client.get(f"/mutations/{mutation_id}")
            return r.json() if r.status_code == 200 and len(r.json()["timeline"]) == 8 else None

        assert await eventually(rebuilt, timeout=15) == view

    assert [(b["status"], b["kind"], b["count"]) for b in board] == [("EFFECTIVE", "NEED_BASED", 1)]
    assert [h["mutation_id"] for h in history] == [mutation_id]
    assert [(s["step"], s["actor"]) for s in view["timeline"]] == [
        ("PROPOSED", "operator.bkd"),
        ("DOCUMENTS_CHECKED", "verifikator.bkd"),
        ("REVIEWED", "tpk.sekda"),
        ("APPROVED", "ppk.gubernur"),
        ("SOCIALIZED", "sosialisasi.bkd"),
        ("ACKNOWLEDGED", NIP),
        ("DECREED", "ppk.gubernur"),
        ("EFFECTIVE", "system.scheduler"),
    ]
    assert view["timeline"][3]["reason"] == "sesuai kebutuhan"
    sidang = view["timeline"][2]["details"]
    assert sidang["members_present"] == ["tpk.sekda", "tpk.inspektur", "tpk.kepala-bkd"]
    assert (sidang["quorum"], sidang["berita_acara_ref"]) == (3, f"BA/TPK/{mutation_id[:8]}")
    assert view["timeline"][3]["details"]["steps_skipped"] == []
    policy = view["timeline"][3]["details"]["policy"]
    assert (policy["min_years_in_post"], policy["tpk_quorum"]) == (2.0, 3)
    assert view["timeline"][6]["details"]["policy"]["version"] == policy["version"]
    assert view["timeline"][4]["details"]["objection_deadline"] == "2026-12-12"
    assert (view["from_unit_id"], view["to_unit_id"]) == ("sma-1", "sma-2")
    [record] = await effective_records(settings, expect=8)
    body = json.loads(record.value)
    assert body["mutation_id"] == mutation_id
    assert body["from_position_id"] == "guru-mat-1"
    assert body["to_position_id"] == "guru-mat-2"
    assert body["tmt"] == TODAY.isoformat()
    assert body["sk_number"] == "800/17/BKD/2026"


async def test_proposing_a_transfer_for_an_unknown_employee_says_so(
    settings: MutationSettings, clock: Clock
) -> None:
    async with serve_in_process(create_app(settings, clock=clock)) as client:
        r = await client.post(
            "/mutations",
            json={
                "nip": "197001012000031001",
                "to_unit_id": "sma-2",
                "to_position_id": "guru-mat-2",
                "kind": "ROTATION",
                "reason": "rotasi",
            },
            headers=OPERATOR,
        )
    assert r.status_code == 404
    assert "unknown employee 197001012000031001" in r.json()["message"]


@pytest.mark.slow
async def test_a_restart_between_decree_and_tmt_makes_the_transfer_effective_exactly_once(
    settings: MutationSettings, publish_personnel: Publish, clock: Clock
) -> None:
    await seed(publish_personnel)
    tmt = TODAY + timedelta(days=1)
    async with serve_in_process(create_app(settings, clock=clock)) as client:
        mutation_id = await propose(client)
        await ready_for_decision(client, mutation_id)
        assert (await client.post(f"/mutations/{mutation_id}/approve", headers=PPK)).is_success
        await answered(client, mutation_id, NIP)
        await decree(client, mutation_id, tmt)

        async def decreed() -> bool:
            r = await client.get(f"/mutations/{mutation_id}")
            return r.status_code == 200 and r.json()["status"] == "DECREED"

        await eventually(decreed, timeout=15)  # many scheduler ticks passed meanwhile
    assert await effective_records(settings, expect=7) == []

    clock.set(tmt)  # the service was down when the TMT came
    async with serve_in_process(create_app(settings, clock=clock)) as client:

        async def effective() -> bool:
            r = await client.get(f"/mutations/{mutation_id}")
            return r.status_code == 200 and r.json()["status"] == "EFFECTIVE"

        await eventually(effective, timeout=20)
    async with serve_in_process(create_app(settings, clock=clock)) as client:
        # A third start on the same day finds nothing left to do.
        assert (await client.get("/healthz")).is_success

    records = await effective_records(settings, expect=8)
    assert [json.loads(r.value)["mutation_id"] for r in records] == [mutation_id]
    conn = await asyncpg.connect(settings.database_url)
    try:
        count = await conn.fetchval("SELECT count(*) FROM events WHERE event_type = $1", EFFECTIVE)
    finally:
        await conn.close()
    assert count == 1


async def test_two_schedulers_racing_on_a_due_transfer_make_it_effective_once(
    settings: MutationSettings, publish_personnel: Publish, clock: Clock
) -> None:
    await seed(publish_personnel)
    quiet = settings.model_copy(update={"run_scheduler": False})
    async with serve_in_process(create_app(quiet, clock=clock)) as client:
        mutation_id = await propose(client)
        await ready_for_decision(client, mutation_id)
        assert (await client.post(f"/mutations/{mutation_id}/approve", headers=PPK)).is_success
        await answered(client, mutation_id, NIP)
        await decree(client, mutation_id, TODAY)
    replicas = [build_service(quiet, clock=clock) for _ in range(2)]
    for replica in replicas:
        await replica.start()
    try:
        results = await asyncio.gather(
            *(make_due_transfers_effective(r.deps) for r in replicas for _ in range(3))
        )
    finally:
        for replica in replicas:
            await replica.stop()
    assert sum(len(made) for made in results) == 1


async def test_of_two_replicas_one_scheduler_leads_and_the_other_takes_over_when_it_stops(
    settings: MutationSettings, clock: Clock
) -> None:
    quiet = settings.model_copy(update={"run_consumers": False, "run_relay": False})
    replicas = [build_service(quiet, clock=clock) for _ in range(2)]
    for replica in replicas:
        await replica.start()
    schedulers = [r.workers["scheduler"] for r in replicas]
    stopped: list[Any] = []
    try:
        leader = await eventually(lambda: next((s for s in schedulers if s.leading), None))
        standby = next(s for s in schedulers if s is not leader)
        ticks = leader.ticks
        await eventually(lambda: leader.ticks >= ticks + 3)  # several ticks of the leader...
        assert not standby.leading
        assert standby.ticks == 0
        stopped.append(replicas[schedulers.index(leader)])
        await stopped[0].stop()
        await eventually(lambda: standby.leading and standby.ticks > 0, timeout=20)
    finally:
        for replica in replicas:
            if replica not in stopped:
                await replica.stop()


async def test_two_approvals_racing_for_the_last_free_place_let_exactly_one_win(
    settings: MutationSettings, publish_personnel: Publish, clock: Clock
) -> None:
    await seed(publish_personnel, target_formasi=1)
    async with serve_in_process(create_app(settings, clock=clock)) as client:
        first = await propose(client, NIP)
        second = await propose(client, OTHER_NIP)
        for m in (first, second):
            await ready_for_decision(client, m)
        responses = await asyncio.gather(
            *(client.post(f"/mutations/{m}/approve", headers=PPK) for m in (first, second))
        )
    assert sorted(r.status_code for r in responses) == [200, 409]
    loser = next(r for r in responses if r.status_code == 409).json()
    assert loser["rule"] == "no_free_place"
    assert "guru-mat-2 has no free place" in loser["message_en"]
    assert "Jabatan guru-mat-2 tidak memiliki formasi kosong" in loser["message"]


async def test_an_upheld_objection_cancels_the_transfer_and_the_employee_may_be_proposed_again(
    settings: MutationSettings, publish_personnel: Publish, clock: Clock
) -> None:
    await seed(publish_personnel)
    async with serve_in_process(create_app(settings, clock=clock)) as client:
        mutation_id = await propose(client)
        path = f"/mutations/{mutation_id}"
        await ready_for_decision(client, mutation_id)
        assert (await client.post(f"{path}/approve", headers=PPK)).is_success
        r = await client.post(
            f"{path}/socialize", json={"message": "kebutuhan SMA 2"}, headers=OPERATOR
        )
        assert r.is_success, r.text
        objection = {"reason": "merawat orang tua"}
        as_employee = acting(NIP, "employee")
        # Without the employee's data key the reason could only be stored in plaintext.
        r = await client.post(f"{path}/object", json=objection, headers=as_employee)
        assert r.status_code == 409, r.text
        assert r.json()["rule"] == "personal_data_key_unavailable"
        await publish_personnel([issued_key(NIP)], PERSONNEL_KEYS)

        async def objected() -> httpx.Response | None:
            r = await client.post(f"{path}/object", json=objection, headers=as_employee)
            return r if r.status_code == 200 else None

        r = await eventually(objected)
        assert r.json()["status"] == "OBJECTED"
        db = await asyncpg.connect(settings.database_url)
        try:  # sealed wherever the service keeps it: events, outbox, read models
            assert await tables_holding(db, "merawat orang tua") == {}
        finally:
            await db.close()
        r = await client.post(
            f"{path}/objection/resolve",
            json={"upheld": True, "reasons": "alasan keluarga diterima"},
            headers=PPK,
        )
        assert r.json()["events"] == ["MutationObjectionResolved", "MutationCancelled"]
        assert r.json()["status"] == "CANCELLED"
        again = await propose(client)

        async def cancelled() -> dict[str, Any] | None:
            r = await client.get(path)
            return r.json() if r.status_code == 200 and r.json()["status"] == "CANCELLED" else None

        view = await eventually(cancelled)
        # An integration client reads the transfer, but the employee's reason only sealed.
        integration = await client.get(path, headers=bearer(roles=["integration"], client_id="x"))

    assert again != mutation_id
    assert integration.status_code == 200, integration.text
    objected_step = integration.json()["timeline"][-3]
    assert objected_step["reason"] is None
    assert "merawat orang tua" not in integration.text
    assert set(objected_step["details"]["reason"]) >= {"key_id", "nonce", "ciphertext"}
    assert [s["step"] for s in view["timeline"]][-3:] == [
        "OBJECTED",
        "OBJECTION_UPHELD",
        "CANCELLED",
    ]
    assert view["timeline"][-3]["actor"] == NIP
    assert view["timeline"][-3]["reason"] == "merawat orang tua"  # opened for the reader


def issued_key(nip: str) -> tuple[str, PersonalDataKeyIssued]:
    """The employee's data key as personnel hands it out (wrapped with the development
    transport key, which the service uses in development mode)."""
    key_id = new_key_id()
    wrapped = wrap_key(DEVELOPMENT_TRANSPORT_KEY, new_data_key(), nip=nip, key_id=key_id)
    return nip, PersonalDataKeyIssued(nip=nip, key_id=key_id, wrapped_key=b64u_encode(wrapped))
