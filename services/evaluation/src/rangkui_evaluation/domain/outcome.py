"""Whether a transfer reached its goal: three documented criteria and the verdict they give.

- PLACEMENT: the person still holds the post they were transferred to and, when the
  transfer served a staffing need, that need counted this transfer as filling it.
- PERFORMANCE: the predikat of the latest checkpoint evaluated is at least the baseline (the
  latest annual predikat before the TMT); without a baseline, at least BAIK.
- ADAPTATION: the latest checkpoint's checklist shows no unresolved problem (the new duties
  are understood and the person works with the team; a training need alone is not one).

Verdict: all met -> ACHIEVED; placement failed, or nothing met -> NOT_ACHIEVED; otherwise
PARTLY_ACHIEVED. A transfer whose person left the post cannot have achieved its goal.
"""

from __future__ import annotations

from dataclasses import dataclass

from rangkui_contracts.events.common import Predikat
from rangkui_contracts.events.evaluation import (
    AdaptationChecklist,
    CriterionResult,
    OutcomeVerdict,
)
from rangkui_evaluation.domain.predikat import rank_of

_PREDIKAT_WITHOUT_BASELINE: Predikat = "BAIK"


def adapted(adaptation: AdaptationChecklist | None) -> bool:
    """No unresolved adaptation problem: duties understood and working with the team."""
    return (
        adaptation is not None
        and adaptation.understands_new_duties
        and (adaptation.works_with_team)
    )


@dataclass(frozen=True)
class CheckpointResult:
    """The evaluation that currently counts at one checkpoint."""

    months_after: int
    evaluation_id: str
    predikat: Predikat
    adaptation: AdaptationChecklist | None  # either version's (v1 notes are not used)


@dataclass(frozen=True)
class OutcomeFacts:
    """What the verdict depends on beyond the plan: read from personnel and appraisals."""

    still_in_post: bool | None
    need_id: str | None
    need_filled: bool
    baseline_predikat: Predikat | None


@dataclass(frozen=True)
class Outcome:
    verdict: OutcomeVerdict
    criteria: tuple[CriterionResult, ...]
    latest_predikat: Predikat | None
    months_to_adapt: int | None


def assess(results: list[CheckpointResult], facts: OutcomeFacts) -> Outcome:
    """Judge the transfer from its checkpoint results (any order) and the facts."""
    ordered = sorted(results, key=lambda r: r.months_after)
    latest = ordered[-1] if ordered else None
    placement = _placement(facts)
    performance = _performance(latest, facts.baseline_predikat)
    adaptation = _adaptation(latest)
    criteria = (placement, performance, adaptation)
    met = sum(c.met for c in criteria)
    verdict: OutcomeVerdict
    if met == len(criteria):
        verdict = "ACHIEVED"
    elif not placement.met or met == 0:
        verdict = "NOT_ACHIEVED"
    else:
        verdict = "PARTLY_ACHIEVED"
    first_adapted = next((r.months_after for r in ordered if adapted(r.adaptation)), None)
    return Outcome(
        verdict=verdict,
        criteria=criteria,
        latest_predikat=latest.predikat if latest else None,
        months_to_adapt=first_adapted,
    )


def _placement(facts: OutcomeFacts) -> CriterionResult:
    if facts.still_in_post is None:
        return CriterionResult(
            criterion="PLACEMENT", met=False, explanation="the employee is not known to personnel"
        )
    if not facts.still_in_post:
        return CriterionResult(
            criterion="PLACEMENT", met=False, explanation="the employee no longer holds the post"
        )
    if facts.need_id is not None and not facts.need_filled:
        return CriterionResult(
            criterion="PLACEMENT",
            met=False,
            explanation=f"still in the post, but need {facts.need_id} was not filled by it",
        )
    served = f" and need {facts.need_id} is filled" if facts.need_id else ""
    return CriterionResult(
        criterion="PLACEMENT", met=True, explanation=f"still holds the post{served}"
    )


def _performance(latest: CheckpointResult | None, baseline: Predikat | None) -> CriterionResult:
    if latest is None:
        return CriterionResult(
            criterion="PERFORMANCE", met=False, explanation="no checkpoint was evaluated"
        )
    if baseline is None:
        met = rank_of(latest.predikat) >= rank_of(_PREDIKAT_WITHOUT_BASELINE)
        return CriterionResult(
            criterion="PERFORMANCE",
            met=met,
            explanation=f"no baseline appraisal; latest predikat {latest.predikat} is "
            f"{'at least' if met else 'below'} {_PREDIKAT_WITHOUT_BASELINE}",
        )
    change = rank_of(latest.predikat) - rank_of(baseline)
    word = "improved" if change > 0 else "kept" if change == 0 else "fell"
    return CriterionResult(
        criterion="PERFORMANCE",
        met=change >= 0,
        explanation=f"predikat {word}: {baseline} before the transfer, {latest.predikat} at "
        f"{latest.months_after} months",
    )


def _adaptation(latest: CheckpointResult | None) -> CriterionResult:
    if latest is None or latest.adaptation is None:
        return CriterionResult(
            criterion="ADAPTATION", met=False, explanation="no adaptation checklist recorded"
        )
    a = latest.adaptation
    if adapted(a):
        extra = "; a training need is noted" if a.needs_training else ""
        return CriterionResult(
            criterion="ADAPTATION",
            met=True,
            explanation=f"understands the new duties and works with the team{extra}",
        )
    problems = [
        text
        for ok, text in (
            (a.understands_new_duties, "does not yet understand the new duties"),
            (a.works_with_team, "does not yet work well with the team"),
        )
        if not ok
    ]
    return CriterionResult(
        criterion="ADAPTATION", met=False, explanation="unresolved: " + "; ".join(problems)
    )
