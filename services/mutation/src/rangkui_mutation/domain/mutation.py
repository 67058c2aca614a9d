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
from datetime import date
from enum import StrEnum

from rangkui_contracts import DomainEvent
from rangkui_contracts.events.common import Sealed
from rangkui_contracts.events.mutation import (
    DocumentItem,
    MutationAcknowledged,
    MutationApproved,
    MutationCancelled,
    MutationDecreed,
    MutationDocumentsChecked,
    MutationEffective,
    MutationKind,
    MutationObjected,
    MutationObjectedV2,
    MutationObjectionResolved,
    MutationProposed,
    MutationRejected,
    MutationReviewed,
    MutationSocialized,
)
from rangkui_eventkit.decider import Decider
from rangkui_eventkit.errors import Violation
from rangkui_mutation.domain.rules import (
    Blackout,
    check_can_decide,
    check_free_place,
    check_min_years,
    check_not_in_blackout,
    check_recent_performance,
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
    EFFECTIVE = "EFFECTIVE"
    CANCELLED = "CANCELLED"


TERMINAL = {Status.REJECTED, Status.EFFECTIVE, Status.CANCELLED}
# Steps in which the transfer holds a place in its target post (counted against formasi).
HOLDS_PLACE = {
    Status.APPROVED,
    Status.SOCIALIZED,
    Status.ACKNOWLEDGED,
    Status.OBJECTED,
    Status.OBJECTION_DISMISSED,
    Status.DECREED,
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
    sk_number: str | None = None
    tmt: date | None = None

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


@dataclass(frozen=True)
class CheckDocuments:
    items: tuple[DocumentItem, ...]
    actor: str


@dataclass(frozen=True)
class ReviewMutation:
    recommended: bool
    notes: str
    actor: str
    require_full_lifecycle: bool = False


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


@dataclass(frozen=True)
class ApproveMutation:
    actor: str
    facts: ApprovalFacts
    reasons: str = ""
    min_years_exception: str | None = None
    minister_approval_ref: str | None = None
    require_full_lifecycle: bool = False


@dataclass(frozen=True)
class RejectMutation:
    actor: str
    reasons: str


@dataclass(frozen=True)
class SocializeMutation:
    actor: str
    message: str


@dataclass(frozen=True)
class AcknowledgeMutation:
    actor: str


@dataclass(frozen=True)
class ObjectToMutation:
    """`reason` arrives sealed with the employee's data key: sensitive, never in plaintext."""

    actor: str
    reason: Sealed


@dataclass(frozen=True)
class ResolveObjection:
    actor: str
    upheld: bool
    reasons: str


@dataclass(frozen=True)
class DecreeMutation:
    actor: str
    sk_number: str
    sk_date: date
    tmt: date
    require_full_lifecycle: bool = False


@dataclass(frozen=True)
class MakeEffective:
    """Issued by the scheduler (actor `system.scheduler`) once the TMT has come."""

    today: date


@dataclass(frozen=True)
class CancelMutation:
    actor: str
    reason: str


Command = (
    ProposeMutation
    | CheckDocuments
    | ReviewMutation
    | ApproveMutation
    | RejectMutation
    | SocializeMutation
    | AcknowledgeMutation
    | ObjectToMutation
    | ResolveObjection
    | DecreeMutation
    | MakeEffective
    | CancelMutation
)


# ------------------------------------------------------------------------------ evolve
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
            return replace(state, status=Status.REVIEWED, reviewed=True)
        case MutationApproved():
            return replace(state, status=Status.APPROVED)
        case MutationRejected():
            return replace(state, status=Status.REJECTED)
        case MutationSocialized():
            return replace(state, status=Status.SOCIALIZED)
        case MutationAcknowledged():
            return replace(state, status=Status.ACKNOWLEDGED)
        case MutationObjected() | MutationObjectedV2():
            return replace(state, status=Status.OBJECTED)
        case MutationObjectionResolved():
            return replace(state, status=Status.OBJECTION_DISMISSED)  # upheld: cancel follows
        case MutationDecreed():
            return replace(state, status=Status.DECREED, sk_number=event.sk_number, tmt=event.tmt)
        case MutationEffective():
            return replace(state, status=Status.EFFECTIVE)
        case MutationCancelled():
            return replace(state, status=Status.CANCELLED)
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
            present = {i.code for i in command.items if i.present}
            complete = all(code in present for code in REQUIRED_DOCUMENTS)
            return [
                MutationDocumentsChecked(
                    mutation_id=s.mutation_id,
                    nip=s.nip,
                    items=list(command.items),
                    complete=complete,
                    checked_by=command.actor,
                )
            ]
        case ReviewMutation():
            allowed = {Status.PROPOSED, Status.DOCUMENTS_CHECKED}
            _require(s, "record the TPK review of", allowed)
            if command.require_full_lifecycle and not s.documents_complete:
                raise rule_error("documents_incomplete", missing=", ".join(s.missing_documents))
            refuse(
                [check_can_decide(s.nip, s.proposed_by, s.related_persons, command.actor, "review")]
            )
            return [
                MutationReviewed(
                    mutation_id=s.mutation_id,
                    nip=s.nip,
                    recommended=command.recommended,
                    notes=command.notes,
                    reviewed_by=command.actor,
                )
            ]
        case ApproveMutation():
            return _approve(command, state)
        case RejectMutation():
            _require(s, "reject", BEFORE_DECISION)
            refuse(
                [check_can_decide(s.nip, s.proposed_by, s.related_persons, command.actor, "reject")]
            )
            return [
                MutationRejected(
                    mutation_id=s.mutation_id,
                    nip=s.nip,
                    rejected_by=command.actor,
                    reasons=command.reasons,
                )
            ]
        case SocializeMutation():
            _require(s, "socialise", {Status.APPROVED})
            return [
                MutationSocialized(
                    mutation_id=s.mutation_id,
                    nip=s.nip,
                    message=command.message,
                    socialized_by=command.actor,
                )
            ]
        case AcknowledgeMutation():
            _require(s, "acknowledge", {Status.SOCIALIZED})
            _only_the_employee(s, command.actor, "acknowledge")
            return [
                MutationAcknowledged(mutation_id=s.mutation_id, nip=s.nip, acknowledged_by=s.nip)
            ]
        case ObjectToMutation():
            _require(s, "object to", {Status.SOCIALIZED})
            _only_the_employee(s, command.actor, "object to")
            return [
                MutationObjectedV2(
                    mutation_id=s.mutation_id, nip=s.nip, reason=command.reason, objected_by=s.nip
                )
            ]
        case ResolveObjection():
            _require(s, "resolve the objection to", {Status.OBJECTED})
            refuse(
                [
                    check_can_decide(
                        s.nip, s.proposed_by, s.related_persons, command.actor, "resolve"
                    )
                ]
            )
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
        case CancelMutation():
            open_steps = set(Status) - TERMINAL
            _require(s, "cancel", open_steps)
            return [
                MutationCancelled(
                    mutation_id=s.mutation_id,
                    nip=s.nip,
                    reason=command.reason,
                    cancelled_by=command.actor,
                )
            ]
    raise TypeError(f"unknown command {type(command).__name__}")


def _propose(c: ProposeMutation, state: MutationState) -> list[DomainEvent]:
    if state.status is not None:
        raise rule_error("mutation_exists", mutation_id=c.mutation_id)
    if c.actor == c.nip and c.kind != "OWN_REQUEST":
        raise rule_error("own_request_only")
    found: list[Violation | None] = []
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
        )
    ]


