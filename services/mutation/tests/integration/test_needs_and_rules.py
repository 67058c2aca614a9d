"""Staffing needs, explained candidates, the full lifecycle into a need, and every decision
rule violated on purpose, against the real Kafka and PostgreSQL."""

from __future__ import annotations

from datetime import date
from typing import Any

import asyncpg
import httpx
import pytest

from rangkui_contracts.events.common import Education
from rangkui_contracts.events.evaluation import EvaluationRecordedV2
from rangkui_contracts.events.personnel import EmployeeStatusChanged, FormationChanged, UnitClosed
from rangkui_contracts.topics import EVALUATION
from rangkui_eventkit.testing.auth import acting
from rangkui_eventkit.testing.plugin import eventually, serve_in_process
from rangkui_mutation.bootstrap import create_app
from rangkui_mutation.domain.mutation import REQUIRED_DOCUMENTS
from rangkui_mutation.settings import BlackoutWindow, MutationSettings

from .conftest import TODAY, Clock, Publish, employee, post, ready_for_decision, unit

pytestmark = pytest.mark.integration

OPERATOR = acting("operator.bkd", "bkd_operator")
PPK = acting("ppk.gubernur", "ppk")
MATH_SURPLUS = "198501012010012001"  # S1 Pendidikan Matematika, school with a surplus
MATH_BALANCED = "198601012010011002"  # same degree, school exactly at formasi
PHYSICS = "198701012010011003"  # S1 Pendidikan Fisika
STUDYING = "198801012010011004"  # on study assignment
NEWCOMER = "199501012020011005"  # in post since 2025
WEAK = "198901012010011006"  # last annual rating below Baik


def person(nip: str, unit_id: str, position_id: str, **kw: Any) -> tuple[str, Any]:
    stream, event = employee(nip, unit_id, position_id)
    return stream, event.model_copy(update=kw)


async def seed(publish: Publish, target_formasi: int = 2) -> None:
    await publish(
        [
            unit("sma-1", "SMA Negeri 1 Rangkui"),
            unit("sma-2", "SMA Negeri 2 Tanjung Batu"),
            unit("sma-3", "SMA Negeri 3 Pesisir"),
            post("guru-mat-1", "sma-1", 1),  # two holders: surplus of one
            post("guru-mat-2", "sma-2", target_formasi),  # no holders: short
            post("guru-mat-3", "sma-3", 3),  # exactly full
            person(MATH_SURPLUS, "sma-1", "guru-mat-1"),
            person(STUDYING, "sma-1", "guru-mat-1", status="STUDY_ASSIGNMENT"),
            person(MATH_BALANCED, "sma-3", "guru-mat-3"),
            person(
                PHYSICS,
                "sma-3",
                "guru-mat-3",
                education=[Education(level="S1", field="Pendidikan Fisika")],
            ),
            person(NEWCOMER, "sma-3", "guru-mat-3", tmt_position=date(2025, 7, 1)),
            person(WEAK, "sma-1", "guru-mat-1"),
        ]
    )


def rating(nip: str, year: int, predikat: str) -> EvaluationRecordedV2:
    """An annual appraisal as evaluation records it now (version 2)."""
    return EvaluationRecordedV2(
        evaluation_id=f"ev-{nip}-{year}",
        nip=nip,
        kind="ANNUAL",
        period_start=date(year, 1, 1),
        period_end=date(year, 12, 31),
        hasil_kerja="DI_BAWAH" if predikat == "BUTUH_PERBAIKAN" else "SESUAI",
        perilaku_kerja="SESUAI",
        predikat=predikat,  # type: ignore[arg-type]
    )


async def wait_for(client: httpx.AsyncClient, path: str, check: Any, timeout: float = 15) -> Any:
    async def probe() -> Any:
        r = await client.get(path)
        return (r.json() or True) if r.status_code == 200 and check(r.json()) else None

    return await eventually(probe, timeout=timeout)


async def ok(client: httpx.AsyncClient, path: str, body: Any, actor: dict[str, str]) -> Any:
    r = await client.post(path, json=body, headers=actor)
    assert r.is_success, r.text
    return r.json()


