"""The transfer (`Mutation`) aggregate as a pure decider: its lifecycle and the rules that
are decided on its own history plus the facts the command carries.

Facts that live outside the stream (is another transfer open, how many places are free,
years in post, the blackout calendar) are gathered by the service layer and handed in on
the command, so `decide` stays a pure function that a Given/When/Then test can drive.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from rangkui_contracts import DomainEvent
from rangkui_contracts.events.common import Sealed
from rangkui_contracts.events.mutation import (
    DocumentItem,
    HoldReason,
    MutationAcknowledged,
    MutationApproved,
    MutationCancelled,
    MutationDecreed,
    MutationDeemedAcknowledged,
    MutationDocumentsChecked,
    MutationEffective,
    MutationHeld,
    MutationKind,
    MutationObjectedV2,
    MutationObjectionResolved,
    MutationProposed,
    MutationRejected,
    MutationReleased,
    MutationReviewed,
    MutationRevoked,
    MutationSocialized,
    PolicyApplied,
    SkippableStep,
)
from rangkui_eventkit.decider import Decider
from rangkui_eventkit.errors import Violation
from rangkui_mutation.domain.rules import (
    Blackout,
    FitFacts,
    check_appraisals_present,
    check_can_decide,
    check_fit,
    check_free_place,
    check_min_years,
    check_not_in_blackout,
    check_recent_performance,
    check_target_head,
    check_transferable,
    refuse,
    rule_error,
    violation,
)

REQUIRED_DOCUMENTS: tuple[str, ...] = (
    "REQUEST_LETTER",
    "ORIGIN_APPROVAL_LETTER",
    "JOB_AND_WORKLOAD_ANALYSIS",
    "LATEST_RANK_SK",
    "PERFORMANCE_APPRAISALS",
    "DISCIPLINE_STATEMENT",
    "STUDY_OBLIGATION_STATEMENT",
    "CLEAN_AUDIT_CERTIFICATE",
)


class Status(StrEnum):
    PROPOSED = "PROPOSED"
    DOCUMENTS_CHECKED = "DOCUMENTS_CHECKED"
    REVIEWED = "REVIEWED"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"
    SOCIALIZED = "SOCIALIZED"
    ACKNOWLEDGED = "ACKNOWLEDGED"
    OBJECTED = "OBJECTED"
    OBJECTION_DISMISSED = "OBJECTION_DISMISSED"
    DECREED = "DECREED"
    HELD = "HELD"
    EFFECTIVE = "EFFECTIVE"
    CANCELLED = "CANCELLED"
    REVOKED = "REVOKED"  # effective, then revoked by a revoking decree: the person moved back


TERMINAL = {Status.REJECTED, Status.EFFECTIVE, Status.CANCELLED, Status.REVOKED}
# Steps in which the transfer holds a place in its target post (counted against formasi).
HOLDS_PLACE = {
    Status.APPROVED,
    Status.SOCIALIZED,
    Status.ACKNOWLEDGED,
    Status.OBJECTED,
    Status.OBJECTION_DISMISSED,
    Status.DECREED,
    Status.HELD,
}
BEFORE_DECISION = {Status.PROPOSED, Status.DOCUMENTS_CHECKED, Status.REVIEWED}


@dataclass(frozen=True)
class MutationState:
    status: Status | None = None
    mutation_id: str = ""
    nip: str = ""
    from_unit_id: str = ""
    from_position_id: str = ""
    to_unit_id: str = ""
    to_position_id: str = ""
    kind: str = ""
    need_id: str | None = None
    proposed_by: str = ""
    related_persons: tuple[str, ...] = ()
    documents_complete: bool = False
    missing_documents: tuple[str, ...] = REQUIRED_DOCUMENTS
    reviewed: bool = False
    recommended: bool | None = None
    reviewers: tuple[str, ...] = ()  # who sat in the TPK's review: they do not decide
    objection_deadline: date | None = None
    sk_number: str | None = None
    tmt: date | None = None
    # The Minister's approval letter (number, date) recorded at any step: it lifts a blackout.
    minister_letter: tuple[str, date] | None = None

    @property
    def is_open(self) -> bool:
        return self.status is not None and self.status not in TERMINAL


# ----------------------------------------------------------------------------- commands
@dataclass(frozen=True)
class ProposeMutation:
    mutation_id: str
    nip: str
    from_unit_id: str
    from_position_id: str
    to_unit_id: str
    to_position_id: str
    kind: MutationKind
    reason: str
    actor: str
    employee_status: str = "ACTIVE"
    need_id: str | None = None
    related_persons: tuple[str, ...] = ()
    open_transfer_id: str | None = None  # fact: another open transfer of this employee
    free_places: int | None = None  # fact: places left in the target post (None: unknown)
    blackout: Blackout | None = None  # fact: the blackout window covering today, if any
    minister_approval_ref: str | None = None
    minister_approval_date: date | None = None
    relatives: Relatives = ()  # fact: the employee's relatives in personnel's registry
    target_head: str | None = None  # fact: who heads the target unit (None: nobody known)


# The employee's relatives as personnel's registry holds them: (NIP, relation).
Relatives = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class CheckDocuments:
    items: tuple[DocumentItem, ...]
    actor: str
    relatives: Relatives = ()  # fact: the registry
    policy: ProcessPolicy | None = None  # None: the full process


@dataclass(frozen=True)
class ProcessPolicy:
    """The province's process policy: by default every step is required (documents check,
    TPK review, socialisation with its objection window); a step is skipped only where the
    province turned that on, citing its basis, and each decision records what was skipped."""

    skip_steps: frozenset[str] = frozenset()
    basis: str = ""
    tpk_quorum: int = 3
    objection_window_days: int = 14
    applied: PolicyApplied | None = None  # every policy value, as recorded on decisions

    def skips(self, step: str) -> bool:
        return step in self.skip_steps


FULL_PROCESS = ProcessPolicy()


@dataclass(frozen=True)
class ReviewMutation:
    """The TPK's meeting (*sidang*) on the file: who was present, its recommendation, and
    the reference of its minutes (*berita acara*)."""

    recommended: bool
    notes: str
    actor: str
    members_present: tuple[str, ...] = ()
    berita_acara_ref: str = ""
    policy: ProcessPolicy = FULL_PROCESS
    relatives: Relatives = ()  # fact: the registry


@dataclass(frozen=True)
class ApprovalFacts:
    """What the service layer looked up for an approval, as of `today`."""

    today: date
    free_places: int
    tmt_position: date
    min_years_in_post: float
    blackout: Blackout | None = None
    employee_status: str = "ACTIVE"
    recent_annual_predikat: tuple[str, ...] = ()  # most recent first
    unit_closed_on: date | None = None  # the target unit's closure, if it closed
    missing_appraisals: str = "WARN"  # policy: BLOCK refuses, WARN records a warning
    fit: FitFacts | None = None  # the employee against the target post (None: not known)


@dataclass(frozen=True)
class ApproveMutation:
    actor: str
    facts: ApprovalFacts
    reasons: str = ""
    min_years_exception: str | None = None
    minister_approval_ref: str | None = None
    minister_approval_date: date | None = None
    fit_override: str | None = None  # the PPK's written reasons to waive the education fit
    policy: ProcessPolicy = FULL_PROCESS
    relatives: Relatives = ()  # fact: the registry
    target_head: str | None = None  # fact: who heads the target unit now


@dataclass(frozen=True)
class RejectMutation:
    actor: str
    reasons: str
    policy: ProcessPolicy = FULL_PROCESS
    relatives: Relatives = ()  # fact: the registry


@dataclass(frozen=True)
class SocializeMutation:
    """`today` opens the objection window: it closes `policy.objection_window_days` later."""

    actor: str
    message: str
    today: date
    policy: ProcessPolicy = FULL_PROCESS
    relatives: Relatives = ()  # fact: the registry


@dataclass(frozen=True)
class AcknowledgeMutation:
    actor: str


@dataclass(frozen=True)
class ObjectToMutation:
    """`reason` arrives sealed with the employee's data key: sensitive, never in plaintext."""

    actor: str
    reason: Sealed
    today: date


