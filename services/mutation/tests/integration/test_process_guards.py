"""The law's refusals over HTTP, against the real Kafka and PostgreSQL: the full process is
the default, the guards hold at every step where the facts can change (the TMT included),
and every refusal body names its rule, speaks Bahasa Indonesia and cites its basis."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import asyncpg
import httpx
import pytest

from rangkui_contracts.events.evaluation import EvaluationRecordedV2
from rangkui_contracts.events.personnel import (
    EmployeeStatusChanged,
    FormationChanged,
    UnitClosed,
)
from rangkui_contracts.topics import EVALUATION, MUTATION
from rangkui_eventkit.testing.auth import acting, bearer
from rangkui_eventkit.testing.kafka_tools import header, read_topic
from rangkui_eventkit.testing.plugin import eventually, serve_in_process
from rangkui_mutation.bootstrap import create_app
from rangkui_mutation.settings import BlackoutWindow, MutationSettings

from .conftest import (
    TODAY,
    TPK,
    TPK_MEMBERS,
    Clock,
    Publish,
    answered,
    employee,
    post,
    ready_for_decision,
    unit,
)

pytestmark = pytest.mark.integration

NIP = "199003152015032001"
OTHER_NIP = "198807122012031003"
OPERATOR = acting("operator.bkd", "bkd_operator")
PPK = acting("ppk.gubernur", "ppk")
HELD = "rangkui.mutation.MutationHeld.v1"


async def seed(publish: Publish) -> None:
    await publish(
        [
            unit("sma-1", "SMA Negeri 1 Rangkui"),
            unit("sma-2", "SMA Negeri 2 Tanjung Batu"),
            post("guru-mat-1", "sma-1", 2),
            post("guru-mat-2", "sma-2", 3),
            employee(NIP, "sma-1", "guru-mat-1"),
            employee(OTHER_NIP, "sma-1", "guru-mat-1"),
        ]
    )


async def propose(client: httpx.AsyncClient, nip: str = NIP) -> str:
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
        return str(r.json()["mutation_id"])

    return await eventually(attempt, timeout=20)


async def ok(client: httpx.AsyncClient, path: str, body: Any, headers: dict[str, str]) -> Any:
    r = await client.post(path, json=body, headers=headers)
    assert r.is_success, f"{path}: {r.status_code} {r.text}"
    return r.json()


async def event_count(settings: MutationSettings, stream_id: str | None = None) -> int:
    """Events recorded (on one stream, or in all): the service's own reactions append to
    other streams meanwhile (an induction after a decree), so a refusal watches its own."""
    conn = await asyncpg.connect(settings.database_url)
    try:
        if stream_id is None:
            return int(await conn.fetchval("SELECT count(*) FROM events"))
        query = "SELECT count(*) FROM events WHERE stream_id = $1"
        return int(await conn.fetchval(query, stream_id))
    finally:
        await conn.close()


def _stream_of(path: str) -> str | None:
    """The transfer a `/mutations/{id}/...` step acts on (None for other paths)."""
    parts = path.strip("/").split("/")
    return f"mutation-{parts[1]}" if len(parts) > 2 and parts[0] == "mutations" else None


async def refused(
    client: httpx.AsyncClient,
    settings: MutationSettings,
    path: str,
    body: Any,
    headers: dict[str, str],
    *,
    status: int,
    rule: str,
    legal_basis: str | None = None,
) -> dict[str, Any]:
    """The refusal a person can act on, and nothing recorded."""
    before = await event_count(settings, _stream_of(path))
    r = await client.post(path, json=body, headers=headers)
    assert r.status_code == status, r.text
    error = r.json()
    assert error["rule"] == rule, error
    assert error["message"] != error["message_en"], "the message is in Bahasa Indonesia"
    assert error["violations"][0]["rule"] == rule
    if legal_basis is not None:
        assert error["legal_basis"] == legal_basis
    assert await event_count(settings, _stream_of(path)) == before
    return error


def decree_body(sk_number: str, sk_date: date, tmt: date, **extra: Any) -> dict[str, Any]:
    return {"sk_number": sk_number, "sk_date": sk_date.isoformat(), "tmt": tmt.isoformat(), **extra}


async def test_the_full_process_is_the_default_and_each_skipped_step_is_refused_with_its_rule(
    settings: MutationSettings, publish_personnel: Publish, clock: Clock
) -> None:
    await seed(publish_personnel)
    async with serve_in_process(create_app(settings, clock=clock)) as client:
        mutation_id = await propose(client)
        path = f"/mutations/{mutation_id}"
        # No approval before the TPK's sidang; no sidang on an unchecked file.
        await refused(
            client,
            settings,
            f"{path}/approve",
            {"reasons": "x"},
            PPK,
            status=409,
            rule="tpk_review_required",
            legal_basis="Peraturan BKN 5/2019",
        )
        sidang = {"recommended": True, "members_present": list(TPK_MEMBERS)}
        error = await refused(
            client, settings, f"{path}/review", sidang, TPK, status=422, rule="documents_incomplete"
        )
        assert {v["rule"] for v in error["violations"]} == {
            "documents_incomplete",
            "berita_acara_required",
        }
        await ready_for_decision(client, mutation_id, recommended=False)
        # A member of the sidang does not decide; against the TPK only with written reasons.
        await refused(
            client,
            settings,
            f"{path}/approve",
            {"reasons": "sesuai"},
            acting(TPK_MEMBERS[1], "ppk"),
            status=403,
            rule="reviewer_decides",
        )
        error = await refused(
            client,
            settings,
            f"{path}/approve",
            {},
            PPK,
            status=422,
            rule="against_recommendation_without_reasons",
            legal_basis="Peraturan BKN 5/2019",
        )
        assert "wajib menuliskan alasannya" in error["message"]
        approved = await ok(
            client, f"{path}/approve", {"reasons": "guru tunggal, kebutuhan mendesak"}, PPK
        )
        assert approved["status"] == "APPROVED"
        # No decree before socialisation, nor inside the objection window unless acknowledged.
        today = TODAY
        await refused(
            client,
            settings,
            f"{path}/decree",
            decree_body("800/1/BKD/2026", today, today),
            PPK,
            status=409,
            rule="socialization_required",
        )
        await ok(client, f"{path}/socialize", {"message": "kebutuhan SMA 2"}, OPERATOR)
        error = await refused(
            client,
            settings,
            f"{path}/decree",
            decree_body("800/1/BKD/2026", today, today),
            PPK,
            status=409,
            rule="objection_window_open",
            legal_basis="PP 79/2021",
        )
        assert "12 Desember 2026" in error["message"]
        # The window closes in silence: the scheduler records a deemed acknowledgement.
        clock.set(TODAY + timedelta(days=15))

        async def deemed() -> dict[str, Any] | None:
            r = await client.get(path)
            view = r.json() if r.status_code == 200 else {}
            return view if view.get("status") == "ACKNOWLEDGED" else None

        view = await eventually(deemed, timeout=15)
        later = clock.today()
        decreed = await ok(
            client, f"{path}/decree", decree_body("800/1/BKD/2026", later, later), PPK
        )
        assert decreed["status"] == "DECREED"
    steps = [(s["step"], s["event_type"]) for s in view["timeline"]]
    assert steps[-1] == ("ACKNOWLEDGED", "MutationDeemedAcknowledged")
    approval = next(s for s in view["timeline"] if s["step"] == "APPROVED")
    assert approval["details"]["against_recommendation"] is True
    assert approval["details"]["steps_skipped"] == []


async def test_a_valid_decree_unique_number_dates_blackout_and_cancelled_by_the_ppk_alone(
    settings: MutationSettings, publish_personnel: Publish, clock: Clock
) -> None:
    await seed(publish_personnel)
    blackout = BlackoutWindow(
        start=TODAY + timedelta(days=1), end=date(2027, 3, 1), reason="pilkada serentak"
    )
    guarded = settings.model_copy(update={"blackout_windows": [blackout]})
    async with serve_in_process(create_app(guarded, clock=clock)) as client:
        first, second = await propose(client, NIP), await propose(client, OTHER_NIP)
        for m in (first, second):
            await ready_for_decision(client, m)
            await ok(client, f"/mutations/{m}/approve", {"reasons": "sesuai"}, PPK)
            await answered(client, m, NIP if m == first else OTHER_NIP)
        await ok(
            client, f"/mutations/{first}/decree", decree_body("800/7/BKD/2026", TODAY, TODAY), PPK
        )

        async def first_effective() -> bool:  # the scheduler's write, before counting events
            r = await client.get(f"/mutations/{first}")
            return r.status_code == 200 and r.json()["status"] == "EFFECTIVE"

        await eventually(first_effective, timeout=15)
        path = f"/mutations/{second}/decree"
        await refused(
            client,
            settings,
            path,
            decree_body(" 800/7/bkd/2026", TODAY, TODAY),
            PPK,
            status=409,
            rule="sk_number_in_use",
        )
        error = await refused(
            client,
            settings,
            path,
            decree_body("800/8/BKD/2026", TODAY + timedelta(days=1), date(2001, 1, 1)),
            PPK,
            status=422,
            rule="sk_date_in_future",
        )
        assert [(v["rule"], v.get("legal_basis")) for v in error["violations"]] == [
            ("sk_date_in_future", None),
            ("tmt_before_sk_date", "UU 30/2014 Pasal 58 ayat (6)"),
            ("blackout_window", "UU 10/2016 Pasal 71 ayat (2)"),
        ]
        # Inside the blackout window, the decree needs the Minister's approval.
        clock.set(TODAY + timedelta(days=2))
        inside = clock.today()
        await refused(
            client,
            settings,
            path,
            decree_body("800/8/BKD/2026", inside, inside, minister_approval_ref="100.2/1/OTDA"),
            PPK,
            status=422,
            rule="blackout_window",
        )
        await ok(
            client,
            path,
            decree_body(
                "800/8/BKD/2026",
                inside,
                inside + timedelta(days=30),
                minister_approval_ref="100.2/1/OTDA",
                minister_approval_date=TODAY.isoformat(),
            ),
            PPK,
        )
        # A decreed transfer: the BKD cannot cancel it; the PPK only with a cancelling decree.
        cancel = f"/mutations/{second}/cancel"
        await refused(
            client,
            settings,
            cancel,
            {"reason": "salah orang"},
            OPERATOR,
            status=403,
            rule="cancel_decreed_by_ppk_only",
            legal_basis="UU 30/2014 Pasal 64",
        )
        await refused(
            client,
            settings,
            cancel,
            {"reason": "salah orang"},
            PPK,
            status=422,
            rule="cancelling_decree_required",
        )
        body = {
            "reason": "salah orang",
            "cancelling_sk_number": "800/9/BKD/2026",
            "cancelling_sk_date": inside.isoformat(),
        }
        assert (await ok(client, cancel, body, PPK))["status"] == "CANCELLED"


async def test_a_proposal_inside_a_blackout_window_is_refused_unless_the_minister_approved(
    settings: MutationSettings, publish_personnel: Publish, clock: Clock
) -> None:
    await seed(publish_personnel)
    blackout = BlackoutWindow(
        start=TODAY - timedelta(days=10), end=TODAY + timedelta(days=90), reason="pilkada serentak"
    )
    guarded = settings.model_copy(update={"blackout_windows": [blackout]})
    body = {
        "nip": NIP,
        "to_unit_id": "sma-2",
        "to_position_id": "guru-mat-2",
        "kind": "NEED_BASED",
        "reason": "SMA Negeri 2 kekurangan guru matematika",
    }
    async with serve_in_process(create_app(guarded, clock=clock)) as client:

        async def answered_at_all() -> httpx.Response | None:  # the read models caught up
            r = await client.post("/mutations", json=body, headers=OPERATOR)
            return None if r.status_code == 404 else r

        first = await eventually(answered_at_all, timeout=20)
        assert first.status_code == 422, first.text
        error = await refused(
            client,
            settings,
            "/mutations",
            body,
            OPERATOR,
            status=422,
            rule="blackout_window",
            legal_basis="UU 10/2016 Pasal 71 ayat (2)",
        )
        assert "persetujuan tertulis Menteri Dalam Negeri" in error["message"]
        letter = {"minister_approval_ref": "100.2.2.6/77/OTDA"}
        await refused(
            client,
            settings,
            "/mutations",
            {**body, **letter},
            OPERATOR,
            status=422,
            rule="blackout_window",
        )
        letter["minister_approval_date"] = (TODAY - timedelta(days=3)).isoformat()
        created = await ok(client, "/mutations", {**body, **letter}, OPERATOR)
        view = await ok_get(client, f"/mutations/{created['mutation_id']}")
        assert view["status"] == "PROPOSED"


async def ok_get(client: httpx.AsyncClient, path: str) -> Any:
    r = await client.get(path, headers=OPERATOR)
    assert r.is_success, f"{path}: {r.status_code} {r.text}"
    return r.json()


async def test_a_guard_failing_on_the_tmt_holds_the_transfer_until_released(
    settings: MutationSettings, publish_personnel: Publish, clock: Clock
) -> None:
    await seed(publish_personnel)
    tmt = TODAY + timedelta(days=3)
    async with serve_in_process(create_app(settings, clock=clock)) as client:
        mutation_id = await propose(client)
        path = f"/mutations/{mutation_id}"
        await ready_for_decision(client, mutation_id)
        await ok(client, f"{path}/approve", {"reasons": "sesuai"}, PPK)
        await answered(client, mutation_id, NIP)
        await ok(client, f"{path}/decree", decree_body("800/3/BKD/2026", TODAY, tmt), PPK)
        # Between the decree and the TMT the employee comes under disciplinary proceedings.
        await publish_personnel(
            [
                (
                    f"employee-{NIP}",
                    EmployeeStatusChanged(
                        nip=NIP, previous_status="ACTIVE", status="DISCIPLINARY", since=TODAY
                    ),
                )
            ]
        )

        async def disciplined() -> bool:
            r = await client.get(f"/employees/{NIP}")
            return r.status_code == 200 and r.json()["status"] == "DISCIPLINARY"

        await eventually(disciplined, timeout=15)
        clock.set(tmt)

        async def held() -> dict[str, Any] | None:
            r = await client.get(path)
            return r.json() if r.status_code == 200 and r.json()["status"] == "HELD" else None

        view = await eventually(held, timeout=15)
        await refused(
            client,
            settings,
            f"{path}/release",
            {"reason": "cek ulang"},
            OPERATOR,
            status=422,
            rule="employee_not_transferable",
        )
        await publish_personnel(
            [
                (
                    f"employee-{NIP}",
                    EmployeeStatusChanged(
                        nip=NIP, previous_status="DISCIPLINARY", status="ACTIVE", since=tmt
                    ),
                )
            ]
        )

        async def active() -> bool:
            r = await client.get(f"/employees/{NIP}")
            return r.status_code == 200 and r.json()["status"] == "ACTIVE"

        await eventually(active, timeout=15)
        await ok(client, f"{path}/release", {"reason": "pemeriksaan disiplin selesai"}, OPERATOR)

        async def effective() -> bool:
            r = await client.get(path)
            return r.status_code == 200 and r.json()["status"] == "EFFECTIVE"

        await eventually(effective, timeout=15)

    hold = next(s for s in view["timeline"] if s["step"] == "HELD")
    assert hold["actor"] == "system.scheduler"
    [reason] = hold["details"]["reasons"]
    assert reason["rule"] == "employee_not_transferable"
    assert "hukuman disiplin" in reason["message"]
    records = await read_topic(
        settings.kafka_bootstrap_servers,
        MUTATION.qualified(settings.topic_prefix),
        expect=10,
        timeout=15,
    )
    assert [header(r, "ce_type") for r in records].count(HELD) == 1


async def test_a_target_unit_closed_before_the_tmt_holds_the_transfer(
    settings: MutationSettings, publish_personnel: Publish, clock: Clock
) -> None:
    await seed(publish_personnel)
    tmt = TODAY + timedelta(days=3)
    async with serve_in_process(create_app(settings, clock=clock)) as client:
        mutation_id = await propose(client)
        path = f"/mutations/{mutation_id}"
        await ready_for_decision(client, mutation_id)
        await ok(client, f"{path}/approve", {"reasons": "sesuai"}, PPK)
        await answered(client, mutation_id, NIP)
        await ok(client, f"{path}/decree", decree_body("800/4/BKD/2026", TODAY, tmt), PPK)
        closed = TODAY + timedelta(days=1)
        await publish_personnel(
            [("unit-sma-2", UnitClosed(unit_id="sma-2", reason="regrouping", closed_on=closed))]
        )

        async def unit_closed() -> bool:
            conn = await asyncpg.connect(settings.database_url)
            try:
                found = await conn.fetchval("SELECT closed_on FROM units WHERE unit_id = 'sma-2'")
            finally:
                await conn.close()
            return found == closed

        await eventually(unit_closed, timeout=15)
        clock.set(tmt)

        async def held() -> dict[str, Any] | None:
            r = await client.get(path)
            return r.json() if r.status_code == 200 and r.json()["status"] == "HELD" else None

        view = await eventually(held, timeout=20)
    hold = next(s for s in view["timeline"] if s["step"] == "HELD")
    assert [r["rule"] for r in hold["details"]["reasons"]] == ["unit_closed"]
    assert all(s["step"] != "EFFECTIVE" for s in view["timeline"])


def annual(nip: str, year: int, predikat: str, **extra: Any) -> tuple[str, Any]:
    return (
        f"appraisals-{nip}",
        EvaluationRecordedV2(
            evaluation_id=extra.pop("evaluation_id", f"ev-{nip}-{year}"),
            nip=nip,
            kind="ANNUAL",
            period_start=date(year, 1, 1),
            period_end=date(year, 12, 31),
            hasil_kerja="DI_BAWAH" if predikat == "KURANG" else "SESUAI",
            perilaku_kerja="SESUAI",
            predikat=predikat,
            **extra,
        ),
    )


async def test_a_corrected_appraisal_no_longer_blocks_and_old_ones_do_not_count(
    settings: MutationSettings, publish_personnel: Publish, clock: Clock
) -> None:
    await seed(publish_personnel)
    strict = settings.model_copy(update={"missing_appraisals": "BLOCK"})
    await publish_personnel(
        [
            annual(NIP, 2023, "KURANG"),  # ended before the two-year window: does not count
            annual(NIP, 2024, "BAIK"),
            annual(NIP, 2025, "KURANG"),
            annual(
                NIP,
                2025,
                "BAIK",
                evaluation_id=f"ev-{NIP}-2025-ralat",
                supersedes_evaluation_id=f"ev-{NIP}-2025",
            ),
            annual(OTHER_NIP, 2025, "BAIK"),  # only one appraisal in the window
            annual(OTHER_NIP, 2023, "BAIK"),
        ],
        EVALUATION,
    )
    async with serve_in_process(create_app(strict, clock=clock)) as client:
        first, second = await propose(client, NIP), await propose(client, OTHER_NIP)

        async def corrected() -> bool:
            conn = await asyncpg.connect(settings.database_url)
            try:
                return bool(
                    await conn.fetchval(
                        "SELECT count(*) = 6 AND count(superseded_by) = 1 FROM performance"
                    )
                )
            finally:
                await conn.close()

        await eventually(corrected, timeout=15)
        for m in (first, second):
            await ready_for_decision(client, m)
        approved = await ok(client, f"/mutations/{first}/approve", {"reasons": "sesuai"}, PPK)
        assert approved["status"] == "APPROVED"
        error = await refused(
            client,
            settings,
            f"/mutations/{second}/approve",
            {"reasons": "sesuai"},
            PPK,
            status=422,
            rule="appraisals_missing",
        )
        assert "hanya memiliki 1 penilaian kinerja" in error["message"]


async def test_a_proposal_into_a_post_whose_places_are_taken_is_refused_at_once(
    settings: MutationSettings, publish_personnel: Publish, clock: Clock
) -> None:
    await seed(publish_personnel)
    await publish_personnel([post("kepala-tu-2", "sma-2", 1)])
    async with serve_in_process(create_app(settings, clock=clock)) as client:

        async def propose_to_single_post(nip: str) -> httpx.Response | None:
            r = await client.post(
                "/mutations",
                json={
                    "nip": nip,
                    "to_unit_id": "sma-2",
                    "to_position_id": "kepala-tu-2",
                    "kind": "ROTATION",
                    "reason": "rotasi",
                },
                headers=OPERATOR,
            )
            return None if r.status_code == 404 else r

        first = await eventually(lambda: propose_to_single_post(NIP), timeout=20)
        assert first.status_code == 201, first.text
        mutation_id = first.json()["mutation_id"]
        await ready_for_decision(client, mutation_id)
        await ok(client, f"/mutations/{mutation_id}/approve", {"reasons": "sesuai"}, PPK)
        second = await propose_to_single_post(OTHER_NIP)
    assert second is not None
    assert second.status_code == 409, second.text
    assert second.json()["rule"] == "no_free_place"
    assert "tidak memiliki formasi kosong" in second.json()["message"]


async def test_a_policy_change_recorded_over_http_applies_from_its_date_without_a_restart(
    settings: MutationSettings, publish_personnel: Publish, clock: Clock
) -> None:
    await seed(publish_personnel)
    async with serve_in_process(create_app(settings, clock=clock)) as client:
        values = {
            **settings.policy_values().model_dump(mode="json"),
            "min_years_in_post": 0.5,
            "objection_window_days": 10,
        }
        change = {"values": values, "effective_from": TODAY.isoformat(), "basis": "Pergub 7/2026"}
        r = await client.post("/policy", json=change, headers=PPK)
        assert r.status_code == 403, r.text
        await refused(
            client,
            settings,
            "/policy",
            {**change, "effective_from": (TODAY - timedelta(days=1)).isoformat()},
            OPERATOR,
            status=422,
            rule="policy_effective_in_past",
        )
        shown = await ok(client, "/policy", change, OPERATOR)
        assert shown["in_force"]["min_years_in_post"] == 0.5
        assert shown["in_force"]["version"].startswith("v1-")
        assert [c["basis"] for c in shown["changes"]] == ["Pergub 7/2026"]

        mutation_id = await propose(client)
        await ready_for_decision(client, mutation_id)
        await ok(client, f"/mutations/{mutation_id}/approve", {"reasons": "sesuai"}, PPK)
        told = await ok(
            client, f"/mutations/{mutation_id}/socialize", {"message": "SMA 2"}, OPERATOR
        )
        view = (
            await client.get(
                f"/mutations/{mutation_id}",
                params={"min_version": told["version"]},
                headers=OPERATOR,
            )
        ).json()
    approval = next(s for s in view["timeline"] if s["step"] == "APPROVED")
    applied = approval["details"]["policy"]
    assert (applied["min_years_in_post"], applied["effective_from"]) == (0.5, TODAY.isoformat())
    assert applied["objection_window_days"] == 10
    socialized = next(s for s in view["timeline"] if s["step"] == "SOCIALIZED")
    assert socialized["details"]["objection_deadline"] == (TODAY + timedelta(days=10)).isoformat()


async def test_an_employee_answers_only_with_the_nip_their_token_carries(
    settings: MutationSettings, publish_personnel: Publish, clock: Clock
) -> None:
    await seed(publish_personnel)
    async with serve_in_process(create_app(settings, clock=clock)) as client:
        mutation_id = await propose(client)
        path = f"/mutations/{mutation_id}"
        await ready_for_decision(client, mutation_id)
        await ok(client, f"{path}/approve", {"reasons": "sesuai"}, PPK)
        await ok(client, f"{path}/socialize", {"message": "Anda dibutuhkan di SMA 2"}, OPERATOR)
        # A user name that looks like the employee's NIP is not their NIP.
        lookalike = bearer(roles=["employee"], username=NIP, sub="someone-else")

        error = await refused(
            client, settings, f"{path}/acknowledge", None, lookalike, status=403,
            rule="token_without_nip",
        )  # fmt: skip

        assert "NIP" in error["message"]
        await ok(client, f"{path}/acknowledge", None, acting(NIP, "employee"))


async def test_a_blackout_that_begins_before_the_tmt_holds_the_transfer_on_its_tmt(
    settings: MutationSettings, publish_personnel: Publish, clock: Clock
) -> None:
    await seed(publish_personnel)
    tmt = TODAY + timedelta(days=5)
    window = BlackoutWindow(start=TODAY + timedelta(days=2), end=TODAY + timedelta(days=60),
                            reason="pilkada serentak")  # fmt: skip
    guarded = settings.model_copy(update={"blackout_windows": [window]})
    async with serve_in_process(create_app(guarded, clock=clock)) as client:
        mutation_id = await propose(client)
        path = f"/mutations/{mutation_id}"
        await ready_for_decision(client, mutation_id)
        await ok(client, f"{path}/approve", {"reasons": "sesuai"}, PPK)
        await answered(client, mutation_id, NIP)
        await ok(client, f"{path}/decree", decree_body("800/61/BKD/2026", TODAY, tmt), PPK)
        clock.set(tmt)

        async def held() -> dict[str, Any] | None:
            r = await client.get(path)
            return r.json() if r.status_code == 200 and r.json()["status"] == "HELD" else None

        view = await eventually(held, timeout=20)
        hold = next(s for s in view["timeline"] if s["step"] == "HELD")
        assert [r["rule"] for r in hold["details"]["reasons"]] == ["blackout_window"]


async def test_a_formasi_cut_after_the_approval_leaves_no_place_at_the_decree(
    settings: MutationSettings, publish_personnel: Publish, clock: Clock
) -> None:
    await seed(publish_personnel)  # guru-mat-2 has a formasi of 3, nobody in it
    async with serve_in_process(create_app(settings, clock=clock)) as client:
        mutation_id = await propose(client)
        path = f"/mutations/{mutation_id}"
        await ready_for_decision(client, mutation_id)
        await ok(client, f"{path}/approve", {"reasons": "sesuai"}, PPK)
        await answered(client, mutation_id, NIP)
        # The workload analysis cuts the post's formasi to nothing before the decree.
        cut = FormationChanged(position_id="guru-mat-2", unit_id="sma-2", previous_formasi=3,
                               formasi=0, reason="hasil ABK 2026")  # fmt: skip
        await publish_personnel([("position-guru-mat-2", cut)])

        async def cut_known() -> bool:
            conn = await asyncpg.connect(settings.database_url)
            try:
                found = await conn.fetchval(
                    "SELECT formasi FROM positions WHERE position_id = 'guru-mat-2'"
                )
            finally:
                await conn.close()
            return found == 0

        await eventually(cut_known, timeout=15)

        await refused(
            client, settings, f"{path}/decree", decree_body("800/71/BKD/2026", TODAY, TODAY),
            PPK, status=409, rule="no_free_place",
        )  # fmt: skip
