"""Evaluations inside their reach and their time: Given the facts / When an evaluator
records / Then it is recorded, or refused with the rule, in Bahasa Indonesia and its basis."""

from __future__ import annotations

from datetime import date

import pytest

from rangkui_contracts.events.evaluation import AdaptationChecklist, EvaluationRecordedV2
from rangkui_evaluation.domain.appraisal import Appraisal
from rangkui_evaluation.domain.outcome import OutcomeFacts
from rangkui_evaluation.domain.plan import (
    RecordCheckpointEvaluation,
    ScheduleMonitoring,
    plan_id_for,
)
from rangkui_evaluation.domain.reach import (
    EvaluatorReach,
    ReachFacts,
    check_checkpoint_due,
    check_evaluator_reach,
)
from rangkui_evaluation.service_layer.deciders import PLAN
from rangkui_eventkit.errors import RuleViolated, http_status

pytestmark = pytest.mark.unit

NIP = "198609262015051001"
HEAD = "197501012000031002"
REACH = EvaluatorReach(units=frozenset({"sma-2"}), evaluator_nip=HEAD)


def refused(facts: ReachFacts) -> RuleViolated:
    with pytest.raises(RuleViolated) as caught:
        check_evaluator_reach(NIP, REACH, facts)
    return caught.value


def test_an_evaluator_reaches_employees_of_their_units() -> None:
    check_evaluator_reach(NIP, REACH, ReachFacts(employee_unit_id="sma-2"))


def test_an_evaluator_reaches_the_plans_of_their_units_and_the_ones_assigned_to_them() -> None:
    check_evaluator_reach(NIP, REACH, ReachFacts(employee_unit_id="x", plan_unit_id="sma-2"))
    assigned = ReachFacts(employee_unit_id="x", plan_unit_id="y", plan_evaluator_nip=HEAD)
    check_evaluator_reach(NIP, REACH, assigned)


def test_an_outside_evaluator_is_refused_with_403_in_indonesian_with_the_basis() -> None:
    error = refused(ReachFacts(employee_unit_id="sma-9", plan_unit_id="sma-9"))
    assert (error.rule, http_status(error)) == ("outside_evaluator_reach", 403)
    assert "tidak bekerja di unit yang Anda pimpin" in error.message
    assert error.legal_basis == "PermenPANRB 6/2022"


def test_an_unknown_employee_is_outside_every_reach() -> None:
    assert refused(ReachFacts()).rule == "outside_evaluator_reach"


def test_only_the_author_corrects_an_evaluation() -> None:
    other = ReachFacts(employee_unit_id="sma-2", corrected_author_nip="operator.bkd")
    assert refused(other).rule == "correction_by_author_only"
    own = ReachFacts(employee_unit_id="sma-2", corrected_author_nip=HEAD)
    check_evaluator_reach(NIP, REACH, own)


def test_a_checkpoint_opens_on_its_due_date_or_the_policys_days_before() -> None:
    due = date(2026, 4, 30)
    with pytest.raises(RuleViolated) as caught:
        check_checkpoint_due("c-m3", due, date(2026, 4, 29))
    assert caught.value.rule == "checkpoint_not_due"
    assert "mulai 30 April 2026" in caught.value.message
    check_checkpoint_due("c-m3", due, due)
    check_checkpoint_due("c-m3", due, date(2026, 4, 23), early_days=7)


def _checkpoint(today: date, early_days: int = 0) -> list[object]:
    schedule = ScheduleMonitoring(
        mutation_id="m-1",
        nip=NIP,
        unit_id="u-new",
        position_id="p-new",
        tmt=date(2026, 1, 31),
        checkpoint_months=[3, 6, 12],
        evaluator_nip=HEAD,
        kind="NEED_BASED",
    )
    given = PLAN.decide(schedule, PLAN.fold([]))
    appraisal = Appraisal(
        evaluation_id="e-3",
        nip=NIP,
        kind="CHECKPOINT",
        period_start=date(2026, 1, 31),
        period_end=date(2026, 4, 30),
        hasil_kerja="SESUAI",
        perilaku_kerja="SESUAI",
        evaluator_nip=HEAD,
        adaptation=AdaptationChecklist(
            understands_new_duties=True, works_with_team=True, needs_training=False
        ),
    )
    command = RecordCheckpointEvaluation(
        appraisal=appraisal,
        checkpoint_id=f"{plan_id_for('m-1')}-m3",
        facts=OutcomeFacts(
            still_in_post=True, need_id=None, need_filled=False, baseline_predikat="BAIK"
        ),
        today=today,
        actor="kepala",
        early_days=early_days,
    )
    return list(PLAN.decide(command, PLAN.fold(given)))


def test_a_checkpoint_evaluation_before_its_period_ends_is_refused() -> None:
    with pytest.raises(RuleViolated) as caught:
        _checkpoint(date(2026, 3, 1))
    assert caught.value.rule == "checkpoint_not_due"
    [event] = _checkpoint(date(2026, 4, 30))
    assert isinstance(event, EvaluationRecordedV2)
    [early] = _checkpoint(date(2026, 4, 25), early_days=5)
    assert isinstance(early, EvaluationRecordedV2)
