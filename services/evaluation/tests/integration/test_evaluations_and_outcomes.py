"""Evaluations over HTTP drive each transfer to its verdict, criterion by criterion; the
rules on evaluations hold; the history shows corrections."""

from datetime import date
from typing import Any

import pytest

from rangkui_evaluation.adapters.clock import SettableClock
from rangkui_evaluation.bootstrap import create_app
from rangkui_evaluation.settings import EvaluationSettings
from rangkui_eventkit.testing.auth import acting
from rangkui_eventkit.testing.plugin import eventually, serve_in_process, unique

pytestmark = [pytest.mark.integration, pytest.mark.slow]

TMT = date(2025, 2, 1)
ADAPTED = {"understands_new_duties": True, "works_with_team": True, "needs_training": False}
STRUGGLING = {"understands_new_duties": False, "works_with_team": False, "needs_training": True}


def annual(nip: str, hasil: str, perilaku: str, year: int = 2024) -> dict[str, Any]:
    return {
        "nip": nip,
        "kind": "ANNUAL",
        "period_start": f"{year}-01-01",
        "period_end": f"{year}-12-31",
        "hasil_kerja": hasil,
        "perilaku_kerja": perilaku,
    }


def checkpoint(
    plan: dict[str, Any],
    months: int,
    hasil: str,
    perilaku: str,
    adaptation: dict,
    evaluator: str,
    **extra: Any,
) -> dict[str, Any]:
    return {
        "nip": plan["nip"],
        "kind": "CHECKPOINT",
        "checkpoint_id": f"{plan['plan_id']}-m{months}",
        "hasil_kerja": hasil,
        "perilaku_kerja": perilaku,
        "evaluator_nip": evaluator,
        "adaptation": adaptation,
        **extra,
    }


async def test_three_transfers_reach_achieved_partly_and_not_achieved_explained_by_criterion(
    settings: EvaluationSettings, publisher: Any, make: Any, plan_ready: Any
) -> None:
    school, head_post, post = unique("sma-"), unique("kepala-"), unique("guru-")
    head = make.nip(birth="19700101", seq=1)
    movers = {case: make.nip(seq=i + 10) for i, case in enumerate(["good", "fell", "left"])}
    mutations = {case: unique(f"m-{case}-") for case in movers}
    clock = SettableClock(date(2026, 2, 2))
    app = create_app(settings, clock=clock)
    headers = acting(head, "evaluator", units=[school])

    async with serve_in_process(app) as client:
        # Baselines before the transfer: BAIK, SANGAT_BAIK, BAIK.
        for case, ratings in {
            "good": ("SESUAI", "SESUAI"),
            "fell": ("DI_ATAS", "DI_ATAS"),
            "left": ("SESUAI", "DI_ATAS"),
        }.items():
            response = await client.post("/evaluations", json=annual(movers[case], *ratings))
            assert response.status_code == 201, response.text
        await publisher.publish(
            make.unit(school),
            make.position(head_post, school, head=True),
            make.position(post, school),
            make.employee(head, school, head_post),
            *(make.employee(n, "unit-lama", "pos-lama") for n in movers.values()),
        )

        async def baselines_projected() -> bool:
            pool = app.state.service.pool
            count = await pool.fetchval("SELECT count(*) FROM evaluations")
            heads = await pool.fetchval("SELECT count(*) FROM personnel_employees")
            return count == 3 and heads == 4

        await eventually(baselines_projected, timeout=30)
        await publisher.publish(
            *(make.effective(mutations[c], movers[c], school, post, TMT) for c in movers),
            *(
                make.reassigned(n, "unit-lama", "pos-lama", school, post, TMT)
                for n in movers.values()
            ),
        )
        plans = {c: await plan_ready(client, f"monitoring-{mutations[c]}") for c in movers}
        assert all(p["evaluator_nip"] == head for p in plans.values())

        # The third person leaves the post before the last checkpoint.
        await publisher.publish(
            make.reassigned(movers["left"], school, post, "unit-x", "pos-x", date(2025, 12, 1))
        )

        async def left() -> bool:
            pool = app.state.service.pool
            return (
                await pool.fetchval(
                    "SELECT position_id FROM personnel_employees WHERE nip = $1", movers["left"]
                )
                == "pos-x"
            )

        await eventually(left, timeout=30)

        script = {
            "good": [
                ("DI_BAWAH", "SESUAI", STRUGGLING),
                ("SESUAI", "SESUAI", ADAPTED),
                ("DI_ATAS", "SESUAI", ADAPTED),
            ],
            "fell": [
                ("SESUAI", "SESUAI", ADAPTED),
                ("SESUAI", "SESUAI", ADAPTED),
                ("SESUAI", "DI_ATAS", ADAPTED),
            ],
            "left": [
                ("SESUAI", "SESUAI", STRUGGLING),
                ("DI_BAWAH", "DI_BAWAH", STRUGGLING),
                ("DI_BAWAH", "DI_BAWAH", STRUGGLING),
            ],
        }
        for case, steps in script.items():
            for months, (hasil, perilaku, adaptation) in zip([3, 6, 12], steps, strict=True):
                body = checkpoint(plans[case], months, hasil, perilaku, adaptation, head)
                response = await client.post("/evaluations", json=body, headers=headers)
                assert response.status_code == 201, response.text

        good = await plan_ready(client, plans["good"]["plan_id"], status="COMPLETED")
        fell = await plan_ready(client, plans["fell"]["plan_id"], status="COMPLETED")
        gone = await plan_ready(client, plans["left"]["plan_id"], status="COMPLETED")

    def met(plan: dict[str, Any]) -> dict[str, bool]:
        return {c["criterion"]: c["met"] for c in plan["criteria"]}

    assert good["verdict"] == "ACHIEVED"
    assert met(good) == {"PLACEMENT": True, "PERFORMANCE": True, "ADAPTATION": True}
    assert (good["baseline_predikat"], good["latest_predikat"]) == ("BAIK", "BAIK")
    assert good["months_to_adapt"] == 6
    assert [c["status"] for c in good["checkpoints"]] == ["DONE", "DONE", "DONE"]
    assert [c["predikat"] for c in good["checkpoints"]] == ["BUTUH_PERBAIKAN", "BAIK", "BAIK"]

    assert fell["verdict"] == "PARTLY_ACHIEVED"
    assert met(fell) == {"PLACEMENT": True, "PERFORMANCE": False, "ADAPTATION": True}
    assert "SANGAT_BAIK" in fell["criteria"][1]["explanation"]

    assert gone["verdict"] == "NOT_ACHIEVED"
    assert met(gone) == {"PLACEMENT": False, "PERFORMANCE": False, "ADAPTATION": False}
    assert all(c["explanation"] for c in gone["criteria"])