async def test_a_need_ranks_surplus_math_teachers_first_and_is_fulfilled_by_the_full_lifecycle(
    settings: MutationSettings, publish_personnel: Publish, clock: Clock
) -> None:
    await seed(publish_personnel)
    await publish_personnel(
        [(f"evaluation-{WEAK}", rating(WEAK, 2025, "BUTUH_PERBAIKAN"))], topic=EVALUATION
    )
    async with serve_in_process(create_app(settings, clock=clock)) as client:
        suggested = await wait_for(
            client,
            "/needs/suggestions?title=Matematika",
            lambda rows: any(r["position_id"] == "guru-mat-2" for r in rows),
        )
        short = next(r for r in suggested if r["position_id"] == "guru-mat-2")
        assert (short["unit_name"], short["shortage"]) == ("SMA Negeri 2 Tanjung Batu", 2)

        need = await ok(
            client,
            "/needs",
            {
                "unit_id": "sma-2",
                "position_id": "guru-mat-2",
                "count": 1,
                "reason": "dua kelas XI tanpa guru matematika",
                "priority": "HIGH",
            },
            OPERATOR,
        )
        need_id = need["need_id"]
        dashboard = await wait_for(
            client, "/needs", lambda rows: rows and rows[0]["candidates_available"] == 3
        )
        assert dashboard[0]["share_fulfilled"] == 0

        r = await client.get(f"/needs/{need_id}/candidates")
        found = r.json()
        assert [c["nip"] for c in found["ranked"]] == [MATH_SURPLUS, MATH_BALANCED, PHYSICS]
        first = found["ranked"][0]
        assert {f["name"]: f["points"] for f in first["factors"]}["origin_surplus"] == 10
        assert "sesuai persis dengan jabatan" in first["factors"][0]["explanation"]
        excluded = {e["nip"]: e["rule"] for e in found["excluded"]}
        assert excluded[STUDYING] == "on_study_assignment"
        assert excluded[NEWCOMER] == "min_years_in_post"

        m = await ok(
            client,
            "/mutations",
            {
                "nip": MATH_SURPLUS,
                "to_unit_id": "sma-2",
                "to_position_id": "guru-mat-2",
                "kind": "NEED_BASED",
                "reason": "kebutuhan guru matematika",
                "need_id": need_id,
            },
            OPERATOR,
        )
        path = f"/mutations/{m['mutation_id']}"
        items = [{"code": c, "present": True, "reference": f"B-{c}"} for c in REQUIRED_DOCUMENTS]
        await ok(
            client, f"{path}/documents", {"items": items}, acting("verifikator", "bkd_operator")
        )
        await ok(
            client,
            f"{path}/review",
            {
                "recommended": True,
                "notes": "sesuai",
                "members_present": ["tpk.inspektur", "tpk.kepala-bkd"],
                "berita_acara_ref": "BA/TPK/5/2026",
            },
            acting("tpk", "tpk_member"),
        )
        await ok(client, f"{path}/approve", {"reasons": "rekomendasi TPK"}, PPK)
        await ok(client, f"{path}/socialize", {"message": "Anda dibutuhkan di SMA 2"}, OPERATOR)
        await ok(client, f"{path}/acknowledge", None, acting(MATH_SURPLUS, "employee"))
        await ok(
            client,
            f"{path}/decree",
            {"sk_number": "800/5/BKD", "sk_date": TODAY.isoformat(), "tmt": TODAY.isoformat()},
            PPK,
        )
        view = await wait_for(client, path, lambda v: v["status"] == "EFFECTIVE")
        fulfilled = await wait_for(
            client, f"/needs/{need_id}", lambda n: n["status"] == "FULFILLED"
        )

    assert [s["step"] for s in view["timeline"]] == [
        "PROPOSED",
        "DOCUMENTS_CHECKED",
        "REVIEWED",
        "APPROVED",
        "SOCIALIZED",
        "ACKNOWLEDGED",
        "DECREED",
        "EFFECTIVE",
    ]
    assert view["timeline"][2]["actor"] == "tpk"
    assert (fulfilled["filled"], fulfilled["share_fulfilled"]) == (1, 1.0)