def _approve(c: ApproveMutation, s: MutationState) -> list[DomainEvent]:
    if c.require_full_lifecycle:
        _require(s, "approve", {Status.REVIEWED})
    else:
        _require(s, "approve", BEFORE_DECISION)
    _may_decide(s, c.actor, "approve")
    f = c.facts
    refuse(
        [
            check_transferable(s.nip, f.employee_status),
            check_recent_performance(s.nip, f.recent_annual_predikat),
            check_free_place(s.to_position_id, f.free_places),
            check_min_years(
                s.nip, f.tmt_position, f.today, f.min_years_in_post, c.min_years_exception
            ),
            check_not_in_blackout(f.blackout, c.minister_approval_ref),
        ]
    )
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
        )
    ]


def _decree(c: DecreeMutation, s: MutationState) -> list[DomainEvent]:
    if c.require_full_lifecycle:
        allowed = {Status.ACKNOWLEDGED, Status.OBJECTION_DISMISSED}
    else:
        allowed = {
            Status.APPROVED,
            Status.SOCIALIZED,
            Status.ACKNOWLEDGED,
            Status.OBJECTION_DISMISSED,
        }
    _require(s, "decree", allowed)
    _may_decide(s, c.actor, "decree")
    return [
        MutationDecreed(
            mutation_id=s.mutation_id,
            nip=s.nip,
            sk_number=c.sk_number,
            sk_date=c.sk_date,
            tmt=c.tmt,
            decreed_by=c.actor,
        )
    ]


def _may_decide(s: MutationState, actor: str, action: str) -> None:
    refuse([check_can_decide(s.nip, s.proposed_by, s.related_persons, actor, action)])


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
    MutationObjected: Status.OBJECTED,
    MutationObjectedV2: Status.OBJECTED,
    MutationObjectionResolved: Status.OBJECTION_DISMISSED,
    MutationDecreed: Status.DECREED,
    MutationEffective: Status.EFFECTIVE,
    MutationCancelled: Status.CANCELLED,
}


def stream_id(mutation_id: str) -> str:
    return f"mutation-{mutation_id}"


mutation_decider: Decider[Command, MutationState] = Decider(
    initial_state=MutationState(), evolve=evolve, decide=decide
)
