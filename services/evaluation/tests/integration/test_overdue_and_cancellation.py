"""Overdue checkpoints are published exactly once, also across a restart of the service;
a cancelled transfer cancels its plan."""

from datetime import date
from typing import Any

import pytest

from rangkui_contracts.events.mutation import MutationCancelled
from rangkui_contracts.topics import EVALUATION
from rangkui_evaluation.adapters.clock import SettableClock
from rangkui_evaluation.bootstrap import create_app
from rangkui_evaluation.settings import EvaluationSettings
from rangkui_eventkit.testing.infra import Infra
from rangkui_eventkit.testing.kafka_tools import header, read_topic
from rangkui_eventkit.testing.plugin import eventually, serve_in_process, unique

pytestmark = [pytest.mark.integration, pytest.mark.slow]

OVERDUE = "rangkui.evaluation.MonitoringOverdue.v1"


async def overdue_records(infra: Infra, prefix: str, expect: int) -> list[Any]:
    records = await read_topic(
        infra.kafka_bootstrap, EVALUATION.qualified(prefix), expect=expect + 1, timeout=3
    )
    return [r for r in records if header(r, "ce_type") == OVERDUE]


async def ticks_after(app: Any, n: int) -> None:
    """Wait until the scheduler has completed `n` more ticks than now."""
    start = app.state.service.workers["overdue-scheduler"].ticks
    await eventually(
        lambda: app.state.service.workers["overdue-scheduler"].ticks >= start + n, timeout=20
    )


async def test_a_passed_checkpoint_is_published_overdue_exactly_once_across_a_restart(
    settings: EvaluationSettings,
    publisher: Any,
    make: Any,
    plan_ready: Any,
    infra: Infra,
    topic_prefix: str,
) -> None:
    mover, evaluator, mutation_id = make.nip(seq=3), make.nip(seq=4), unique("m-")
    school, head_post, post = unique("sma-"), unique("kepala-"), unique("guru-")
    plan_id = f"monitoring-{mutation_id}"
    clock = SettableClock(date(2026, 2, 1))
    first = create_app(settings, clock=clock)
    async with serve_in_process(first) as client:
        await publisher.publish(
            make.unit(school),
            make.position(head_post, school, head=True),
            make.employee(evaluator, school, head_post),
        )

        async def known() -> bool:
            pool = first.state.service.pool
            return bool(await pool.fetchval("SELECT count(*) FROM personnel_employees"))

        await eventually(known, timeout=30)
        await publisher.publish(make.effective(mutation_id, mover, school, post, date(2026, 1, 31)))
        await plan_ready(client, plan_id)
        await ticks_after(first, 2)
        assert await overdue_records(infra, topic_prefix, expect=0) == []

        clock.set(date(2026, 5, 1))  # the 3-month checkpoint was due on 2026-04-30
        plan = await plan_ready(client, plan_id)

        async def flagged() -> dict[str, Any] | None:
            shown = (await client.get(f"/monitoring/plans/{plan_id}")).json()
            return shown if shown["checkpoints"][0]["status"] == "OVERDUE" else None

        plan = await eventually(flagged, timeout=30)
        assert plan["checkpoints"][0]["overdue_since"] == "2026-05-01"
        assert [c["status"] for c in plan["checkpoints"][1:]] == ["DUE", "DUE"]
        await ticks_after(first, 3)

    restarted = create_app(settings, clock=clock)
    async with serve_in_process(restarted):
        # As if the read model lagged or were rebuilt: it nominates the checkpoint again,
        # and the plan's decider must refuse a second flag.
        await restarted.state.service.pool.execute(
            "UPDATE monitoring_checkpoints SET status = 'DUE' WHERE plan_id = $1", plan_id
        )
        await ticks_after(restarted, 3)
    records = await overdue_records(infra, topic_prefix, expect=1)
    assert len(records) == 1
    assert header(records[0], "ce_subject") == plan_id

    clock.set(date(2026, 8, 2))  # the 6-month checkpoint passes too
    again = create_app(settings, clock=clock)
    async with serve_in_process(again) as client:
        await ticks_after(again, 3)

        async def two_overdue() -> bool:
            shown = (await client.get(f"/monitoring/plans/{plan_id}")).json()
            # (the first one's row was reset by hand above; no new event changes it back)
            return [c["status"] for c in shown["checkpoints"][1:]] == ["OVERDUE", "DUE"]

        await eventually(two_overdue, timeout=30)
    records = await overdue_records(infra, topic_prefix, expect=2)
    assert sorted(header(r, "ce_subject") for r in records) == [plan_id, plan_id]


async def test_a_cancelled_transfer_cancels_its_plan_and_its_open_checkpoints(
    settings: EvaluationSettings, publisher: Any, make: Any, plan_ready: Any
) -> None:
    mover, head, mutation_id = make.nip(seq=5), make.nip(seq=6), unique("m-")
    plan_id = f"monitoring-{mutation_id}"
    # The day after the TMT: no checkpoint is overdue before the cancellation arrives.
    app = create_app(settings, clock=SettableClock(date(2026, 1, 6)))
    async with serve_in_process(app) as client:
        await publisher.publish(
            make.effective(mutation_id, mover, "sma-1", "guru", date(2026, 1, 5))
        )
        await plan_ready(client, plan_id)
        await publisher.publish(
            (
                f"mutation-{mutation_id}",
                MutationCancelled(
                    mutation_id=mutation_id, nip=mover, reason="SK dibatalkan", cancelled_by="bkd"
                ),
            )
        )
        plan = await plan_ready(client, plan_id, status="CANCELLED")
        assert plan["cancelled_reason"] == "transfer cancelled: SK dibatalkan"
        assert {c["status"] for c in plan["checkpoints"]} == {"CANCELLED"}

        response = await client.post(
            "/evaluations",
            json={
                "nip": mover,
                "kind": "CHECKPOINT",
                "checkpoint_id": f"{plan_id}-m3",
                "hasil_kerja": "SESUAI",
                "perilaku_kerja": "SESUAI",
                "evaluator_nip": head,
                "adaptation": {
                    "understands_new_duties": True,
                    "works_with_team": True,
                    "needs_training": False,
                },
            },
        )
        assert response.status_code == 409
        assert response.json()["rule"] == "plan_cancelled"
        again = await client.post(f"/monitoring/plans/{plan_id}/cancel", json={"reason": "x"})
        assert again.status_code == 202
        missing = await client.post("/monitoring/plans/monitoring-x/cancel", json={"reason": "x"})
        assert missing.status_code == 404
