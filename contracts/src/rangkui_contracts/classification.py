"""How every field of every published event is classified under UU 27/2022 (personal data
protection), and which personal fields still travel in plaintext, and why.

- `public`: public within the province: what a decree (SK) or a staffing list shows (NIP,
  name, grade, unit, post, education, competencies, decisions, SK numbers, ids).
- `personal`: general personal data (birth date, gender, e-mail, phone, home address).
- `sensitive`: specific personal data (health, religion, biometrics, finances, children's
  data) and free text an employee writes about themselves (the reason of an objection).

The table below covers every model an event contains (events and nested values), field by
field; `contracts/tests/unit/test_classification.py` fails when a field is missing here, when
an entry names a field that does not exist, and when a personal or sensitive field travels
outside a `Sealed` value without being listed in `PLAINTEXT_EXCEPTIONS` with its reason.
The classification is also published: `x-classification` on every property of the JSON
schemas, and a column of the event catalogue.
"""

from __future__ import annotations

import types
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, Union, get_args, get_origin

from pydantic import BaseModel

from rangkui_contracts.base import DomainEvent
from rangkui_contracts.events import evaluation as ev
from rangkui_contracts.events import mutation as mu
from rangkui_contracts.events import notification as no
from rangkui_contracts.events import personnel as pe
from rangkui_contracts.events.common import Education, Sealed

Classification = Literal["public", "personal", "sensitive"]
LEVELS: tuple[Classification, ...] = ("public", "personal", "sensitive")


def _fields(public: str = "", personal: str = "", sensitive: str = "") -> dict[str, Classification]:
    """Field names (space-separated) by level: a compact, diffable table."""
    table: dict[str, Classification] = {}
    for level, names in (("public", public), ("personal", personal), ("sensitive", sensitive)):
        for name in names.split():
            table[name] = level  # type: ignore[assignment]
    return table