@dataclass(frozen=True)
class DeemAcknowledged:
    """Issued by the scheduler once the objection window closed in silence."""

    today: date


@dataclass(frozen=True)
class ResolveObjection:
    actor: str
    upheld: bool
    reasons: str
    by_ppk: bool = True  # fact: the caller acts as the PPK
    relatives: Relatives = ()  # fact: the registry


@dataclass(frozen=True)
class DecreeFacts:
    """What the service layer looked up for a decree, as of `today`."""

    today: date
    sk_number_used_by: str | None = None  # another transfer already carries this SK number
    blackout: Blackout | None = None
    employee_status: str = "ACTIVE"
    unit_closed_on: date | None = None  # the target unit's closure, if it closed
    retroactive_tmt_max_days: int = 0
    tmt_horizon_days: int = 365
    free_places: int | None = None  # formasi − occupancy − places other transfers hold


@dataclass(frozen=True)
class DecreeMutation:
    actor: str
    sk_number: str
    sk_date: date
    tmt: date
    facts: DecreeFacts
    retroactive_reason: str | None = None
    minister_approval_ref: str | None = None
    minister_approval_date: date | None = None
    policy: ProcessPolicy = FULL_PROCESS
    relatives: Relatives = ()  # fact: the registry
    target_head: str | None = None  # fact: who heads the target unit now
    decree_id: str | None = None  # the collective decree whose lampiran lists the transfer