async def event_count(settings: MutationSettings) -> int:
    conn = await asyncpg.connect(settings.database_url)
    try:
        return await conn.fetchval("SELECT count(*) FROM events")
    finally:
        await conn.close()


async def test_each_rule_violated_on_purpose_names_itself_and_changes_nothing(
    settings: MutationSettings, publish_personnel: Publish, clock: Clock
) -> None:
    await seed(publish_personnel)
    blackout = BlackoutWindow(start=TODAY, end=date(2027, 2, 1), reason="pilkada serentak")
    guarded = settings.model_copy(update={"blackout_windows": [blackout]})
    async with serve_in_process(create_app(guarded, clock=clock)) as client:

        async def propose(nip: str, related: list[str] | None = None) -> str | None:
            r = await client.post(
                "/mutations",
                json={
                    "nip": nip,
                    "to_unit_id": "sma-2",
                    "to_position_id": "guru-mat-2",
                    "kind": "ROTATION",
                    "reason": "rotasi",
                    "related_persons": related or [],
                    # Proposed inside the window: with the Minister's approval.
                    "minister_approval_ref": "M/1",
                    "minister_approval_date": "2026-11-20",
                },
                headers=OPERATOR,
            )
            return None if r.status_code == 404 else r.json()["mutation_id"]

        first = await eventually(lambda: propose(MATH_SURPLUS, ["kerabat.ppk"]), timeout=20)
        newcomer = await eventually(lambda: propose(NEWCOMER), timeout=20)
        for m in (first, newcomer):
            await ready_for_decision(client, m)

        async def refused(method: str, path: str, body: Any, actor: str) -> dict[str, Any]:
            before = await event_count(settings)
            r = await client.request(
                method, path, json=body, headers=acting(actor, "bkd_operator", "ppk")
            )
            assert r.status_code in (403, 409, 422), r.text
            assert await event_count(settings) == before
            return r.json()

        again = {
            "nip": MATH_SURPLUS,
            "to_unit_id": "sma-2",
            "to_position_id": "guru-mat-2",
            "kind": "ROTATION",
            "reason": "lagi",
        }
        cases = [
            (("POST", "/mutations", again, "operator.bkd"), "one_open_transfer"),
            (("POST", f"/mutations/{first}/approve", {}, "operator.bkd"), "segregation_of_duties"),
            (("POST", f"/mutations/{first}/approve", {}, MATH_SURPLUS), "own_transfer"),
            (("POST", f"/mutations/{first}/approve", {}, "kerabat.ppk"), "related_person_conflict"),
            (("POST", f"/mutations/{first}/approve", {}, "ppk.gubernur"), "blackout_window"),
            (
                (
                    "POST",
                    f"/mutations/{newcomer}/approve",
                    {"minister_approval_ref": "M/1", "minister_approval_date": "2026-11-20"},
                    "ppk",
                ),
                "min_years_in_post",
            ),
        ]
        messages = set()
        for (method, path, body, actor), rule in cases:
            error = await refused(method, path, body, actor)
            assert error["rule"] == rule, error
            messages.add(error["message"])
        assert len(messages) == len(cases)

        # With the Minister's approval and the PPK's exception, both go through.
        await ok(
            client,
            f"/mutations/{first}/approve",
            {"minister_approval_ref": "M/1", "minister_approval_date": "2026-11-20"},
            PPK,
        )
        exception = {
            "minister_approval_ref": "M/1",
            "minister_approval_date": "2026-11-20",
            "min_years_exception": "guru tunggal",
        }
        await ok(client, f"/mutations/{newcomer}/approve", exception, PPK)


