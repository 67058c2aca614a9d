"""Events of the mutation (transfer) context (topic `rangkui.mutation.events`).

Three aggregates publish here: the transfer (`Mutation*`, stream `mutation-<id>`) with its
decision lifecycle, the staffing need (`StaffingNeed*`, stream `need-<id>`) that transfers
fill, and the decree (`Decree*`, stream `decree-<id>`): one Keputusan Gubernur for one or
many transfers, each a row of its lampiran. Every event names the acting user in a `*_by`
field as well as in the envelope's `actor`, so the audit trail survives outside the envelope.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from rangkui_contracts.base import DomainEvent
from rangkui_contracts.events.common import Nip, Sealed, Value

MutationKind = Literal["NEED_BASED", "OWN_REQUEST", "ROTATION", "OTHER"]
DocumentCode = Literal[
    "REQUEST_LETTER",
    "ORIGIN_APPROVAL_LETTER",
    "JOB_AND_WORKLOAD_ANALYSIS",
    "LATEST_RANK_SK",
    "PERFORMANCE_APPRAISALS",
    "DISCIPLINE_STATEMENT",
    "STUDY_OBLIGATION_STATEMENT",
    "CLEAN_AUDIT_CERTIFICATE",
]
NeedPriority = Literal["LOW", "MEDIUM", "HIGH", "URGENT"]
SkippableStep = Literal["DOCUMENTS", "TPK_REVIEW", "SOCIALIZATION"]


class _Mutation(DomainEvent):
    context = "mutation"


class MutationProposed(_Mutation):
    """A transfer (mutasi) of an employee from one post to another was proposed, with its
    kind and reason, and awaits a decision."""

    mutation_id: str
    nip: Nip
    from_unit_id: str
    from_position_id: str
    to_unit_id: str
    to_position_id: str
    kind: MutationKind
    reason: str = Field(min_length=1)
    need_id: str | None = None
    proposed_by: str
    related_persons: list[str] = Field(
        default_factory=list,
        description="users declared related to the employee; they may not decide this transfer",
    )
    minister_approval_ref: str | None = Field(
        default=None,
        description="Minister of Home Affairs approval letter that lifts a blackout covering "
        "the day of the proposal",
    )
    minister_approval_date: date | None = Field(
        default=None, description="the date of the Minister's approval letter"
    )


class DocumentItem(Value):
    """One item of the transfer file's checklist, present or not, with its reference."""

    code: DocumentCode
    present: bool
    reference: str | None = Field(default=None, description="letter number or archive ref")


class MutationDocumentsChecked(_Mutation):
    """The transfer file was checked against the document checklist; `complete` is true
    when every required item is present."""

    mutation_id: str
    nip: Nip
    items: list[DocumentItem]
    complete: bool
    checked_by: str
    ready_for: Literal["TPK_REVIEW", "DECISION"] | None = Field(
        default=None,
        description="who acts next on a complete file: the TPK's review, or (where the "
        "province skips it) the PPK's decision; none while the file is incomplete",
    )


class MutationReviewed(_Mutation):
    """The TPK (Tim Penilai Kinerja) reviewed the transfer in a meeting (*sidang*) and
    recommended it or not; the members present, the quorum that applied and the minutes'
    reference (*berita acara*) are recorded (absent on reviews recorded before they were)."""

    mutation_id: str
    nip: Nip
    recommended: bool
    notes: str = ""
    reviewed_by: str
    members_present: list[str] = Field(
        default_factory=list, description="TPK members present at the meeting (user ids)"
    )
    quorum: int | None = Field(default=None, description="the quorum in force at the meeting")
    berita_acara_ref: str | None = Field(
        default=None, description="reference of the meeting's minutes (berita acara)"
    )


class PolicyApplied(Value):
    """The policy values a decision was taken under, so that an auditor can tell after a
    policy change why, say, a tenure of one year was accepted; `version` is a digest of the
    values (equal values, equal version)."""

    version: str
    min_years_in_post: float
    max_years_in_post: float
    tpk_quorum: int
    objection_window_days: int
    missing_appraisals: str
    skip_steps: list[SkippableStep] = Field(default_factory=list)
    skip_steps_basis: str | None = None
    blackout_in_force: str | None = Field(
        default=None, description="the blackout window that covered the decision, if any"
    )
    effective_from: date | None = Field(
        default=None,
        description="the day the policy in force took effect (a MutationPolicyChanged); none "
        "when it is the service's configured baseline",
    )
    retroactive_tmt_max_days: int | None = None
    tmt_horizon_days: int | None = None