@dataclass(frozen=True)
class MakeEffective:
    """Issued by the scheduler (actor `system.scheduler`) once the TMT has come, with the
    facts the guards need as of that day: a failing guard holds the transfer instead."""

    today: date
    employee_status: str = "ACTIVE"
    unit_closed_on: date | None = None
    blackout: Blackout | None = None  # a window covering the TMT and this transfer


@dataclass(frozen=True)
class ReleaseHold:
    """The BKD (or the PPK) releases a held transfer once its guards pass again."""

    actor: str
    reason: str
    employee_status: str = "ACTIVE"
    unit_closed_on: date | None = None
    relatives: Relatives = ()  # fact: the registry


@dataclass(frozen=True)
class CancelMutation:
    actor: str
    reason: str
    by_ppk: bool = False  # fact: the caller acts as the PPK
    cancelling_sk_number: str | None = None
    cancelling_sk_date: date | None = None
    relatives: Relatives = ()  # fact: the registry


Command = (
    ProposeMutation
    | CheckDocuments
    | ReviewMutation
    | ApproveMutation
    | RejectMutation
    | SocializeMutation
    | AcknowledgeMutation
    | DeemAcknowledged
    | ObjectToMutation
    | ResolveObjection
    | DecreeMutation
    | MakeEffective
    | ReleaseHold
    | CancelMutation
)


# ------------------------------------------------------------------------------ evolve
def _letter(event: Any, state: MutationState) -> tuple[str, date] | None:
    """The Minister's approval letter an event records, else the one known before."""
    ref, day = getattr(event, "minister_approval_ref", None), getattr(
        event, "minister_approval_date", None
    )
    return (ref, day) if ref and day else state.minister_letter


def evolve(state: MutationState, event: DomainEvent) -> MutationState:
    replace = dataclasses.replace
    match event:
        case MutationProposed():
            return MutationState(
                status=Status.PROPOSED,
                mutation_id=event.mutation_id,
                nip=event.nip,
                from_unit_id=event.from_unit_id,
                from_position_id=event.from_position_id,
                to_unit_id=event.to_unit_id,
                to_position_id=event.to_position_id,
                kind=event.kind,
                need_id=event.need_id,
                proposed_by=event.proposed_by,
                related_persons=tuple(event.related_persons),
                minister_letter=_letter(event, MutationState()),
            )
        case MutationDocumentsChecked():
            present = {i.code for i in event.items if i.present}
            return replace(
                state,
                status=Status.DOCUMENTS_CHECKED,
                documents_complete=event.complete,
                missing_documents=tuple(d for d in REQUIRED_DOCUMENTS if d not in present),
            )
        case MutationReviewed():
            reviewers = (event.reviewed_by, *event.members_present)
            return replace(
                state,
                status=Status.REVIEWED,
                reviewed=True,
                recommended=event.recommended,
                reviewers=tuple(dict.fromkeys((*state.reviewers, *reviewers))),
            )
        case MutationApproved():
            return replace(state, status=Status.APPROVED, minister_letter=_letter(event, state))
        case MutationRejected():
            return replace(state, status=Status.REJECTED)
        case MutationSocialized():
            return replace(
                state, status=Status.SOCIALIZED, objection_deadline=event.objection_deadline
            )
        case MutationAcknowledged() | MutationDeemedAcknowledged():
            return replace(state, status=Status.ACKNOWLEDGED)
        case MutationObjectedV2():
            return replace(state, status=Status.OBJECTED)
        case MutationObjectionResolved():
            return replace(state, status=Status.OBJECTION_DISMISSED)  # upheld: cancel follows
        case MutationDecreed():
            return replace(
                state,
                status=Status.DECREED,
                sk_number=event.sk_number,
                tmt=event.tmt,
                minister_letter=_letter(event, state),
            )
        case MutationHeld():
            return replace(state, status=Status.HELD)
        case MutationReleased():
            return replace(state, status=Status.DECREED)
        case MutationEffective():
            return replace(state, status=Status.EFFECTIVE)
        case MutationCancelled():
            return replace(state, status=Status.CANCELLED)
        case MutationRevoked():
            return replace(state, status=Status.REVOKED)
    return state