async def test_evaluation_rules_hold_and_a_correction_supersedes_visibly(
    settings: EvaluationSettings, publisher: Any, make: Any, plan_ready: Any
) -> None:
    school, post = unique("sma-"), unique("guru-")
    head, mover, mutation_id = make.nip(seq=1), make.nip(seq=2), unique("m-")
    app = create_app(settings, clock=SettableClock(date(2026, 2, 2)))  # a year after the TMT
    async with serve_in_process(app) as client:
        await publisher.publish(make.effective(mutation_id, mover, school, post, TMT))
        plan = await plan_ready(client, f"monitoring-{mutation_id}")

        typed = checkpoint(plan, 3, "SESUAI", "SESUAI", ADAPTED, head, predikat="SANGAT_BAIK")
        response = await client.post("/evaluations", json=typed)
        assert response.status_code == 422
        assert "predikat" in response.json()["message"]

        own = checkpoint(plan, 3, "SESUAI", "SESUAI", ADAPTED, mover)
        response = await client.post("/evaluations", json=own)
        assert response.status_code == 422
        assert response.json()["rule"] == "no_self_evaluation"

        first = await client.post(
            "/evaluations", json=checkpoint(plan, 3, "SESUAI", "DI_BAWAH", ADAPTED, head)
        )
        assert first.status_code == 201
        assert first.json()["predikat"] == "KURANG"
        assert first.json()["period_start"] == "2025-02-01"
        assert first.json()["period_end"] == "2025-05-01"
        first_id = first.json()["evaluation_id"]

        again = await client.post(
            "/evaluations", json=checkpoint(plan, 3, "SESUAI", "SESUAI", ADAPTED, head)
        )
        assert again.status_code == 409
        assert again.json()["rule"] == "one_evaluation_per_checkpoint"

        correction = await client.post(
            "/evaluations",
            json=checkpoint(
                plan, 3, "SESUAI", "SESUAI", ADAPTED, head, supersedes_evaluation_id=first_id
            ),
        )
        assert correction.status_code == 201
        correction_id = correction.json()["evaluation_id"]

        unknown = await client.post(
            "/evaluations",
            json=checkpoint(plan, 3, "SESUAI", "SESUAI", ADAPTED, head)
            | {"checkpoint_id": "monitoring-nope-m3"},
        )
        assert unknown.status_code == 404

        async def history() -> list[dict[str, Any]] | None:
            rows = (await client.get(f"/employees/{mover}/evaluations")).json()
            return rows if len(rows) == 2 and rows[0]["superseded_by"] else None

        rows = await eventually(history, timeout=30)
        assert [r["evaluation_id"] for r in rows] == [first_id, correction_id]
        assert rows[0]["superseded_by"] == correction_id
        assert rows[1]["supersedes_evaluation_id"] == first_id
        assert rows[1]["adaptation"] == ADAPTED | {"notes": ""}
        shown = await client.get(f"/evaluations/{correction_id}")
        assert shown.json()["predikat"] == "BAIK"
        checked = await plan_ready(client, plan["plan_id"])
        assert checked["checkpoints"][0]["evaluation_id"] in (first_id, correction_id)
        done = await eventually(
            lambda: _checkpoint_shows(client, plan["plan_id"], correction_id), timeout=30
        )
        assert done["status"] == "DONE"


async def _checkpoint_shows(client: Any, plan_id: str, evaluation_id: str) -> Any:
    plan = (await client.get(f"/monitoring/plans/{plan_id}")).json()
    first = plan["checkpoints"][0]
    return first if first["evaluation_id"] == evaluation_id else None
