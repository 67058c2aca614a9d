"""The monitoring plan decider: Given past events, When a command, Then new events."""

from datetime import date
from typing import Any

import pytest

from rangkui_contracts import DomainEvent
from rangkui_contracts.events.common import Sealed
from rangkui_contracts.events.evaluation import (
    AdaptationAssessment,
    AdaptationChecklist,
    EvaluationRecordedV2,
    MonitoringCancelled,
    MonitoringEvaluatorAssigned,
    MonitoringOverdue,
    MonitoringScheduled,
    MutationOutcomeAssessed,
)
from rangkui_evaluation.domain.appraisal import Appraisal
from rangkui_evaluation.domain.outcome import OutcomeFacts
from rangkui_evaluation.domain.plan import (
    AssessOutcome,
    AssignEvaluator,
    CancelMonitoring,
    MarkOverdue,
    RecordCheckpointEvaluation,
    ScheduleMonitoring,
    plan_id_for,
)
from rangkui_evaluation.service_layer.deciders import PLAN
from rangkui_eventkit.errors import NotFound, RuleViolated, http_status

pytestmark = pytest.mark.unit

NIP = "198609262015051001"
HEAD = "197501012000031002"


def schedule_command(**overrides: object) -> ScheduleMonitoring:
    values: dict[str, object] = {
        "mutation_id": "m-1",
        "nip": NIP,
        "unit_id": "u-new",
        "position_id": "p-new",
        "tmt": date(2026, 1, 31),
        "checkpoint_months": [12, 3, 6],
        "evaluator_nip": HEAD,
        "kind": "NEED_BASED",
    }
    values.update(overrides)
    return ScheduleMonitoring(**values)  # type: ignore[arg-type]


def test_schedules_checkpoints_at_the_policy_months_after_the_tmt() -> None:
    [event] = PLAN.decide(schedule_command(), PLAN.fold([]))

    assert isinstance(event, MonitoringScheduled)
    assert event.plan_id == plan_id_for("m-1")
    assert event.evaluator_nip == HEAD
    assert [(c.months_after, c.due_date) for c in event.checkpoints] == [
        (3, date(2026, 4, 30)),
        (6, date(2026, 7, 31)),
        (12, date(2027, 1, 31)),
    ]
    assert len({c.checkpoint_id for c in event.checkpoints}) == 3


def test_a_transfer_that_already_has_its_plan_gets_no_second_one() -> None:
    given = PLAN.decide(schedule_command(), PLAN.fold([]))

    assert PLAN.decide(schedule_command(), PLAN.fold(given)) == []


def test_the_transferred_employee_is_never_their_own_evaluator() -> None:
    [event] = PLAN.decide(schedule_command(evaluator_nip=NIP), PLAN.fold([]))

    assert isinstance(event, MonitoringScheduled)
    assert event.evaluator_nip is None


ADAPTED = AdaptationChecklist(
    understands_new_duties=True, works_with_team=True, needs_training=False
)
STRUGGLING = AdaptationChecklist(
    understands_new_duties=False, works_with_team=True, needs_training=True
)
FACTS = OutcomeFacts(still_in_post=True, need_id=None, need_filled=False, baseline_predikat="BAIK")
PLAN_ID = plan_id_for("m-1")


def scheduled() -> list[DomainEvent]:
    return PLAN.decide(schedule_command(), PLAN.fold([]))


def evaluate(
    months: int,
    given: list[DomainEvent],
    *,
    ratings: tuple[str, str] = ("SESUAI", "SESUAI"),
    adaptation: AdaptationChecklist | AdaptationAssessment = ADAPTED,
    facts: OutcomeFacts = FACTS,
    **appraisal: Any,
) -> list[DomainEvent]:
    values: dict[str, Any] = {
        "evaluation_id": f"e-{months}-{len(given)}",
        "nip": NIP,
        "kind": "CHECKPOINT",
        "period_start": date(2026, 1, 31),
        "period_end": date(2026, 4, 30),
        "hasil_kerja": ratings[0],
        "perilaku_kerja": ratings[1],
        "evaluator_nip": HEAD,
        "adaptation": adaptation,
    }
    values.update(appraisal)
    command = RecordCheckpointEvaluation(
        appraisal=Appraisal(**values),
        checkpoint_id=f"{PLAN_ID}-m{months}",
        facts=facts,
        today=date(2027, 2, 1),
        actor="kepala",
    )
    return PLAN.decide(command, PLAN.fold(given))


def test_an_evaluation_of_a_checkpoint_computes_its_predikat() -> None:
    given = scheduled()

    [event] = evaluate(3, given, ratings=("DI_ATAS", "DI_ATAS"))

    assert isinstance(event, EvaluationRecordedV2)
    assert event.predikat == "SANGAT_BAIK"
    assert (event.plan_id, event.checkpoint_id) == (PLAN_ID, f"{PLAN_ID}-m3")


def test_the_notes_reach_the_event_only_sealed() -> None:
    notes = Sealed(key_id="dk-1", alg="A256GCM", nonce="bm9uY2U", ciphertext="c2VjcmV0")
    submitted = AdaptationAssessment(**ADAPTED.model_dump(), notes="sering izin sakit")

    [event] = evaluate(3, scheduled(), adaptation=submitted, adaptation_notes=notes)

    assert isinstance(event, EvaluationRecordedV2)
    assert event.adaptation == ADAPTED  # the checklist, without the plaintext notes
    assert event.adaptation_notes == notes
    assert "sering izin sakit" not in event.model_dump_json()