# ------------------------------------------------------------------------------ decide
def _step_error(state: MutationState, action: str, allowed: set[Status]) -> Exception:
    if state.status is None:
        return rule_error("unknown_mutation")
    wanted = ", ".join(sorted(s.value for s in allowed))
    return rule_error("invalid_step", action=action, status=state.status.value, allowed=wanted)


def _require(state: MutationState, action: str, allowed: set[Status]) -> None:
    if state.status not in allowed:
        raise _step_error(state, action, allowed)


def decide(command: Command, state: MutationState) -> Sequence[DomainEvent]:
    s = state
    match command:
        case ProposeMutation():
            return _propose(command, state)
        case CheckDocuments():
            _require(s, "check the documents of", {Status.PROPOSED, Status.DOCUMENTS_CHECKED})
            _not_a_relative(s, command.actor, "check the documents of", command.relatives)
            present = {i.code for i in command.items if i.present}
            complete = all(code in present for code in REQUIRED_DOCUMENTS)
            skips_review = command.policy is not None and command.policy.skips("TPK_REVIEW")
            return [
                MutationDocumentsChecked(
                    mutation_id=s.mutation_id,
                    nip=s.nip,
                    items=list(command.items),
                    complete=complete,
                    checked_by=command.actor,
                    ready_for=("DECISION" if skips_review else "TPK_REVIEW") if complete else None,
                )
            ]
        case ReviewMutation():
            return _review(command, state)
        case ApproveMutation():
            return _approve(command, state)
        case RejectMutation():
            _require(s, "reject", BEFORE_DECISION)
            _may_decide(s, command.actor, "reject", command.relatives)
            skipped = _skipped(s)
            return [
                MutationRejected(
                    mutation_id=s.mutation_id,
                    nip=s.nip,
                    rejected_by=command.actor,
                    reasons=command.reasons,
                    steps_skipped=skipped,
                    skip_policy=command.policy.basis if skipped else None,
                )
            ]
        case SocializeMutation():
            _require(s, "socialise", {Status.APPROVED})
            _not_a_relative(s, command.actor, "socialise", command.relatives)
            window = timedelta(days=command.policy.objection_window_days)
            return [
                MutationSocialized(
                    mutation_id=s.mutation_id,
                    nip=s.nip,
                    message=command.message,
                    socialized_by=command.actor,
                    objection_deadline=command.today + window,
                )
            ]
        case AcknowledgeMutation():
            _require(s, "acknowledge", {Status.SOCIALIZED})
            _only_the_employee(s, command.actor, "acknowledge")
            return [
                MutationAcknowledged(mutation_id=s.mutation_id, nip=s.nip, acknowledged_by=s.nip)
            ]
        case DeemAcknowledged():
            _require(s, "deem acknowledged", {Status.SOCIALIZED})
            deemed = _deemed_acknowledgement(s, command.today)
            if deemed is None:
                assert s.objection_deadline is not None
                raise rule_error("objection_window_open", deadline=s.objection_deadline)
            return [deemed]
        case ObjectToMutation():
            _require(s, "object to", {Status.SOCIALIZED})
            _only_the_employee(s, command.actor, "object to")
            if s.objection_deadline is not None and command.today > s.objection_deadline:
                raise rule_error("objection_window_closed", deadline=s.objection_deadline)
            return [
                MutationObjectedV2(
                    mutation_id=s.mutation_id, nip=s.nip, reason=command.reason, objected_by=s.nip
                )
            ]
        case ResolveObjection():
            _require(s, "resolve the objection to", {Status.OBJECTED})
            if not command.by_ppk:
                raise rule_error("objection_decided_by_ppk")
            _may_decide(s, command.actor, "resolve", command.relatives)
            resolved = MutationObjectionResolved(
                mutation_id=s.mutation_id,
                nip=s.nip,
                upheld=command.upheld,
                reasons=command.reasons,
                resolved_by=command.actor,
            )
            if not command.upheld:
                return [resolved]
            cancelled = MutationCancelled(
                mutation_id=s.mutation_id,
                nip=s.nip,
                reason=f"objection upheld: {command.reasons}",
                cancelled_by=command.actor,
            )
            return [resolved, cancelled]
        case DecreeMutation():
            return _decree(command, state)
        case MakeEffective():
            _require(s, "make effective", {Status.DECREED})
            assert s.tmt is not None
            if s.tmt > command.today:
                raise rule_error("tmt_not_reached", tmt=s.tmt)
            failing = _tmt_guards(s, command.employee_status, command.unit_closed_on)
            letter = s.minister_letter or (None, None)
            in_blackout = check_not_in_blackout(command.blackout, *letter)
            if in_blackout is not None:
                failing.append(in_blackout)
            if failing:
                return [
                    MutationHeld(
                        mutation_id=s.mutation_id,
                        nip=s.nip,
                        held_on=command.today,
                        reasons=[
                            HoldReason(
                                rule=v.rule, message=v.pesan or v.message, legal_basis=v.legal_basis
                            )
                            for v in failing
                        ],
                        held_by="system.scheduler",
                    )
                ]
            return [
                MutationEffective(
                    mutation_id=s.mutation_id,
                    nip=s.nip,
                    from_unit_id=s.from_unit_id,
                    from_position_id=s.from_position_id,
                    to_unit_id=s.to_unit_id,
                    to_position_id=s.to_position_id,
                    tmt=s.tmt,
                    sk_number=s.sk_number,
                    need_id=s.need_id,
                )
            ]
        case ReleaseHold():
            _require(s, "release", {Status.HELD})
            _not_a_relative(s, command.actor, "release", command.relatives)
            refuse(_tmt_guards(s, command.employee_status, command.unit_closed_on))
            return [
                MutationReleased(
                    mutation_id=s.mutation_id,
                    nip=s.nip,
                    reason=command.reason,
                    released_by=command.actor,
                )
            ]
        case CancelMutation():
            return _cancel(command, state)
    raise TypeError(f"unknown command {type(command).__name__}")


