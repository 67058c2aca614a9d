"""Annual and periodic appraisals: one per period, corrections visible."""

from datetime import date
from typing import Any

import pytest

from rangkui_contracts import DomainEvent
from rangkui_contracts.events.evaluation import EvaluationRecordedV2
from rangkui_evaluation.domain.appraisal import Appraisal
from rangkui_evaluation.domain.appraisal_record import RecordAppraisal
from rangkui_evaluation.service_layer.deciders import APPRAISALS
from rangkui_eventkit.errors import RuleViolated

pytestmark = pytest.mark.unit

NIP = "198609262015051001"


def record(given: list[DomainEvent], **overrides: Any) -> list[DomainEvent]:
    values: dict[str, Any] = {
        "evaluation_id": f"a-{len(given)}",
        "nip": NIP,
        "kind": "ANNUAL",
        "period_start": date(2025, 1, 1),
        "period_end": date(2025, 12, 31),
        "hasil_kerja": "SESUAI",
        "perilaku_kerja": "DI_BAWAH",
    }
    values.update(overrides)
    return APPRAISALS.decide(RecordAppraisal(Appraisal(**values)), APPRAISALS.fold(given))


def test_an_annual_appraisal_is_recorded_with_its_computed_predikat() -> None:
    [event] = record([])

    assert isinstance(event, EvaluationRecordedV2)
    assert event.predikat == "KURANG"


def test_one_annual_appraisal_per_year_unless_it_corrects_the_current_one() -> None:
    given = record([])

    with pytest.raises(RuleViolated) as refused:
        record(given, period_start=date(2025, 7, 1))
    assert refused.value.rule == "one_evaluation_per_period"

    with pytest.raises(RuleViolated):
        record(given, supersedes_evaluation_id="someone-else")
    [correction] = record(given, supersedes_evaluation_id="a-0", hasil_kerja="DI_ATAS")
    assert isinstance(correction, EvaluationRecordedV2)
    assert correction.predikat == "KURANG"
    assert record(given, period_start=date(2024, 1, 1), period_end=date(2024, 12, 31))


def test_periodic_needs_an_evaluator_other_than_the_employee_and_a_period_in_order() -> None:
    with pytest.raises(RuleViolated, match="evaluator"):
        record([], kind="PERIODIC")
    with pytest.raises(RuleViolated) as refused:
        record([], kind="PERIODIC", evaluator_nip=NIP)
    assert refused.value.rule == "no_self_evaluation"
    with pytest.raises(RuleViolated) as refused:
        record([], period_start=date(2025, 12, 31), period_end=date(2025, 1, 1))
    assert refused.value.rule == "period_in_order"


def test_an_annual_appraisal_stays_within_one_year_and_ids_are_not_reused() -> None:
    with pytest.raises(RuleViolated):
        record([], period_end=date(2026, 1, 31))
    given = record([])
    with pytest.raises(RuleViolated, match="sudah tercatat"):
        record(
            given,
            evaluation_id="a-0",
            period_start=date(2024, 1, 1),
            period_end=date(2024, 12, 31),
        )