def test_a_second_evaluation_of_a_checkpoint_must_name_the_one_it_corrects() -> None:
    given = scheduled()
    given += evaluate(3, given)

    with pytest.raises(RuleViolated) as refused:
        evaluate(3, given)
    assert refused.value.rule == "one_evaluation_per_checkpoint"
    assert http_status(refused.value) == 409

    [correction] = evaluate(3, given, supersedes_evaluation_id="e-3-1")
    assert isinstance(correction, EvaluationRecordedV2)
    assert correction.supersedes_evaluation_id == "e-3-1"


def test_an_evaluator_cannot_evaluate_themselves() -> None:
    with pytest.raises(RuleViolated) as refused:
        evaluate(3, scheduled(), evaluator_nip=NIP)
    assert refused.value.rule == "no_self_evaluation"


def test_a_checkpoint_evaluation_needs_the_adaptation_checklist() -> None:
    with pytest.raises(RuleViolated) as refused:
        evaluate(3, scheduled(), adaptation=None)
    assert refused.value.rule == "adaptation_required"


def test_an_unknown_checkpoint_or_plan_is_not_found_and_an_id_is_not_reused() -> None:
    with pytest.raises(NotFound):
        evaluate(4, scheduled())
    with pytest.raises(NotFound):
        evaluate(3, [])
    given = scheduled()
    given += evaluate(3, given)
    with pytest.raises(RuleViolated, match="sudah tercatat"):
        evaluate(6, given, evaluation_id="e-3-1")


def test_the_last_checkpoint_settles_the_outcome_criterion_by_criterion() -> None:
    given = scheduled()
    given += evaluate(3, given, adaptation=STRUGGLING)
    given += evaluate(6, given)

    evaluation, outcome = evaluate(12, given, ratings=("DI_ATAS", "SESUAI"))

    assert isinstance(evaluation, EvaluationRecordedV2)
    assert isinstance(outcome, MutationOutcomeAssessed)
    assert outcome.verdict == "ACHIEVED"
    assert outcome.trigger == "LAST_CHECKPOINT"
    assert [(c.criterion, c.met) for c in outcome.criteria] == [
        ("PLACEMENT", True),
        ("PERFORMANCE", True),
        ("ADAPTATION", True),
    ]
    assert outcome.months_to_adapt == 6
    assert outcome.based_on_evaluation_ids == ["e-3-1", "e-6-2", "e-12-3"]
    assert outcome.kind == "NEED_BASED"


def test_overdue_is_flagged_once_per_checkpoint_and_never_for_an_evaluated_one() -> None:
    given = scheduled()
    given += evaluate(3, given)

    flagged = PLAN.decide(MarkOverdue(today=date(2026, 8, 1)), PLAN.fold(given))

    assert [e.checkpoint_id for e in flagged if isinstance(e, MonitoringOverdue)] == [
        f"{PLAN_ID}-m6"
    ]
    assert PLAN.decide(MarkOverdue(today=date(2026, 8, 2)), PLAN.fold(given + flagged)) == []


def test_overdue_waits_for_the_grace_days_after_the_due_date() -> None:
    given = scheduled()  # 3-month checkpoint due 2026-04-30

    assert PLAN.decide(MarkOverdue(today=date(2026, 4, 30)), PLAN.fold(given)) == []
    assert PLAN.decide(MarkOverdue(date(2026, 5, 7), grace_days=7), PLAN.fold(given)) == []
    assert len(PLAN.decide(MarkOverdue(date(2026, 5, 8), grace_days=7), PLAN.fold(given))) == 1


def test_a_cancelled_plan_is_cancelled_once_and_takes_no_evaluations_or_overdue_flags() -> None:
    given = scheduled()
    [cancelled] = PLAN.decide(CancelMonitoring("transfer cancelled", "bkd"), PLAN.fold(given))
    assert isinstance(cancelled, MonitoringCancelled)
    given.append(cancelled)

    assert PLAN.decide(CancelMonitoring("again", "bkd"), PLAN.fold(given)) == []
    assert PLAN.decide(MarkOverdue(today=date(2030, 1, 1)), PLAN.fold(given)) == []
    with pytest.raises(RuleViolated) as refused:
        evaluate(3, given)
    assert refused.value.rule == "plan_cancelled"


def test_an_outcome_can_be_assessed_on_demand_before_the_last_checkpoint() -> None:
    given = scheduled()
    given += evaluate(3, given, ratings=("DI_BAWAH", "SESUAI"))
    command = AssessOutcome(facts=FACTS, today=date(2026, 5, 2), actor="bkd")

    [outcome] = PLAN.decide(command, PLAN.fold(given))

    assert isinstance(outcome, MutationOutcomeAssessed)
    assert outcome.trigger == "ON_DEMAND"
    assert outcome.verdict == "PARTLY_ACHIEVED"
    assert outcome.latest_predikat == "BUTUH_PERBAIKAN"


def test_a_new_head_becomes_the_evaluator_of_open_checkpoints_and_overdue_goes_to_them() -> None:
    given = scheduled()
    new_head = "198001012005011003"

    [assigned] = PLAN.decide(AssignEvaluator(new_head), PLAN.fold(given))
    given.append(assigned)

    assert isinstance(assigned, MonitoringEvaluatorAssigned)
    assert assigned.previous_evaluator_nip == HEAD
    assert PLAN.decide(AssignEvaluator(new_head), PLAN.fold(given)) == []
    assert PLAN.decide(AssignEvaluator(NIP), PLAN.fold(given)) == []
    [overdue] = PLAN.decide(MarkOverdue(today=date(2026, 5, 1)), PLAN.fold(given))
    assert isinstance(overdue, MonitoringOverdue)
    assert overdue.evaluator_nip == new_head


def test_a_plan_with_every_checkpoint_evaluated_keeps_its_evaluator() -> None:
    given = scheduled()
    for months in (3, 6, 12):
        given += evaluate(months, given)

    assert PLAN.decide(AssignEvaluator("198001012005011003"), PLAN.fold(given)) == []