async def test_a_cancelled_approval_frees_its_place_in_the_post(
    settings: MutationSettings, publish_personnel: Publish, clock: Clock
) -> None:
    await seed(publish_personnel, target_formasi=1)
    async with serve_in_process(create_app(settings, clock=clock)) as client:

        async def propose(nip: str) -> str | None:
            r = await client.post(
                "/mutations",
                json={
                    "nip": nip,
                    "to_unit_id": "sma-2",
                    "to_position_id": "guru-mat-2",
                    "kind": "ROTATION",
                    "reason": "rotasi",
                },
                headers=OPERATOR,
            )
            return None if r.status_code == 404 else r.json()["mutation_id"]

        first = await eventually(lambda: propose(MATH_SURPLUS), timeout=20)
        second = await eventually(lambda: propose(MATH_BALANCED), timeout=20)
        for m in (first, second):
            await ready_for_decision(client, m)
        await ok(client, f"/mutations/{first}/approve", {}, PPK)
        r = await client.post(f"/mutations/{second}/approve", json={}, headers=PPK)
        assert r.json().get("rule") == "no_free_place", r.text
        await ok(client, f"/mutations/{first}/cancel", {"reason": "salah orang"}, OPERATOR)
        await ok(client, f"/mutations/{second}/approve", {}, PPK)
        history = await wait_for(
            client,
            f"/employees/{MATH_SURPLUS}/mutations",
            lambda rows: rows and rows[0]["status"] == "CANCELLED",
        )
    assert history[0]["mutation_id"] == first


async def test_later_personnel_changes_reach_the_rules(
    settings: MutationSettings, publish_personnel: Publish, clock: Clock
) -> None:
    await seed(publish_personnel)
    await publish_personnel([unit("sma-4", "SMA Negeri 4 Rangkui"), post("guru-mat-4", "sma-4", 1)])
    async with serve_in_process(create_app(settings, clock=clock)) as client:

        async def propose(nip: str, unit_id: str, position_id: str) -> httpx.Response | None:
            r = await client.post(
                "/mutations",
                json={
                    "nip": nip,
                    "to_unit_id": unit_id,
                    "to_position_id": position_id,
                    "kind": "ROTATION",
                    "reason": "rotasi",
                },
                headers=OPERATOR,
            )
            return None if r.status_code == 404 else r

        proposed = await eventually(lambda: propose(MATH_SURPLUS, "sma-2", "guru-mat-2"))
        assert proposed.status_code == 201, proposed.text
        await wait_for(client, f"/employees/{MATH_BALANCED}", lambda e: e["status"] == "ACTIVE")
        await wait_for(
            client,
            "/needs/suggestions",
            lambda rows: {r["position_id"] for r in rows} >= {"guru-mat-2", "guru-mat-4"},
        )
        await publish_personnel(
            [
                (
                    f"employee-{MATH_BALANCED}",
                    EmployeeStatusChanged(
                        nip=MATH_BALANCED,
                        previous_status="ACTIVE",
                        status="DISCIPLINARY",
                        since=TODAY,
                    ),
                ),
                (
                    "position-guru-mat-2",
                    FormationChanged(
                        position_id="guru-mat-2",
                        unit_id="sma-2",
                        previous_formasi=2,
                        formasi=0,
                        reason="hasil ABK",
                    ),
                ),
                ("unit-sma-4", UnitClosed(unit_id="sma-4", reason="regrouping", closed_on=TODAY)),
            ]
        )
        await wait_for(
            client, f"/employees/{MATH_BALANCED}", lambda e: e["status"] == "DISCIPLINARY"
        )
        await wait_for(
            client,
            "/needs/suggestions",
            lambda rows: not {r["position_id"] for r in rows} & {"guru-mat-2", "guru-mat-4"},
        )

        disciplined = await propose(MATH_BALANCED, "sma-2", "guru-mat-2")
        closed = await propose(PHYSICS, "sma-4", "guru-mat-4")
        await ready_for_decision(client, proposed.json()["mutation_id"])
        no_place = await client.post(
            f"/mutations/{proposed.json()['mutation_id']}/approve", json={}, headers=PPK
        )

    assert disciplined is not None
    assert disciplined.json()["rule"] == "employee_not_transferable"
    assert closed is not None
    assert closed.json()["rule"] == "unit_closed"
    assert no_place.json()["rule"] == "no_free_place"