class PolicyValues(Value):
    """The values of the transfer policy a province sets (the configured baseline, or a
    change an administrator recorded)."""

    min_years_in_post: float = Field(ge=0, le=40)
    max_years_in_post: float = Field(ge=0, le=40)
    tpk_quorum: int = Field(ge=1, le=50)
    objection_window_days: int = Field(ge=1, le=365)
    missing_appraisals: Literal["WARN", "BLOCK"]
    skip_steps: list[SkippableStep] = Field(default_factory=list, max_length=3)
    skip_steps_basis: str | None = Field(default=None, max_length=500)
    retroactive_tmt_max_days: int = Field(ge=0, le=3650)
    tmt_horizon_days: int = Field(ge=0, le=3650)


class MutationPolicyChanged(_Mutation):
    """An administrator changed the transfer policy, effective from a date (never in the
    past): decisions on or after that day apply these values, and record them."""

    values: PolicyValues
    effective_from: date
    basis: str = Field(min_length=1, max_length=500, description="the regulation behind it")
    changed_by: str


class MutationApproved(_Mutation):
    """The proposed transfer was approved: the employee is to move to the given post."""

    mutation_id: str
    nip: Nip
    to_unit_id: str
    to_position_id: str
    approved_by: str
    reasons: str = ""
    min_years_exception: str | None = Field(
        default=None, description="PPK's justification for waiving the minimum years in post"
    )
    minister_approval_ref: str | None = Field(
        default=None, description="Minister of Home Affairs approval that lifts a blackout"
    )
    minister_approval_date: date | None = Field(
        default=None, description="the date of the Minister's approval letter"
    )
    against_recommendation: bool = Field(
        default=False, description="the TPK recommended against it; `reasons` say why"
    )
    fit_override: str | None = Field(
        default=None, description="the PPK's written reasons to waive the education fit"
    )
    policy: PolicyApplied | None = Field(
        default=None, description="the policy values in force (absent on older approvals)"
    )
    warnings: list[str] = Field(
        default_factory=list,
        description="rules that warned without refusing under the policy in force (for "
        "example appraisals_missing)",
    )
    steps_skipped: list[SkippableStep] = Field(
        default_factory=list, description="process steps this file went without"
    )
    skip_policy: str | None = Field(
        default=None, description="the provincial policy (and its basis) that let them be skipped"
    )


class MutationRejected(_Mutation):
    """The proposed transfer was rejected, with the reasons; the employee stays."""

    mutation_id: str
    nip: Nip
    rejected_by: str
    reasons: str = Field(min_length=1)
    steps_skipped: list[SkippableStep] = Field(
        default_factory=list, description="process steps this file went without"
    )
    skip_policy: str | None = None


class MutationSocialized(_Mutation):
    """The employee was told about the approved transfer and why (sosialisasi)."""

    mutation_id: str
    nip: Nip
    message: str = Field(min_length=1, description="the explanation given to the employee")
    socialized_by: str
    objection_deadline: date | None = Field(
        default=None,
        description="last day on which the employee may object; silence until then is "
        "recorded as a deemed acknowledgement (absent on socialisations recorded before)",
    )


class MutationAcknowledged(_Mutation):
    """The employee acknowledged the transfer."""

    mutation_id: str
    nip: Nip
    acknowledged_by: str


class MutationDeemedAcknowledged(_Mutation):
    """The objection window closed without an answer from the employee: their silence is
    recorded as an acknowledgement, and the decree may follow."""

    mutation_id: str
    nip: Nip
    objection_deadline: date
    recorded_by: str


class MutationObjected(_Mutation):
    """The employee objected to the transfer, with a reason; the PPK must resolve it.

    Version 1 carries the reason (free text the employee wrote about themselves: sensitive
    personal data) in plaintext; the service records only version 2 now, which seals it."""

    mutation_id: str
    nip: Nip
    reason: str = Field(min_length=1)
    objected_by: str


