"""Evaluations inside their reach and their time, over HTTP: an evaluator outside the
employee's unit (and not assigned to their plan) is refused with 403, a checkpoint before
its period ends is refused, and only an evaluation's author corrects it; every refusal
names its rule, in Bahasa Indonesia, with its legal basis."""

from datetime import date
from typing import Any

import pytest

from rangkui_contracts.events.mutation import MutationEffective, MutationProposed
from rangkui_evaluation.adapters.clock import SettableClock
from rangkui_evaluation.bootstrap import create_app
from rangkui_evaluation.settings import EvaluationSettings
from rangkui_eventkit.testing.auth import acting
from rangkui_eventkit.testing.plugin import eventually, serve_in_process, unique

pytestmark = pytest.mark.integration

TMT = date(2026, 1, 31)  # checkpoints due 30 April, 31 July 2026 and 31 January 2027


def refusal(response: Any, status: int, rule: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["rule"] == rule, body
    assert body["legal_basis"] == "PermenPANRB 6/2022"
    assert body["message"] != body["message_en"]
    return body


async def test_an_evaluator_records_only_inside_their_reach_and_time(
    settings: EvaluationSettings, publisher: Any, make: Any
) -> None:
    school, other_school = unique("sma-"), unique("sma-")
    old_unit, old_post = unique("old-"), unique("pos-")
    head_post, staff_post, other_head_post = unique("kepala-"), unique("guru-"), unique("kep-")
    head, outsider = make.nip(seq=1), make.nip(seq=3)
    mover = make.nip(birth="19900101", seq=2, gender=2)
    mutation_id = unique("m-")
    clock = SettableClock(date(2026, 3, 1))
    app = create_app(settings, clock=clock)
    async with serve_in_process(app) as client:
        pool = app.state.service.pool
        await publisher.publish(
            make.unit(school),
            make.unit(other_school),
            make.unit(old_unit),
            make.position(head_post, school, head=True),
            make.position(other_head_post, other_school, head=True),
            make.position(staff_post, school),
            make.position(old_post, old_unit),
            make.employee(head, school, head_post),
            make.employee(outsider, other_school, other_head_post),
            make.employee(mover, old_unit, old_post),
        )

        async def directory_ready() -> bool:
            return await pool.fetchval("SELECT count(*) FROM personnel_employees") == 3

        await eventually(directory_ready, timeout=30)
        stream = f"mutation-{mutation_id}"
        await publisher.send(
            [
                publisher.envelope(
                    stream,
                    MutationProposed(
                        mutation_id=mutation_id,
                        nip=mover,
                        from_unit_id=old_unit,
                        from_position_id=old_post,
                        to_unit_id=school,
                        to_position_id=staff_post,
                        kind="NEED_BASED",
                        reason="Kekurangan guru matematika",
                        proposed_by="operator",
                    ),
                ),
                publisher.envelope(
                    stream,
                    MutationEffective(
                        mutation_id=mutation_id,
                        nip=mover,
                        from_unit_id=old_unit,
                        from_position_id=old_post,
                        to_unit_id=school,
                        to_position_id=staff_post,
                        tmt=TMT,
                        sk_number="800/77/BKD/2026",
                    ),
                ),
            ]
        )

        async def plan() -> dict[str, Any] | None:
            found = (await client.get("/monitoring/plans", params={"nip": mover})).json()
            return found[0] if found else None

        plan_id = (await eventually(plan, timeout=30))["plan_id"]
        checkpoint = {
            "nip": mover,
            "kind": "CHECKPOINT",
            "checkpoint_id": f"{plan_id}-m3",
            "hasil_kerja": "SESUAI",
            "perilaku_kerja": "SESUAI",
            "adaptation": {
                "understands_new_duties": True,
                "works_with_team": True,
                "needs_training": False,
            },
        }
        own_head = acting(head, "evaluator", units=[school])
        elsewhere = acting(outsider, "evaluator", units=[other_school])

        # The head of another school: 403, whatever the evaluation.
        r = await client.post(
            "/evaluations", json={**checkpoint, "evaluator_nip": outsider}, headers=elsewhere
        )
        assert (
            "tidak bekerja di unit yang Anda pimpin"
            in refusal(r, 403, "outside_evaluator_reach")["message"]
        )
        annual = {
            "nip": mover,
            "kind": "ANNUAL",
            "period_start": "2025-01-01",
            "period_end": "2025-12-31",
            "hasil_kerja": "DI_BAWAH",
            "perilaku_kerja": "SESUAI",
            "evaluator_nip": outsider,
        }
        r = await client.post("/evaluations", json=annual, headers=elsewhere)
        refusal(r, 403, "outside_evaluator_reach")

        # The new head, before the 3-month period is over: refused, saying from when.
        r = await client.post(
            "/evaluations", json={**checkpoint, "evaluator_nip": head}, headers=own_head
        )
        assert "30 April 2026" in refusal(r, 422, "checkpoint_not_due")["message"]
        clock.set(date(2026, 4, 30))
        r = await client.post(
            "/evaluations",
            json={**checkpoint, "evaluator_nip": head, "evaluation_id": unique("ev-")},
            headers=own_head,
        )
        assert r.status_code == 201, r.text
        first = r.json()["evaluation_id"]

        # Only its author (or the BKD) corrects it.
        correction = {
            **checkpoint,
            "evaluator_nip": outsider,
            "hasil_kerja": "DI_ATAS",
            "supersedes_evaluation_id": first,
        }
        r = await client.post("/evaluations", json=correction, headers=elsewhere)
        refusal(r, 403, "outside_evaluator_reach")
        assigned_elsewhere = acting(outsider, "evaluator", units=[school, other_school])
        r = await client.post("/evaluations", json=correction, headers=assigned_elsewhere)
        refusal(r, 403, "correction_by_author_only")
        r = await client.post(
            "/evaluations",
            json={**correction, "evaluator_nip": head},
            headers=own_head,
        )
        assert r.status_code == 201, r.text
