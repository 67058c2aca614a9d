"""A transfer that takes effect gets its monitoring plan: consumed from the real mutation
and personnel topics, decided once, published on the evaluation topic and projected."""

from datetime import date
from typing import Any

import pytest

from rangkui_contracts.events.mutation import MutationEffective, MutationProposed
from rangkui_contracts.topics import EVALUATION
from rangkui_evaluation.adapters.clock import SettableClock
from rangkui_evaluation.bootstrap import create_app
from rangkui_evaluation.settings import EvaluationSettings
from rangkui_eventkit.testing.auth import acting
from rangkui_eventkit.testing.infra import Infra
from rangkui_eventkit.testing.kafka_tools import header, read_topic
from rangkui_eventkit.testing.plugin import eventually, serve_in_process, unique

pytestmark = [pytest.mark.integration, pytest.mark.slow]


async def test_a_transfer_that_takes_effect_gets_exactly_one_plan_evaluated_by_the_new_head(
    settings: EvaluationSettings, publisher: Any, make: Any, infra: Infra, topic_prefix: str
) -> None:
    agency, school = unique("opd-"), unique("sma-")
    old_unit, old_post = unique("old-"), unique("pos-")
    head_post, staff_post = unique("kepala-"), unique("guru-")
    head, mover = make.nip(seq=1), make.nip(birth="19900101", seq=2, gender=2)
    mutation_id = unique("m-")
    # The day after the TMT: every checkpoint is still ahead, whatever today's date is, so
    # the overdue sweep (running every 0.2 s here) has nothing to flag while we read.
    app = create_app(settings, clock=SettableClock(date(2026, 2, 1)))

    async with serve_in_process(app) as client:
        pool = app.state.service.pool
        await publisher.publish(
            make.unit(agency, region="Kabupaten Sungai Rangkui"),
            make.unit(school, parent=agency, region="Kabupaten Sungai Rangkui"),
            make.unit(old_unit),
            make.position(head_post, school, head=True),
            make.position(staff_post, school),
            make.position(old_post, old_unit),
            make.employee(head, school, head_post),
            make.employee(mover, old_unit, old_post),
        )

        async def directory_ready() -> bool:
            return await pool.fetchval("SELECT count(*) FROM personnel_employees") == 2

        await eventually(directory_ready, timeout=30)

        proposed = MutationProposed(
            mutation_id=mutation_id,
            nip=mover,
            from_unit_id=old_unit,
            from_position_id=old_post,
            to_unit_id=school,
            to_position_id=staff_post,
            kind="NEED_BASED",
            reason="Kekurangan guru matematika",
            proposed_by="operator",
        )
        effective = MutationEffective(
            mutation_id=mutation_id,
            nip=mover,
            from_unit_id=old_unit,
            from_position_id=old_post,
            to_unit_id=school,
            to_position_id=staff_post,
            tmt=date(2026, 1, 31),
            sk_number="800/123/BKD/2026",
        )
        stream = f"mutation-{mutation_id}"
        first = publisher.envelope(stream, proposed)
        effect = publisher.envelope(stream, effective)
        # Twice as the relay would re-send it, then once more as a new record of the stream.
        await publisher.send([first, effect, effect])
        await publisher.send([publisher.envelope(stream, effective)])

        async def plans() -> list[dict[str, Any]]:
            response = await client.get("/monitoring/plans", params={"nip": mover})
            assert response.status_code == 200
            return response.json()

        [plan] = await eventually(plans, timeout=30)
        assert plan["mutation_id"] == mutation_id
        assert plan["evaluator_nip"] == head
        assert plan["unit_id"] == school
        assert plan["kind"] == "NEED_BASED"
        assert plan["agency_unit_id"] == agency
        assert plan["region"] == "Kabupaten Sungai Rangkui"
        assert [(c["months_after"], c["due_date"], c["status"]) for c in plan["checkpoints"]] == [
            (3, "2026-04-30", "DUE"),
            (6, "2026-07-31", "DUE"),
            (12, "2027-01-31", "DUE"),
        ]
        detail = await client.get(f"/monitoring/plans/{plan['plan_id']}")
        assert detail.status_code == 200
        assert detail.json() == plan

        # An evaluator reaches the plans of their own units only (issue 9).
        own_head = acting("196501011990031001", "evaluator", units=[school])
        elsewhere = acting("196501011990031002", "evaluator", units=["another-unit"])
        url = f"/monitoring/plans/{plan['plan_id']}"
        assert (await client.get(url, headers=own_head)).status_code == 200
        assert (await client.get(url, headers=elsewhere)).status_code == 403
        listed = await client.get("/monitoring/plans", params={"nip": mover}, headers=elsewhere)
        assert listed.json() == []
        listed = await client.get("/monitoring/plans", params={"nip": mover}, headers=own_head)
        assert [p["plan_id"] for p in listed.json()] == [plan["plan_id"]]
        mine = await client.get("/monitoring/worklist", headers=own_head)
        theirs = await client.get("/monitoring/worklist", headers=elsewhere)
        assert {i["plan_id"] for i in mine.json()["items"]} == {plan["plan_id"]}
        assert theirs.json()["items"] == []

    records = await read_topic(
        infra.kafka_bootstrap, EVALUATION.qualified(topic_prefix), expect=2, timeout=3
    )
    scheduled = [
        r for r in records if header(r, "ce_type") == "rangkui.evaluation.MonitoringScheduled.v1"
    ]
    assert len(scheduled) == 1
    assert header(scheduled[0], "ce_subject") == f"monitoring-{mutation_id}"
    assert header(scheduled[0], "ce_causationid") == effect.id


async def test_a_plan_without_a_head_gets_the_head_appointed_later_and_unknown_plans_are_404(
    settings: EvaluationSettings, publisher: Any, make: Any
) -> None:
    school, post = unique("sma-"), unique("guru-")
    mover, mutation_id = make.nip(seq=7), unique("m-")
    app = create_app(settings, clock=SettableClock(date(2026, 3, 2)))
    async with serve_in_process(app) as client:
        await publisher.publish(
            make.unit(school),
            make.position(post, school),
            (
                f"mutation-{mutation_id}",
                MutationEffective(
                    mutation_id=mutation_id,
                    nip=mover,
                    from_unit_id="elsewhere",
                    from_position_id="elsewhere",
                    to_unit_id=school,
                    to_position_id=post,
                    tmt=date(2026, 3, 1),
                ),
            ),
        )

        async def plan() -> dict[str, Any] | None:
            response = await client.get(f"/monitoring/plans/monitoring-{mutation_id}")
            return response.json() if response.status_code == 200 else None

        found = await eventually(plan, timeout=30)
        assert found["evaluator_nip"] is None
        assert found["kind"] is None

        # A head is appointed later (holder first, post second: the follower matches both).
        head, head_post = make.nip(seq=8), unique("kepala-")
        await publisher.publish(make.employee(head, school, head_post))
        await publisher.publish(make.position(head_post, school, head=True))

        async def followed() -> dict[str, Any] | None:
            shown = await plan()
            return shown if shown and shown["evaluator_nip"] == head else None

        await eventually(followed, timeout=30)
        missing = await client.get("/monitoring/plans/monitoring-nope")
        assert missing.status_code == 404
        assert missing.json()["error"] == "not_found"
