"""Evaluation's command handlers on the in-memory pipeline: Given a plan or an appraisal
record, When an evaluation, an assessment or a cancellation, Then new events or an error."""

from __future__ import annotations

from datetime import date

import pytest

from rangkui_contracts.events.evaluation import (
    AdaptationAssessment,
    EvaluationRecordedV2,
    MonitoringCancelled,
    MutationOutcomeAssessed,
)
from rangkui_evaluation.domain.appraisal_record import appraisals_stream
from rangkui_evaluation.domain.plan import ScheduleMonitoring, plan_id_for
from rangkui_evaluation.service_layer import commands
from rangkui_evaluation.service_layer.commands import Deps, RecordEvaluation
from rangkui_evaluation.service_layer.deciders import PLAN
from rangkui_evaluation.service_layer.ports import InMemoryFacts
from rangkui_eventkit.clock import FixedClock
from rangkui_eventkit.context import Cause
from rangkui_eventkit.errors import NotFound, RuleViolated
from rangkui_eventkit.pipeline import InMemoryPipeline

pytestmark = pytest.mark.unit

NIP = "198609262015051001"
HEAD = "197501012000031001"
TMT = date(2026, 1, 31)
EVALUATOR = Cause.new(HEAD)


def deps(facts: InMemoryFacts | None = None, today: date = date(2026, 5, 2)) -> Deps:
    found = facts or InMemoryFacts()
    return Deps(pipeline=InMemoryPipeline(), clock=FixedClock(today), facts=lambda _: found)


async def given_a_plan(d: Deps, mutation_id: str = "m1") -> str:
    plan_id = plan_id_for(mutation_id)
    command = ScheduleMonitoring(
        mutation_id=mutation_id,
        nip=NIP,
        unit_id="sma-2",
        position_id="guru-mat-2",
        tmt=TMT,
        checkpoint_months=(3, 6),
        evaluator_nip=HEAD,
    )
    await d.pipeline.execute(PLAN, plan_id, command, Cause.new("system"))
    return plan_id


def evaluation(**kwargs: object) -> RecordEvaluation:
    fields: dict[str, object] = {
        "evaluation_id": "e1",
        "nip": NIP,
        "kind": "ANNUAL",
        "hasil_kerja": "SESUAI",
        "perilaku_kerja": "DI_ATAS",
        "period_start": date(2025, 1, 1),
        "period_end": date(2025, 12, 31),
        "evaluator_nip": HEAD,
    }
    return RecordEvaluation(**{**fields, **kwargs})  # type: ignore[arg-type]


async def test_an_annual_evaluation_goes_to_the_employees_appraisal_record() -> None:
    d = deps()
    event = (await commands.record_evaluation(d, evaluation(), cause=EVALUATOR)).event
    assert (event.predikat, event.plan_id) == ("BAIK", None)
    [stored] = await d.pipeline.store.load(appraisals_stream(NIP))
    assert isinstance(stored.event, EvaluationRecordedV2)


async def test_an_evaluation_id_used_anywhere_already_is_refused() -> None:
    d = deps(InMemoryFacts(recorded={"e1"}))
    with pytest.raises(RuleViolated, match="Penilaian e1 sudah tercatat"):
        await commands.record_evaluation(d, evaluation(), cause=EVALUATOR)


async def test_a_checkpoint_evaluation_of_an_unknown_plan_is_not_found() -> None:
    command = evaluation(kind="CHECKPOINT", checkpoint_id=f"{plan_id_for('nope')}-m3")
    with pytest.raises(NotFound, match="no monitoring plan"):
        await commands.record_evaluation(deps(), command, cause=EVALUATOR)


async def test_a_checkpoint_evaluation_lands_in_its_plan_with_the_plans_period() -> None:
    d = deps()
    plan_id = await given_a_plan(d)
    command = evaluation(
        kind="CHECKPOINT",
        checkpoint_id=f"{plan_id}-m3",
        period_start=None,
        period_end=None,
        adaptation=AdaptationAssessment(
            understands_new_duties=True, works_with_team=True, needs_training=False
        ),
    )
    event = (await commands.record_evaluation(d, command, cause=EVALUATOR)).event
    assert event.plan_id == plan_id
    assert (event.period_start, event.period_end) == (TMT, date(2026, 4, 30))


async def test_only_checkpoint_evaluations_name_a_checkpoint() -> None:
    with pytest.raises(RuleViolated) as refused:
        await commands.record_evaluation(
            deps(), evaluation(checkpoint_id="monitoring-m1-m3"), cause=EVALUATOR
        )
    assert refused.value.rule == "checkpoint_kind"


async def test_notes_without_the_employees_key_are_refused_not_stored_in_clear() -> None:
    d = deps()
    plan_id = await given_a_plan(d)
    adaptation = AdaptationAssessment(
        understands_new_duties=True,
        works_with_team=True,
        needs_training=False,
        notes="sering terlambat, sedang beradaptasi",
    )
    command = evaluation(kind="CHECKPOINT", checkpoint_id=f"{plan_id}-m3", adaptation=adaptation)
    with pytest.raises(RuleViolated) as refused:
        await commands.record_evaluation(d, command, cause=EVALUATOR)
    assert refused.value.rule == "personal_data_key_unavailable"
    assert len(await d.pipeline.store.load(plan_id)) == 1  # only the plan's scheduling


async def test_an_outcome_is_assessed_on_demand_and_a_plan_cancelled() -> None:
    d = deps()
    plan_id = await given_a_plan(d)
    assessed = await commands.assess_on_demand(d, plan_id, cause=EVALUATOR)
    assert isinstance(assessed, MutationOutcomeAssessed)
    await commands.cancel_plan(d, plan_id, "transfer dibatalkan", Cause.new("operator.bkd"))
    events = [r.event for r in await d.pipeline.store.load(plan_id)]
    assert isinstance(events[-1], MonitoringCancelled)