class MutationObjectedV2(_Mutation):
    """The employee objected to the transfer, with a reason; the PPK must resolve it. The
    reason, free text the employee wrote about themselves, is sealed with the employee's data
    key (`{"reason": ...}` once opened): the services holding the key read it, nobody once
    the key is erased."""

    version = 2
    wire_name = "MutationObjected"

    mutation_id: str
    nip: Nip
    reason: Sealed = Field(description="the employee's reason, sealed with their data key")
    objected_by: str


class MutationObjectionResolved(_Mutation):
    """The PPK resolved the employee's objection: upheld (the transfer is cancelled) or
    dismissed (the transfer goes on), with reasons."""

    mutation_id: str
    nip: Nip
    upheld: bool
    reasons: str = Field(min_length=1)
    resolved_by: str


class MutationDecreed(_Mutation):
    """The decree (SK) of the transfer was issued with its number, date and effective date
    (TMT); the transfer becomes effective on the TMT."""

    mutation_id: str
    nip: Nip
    sk_number: str = Field(min_length=1)
    sk_date: date
    tmt: date = Field(description="effective date (terhitung mulai tanggal)")
    decreed_by: str
    retroactive_reason: str | None = Field(
        default=None, description="why the TMT precedes the SK date, where policy allows it"
    )
    policy: PolicyApplied | None = Field(
        default=None, description="the policy values in force (absent on older decrees)"
    )
    minister_approval_ref: str | None = Field(
        default=None, description="Minister of Home Affairs approval that lifts a blackout"
    )
    minister_approval_date: date | None = Field(
        default=None, description="the date of the Minister's approval letter"
    )
    steps_skipped: list[SkippableStep] = Field(
        default_factory=list, description="process steps this file went without"
    )
    skip_policy: str | None = None
    decree_id: str | None = Field(
        default=None, description="the decree (Keputusan) whose lampiran lists this transfer"
    )


class MutationEffective(_Mutation):
    """The approved transfer took effect on its TMT, under the decree (SK) `sk_number` when
    known: from this date the employee belongs to the new post."""

    mutation_id: str
    nip: Nip
    from_unit_id: str
    from_position_id: str
    to_unit_id: str
    to_position_id: str
    tmt: date = Field(description="effective date (terhitung mulai tanggal)")
    sk_number: str | None = None
    need_id: str | None = None


class HoldReason(Value):
    """One guard that failed on the TMT: its rule id and what a person reads."""

    rule: str
    message: str = Field(description="in Bahasa Indonesia: what is wrong and who must act")
    legal_basis: str | None = None


class MutationHeld(_Mutation):
    """On its TMT the decreed transfer could not take effect because a guard failed (the
    employee's status, the target unit closed): it is held, not moved, until the PPK
    cancels it with a cancelling decree or the BKD releases it once the guards pass."""

    mutation_id: str
    nip: Nip
    held_on: date
    reasons: list[HoldReason] = Field(min_length=1)
    held_by: str


class MutationReleased(_Mutation):
    """A held transfer was released: the guards pass again and it takes effect on the
    next run of the scheduler (its TMT stands; the decree is not changed)."""

    mutation_id: str
    nip: Nip
    reason: str = Field(min_length=1)
    released_by: str


class MutationCancelled(_Mutation):
    """The transfer was cancelled before it took effect, with the reason; a decreed one only
    by the PPK, with the cancelling decree (*SK pembatalan*)."""

    mutation_id: str
    nip: Nip
    reason: str = Field(min_length=1)
    cancelled_by: str
    cancelling_sk_number: str | None = Field(
        default=None, description="number of the decree that revokes the transfer's SK"
    )
    cancelling_sk_date: date | None = None


class MutationRevoked(_Mutation):
    """A transfer that had taken effect was revoked by a revoking decree (*SK pembatalan*)
    of the PPK: the person goes back to the post they left (`back_to_*`), from
    `revoked_from`. The history keeps both the move and its revocation."""

    mutation_id: str
    nip: Nip
    reason: str = Field(min_length=1)
    revoked_by: str
    revoking_sk_number: str = Field(min_length=1, max_length=100)
    revoking_sk_date: date
    revoked_from: date = Field(description="the day the person is back in the old post")
    back_to_unit_id: str
    back_to_position_id: str
    decree_id: str | None = Field(default=None, description="the decree whose row it was")