CLASSIFICATION: dict[type[BaseModel], dict[str, Classification]] = {
    # ------------------------------------------------------------- shared values
    Sealed: _fields(public="key_id alg nonce ciphertext"),
    Education: _fields(public="level field institution year"),
    # ----------------------------------------------------------------- personnel
    pe.Contact: _fields(personal="email phone"),
    pe.UnitRegistered: _fields(public="unit_id name kind parent_unit_id region"),
    pe.PositionEstablished: _fields(
        public="position_id unit_id title jabatan_type formasi required_education_levels "
        "required_education_fields grade_min grade_max is_head_of_unit"
    ),
    pe.EmployeeRegistered: _fields(
        public="nip name status grade unit_id position_id tmt_position education competencies",
        personal="gender birth_date contact",
    ),
    pe.EmployeeRegisteredV2: _fields(
        public="nip name status grade unit_id position_id tmt_position education competencies",
        personal="personal",
    ),
    pe.EmployeeReassigned: _fields(
        public="nip from_unit_id from_position_id to_unit_id to_position_id tmt mutation_id "
        "revokes_mutation_id"
    ),
    pe.UnitRenamed: _fields(public="unit_id name previous_name"),
    pe.UnitMoved: _fields(public="unit_id parent_unit_id previous_parent_unit_id region"),
    pe.UnitClosed: _fields(public="unit_id reason closed_on successor_unit_id"),
    pe.FormationChanged: _fields(
        public="position_id unit_id previous_formasi formasi reason effective_date"
    ),
    # `reason` is the legal basis an operator records (e.g. the leave decree), not a diagnosis.
    pe.EmployeeStatusChanged: _fields(public="nip previous_status status since reason"),
    pe.EmployeeGradeChanged: _fields(public="nip previous_grade grade tmt sk_number"),
    pe.EmployeeEducationUpdated: _fields(public="nip education"),
    pe.EmployeeCompetenciesUpdated: _fields(public="nip competencies"),
    pe.EmployeeRelativesDeclared: _fields(public="nip declared_by", personal="relatives"),
    pe.Relative: _fields(public="nip relation"),
    pe.EmployeeContactChanged: _fields(public="nip", personal="contact"),
    pe.EmployeeContactChangedV2: _fields(public="nip", personal="personal"),
    pe.EmployeePersonalDataErased: _fields(public="nip key_id erased_at reason"),
    # ------------------------------------------------------------------ mutation
    mu.MutationProposed: _fields(
        public="mutation_id nip from_unit_id from_position_id to_unit_id to_position_id kind "
        "reason need_id proposed_by related_persons minister_approval_ref minister_approval_date"
    ),
    mu.MutationApproved: _fields(
        public="mutation_id nip to_unit_id to_position_id approved_by reasons "
        "min_years_exception minister_approval_ref minister_approval_date "
        "against_recommendation fit_override warnings steps_skipped skip_policy policy"
    ),
    mu.MutationRejected: _fields(
        public="mutation_id nip rejected_by reasons steps_skipped skip_policy"
    ),
    mu.MutationEffective: _fields(
        public="mutation_id nip from_unit_id from_position_id to_unit_id to_position_id tmt "
        "sk_number need_id"
    ),
    mu.MutationDocumentsChecked: _fields(
        public="mutation_id nip items complete checked_by ready_for"
    ),
    mu.DocumentItem: _fields(public="code present reference"),
    mu.MutationReviewed: _fields(
        public="mutation_id nip recommended notes reviewed_by members_present quorum "
        "berita_acara_ref"
    ),
    mu.MutationSocialized: _fields(
        public="mutation_id nip message socialized_by objection_deadline"
    ),
    mu.MutationAcknowledged: _fields(public="mutation_id nip acknowledged_by"),
    mu.MutationDeemedAcknowledged: _fields(public="mutation_id nip objection_deadline recorded_by"),
    mu.MutationObjected: _fields(public="mutation_id nip objected_by", sensitive="reason"),
    mu.MutationObjectedV2: _fields(public="mutation_id nip objected_by", sensitive="reason"),
    mu.MutationObjectionResolved: _fields(public="mutation_id nip upheld reasons resolved_by"),
    mu.MutationDecreed: _fields(
        public="mutation_id nip sk_number sk_date tmt decreed_by retroactive_reason policy "
        "minister_approval_ref minister_approval_date steps_skipped skip_policy decree_id"
    ),
    mu.MutationRevoked: _fields(
        public="mutation_id nip reason revoked_by revoking_sk_number revoking_sk_date "
        "revoked_from back_to_unit_id back_to_position_id decree_id"
    ),
    mu.DecreeRevoked: _fields(
        public="decree_id revoking_sk_number revoking_sk_date reason mutation_ids whole revoked_by"
    ),
    mu.DecreeSignedCopyRecorded: _fields(
        public="decree_id sha256 media_type size_bytes signature recorded_by"
    ),
    mu.DecreeRowCorrection: _fields(public="mutation_id field before after"),
    mu.DecreeCorrected: _fields(
        public="decree_id correcting_sk_number correcting_sk_date reason corrections "
        "document_sha256 corrected_by"
    ),
    mu.InductionScheduled: _fields(
        public="mutation_id nip to_unit_id to_position_id swearing_in_required due_by basis"
    ),
    mu.MutationSwornIn: _fields(
        public="mutation_id nip sworn_in_on place official_name official_post recorded_by"
    ),
    mu.MutationDutyTaken: _fields(public="mutation_id nip spmt_number duty_from recorded_by"),
    mu.InductionOverdue: _fields(public="mutation_id nip to_unit_id due_by missing detected_on"),
    mu.InductionCancelled: _fields(public="mutation_id nip reason"),
    mu.DecreeSigner: _fields(public="name post nip on_behalf"),
    mu.DecreeRow: _fields(
        public="number mutation_id nip name grade rank_name from_position from_unit "
        "to_position to_unit remarks"
    ),
    mu.DecreeIssued: _fields(
        public="decree_id sk_number sk_date tmt title considerations legal_bases place signer "
        "copies_to rows document_sha256 template_version issued_by"
    ),
    mu.PolicyApplied: _fields(
        public="version min_years_in_post max_years_in_post tpk_quorum objection_window_days "
        "missing_appraisals skip_steps skip_steps_basis blackout_in_force effective_from "
        "retroactive_tmt_max_days tmt_horizon_days"
    ),
    mu.PolicyValues: _fields(
        public="min_years_in_post max_years_in_post tpk_quorum objection_window_days "
        "missing_appraisals skip_steps skip_steps_basis retroactive_tmt_max_days tmt_horizon_days"
    ),
    mu.MutationPolicyChanged: _fields(public="values effective_from basis changed_by"),
    mu.HoldReason: _fields(public="rule message legal_basis"),
    mu.MutationHeld: _fields(public="mutation_id nip held_on reasons held_by"),
    mu.MutationReleased: _fields(public="mutation_id nip reason released_by"),
    mu.MutationCancelled: _fields(
        public="mutation_id nip reason cancelled_by cancelling_sk_number cancelling_sk_date"
    ),
    mu.StaffingNeedIdentified: _fields(
        public="need_id unit_id position_id count reason priority identified_by "
        "required_competencies"
    ),
    mu.StaffingNeedProgressed: _fields(public="need_id mutation_id nip filled count"),
    mu.StaffingNeedFulfilled: _fields(public="need_id unit_id position_id count mutation_ids"),
    mu.StaffingNeedClosed: _fields(public="need_id reason closed_by"),
    # ---------------------------------------------------------------- evaluation
    ev.MonitoringScheduled: _fields(
        public="plan_id mutation_id nip unit_id position_id evaluator_nip tmt checkpoints kind "
        "need_id from_unit_id from_position_id agency_unit_id region"
    ),
    ev.Checkpoint: _fields(public="checkpoint_id months_after due_date"),
    ev.EvaluationRecorded: _fields(
        public="evaluation_id nip kind period_start period_end hasil_kerja perilaku_kerja "
        "predikat evaluator_nip plan_id checkpoint_id adaptation supersedes_evaluation_id"
    ),
    ev.EvaluationRecordedV2: _fields(
        public="evaluation_id nip kind period_start period_end hasil_kerja perilaku_kerja "
        "predikat evaluator_nip plan_id checkpoint_id adaptation supersedes_evaluation_id",
        personal="adaptation_notes",
    ),
    ev.AdaptationChecklist: _fields(public="understands_new_duties works_with_team needs_training"),
    ev.AdaptationAssessment: _fields(
        public="understands_new_duties works_with_team needs_training", personal="notes"
    ),
    ev.MonitoringOverdue: _fields(
        public="plan_id mutation_id nip checkpoint_id months_after due_date evaluator_nip "
        "detected_on"
    ),
    ev.MonitoringCancelled: _fields(public="plan_id mutation_id nip reason cancelled_by"),
    ev.MutationOutcomeAssessed: _fields(
        public="plan_id mutation_id nip verdict criteria baseline_predikat latest_predikat "
        "months_to_adapt trigger based_on_evaluation_ids assessed_on assessed_by tmt unit_id "
        "kind agency_unit_id region"
    ),
    ev.CriterionResult: _fields(public="criterion met explanation"),
    ev.MonitoringEvaluatorAssigned: _fields(
        public="plan_id mutation_id nip evaluator_nip previous_evaluator_nip"
    ),
    # -------------------------------------------------------------- notification
    no.NotificationDispatched: _fields(
        public="notification_id source_event_id source_event_type recipient channel template "
        "subject body attempts"
    ),
    # An SMTP error may quote the recipient's address.
    no.NotificationFailed: _fields(
        public="notification_id source_event_id source_event_type recipient channel template "
        "attempts",
        personal="last_error",
    ),
    no.NotificationRead: _fields(public="notification_id recipient"),
    no.NotificationQueued: _fields(
        public="notification_id source_event_id source_event_type recipient channel template "
        "subject body message_id subscription_id order_key previous_notification_id "
        "previous_stream_id",
        personal="address",
    ),
    # Version 2: `address` is only a webhook URL or a role mailbox's address, never a person's.
    no.NotificationQueuedV2: _fields(
        public="notification_id source_event_id source_event_type recipient channel template "
        "address subject body message_id subscription_id order_key previous_notification_id "
        "previous_stream_id"
    ),
    no.DeliveryAttemptStarted: _fields(public="notification_id channel attempt"),
    no.DeliveryAttemptFailed: _fields(
        public="notification_id channel attempt retry_at", personal="error"
    ),
    no.DeliveryInDoubt: _fields(public="notification_id channel attempt"),
    no.DeliveryRetryRequested: _fields(public="notification_id channel requested_by"),
    no.NotificationSkipped: _fields(
        public="notification_id source_event_id source_event_type recipient channel template reason"
    ),
    no.ChannelPreferencesSet: _fields(public="recipient email"),
    no.WebhookSubscribed: _fields(
        public="subscription_id url event_types description subscribed_by"
    ),
    no.WebhookUnsubscribed: _fields(public="subscription_id unsubscribed_by"),
}