def _propose(c: ProposeMutation, state: MutationState) -> list[DomainEvent]:
    if state.status is not None:
        raise rule_error("mutation_exists", mutation_id=c.mutation_id)
    if c.actor == c.nip and c.kind != "OWN_REQUEST":
        raise rule_error("own_request_only")
    found: list[Violation | None] = [
        check_target_head(c.nip, c.to_unit_id, c.target_head, c.relatives)
    ]
    if c.actor != c.nip and c.actor in _related(c.related_persons, c.relatives):
        found.append(
            violation("related_person_conflict", actor=c.actor, nip=c.nip, action="propose")
        )
    if c.open_transfer_id is not None:
        found.append(
            violation(
                "one_open_transfer",
                nip=c.nip,
                open_mutation_id=c.open_transfer_id,
                details={"open_mutation_id": c.open_transfer_id},
            )
        )
    found.append(check_transferable(c.nip, c.employee_status))
    if c.to_position_id == c.from_position_id:
        found.append(violation("same_post", nip=c.nip, position_id=c.to_position_id))
    elif c.free_places is not None:
        found.append(check_free_place(c.to_position_id, c.free_places))
    found.append(
        check_not_in_blackout(c.blackout, c.minister_approval_ref, c.minister_approval_date)
    )
    refuse(found)
    return [
        MutationProposed(
            mutation_id=c.mutation_id,
            nip=c.nip,
            from_unit_id=c.from_unit_id,
            from_position_id=c.from_position_id,
            to_unit_id=c.to_unit_id,
            to_position_id=c.to_position_id,
            kind=c.kind,
            reason=c.reason,
            need_id=c.need_id,
            proposed_by=c.actor,
            related_persons=list(c.related_persons),
            minister_approval_ref=c.minister_approval_ref if c.blackout else None,
            minister_approval_date=c.minister_approval_date if c.blackout else None,
        )
    ]