class DecreeRevoked(_Mutation):
    """Rows of a decree (all of them, or some) were revoked by a revoking decree of the PPK;
    each row's transfer records its own revocation (`MutationRevoked`, or `MutationCancelled`
    for one not yet effective). The decree stays on record, its standing changed."""

    decree_id: str
    revoking_sk_number: str = Field(min_length=1, max_length=100)
    revoking_sk_date: date
    reason: str = Field(min_length=1)
    mutation_ids: list[str] = Field(min_length=1, description="the rows revoked")
    whole: bool = Field(description="every row of the decree is revoked now")
    revoked_by: str


class DecreeSignedCopyRecorded(_Mutation):
    """A copy of the decree signed outside the system was recorded: signed electronically
    (TTE, through BSrE) or a scan of the wet-signed original. Its SHA-256 is one a presented
    copy may match; the file itself is kept by the service."""

    decree_id: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    media_type: Literal["application/pdf", "image/png", "image/jpeg"]
    size_bytes: int = Field(ge=1)
    signature: Literal["TTE", "WET_SIGNATURE_SCAN"] = Field(
        description="electronic signature (BSrE), or a scan of the signed paper"
    )
    recorded_by: str


CorrectableField = Literal[
    "name", "grade", "rank_name", "from_position", "from_unit", "to_position", "to_unit",
    "remarks",
]


class DecreeRowCorrection(Value):
    """One field of one lampiran row as the correcting decree (*ralat*) puts it right."""

    mutation_id: str
    field: CorrectableField
    before: str
    after: str = Field(max_length=500)


class DecreeCorrected(_Mutation):
    """A correcting decree (*ralat*) of the PPK put rows of the decree right; the decree is
    re-issued with the corrections (its new document's hash in `document_sha256`), and the
    petikan of the rows corrected with it. The decree as first issued stays on record."""

    decree_id: str
    correcting_sk_number: str = Field(min_length=1, max_length=100)
    correcting_sk_date: date
    reason: str = Field(min_length=1)
    corrections: list[DecreeRowCorrection] = Field(min_length=1)
    document_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    corrected_by: str


InductionStep = Literal["SWEARING_IN", "SPMT"]


class InductionScheduled(_Mutation):
    """After its decree, a transfer's induction is due (stream `induction-<mutation id>`):
    the swearing-in (*pelantikan*) where the new post requires it, and the statement that
    the person has taken up the duty (*SPMT*), by `due_by` (working days after the SK date,
    a policy)."""

    mutation_id: str
    nip: Nip
    to_unit_id: str
    to_position_id: str
    swearing_in_required: bool
    due_by: date
    basis: str = Field(description="the policy and its legal basis")


class MutationSwornIn(_Mutation):
    """The person was sworn in to the new post (*pelantikan*): when, where, by whom."""

    mutation_id: str
    nip: Nip
    sworn_in_on: date
    place: str = Field(min_length=1, max_length=300)
    official_name: str = Field(min_length=1, max_length=200)
    official_post: str = Field(min_length=1, max_length=300)
    recorded_by: str


class MutationDutyTaken(_Mutation):
    """The person took up the duty of the new post: the SPMT (*surat pernyataan
    melaksanakan tugas*) with its number and the day the duty began."""

    mutation_id: str
    nip: Nip
    spmt_number: str = Field(min_length=1, max_length=100)
    duty_from: date
    recorded_by: str


class InductionOverdue(_Mutation):
    """The induction's deadline passed with steps missing; the BKD and the new unit's head
    are told."""

    mutation_id: str
    nip: Nip
    to_unit_id: str
    due_by: date
    missing: list[InductionStep] = Field(min_length=1)
    detected_on: date


class InductionCancelled(_Mutation):
    """The transfer was cancelled or revoked: its induction is no longer due."""

    mutation_id: str
    nip: Nip
    reason: str


class _Need(DomainEvent):
    context = "mutation"


class StaffingNeedIdentified(_Need):
    """An operator confirmed that a unit needs `count` more holders of a post, with the
    reason and priority (usually from the shortage formasi − bezetting)."""

    need_id: str
    unit_id: str
    position_id: str
    count: int = Field(ge=1)
    reason: str = Field(min_length=1)
    priority: NeedPriority
    identified_by: str
    required_competencies: list[str] = Field(
        default_factory=list, description="competencies that candidate matching looks for"
    )