_V1_REASON = (
    "version 1, published before personal data was sealed: its events stay on the topic "
    "(a log cannot be rewritten) and are replayed, so the type stays readable; personnel "
    "publishes only version 2 (sealed) now, and the plaintext of v1 events cannot be shredded"
)
_V1_OBJECTION_REASON = (
    "version 1, recorded before objection reasons were sealed: those events stay in the store "
    "and on the topic (a log cannot be rewritten) and are replayed; mutation records only "
    "version 2 now, which seals the reason with the employee's data key"
)
_V1_NOTICE_REASON = (
    "version 1, recorded before addresses were left out of notices: those events stay in the "
    "store and on the topic (a log cannot be rewritten); notification queues only version 2 "
    "now, which carries no person's address (the worker opens it from the sealed contact)"
)
_BEFORE_REDACTION = (
    "an SMTP error may quote the recipient's address: the delivery worker replaces the "
    "address it opened by '<recipient>' before recording an error, but events recorded "
    "before it did may hold one, and a relay could quote it in another spelling"
)

_V1_NOTES_REASON = (
    "version 1, recorded before adaptation notes were sealed: those events stay in the store "
    "and on the topic (a log cannot be rewritten) and are replayed; evaluation records only "
    "version 2 now, which seals the notes with the employee's data key"
)