def _documents_missing(s: MutationState) -> Violation | None:
    if s.documents_complete:
        return None
    missing = s.missing_documents or REQUIRED_DOCUMENTS
    return violation(
        "documents_incomplete", missing=", ".join(missing), details={"missing": list(missing)}
    )


def _review(c: ReviewMutation, s: MutationState) -> list[DomainEvent]:
    """The TPK's sidang: a quorum of members present (none of whom may be in conflict on
    this file), the minutes' reference, and a complete file unless the province skips the
    documents check."""
    _require(s, "record the TPK review of", {Status.PROPOSED, Status.DOCUMENTS_CHECKED})
    members = tuple(dict.fromkeys((c.actor, *c.members_present)))
    related = _related(s.related_persons, c.relatives)
    refuse(check_can_decide(s.nip, s.proposed_by, related, m, "review") for m in members)
    found: list[Violation | None] = []
    if not c.policy.skips("DOCUMENTS"):
        found.append(_documents_missing(s))
    if len(members) < c.policy.tpk_quorum:
        found.append(
            violation(
                "tpk_quorum_not_met",
                present=len(members),
                quorum=c.policy.tpk_quorum,
                details={"present": len(members), "quorum": c.policy.tpk_quorum},
            )
        )
    if not c.berita_acara_ref.strip():
        found.append(violation("berita_acara_required"))
    refuse(found)
    return [
        MutationReviewed(
            mutation_id=s.mutation_id,
            nip=s.nip,
            recommended=c.recommended,
            notes=c.notes,
            reviewed_by=c.actor,
            members_present=list(members),
            quorum=c.policy.tpk_quorum,
            berita_acara_ref=c.berita_acara_ref.strip(),
        )
    ]


def _skipped(s: MutationState) -> list[SkippableStep]:
    """The steps this file went without, as of its decision."""
    out: list[SkippableStep] = []
    if not s.documents_complete:
        out.append("DOCUMENTS")
    if not s.reviewed:
        out.append("TPK_REVIEW")
    if s.status == Status.APPROVED:
        out.append("SOCIALIZATION")
    return out


def _approve(c: ApproveMutation, s: MutationState) -> list[DomainEvent]:
    """The PPK decides after hearing the TPK (unless the province skips the review), never
    having sat in it, with written reasons against a negative recommendation; every rule
    on the facts is checked and all failing ones are reported together."""
    _require(s, "approve", BEFORE_DECISION)
    _may_decide(s, c.actor, "approve", c.relatives)
    f = c.facts
    found: list[Violation | None] = [
        check_target_head(s.nip, s.to_unit_id, c.target_head, c.relatives)
    ]
    if not s.reviewed:
        if not c.policy.skips("TPK_REVIEW"):
            raise rule_error("tpk_review_required")
        if not c.policy.skips("DOCUMENTS"):
            found.append(_documents_missing(s))
    if s.recommended is False and not c.reasons.strip():
        found.append(violation("against_recommendation_without_reasons"))
    missing = check_appraisals_present(s.nip, f.recent_annual_predikat, f.missing_appraisals)
    if f.fit is not None:
        found += check_fit(s.nip, s.to_position_id, f.fit, c.fit_override)
    found += [
        *_tmt_guards(s, f.employee_status, f.unit_closed_on),
        missing if f.missing_appraisals == "BLOCK" else None,
        check_recent_performance(s.nip, f.recent_annual_predikat),
        check_free_place(s.to_position_id, f.free_places),
        check_min_years(s.nip, f.tmt_position, f.today, f.min_years_in_post, c.min_years_exception),
        check_not_in_blackout(f.blackout, c.minister_approval_ref, c.minister_approval_date),
    ]
    refuse(found)
    skipped = _skipped(s)
    return [
        MutationApproved(
            mutation_id=s.mutation_id,
            nip=s.nip,
            to_unit_id=s.to_unit_id,
            to_position_id=s.to_position_id,
            approved_by=c.actor,
            reasons=c.reasons,
            min_years_exception=c.min_years_exception,
            minister_approval_ref=c.minister_approval_ref if f.blackout else None,
            minister_approval_date=c.minister_approval_date if f.blackout else None,
            against_recommendation=s.recommended is False,
            warnings=[missing.rule] if missing is not None else [],
            fit_override=(c.fit_override or "").strip() or None,
            policy=_applied(c.policy, f.blackout),
            steps_skipped=skipped,
            skip_policy=c.policy.basis if skipped else None,
        )
    ]