class StaffingNeedProgressed(_Need):
    """A transfer linked to the need became effective: `filled` of `count` places are taken."""

    need_id: str
    mutation_id: str
    nip: Nip
    filled: int = Field(ge=1)
    count: int = Field(ge=1)


class StaffingNeedFulfilled(_Need):
    """Enough transfers into the need became effective: the need is met."""

    need_id: str
    unit_id: str
    position_id: str
    count: int = Field(ge=1)
    mutation_ids: list[str]


class StaffingNeedClosed(_Need):
    """The need was closed without being (fully) met, with the reason."""

    need_id: str
    reason: str = Field(min_length=1)
    closed_by: str


class DecreeSigner(Value):
    """The official who signs the decree, as they were at signing (post, name and NIP are
    part of the record: a later change of office does not change a signed decree)."""

    name: str = Field(min_length=1, max_length=200)
    post: str = Field(min_length=1, max_length=300, description="e.g. GUBERNUR RANGKUI")
    nip: Nip | None = Field(default=None, description="absent for an elected official")
    on_behalf: str | None = Field(
        default=None, max_length=300, description="'a.n.' line when signed by a delegate"
    )


class DecreeRow(Value):
    """One row of the lampiran: one transfer, with what the decree says of the person and of
    the two posts (snapshotted at issue, as the document prints them)."""

    number: int = Field(ge=1, description="NO of the lampiran")
    mutation_id: str
    nip: Nip
    name: str = Field(min_length=1)
    grade: str = Field(description="golongan/ruang, e.g. III/c")
    rank_name: str = Field(default="", description="pangkat, e.g. Penata")
    from_position: str = Field(description="JABATAN LAMA: post title")
    from_unit: str = Field(description="the unit of the old post")
    to_position: str = Field(description="JABATAN BARU: post title")
    to_unit: str = Field(description="the unit of the new post")
    remarks: str = Field(default="", max_length=500, description="KETERANGAN")


class DecreeIssued(_Mutation):
    """A transfer decree (Keputusan Gubernur) was issued for one or many transfers: its
    number, date, TMT, considerations and legal bases, the signing official as at signing,
    and its lampiran rows. Each row's transfer is decreed by it (`MutationDecreed` with this
    `decree_id`) and becomes effective on its own. `document_sha256` is the SHA-256 of the
    PDF the service rendered from exactly this content (deterministic: the same decree gives
    the same bytes), against which presented copies are verified."""

    decree_id: str
    sk_number: str = Field(min_length=1, max_length=100)
    sk_date: date
    tmt: date = Field(description="effective date (terhitung mulai tanggal)")
    title: str = Field(min_length=1, max_length=500, description="TENTANG ...")
    considerations: list[str] = Field(default_factory=list, description="Menimbang")
    legal_bases: list[str] = Field(default_factory=list, description="Mengingat")
    place: str = Field(min_length=1, description="Ditetapkan di ...")
    signer: DecreeSigner
    copies_to: list[str] = Field(default_factory=list, description="Tembusan")
    rows: list[DecreeRow] = Field(min_length=1)
    document_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    template_version: str = Field(description="which template rendered the document")
    issued_by: str


EVENTS: tuple[type[DomainEvent], ...] = (
    MutationProposed,
    MutationApproved,
    MutationRejected,
    MutationEffective,
    MutationDocumentsChecked,
    MutationReviewed,
    MutationSocialized,
    MutationAcknowledged,
    MutationObjected,
    MutationObjectionResolved,
    MutationDecreed,
    MutationCancelled,
    StaffingNeedIdentified,
    StaffingNeedProgressed,
    StaffingNeedFulfilled,
    StaffingNeedClosed,
    MutationObjectedV2,
    MutationDeemedAcknowledged,
    MutationHeld,
    MutationReleased,
    MutationPolicyChanged,
    DecreeIssued,
    MutationRevoked,
    DecreeRevoked,
    DecreeSignedCopyRecorded,
    DecreeCorrected,
    InductionScheduled,
    MutationSwornIn,
    MutationDutyTaken,
    InductionOverdue,
    InductionCancelled,
)