_RELATIVES_REASON = (
    "the conflict-of-interest registry: mutation checks every actor of every step against it "
    "(UU 30/2014 Pasal 42), in its deciding transaction and without the employee's data key; "
    "it names only colleagues' NIPs and the kind of relation, no names or other details"
)
PLAINTEXT_EXCEPTIONS: dict[tuple[type[DomainEvent], str], str] = {
    (pe.EmployeeRegistered, "gender"): _V1_REASON,
    (pe.EmployeeRegistered, "birth_date"): _V1_REASON,
    (pe.EmployeeRegistered, "contact"): _V1_REASON,
    (pe.EmployeeContactChanged, "contact"): _V1_REASON,
    (pe.EmployeeRelativesDeclared, "relatives"): _RELATIVES_REASON,
    (mu.MutationObjected, "reason"): _V1_OBJECTION_REASON,
    (no.NotificationQueued, "address"): _V1_NOTICE_REASON,
    (no.NotificationFailed, "last_error"): _BEFORE_REDACTION,
    (no.DeliveryAttemptFailed, "error"): _BEFORE_REDACTION,
    (ev.EvaluationRecorded, "adaptation.notes"): _V1_NOTES_REASON,
}
"""(event class, dotted field path) -> why this personal field still travels in plaintext."""


def classification_of(model: type[BaseModel], field: str) -> Classification | None:
    """The level of `model.field`; None when the table does not cover it."""
    return CLASSIFICATION.get(model, {}).get(field)


@dataclass(frozen=True)
class ClassifiedField:
    """One field reached from an event: where (dotted path), its model, its level, and
    whether its value is sealed (a `Sealed`, or a list or optional of one)."""

    event: type[DomainEvent]
    path: str
    model: type[BaseModel]
    field: str
    level: Classification | None
    sealed: bool


def walk(event: type[DomainEvent]) -> Iterator[ClassifiedField]:
    """Every field of `event`, nested values included (not inside a `Sealed`: its content
    is opaque), depth first. A recursive model is visited once per path branch."""
    yield from _walk(event, event, "", frozenset({event}))


def _walk(
    event: type[DomainEvent], model: type[BaseModel], prefix: str, active: frozenset[type]
) -> Iterator[ClassifiedField]:
    for name, info in model.model_fields.items():
        nested = _models(info.annotation)
        sealed = Sealed in nested
        path = f"{prefix}{name}"
        yield ClassifiedField(event, path, model, name, classification_of(model, name), sealed)
        for inner in nested:
            if inner is not Sealed and inner not in active:
                yield from _walk(event, inner, f"{path}.", active | {inner})


def _models(annotation: object) -> list[type[BaseModel]]:
    """The pydantic models inside a type (through Optional, unions, lists, dicts)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    if get_origin(annotation) in (Union, types.UnionType) or get_args(annotation):
        for arg in get_args(annotation):
            found += [m for m in _models(arg) if m not in found]
    return found


def unclassified(events: tuple[type[DomainEvent], ...]) -> list[str]:
    """`Event.path` of every field the table does not classify."""
    return [f"{f.event.__name__}.{f.path}" for e in events for f in walk(e) if f.level is None]


def plaintext_personal(events: tuple[type[DomainEvent], ...]) -> list[tuple[str, str]]:
    """(`Event.path`, level) of every personal or sensitive field that travels unsealed,
    nested ones under an unsealed personal parent reported once, at the parent."""
    found: list[tuple[str, str]] = []
    for event in events:
        exposed: list[str] = []
        for f in walk(event):
            if f.level in (None, "public") or f.sealed:
                continue
            if any(f.path.startswith(f"{parent}.") for parent in exposed):
                continue
            exposed.append(f.path)
            found.append((f"{event.__name__}.{f.path}", f.level))
    return found


def stale_entries() -> list[str]:
    """`Model.field` of every table entry that names no field of its model."""
    return [
        f"{model.__name__}.{name}"
        for model, table in CLASSIFICATION.items()
        for name in table
        if name not in model.model_fields
    ]
