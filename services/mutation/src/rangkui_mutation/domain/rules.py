"""The civil-service rules a transfer decision must respect, each raising a `RuleViolated`
whose `rule` names it, so an operator reads which rule refused and why."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rangkui_eventkit.errors import ErrorKind, RuleViolated


def rule_error(
    rule: str,
    message: str,
    *,
    kind: ErrorKind = ErrorKind.REFUSED,
    details: dict[str, object] | None = None,
) -> RuleViolated:
    return RuleViolated(rule, message, kind=kind, details=details)


@dataclass(frozen=True)
class Blackout:
    """The blackout window (from the configured calendar) that covers the decision date."""

    start: date
    end: date
    reason: str


def find_blackout(windows: Sequence[Blackout], today: date) -> Blackout | None:
    return next((w for w in windows if w.start <= today <= w.end), None)


def years_between(start: date, end: date) -> float:
    """Whole days / 365.25: precise enough for a minimum expressed in (half) years."""
    return (end - start).days / 365.25


def check_can_decide(
    nip: str, proposed_by: str, related: Sequence[str], actor: str, action: str
) -> None:
    """Segregation of duties and conflict of interest: nobody decides on their own proposal,
    the employee never decides on their own transfer, nor does a declared relative."""
    if actor == nip:
        raise rule_error(
            "own_transfer",
            f"employee {nip} may not {action} their own transfer",
            kind=ErrorKind.FORBIDDEN,
        )
    if actor == proposed_by:
        raise rule_error(
            "segregation_of_duties",
            f"{actor} proposed this transfer and may not also {action} it",
            kind=ErrorKind.FORBIDDEN,
        )
    if actor in related:
        raise rule_error(
            "related_person_conflict",
            f"{actor} is listed as related to employee {nip} and may not {action} the transfer",
            kind=ErrorKind.FORBIDDEN,
        )


def check_free_place(position_id: str, free_places: int) -> None:
    """formasi − occupancy − transfers already approved into the post must leave a place."""
    if free_places <= 0:
        raise rule_error(
            "no_free_place",
            f"post {position_id} has no free place: its formasi is taken by its holders and "
            "the transfers already approved into it",
            kind=ErrorKind.CONFLICT,
            details={"free_places": free_places},
        )


def check_min_years(
    nip: str, tmt_position: date, today: date, min_years: float, exception: str | None
) -> None:
    """At least `min_years` in the current post, unless the PPK records a justification."""
    years = years_between(tmt_position, today)
    if years < min_years and not (exception and exception.strip()):
        raise rule_error(
            "min_years_in_post",
            f"employee {nip} has been {years:.1f} years in the current post (since "
            f"{tmt_position.isoformat()}); the minimum is {min_years:g} years unless the PPK "
            "records an exception with a justification",
            details={"years_in_post": round(years, 2), "minimum": min_years},
        )


def check_not_in_blackout(blackout: Blackout | None, minister_approval_ref: str | None) -> None:
    """Inside a blackout window a transfer needs the Minister of Home Affairs' approval."""
    if blackout is not None and not (minister_approval_ref and minister_approval_ref.strip()):
        raise rule_error(
            "blackout_window",
            f"transfers between {blackout.start.isoformat()} and {blackout.end.isoformat()} "
            f"({blackout.reason}) need a written approval of the Minister of Home Affairs; "
            "record its reference",
            details={"start": blackout.start.isoformat(), "end": blackout.end.isoformat()},
        )


BELOW_BAIK = frozenset({"BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG"})


def check_recent_performance(nip: str, recent_annual_predikat: Sequence[str]) -> None:
    """The last two annual ratings must be at least Baik (unrated years do not count)."""
    low = [p for p in recent_annual_predikat[:2] if p in BELOW_BAIK]
    if low:
        raise rule_error(
            "performance_below_baik",
            f"employee {nip} was rated {', '.join(low)} in the last two annual appraisals; "
            "a transfer needs at least Baik",
        )
