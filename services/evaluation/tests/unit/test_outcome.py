"""The outcome of a transfer in three constructed cases, and each criterion's edge."""

import pytest

from rangkui_contracts.events.evaluation import AdaptationAssessment
from rangkui_evaluation.domain.outcome import CheckpointResult, OutcomeFacts, assess

pytestmark = pytest.mark.unit

GOOD = AdaptationAssessment(understands_new_duties=True, works_with_team=True, needs_training=True)
POOR = AdaptationAssessment(
    understands_new_duties=True, works_with_team=False, needs_training=False
)


def facts(**overrides: object) -> OutcomeFacts:
    values: dict[str, object] = {
        "still_in_post": True,
        "need_id": "need-1",
        "need_filled": True,
        "baseline_predikat": "BAIK",
    }
    values.update(overrides)
    return OutcomeFacts(**values)  # type: ignore[arg-type]


def met(outcome: object) -> dict[str, bool]:
    return {c.criterion: c.met for c in outcome.criteria}  # type: ignore[attr-defined]


def test_achieved_when_placed_performing_as_before_and_adapted() -> None:
    results = [CheckpointResult(3, "e3", "BAIK", POOR), CheckpointResult(12, "e12", "BAIK", GOOD)]

    outcome = assess(results, facts())

    assert outcome.verdict == "ACHIEVED"
    assert met(outcome) == {"PLACEMENT": True, "PERFORMANCE": True, "ADAPTATION": True}
    assert "kept" in outcome.criteria[1].explanation
    assert "training" in outcome.criteria[2].explanation
    assert outcome.months_to_adapt == 12


def test_partly_achieved_when_performance_fell_below_the_baseline() -> None:
    results = [CheckpointResult(12, "e12", "BUTUH_PERBAIKAN", GOOD)]

    outcome = assess(results, facts(baseline_predikat="SANGAT_BAIK"))

    assert outcome.verdict == "PARTLY_ACHIEVED"
    assert met(outcome) == {"PLACEMENT": True, "PERFORMANCE": False, "ADAPTATION": True}
    assert "fell" in outcome.criteria[1].explanation


def test_not_achieved_when_the_person_left_the_post() -> None:
    results = [CheckpointResult(12, "e12", "SANGAT_BAIK", GOOD)]

    outcome = assess(results, facts(still_in_post=False))

    assert outcome.verdict == "NOT_ACHIEVED"
    assert met(outcome)["PLACEMENT"] is False


def test_a_need_not_filled_by_the_transfer_fails_the_placement() -> None:
    outcome = assess([CheckpointResult(12, "e", "BAIK", GOOD)], facts(need_filled=False))

    assert met(outcome)["PLACEMENT"] is False
    assert "need-1" in outcome.criteria[0].explanation


def test_without_a_baseline_performance_must_be_at_least_baik() -> None:
    good = assess([CheckpointResult(12, "e", "BAIK", GOOD)], facts(baseline_predikat=None))
    poor = assess([CheckpointResult(12, "e", "KURANG", GOOD)], facts(baseline_predikat=None))

    assert met(good)["PERFORMANCE"] is True
    assert met(poor)["PERFORMANCE"] is False


def test_nothing_evaluated_and_nobody_known_is_not_achieved() -> None:
    outcome = assess([], facts(still_in_post=None))

    assert outcome.verdict == "NOT_ACHIEVED"
    assert outcome.latest_predikat is None
    assert not any(met(outcome).values())