def _deemed_acknowledgement(
    s: MutationState, today: date, recorded_by: str = "system.scheduler"
) -> MutationDeemedAcknowledged | None:
    """Silence through the whole objection window counts as an acknowledgement."""
    if s.objection_deadline is None or today <= s.objection_deadline:
        return None
    return MutationDeemedAcknowledged(
        mutation_id=s.mutation_id,
        nip=s.nip,
        objection_deadline=s.objection_deadline,
        recorded_by=recorded_by,
    )


def _decree(c: DecreeMutation, s: MutationState) -> list[DomainEvent]:
    """A valid decree, only once the employee acknowledged, their objection was dismissed,
    or the objection window closed in silence (recorded first as a deemed acknowledgement)."""
    allowed = {
        Status.APPROVED,
        Status.SOCIALIZED,
        Status.ACKNOWLEDGED,
        Status.OBJECTED,
        Status.OBJECTION_DISMISSED,
    }
    _require(s, "decree", allowed)
    _may_decide(s, c.actor, "decree", c.relatives)
    f = c.facts
    before: list[DomainEvent] = []
    found: list[Violation | None] = [
        check_target_head(s.nip, s.to_unit_id, c.target_head, c.relatives)
    ]
    if s.status == Status.APPROVED and not c.policy.skips("SOCIALIZATION"):
        found.append(violation("socialization_required"))
    elif s.status == Status.OBJECTED:
        found.append(violation("objection_pending"))
    elif s.status == Status.SOCIALIZED and s.objection_deadline is not None:
        deemed = _deemed_acknowledgement(s, f.today, c.actor)
        if deemed is None:
            found.append(violation("objection_window_open", deadline=s.objection_deadline))
        else:
            before.append(deemed)
    found += _decree_validity(c)
    found += [
        *_tmt_guards(s, f.employee_status, f.unit_closed_on),
        check_not_in_blackout(f.blackout, c.minister_approval_ref, c.minister_approval_date),
        # The formasi may have shrunk since the approval reserved this transfer's place.
        check_free_place(s.to_position_id, f.free_places)
        if f.free_places is not None
        else None,
    ]
    refuse(found)
    skipped = _skipped(s)
    return [
        *before,
        MutationDecreed(
            mutation_id=s.mutation_id,
            nip=s.nip,
            sk_number=c.sk_number,
            sk_date=c.sk_date,
            tmt=c.tmt,
            decreed_by=c.actor,
            retroactive_reason=c.retroactive_reason if c.tmt < c.sk_date else None,
            policy=_applied(c.policy, f.blackout),
            minister_approval_ref=c.minister_approval_ref if f.blackout else None,
            minister_approval_date=c.minister_approval_date if f.blackout else None,
            steps_skipped=skipped,
            skip_policy=c.policy.basis if skipped else None,
            decree_id=c.decree_id,
        ),
    ]


def _applied(policy: ProcessPolicy, blackout: Blackout | None) -> PolicyApplied | None:
    """The policy values of the decision, with the blackout window that covered it."""
    if policy.applied is None:
        return None
    if blackout is None:
        return policy.applied
    window = f"{blackout.start.isoformat()}..{blackout.end.isoformat()} {blackout.kind}: "
    return policy.applied.model_copy(update={"blackout_in_force": window + blackout.reason})


def _decree_validity(c: DecreeMutation) -> list[Violation | None]:
    """SK number unique, SK date not in the future, TMT not before the SK date (unless the
    policy allows a retroactive TMT within its cap, with a reason), TMT within the horizon."""
    f = c.facts
    found: list[Violation | None] = []
    if f.sk_number_used_by is not None:
        found.append(
            violation("sk_number_in_use", sk_number=c.sk_number, used_by=f.sk_number_used_by)
        )
    if c.sk_date > f.today:
        found.append(violation("sk_date_in_future", sk_date=c.sk_date))
    back = (c.sk_date - c.tmt).days
    if back > 0:
        allowed = back <= f.retroactive_tmt_max_days and bool((c.retroactive_reason or "").strip())
        if not allowed:
            found.append(
                violation(
                    "tmt_before_sk_date",
                    tmt=c.tmt,
                    sk_date=c.sk_date,
                    max_days=f.retroactive_tmt_max_days,
                    details={"days_before": back, "max_days": f.retroactive_tmt_max_days},
                )
            )
    if (c.tmt - c.sk_date).days > f.tmt_horizon_days:
        found.append(
            violation(
                "tmt_beyond_horizon", tmt=c.tmt, sk_date=c.sk_date, max_days=f.tmt_horizon_days
            )
        )
    return found


