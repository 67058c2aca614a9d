"""The transfer decider, Given past events / When a command / Then new events or an error."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest

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
    MutationObjected,
    MutationObjectedV2,
    MutationObjectionResolved,
    MutationProposed,
    MutationRejected,
    MutationReviewed,
    MutationSocialized,
)
from rangkui_eventkit.errors import RuleViolated, http_status
from rangkui_mutation.domain.mutation import (
    REQUIRED_DOCUMENTS,
    AcknowledgeMutation,
    ApprovalFacts,
    ApproveMutation,
    CancelMutation,
    CheckDocuments,
    Command,
    DecreeMutation,
    MakeEffective,
    ObjectToMutation,
    ProposeMutation,
    RejectMutation,
    ResolveObjection,
    ReviewMutation,
    SocializeMutation,
    mutation_decider,
)
from rangkui_mutation.domain.rules import Blackout

pytestmark = pytest.mark.unit

NIP = "199003152015032001"
TODAY = date(2026, 11, 28)
MOVE = {
    "from_unit_id": "sma-1",
    "from_position_id": "guru-mat-1",
    "to_unit_id": "sma-2",
    "to_position_id": "guru-mat-2",
}
PROPOSED = MutationProposed(
    mutation_id="m1",
    nip=NIP,
    kind="NEED_BASED",
    reason="SMA 2 kekurangan guru matematika",
    proposed_by="operator.bkd",
    related_persons=["paman.siti"],
    **MOVE,
)
APPROVED = MutationApproved(
    mutation_id="m1", nip=NIP, to_unit_id="sma-2", to_position_id="guru-mat-2", approved_by="ppk"
)
SOCIALIZED = MutationSocialized(mutation_id="m1", nip=NIP, message="kebutuhan", socialized_by="bkd")
DECREED = MutationDecreed(
    mutation_id="m1",
    nip=NIP,
    sk_number="800/1/BKD/2026",
    sk_date=TODAY,
    tmt=TODAY,
    decreed_by="ppk",
)
FACTS = ApprovalFacts(
    today=TODAY, free_places=1, tmt_position=date(2019, 1, 2), min_years_in_post=2
)


def given(*events: DomainEvent) -> Sequence[DomainEvent]:
    return events


def when(history: Sequence[DomainEvent], command: Command) -> list[DomainEvent]:
    return list(mutation_decider.decide(command, mutation_decider.fold(history)))


def refused(history: Sequence[DomainEvent], command: Command) -> RuleViolated:
    with pytest.raises(RuleViolated) as caught:
        when(history, command)
    return caught.value


def propose(**overrides: object) -> ProposeMutation:
    fields: dict[str, object] = {
        "mutation_id": "m1",
        "nip": NIP,
        "kind": "NEED_BASED",
        "reason": "SMA 2 kekurangan guru matematika",
        "actor": "operator.bkd",
        "related_persons": ("paman.siti",),
        **MOVE,
    }
    fields.update(overrides)
    return ProposeMutation(**fields)  # type: ignore[arg-type]


def approve(actor: str = "ppk", **overrides: object) -> ApproveMutation:
    return ApproveMutation(actor=actor, facts=overrides.pop("facts", FACTS), **overrides)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------ proposal
def test_proposing_records_the_move_with_the_acting_operator() -> None:
    assert when(given(), propose()) == [PROPOSED]


def test_a_second_open_transfer_of_the_same_employee_is_refused() -> None:
    error = refused(given(), propose(open_transfer_id="m0"))
    assert error.rule == "one_open_transfer"
    assert http_status(error) == 409
    assert "m0" in error.message


@pytest.mark.parametrize("status", ["DISCIPLINARY", "STUDY_ASSIGNMENT", "RETIRED"])
def test_an_employee_under_proceedings_or_on_study_assignment_cannot_be_proposed(
    status: str,
) -> None:
    assert refused(given(), propose(employee_status=status)).rule == "employee_not_transferable"


def test_a_transfer_to_the_post_already_held_is_refused() -> None:
    error = refused(given(), propose(to_position_id="guru-mat-1"))
    assert error.rule == "same_post"


def test_the_same_transfer_cannot_be_proposed_twice() -> None:
    assert refused(given(PROPOSED), propose()).rule == "mutation_exists"


# ------------------------------------------------------------------------------ approval
def test_approving_a_proposal_with_a_free_place_approves_it() -> None:
    assert when(given(PROPOSED), approve(reasons="sesuai kebutuhan")) == [
        APPROVED.model_copy(update={"reasons": "sesuai kebutuhan"})
    ]


def test_approval_without_a_free_place_is_refused() -> None:
    facts = ApprovalFacts(TODAY, free_places=0, tmt_position=date(2019, 1, 2), min_years_in_post=2)
    error = refused(given(PROPOSED), approve(facts=facts))
    assert (error.rule, http_status(error)) == ("no_free_place", 409)


def test_approval_under_the_minimum_years_in_post_is_refused() -> None:
    facts = ApprovalFacts(TODAY, free_places=1, tmt_position=date(2025, 6, 1), min_years_in_post=2)
    error = refused(given(PROPOSED), approve(facts=facts))
    assert error.rule == "min_years_in_post"
    assert "baru 1,5 tahun" in error.message
    assert "1.5 years" in error.message_en
    assert error.legal_basis == "PP 11/2017 jo. PP 17/2020 Pasal 190"


def test_a_ppk_exception_with_a_justification_waives_the_minimum_years() -> None:
    facts = ApprovalFacts(TODAY, free_places=1, tmt_position=date(2025, 6, 1), min_years_in_post=2)
    [event] = when(given(PROPOSED), approve(facts=facts, min_years_exception="sekolah tutup"))
    assert isinstance(event, MutationApproved)
    assert event.min_years_exception == "sekolah tutup"


def test_approval_inside_a_blackout_window_needs_the_ministers_approval() -> None:
    blackout = Blackout(date(2026, 6, 1), date(2027, 1, 31), "pilkada 2026")
    facts = ApprovalFacts(TODAY, 1, date(2019, 1, 2), 2, blackout=blackout)
    assert refused(given(PROPOSED), approve(facts=facts)).rule == "blackout_window"
    [event] = when(given(PROPOSED), approve(facts=facts, minister_approval_ref="MENDAGRI/1"))
    assert isinstance(event, MutationApproved)
    assert event.minister_approval_ref == "MENDAGRI/1"


@pytest.mark.parametrize(
    ("actor", "rule"),
    [
        ("operator.bkd", "segregation_of_duties"),
        (NIP, "own_transfer"),
        ("paman.siti", "related_person_conflict"),
    ],
)
def test_nobody_approves_their_own_proposal_transfer_or_relatives_transfer(
    actor: str, rule: str
) -> None:
    assert refused(given(PROPOSED), approve(actor=actor)).rule == rule


def test_an_approved_transfer_cannot_be_approved_again() -> None:
    error = refused(given(PROPOSED, APPROVED), approve())
    assert (error.rule, http_status(error)) == ("invalid_step", 409)


def test_with_the_full_lifecycle_required_approval_waits_for_the_tpk_review() -> None:
    assert refused(given(PROPOSED), approve(require_full_lifecycle=True)).rule == "invalid_step"


def test_rejecting_records_the_reasons_and_ends_the_transfer() -> None:
    events = when(given(PROPOSED), RejectMutation(actor="ppk", reasons="formasi penuh"))
    assert events == [
        MutationRejected(mutation_id="m1", nip=NIP, rejected_by="ppk", reasons="formasi penuh")
    ]
    assert refused(given(PROPOSED, *events), approve()).rule == "invalid_step"


# ------------------------------------------------------------------- documents and review
def test_a_checklist_with_every_required_document_is_complete() -> None:
    items = tuple(
        DocumentItem(code=c, present=True, reference=f"ref-{c}") for c in REQUIRED_DOCUMENTS
    )  # type: ignore[arg-type]
    [event] = when(given(PROPOSED), CheckDocuments(items=items, actor="verifikator"))
    assert isinstance(event, MutationDocumentsChecked)
    assert event.complete


def test_a_checklist_missing_a_document_is_incomplete_and_blocks_a_strict_tpk_review() -> None:
    items = (DocumentItem(code="REQUEST_LETTER", present=True, reference="1"),)
    [event] = when(given(PROPOSED), CheckDocuments(items=items, actor="verifikator"))
    assert isinstance(event, MutationDocumentsChecked)
    assert not event.complete
    review = ReviewMutation(recommended=True, notes="", actor="tpk", require_full_lifecycle=True)
    assert refused(given(PROPOSED, event), review).rule == "documents_incomplete"


def test_the_tpk_records_its_recommendation() -> None:
    review = ReviewMutation(recommended=True, notes="kompeten", actor="tpk.sekda")
    assert when(given(PROPOSED), review) == [
        MutationReviewed(
            mutation_id="m1", nip=NIP, recommended=True, notes="kompeten", reviewed_by="tpk.sekda"
        )
    ]


# ------------------------------------------------------------- socialisation and objection
def test_only_the_employee_acknowledges_the_socialised_transfer() -> None:
    history = given(PROPOSED, APPROVED, SOCIALIZED)
    assert refused(history, AcknowledgeMutation(actor="ppk")).rule == "only_the_employee"
    assert when(history, AcknowledgeMutation(actor=NIP)) == [
        MutationAcknowledged(mutation_id="m1", nip=NIP, acknowledged_by=NIP)
    ]


SEALED_REASON = Sealed(key_id="dk-1", alg="A256GCM", nonce="bm9uY2U", ciphertext="c2VhbGVk")


def test_an_objection_records_the_reason_only_sealed_and_an_upheld_one_cancels() -> None:
    objected = MutationObjectedV2(mutation_id="m1", nip=NIP, reason=SEALED_REASON, objected_by=NIP)
    assert when(given(PROPOSED, APPROVED, SOCIALIZED), ObjectToMutation(NIP, SEALED_REASON)) == [
        objected
    ]
    events = when(
        given(PROPOSED, APPROVED, SOCIALIZED, objected),
        ResolveObjection(actor="ppk", upheld=True, reasons="alasan keluarga diterima"),
    )
    assert [type(e) for e in events] == [MutationObjectionResolved, MutationCancelled]


def test_a_dismissed_objection_lets_the_decree_follow_but_an_open_one_does_not() -> None:
    # An objection recorded before reasons were sealed (version 1) still counts.
    objected = MutationObjected(mutation_id="m1", nip=NIP, reason="jauh", objected_by=NIP)
    history = given(PROPOSED, APPROVED, SOCIALIZED, objected)
    decree = DecreeMutation(actor="ppk", sk_number="800/1", sk_date=TODAY, tmt=TODAY)
    assert refused(history, decree).rule == "invalid_step"
    dismissed = when(history, ResolveObjection(actor="ppk", upheld=False, reasons="kebutuhan"))
    [event] = when(given(*history, *dismissed), decree)
    assert isinstance(event, MutationDecreed)


def test_with_the_full_lifecycle_required_the_decree_waits_for_the_employees_answer() -> None:
    decree = DecreeMutation(
        actor="ppk", sk_number="800/1", sk_date=TODAY, tmt=TODAY, require_full_lifecycle=True
    )
    assert refused(given(PROPOSED, APPROVED), decree).rule == "invalid_step"


# ------------------------------------------------------------------ decree and effective
def test_decreeing_right_after_approval_records_the_sk_and_tmt() -> None:
    decree = DecreeMutation(actor="ppk", sk_number="800/1/BKD/2026", sk_date=TODAY, tmt=TODAY)
    assert when(given(PROPOSED, APPROVED), decree) == [DECREED]


def test_a_decreed_transfer_becomes_effective_on_its_tmt_with_the_whole_move() -> None:
    assert when(given(PROPOSED, APPROVED, DECREED), MakeEffective(today=TODAY)) == [
        MutationEffective(mutation_id="m1", nip=NIP, tmt=TODAY, sk_number="800/1/BKD/2026", **MOVE)
    ]


def test_a_transfer_is_not_made_effective_before_its_tmt() -> None:
    error = refused(given(PROPOSED, APPROVED, DECREED), MakeEffective(today=date(2026, 11, 27)))
    assert error.rule == "tmt_not_reached"


def test_an_effective_transfer_never_becomes_effective_twice() -> None:
    effective = when(given(PROPOSED, APPROVED, DECREED), MakeEffective(today=TODAY))
    history = given(PROPOSED, APPROVED, DECREED, *effective)
    assert refused(history, MakeEffective(today=TODAY)).rule == "invalid_step"


def test_a_transfer_can_be_cancelled_before_but_not_after_it_is_effective() -> None:
    cancel = CancelMutation(actor="bkd", reason="salah input")
    [event] = when(given(PROPOSED, APPROVED, DECREED), cancel)
    assert isinstance(event, MutationCancelled)
    effective = when(given(PROPOSED, APPROVED, DECREED), MakeEffective(today=TODAY))
    assert refused(given(PROPOSED, APPROVED, DECREED, *effective), cancel).rule == "invalid_step"


def test_an_approved_transfer_is_socialised_with_the_explanation_given() -> None:
    command = SocializeMutation(actor="bkd", message="kebutuhan")
    assert when(given(PROPOSED, APPROVED), command) == [SOCIALIZED]
    assert refused(given(PROPOSED), command).rule == "invalid_step"


def test_approval_is_refused_once_the_employee_came_under_disciplinary_proceedings() -> None:
    facts = ApprovalFacts(TODAY, 1, date(2019, 1, 2), 2, employee_status="DISCIPLINARY")
    assert refused(given(PROPOSED), approve(facts=facts)).rule == "employee_not_transferable"


def test_approval_needs_the_last_two_annual_ratings_at_least_baik() -> None:
    facts = ApprovalFacts(TODAY, 1, date(2019, 1, 2), 2, recent_annual_predikat=("BAIK", "KURANG"))
    error = refused(given(PROPOSED), approve(facts=facts))
    assert error.rule == "performance_below_baik"
    assert "predikat kinerja Kurang" in error.message


def test_approval_reports_every_failing_rule_at_once_in_indonesian_with_its_basis() -> None:
    facts = ApprovalFacts(
        TODAY,
        free_places=0,
        tmt_position=date(2025, 6, 1),
        min_years_in_post=2,
        blackout=Blackout(date(2026, 6, 1), date(2027, 1, 31), "pilkada 2026"),
        recent_annual_predikat=("KURANG",),
    )
    error = refused(given(PROPOSED), approve(facts=facts))
    assert [v.rule for v in error.violations] == [
        "performance_below_baik",
        "no_free_place",
        "min_years_in_post",
        "blackout_window",
    ]
    assert http_status(error) == 422
    blackout = error.violations[-1]
    assert blackout.legal_basis == "UU 10/2016 Pasal 71 ayat (2)"
    assert blackout.pesan is not None
    assert "persetujuan tertulis Menteri Dalam Negeri" in blackout.pesan
    assert "1 Juni 2026" in blackout.pesan


def test_a_proposal_reports_an_open_transfer_a_status_and_the_same_post_together() -> None:
    error = refused(
        given(),
        propose(open_transfer_id="m0", employee_status="RETIRED", to_position_id="guru-mat-1"),
    )
    assert [v.rule for v in error.violations] == [
        "one_open_transfer",
        "employee_not_transferable",
        "same_post",
    ]
    assert "telah pensiun" in error.violations[1].as_dict()["message"]