def _cancel(c: CancelMutation, s: MutationState) -> list[DomainEvent]:
    """Before the decree the BKD or the PPK may cancel; a decreed transfer is revoked by the
    PPK alone, by a cancelling decree whose number and date are recorded."""
    _require(s, "cancel", set(Status) - TERMINAL)
    _not_a_relative(s, c.actor, "cancel", c.relatives)
    decreed = s.status in {Status.DECREED, Status.HELD}
    if decreed:
        if not c.by_ppk:
            raise rule_error("cancel_decreed_by_ppk_only")
        if not ((c.cancelling_sk_number or "").strip() and c.cancelling_sk_date):
            raise rule_error("cancelling_decree_required")
    return [
        MutationCancelled(
            mutation_id=s.mutation_id,
            nip=s.nip,
            reason=c.reason,
            cancelled_by=c.actor,
            cancelling_sk_number=c.cancelling_sk_number if decreed else None,
            cancelling_sk_date=c.cancelling_sk_date if decreed else None,
        )
    ]


def _tmt_guards(s: MutationState, status: str, unit_closed_on: date | None) -> list[Violation]:
    """What must still hold on the TMT: the employee may be moved, the target unit exists."""
    found = [
        check_transferable(s.nip, status),
        violation("unit_closed", unit_id=s.to_unit_id, closed_on=unit_closed_on)
        if unit_closed_on is not None
        else None,
    ]
    return [v for v in found if v is not None]


def _related(declared: Sequence[str], relatives: Relatives) -> tuple[str, ...]:
    """Who may not act on this transfer as a relative: those the proposal declared and the
    employee's relatives in personnel's registry."""
    return (*declared, *(nip for nip, _ in relatives))


def _may_decide(s: MutationState, actor: str, action: str, relatives: Relatives = ()) -> None:
    """Who may decide at all: not the employee, the proposer, a relative (declared on the
    proposal or in personnel's registry); and nobody who sat in the TPK's review of this file
    approves or rejects it."""
    related = _related(s.related_persons, relatives)
    found = [check_can_decide(s.nip, s.proposed_by, related, actor, action)]
    if action in {"approve", "reject"} and actor in s.reviewers:
        found.append(violation("reviewer_decides", actor=actor))
    refuse(found)


def _not_a_relative(s: MutationState, actor: str, action: str, relatives: Relatives) -> None:
    """The steps that are not decisions (the documents check, socialisation, a cancellation,
    a release) may be taken by the proposer, but not by a relative of the employee."""
    if actor != s.nip and actor in _related(s.related_persons, relatives):
        raise rule_error("related_person_conflict", actor=actor, nip=s.nip, action=action)


def _only_the_employee(s: MutationState, actor: str, action: str) -> None:
    if actor != s.nip:
        raise rule_error("only_the_employee", nip=s.nip, action=action, actor=actor)


STATUS_AFTER: dict[type[DomainEvent], Status] = {
    MutationProposed: Status.PROPOSED,
    MutationDocumentsChecked: Status.DOCUMENTS_CHECKED,
    MutationReviewed: Status.REVIEWED,
    MutationApproved: Status.APPROVED,
    MutationRejected: Status.REJECTED,
    MutationSocialized: Status.SOCIALIZED,
    MutationAcknowledged: Status.ACKNOWLEDGED,
    MutationObjectedV2: Status.OBJECTED,
    MutationDeemedAcknowledged: Status.ACKNOWLEDGED,
    MutationHeld: Status.HELD,
    MutationReleased: Status.DECREED,
    MutationObjectionResolved: Status.OBJECTION_DISMISSED,
    MutationDecreed: Status.DECREED,
    MutationEffective: Status.EFFECTIVE,
    MutationCancelled: Status.CANCELLED,
    MutationRevoked: Status.REVOKED,
}


def stream_id(mutation_id: str) -> str:
    return f"mutation-{mutation_id}"


mutation_decider: Decider[Command, MutationState] = Decider(
    initial_state=MutationState(), evolve=evolve, decide=decide
)
