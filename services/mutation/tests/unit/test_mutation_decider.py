"""The transfer decider, Given past events / When a command / Then new events or an error."""

from __future__ import annotations

import dataclasses
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
    MutationDeemedAcknowledged,
    MutationDocumentsChecked,
    MutationEffective,
    MutationHeld,
    MutationObjected,
    MutationObjectedV2,
    MutationObjectionResolved,
    MutationProposed,
    MutationRejected,
    MutationReleased,
    MutationReviewed,
    MutationSocialized,
    PolicyApplied,
)
from rangkui_eventkit.errors import RuleViolated, http_status
from rangkui_mutation.domain.mutation import (
    FULL_PROCESS,
    REQUIRED_DOCUMENTS,
    AcknowledgeMutation,
    ApprovalFacts,
    ApproveMutation,
    CancelMutation,
    CheckDocuments,
    Command,
    DecreeFacts,
    DecreeMutation,
    DeemAcknowledged,
    MakeEffective,
    ObjectToMutation,
    ProcessPolicy,
    ProposeMutation,
    RejectMutation,
    ReleaseHold,
    ResolveObjection,
    ReviewMutation,
    SocializeMutation,
    mutation_decider,
)
from rangkui_mutation.domain.rules import (
    Blackout,
    FitFacts,
    appraisal_window_start,
    find_blackout,
)

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
DEADLINE = date(2026, 12, 12)  # TODAY + 14 days
SOCIALIZED = MutationSocialized(
    mutation_id="m1",
    nip=NIP,
    message="kebutuhan",
    socialized_by="bkd",
    objection_deadline=DEADLINE,
)
ACKNOWLEDGED = MutationAcknowledged(mutation_id="m1", nip=NIP, acknowledged_by=NIP)
ALL_PRESENT = tuple(
    DocumentItem(code=c, present=True, reference=f"ref-{c}")  # type: ignore[arg-type]
    for c in REQUIRED_DOCUMENTS
)
CHECKED = MutationDocumentsChecked(
    mutation_id="m1", nip=NIP, items=list(ALL_PRESENT), complete=True, checked_by="verifikator"
)
TPK = ("tpk.sekda", "tpk.inspektur", "tpk.kepala-bkd")
REVIEWED = MutationReviewed(
    mutation_id="m1",
    nip=NIP,
    recommended=True,
    notes="kompeten",
    reviewed_by="tpk.sekda",
    members_present=list(TPK),
    quorum=3,
    berita_acara_ref="BA/TPK/12/2026",
)
# A province that turned the short flow on, citing its regulation.
SHORT = ProcessPolicy(
    skip_steps=frozenset({"DOCUMENTS", "TPK_REVIEW", "SOCIALIZATION"}),
    basis="Pergub Rangkui 7/2026 Pasal 3",
)
DECREED = MutationDecreed(
    mutation_id="m1",
    nip=NIP,
    sk_number="800/1/BKD/2026",
    sk_date=TODAY,
    tmt=TODAY,
    decreed_by="ppk",
)
AFTER_WINDOW = date(2026, 12, 13)
FACTS = ApprovalFacts(
    today=TODAY,
    free_places=1,
    tmt_position=date(2019, 1, 2),
    min_years_in_post=2,
    recent_annual_predikat=("BAIK", "SANGAT_BAIK"),
)
DECREE_FACTS = DecreeFacts(today=TODAY)
# The full process up to the PPK's decision, and up to the decree.
READY = (PROPOSED, CHECKED, REVIEWED)
ANSWERED = (*READY, APPROVED, SOCIALIZED, ACKNOWLEDGED)


def given(*events: DomainEvent) -> Sequence[DomainEvent]:
    return events


def when(history: Sequence[DomainEvent], command: Command) -> list[DomainEvent]:
    return list(mutation_decider.decide(command, mutation_decider.fold(history)))


def refused(history: Sequence[DomainEvent], command: Command) -> RuleViolated:
    with pytest.raises(RuleViolated) as caught:
        when(history, command)
    return caught.value


def rules(error: RuleViolated) -> list[str]:
    return [v.rule for v in error.violations]


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


def review(actor: str = "tpk.sekda", **overrides: object) -> ReviewMutation:
    fields: dict[str, object] = {
        "recommended": True,
        "notes": "kompeten",
        "actor": actor,
        "members_present": TPK,
        "berita_acara_ref": "BA/TPK/12/2026",
    }
    fields.update(overrides)
    return ReviewMutation(**fields)  # type: ignore[arg-type]


def decree(**overrides: object) -> DecreeMutation:
    fields: dict[str, object] = {
        "actor": "ppk",
        "sk_number": "800/1/BKD/2026",
        "sk_date": TODAY,
        "tmt": TODAY,
        "facts": DECREE_FACTS,
    }
    fields.update(overrides)
    return DecreeMutation(**fields)  # type: ignore[arg-type]


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


def test_an_employee_proposes_their_own_transfer_only_as_an_own_request() -> None:
    error = refused(given(), propose(actor=NIP))
    assert (error.rule, http_status(error)) == ("own_request_only", 403)
    [event] = when(given(), propose(actor=NIP, kind="OWN_REQUEST"))
    assert isinstance(event, MutationProposed)


# ------------------------------------------------------------------- documents and review
def test_a_checklist_with_every_required_document_is_complete() -> None:
    [event] = when(given(PROPOSED), CheckDocuments(items=ALL_PRESENT, actor="verifikator"))
    assert event == CHECKED.model_copy(update={"ready_for": "TPK_REVIEW"})


def test_a_complete_file_goes_to_the_ppk_where_the_province_skips_the_review() -> None:
    skipping = ProcessPolicy(skip_steps=frozenset({"TPK_REVIEW"}), basis="Pergub 1/2026")
    command = CheckDocuments(items=ALL_PRESENT, actor="verifikator", policy=skipping)
    [event] = when(given(PROPOSED), command)
    assert isinstance(event, MutationDocumentsChecked)
    assert event.ready_for == "DECISION"


def test_a_checklist_missing_a_document_is_incomplete_and_blocks_the_tpk_review() -> None:
    items = (DocumentItem(code="REQUEST_LETTER", present=True, reference="1"),)
    [event] = when(given(PROPOSED), CheckDocuments(items=items, actor="verifikator"))
    assert isinstance(event, MutationDocumentsChecked)
    assert not event.complete
    error = refused(given(PROPOSED, event), review())
    assert error.rule == "documents_incomplete"
    assert "CLEAN_AUDIT_CERTIFICATE" in error.message
    assert "REQUEST_LETTER" not in error.message


def test_by_default_the_tpk_reviews_only_a_checked_file() -> None:
    assert refused(given(PROPOSED), review()).rule == "documents_incomplete"


def test_the_tpk_records_its_sidang_with_members_quorum_and_berita_acara() -> None:
    assert when(given(PROPOSED, CHECKED), review()) == [REVIEWED]


def test_a_sidang_under_quorum_and_without_berita_acara_is_refused_with_both_rules() -> None:
    error = refused(
        given(PROPOSED, CHECKED), review(members_present=("tpk.inspektur",), berita_acara_ref="")
    )
    assert rules(error) == ["tpk_quorum_not_met", "berita_acara_required"]
    assert "dihadiri 2 anggota; kuorum 3" in error.message


def test_the_quorum_is_a_policy_setting() -> None:
    policy = ProcessPolicy(tpk_quorum=1)
    [event] = when(given(PROPOSED, CHECKED), review(members_present=(), policy=policy))
    assert isinstance(event, MutationReviewed)
    assert (event.members_present, event.quorum) == (["tpk.sekda"], 1)


def test_a_relative_or_the_proposer_cannot_sit_in_the_sidang() -> None:
    error = refused(given(PROPOSED, CHECKED), review(members_present=(*TPK, "paman.siti")))
    assert (error.rule, http_status(error)) == ("related_person_conflict", 403)
    assert refused(given(PROPOSED, CHECKED), review(actor="operator.bkd")).rule == (
        "segregation_of_duties"
    )


def test_a_province_that_skips_the_documents_check_lets_the_tpk_review_an_unchecked_file() -> None:
    policy = ProcessPolicy(skip_steps=frozenset({"DOCUMENTS"}), basis="Pergub 7/2026")
    [event] = when(given(PROPOSED), review(policy=policy))
    assert isinstance(event, MutationReviewed)


# ------------------------------------------------------------------------------ approval
def test_approving_a_reviewed_proposal_with_a_free_place_approves_it() -> None:
    assert when(given(*READY), approve(reasons="sesuai kebutuhan")) == [
        APPROVED.model_copy(update={"reasons": "sesuai kebutuhan"})
    ]


def test_by_default_approval_waits_for_the_tpk_review() -> None:
    error = refused(given(PROPOSED, CHECKED), approve())
    assert (error.rule, http_status(error)) == ("tpk_review_required", 409)
    assert error.legal_basis == "Peraturan BKN 5/2019"


def test_a_province_that_skips_steps_records_them_and_its_policy_on_the_decision() -> None:
    [event] = when(given(PROPOSED), approve(policy=SHORT))
    assert isinstance(event, MutationApproved)
    assert event.steps_skipped == ["DOCUMENTS", "TPK_REVIEW"]
    assert event.skip_policy == "Pergub Rangkui 7/2026 Pasal 3"


def test_skipping_only_the_review_still_needs_a_complete_file() -> None:
    policy = ProcessPolicy(skip_steps=frozenset({"TPK_REVIEW"}), basis="Pergub 7/2026")
    assert refused(given(PROPOSED), approve(policy=policy)).rule == "documents_incomplete"
    [event] = when(given(PROPOSED, CHECKED), approve(policy=policy))
    assert isinstance(event, MutationApproved)
    assert event.steps_skipped == ["TPK_REVIEW"]


def test_approving_against_a_negative_recommendation_needs_written_reasons() -> None:
    against = REVIEWED.model_copy(update={"recommended": False})
    error = refused(given(PROPOSED, CHECKED, against), approve(reasons="  "))
    assert error.rule == "against_recommendation_without_reasons"
    [event] = when(given(PROPOSED, CHECKED, against), approve(reasons="guru tunggal di pulau"))
    assert isinstance(event, MutationApproved)
    assert event.against_recommendation is True


@pytest.mark.parametrize("actor", ["tpk.sekda", "tpk.inspektur"])
def test_nobody_who_sat_in_the_review_decides_the_same_file(actor: str) -> None:
    error = refused(given(*READY), approve(actor=actor))
    assert (error.rule, http_status(error)) == ("reviewer_decides", 403)
    reject = RejectMutation(actor=actor, reasons="tidak sesuai")
    assert refused(given(*READY), reject).rule == "reviewer_decides"


def test_approval_without_a_free_place_is_refused() -> None:
    facts = ApprovalFacts(TODAY, free_places=0, tmt_position=date(2019, 1, 2), min_years_in_post=2)
    error = refused(given(*READY), approve(facts=facts))
    assert (error.rule, http_status(error)) == ("no_free_place", 409)


def test_approval_under_the_minimum_years_in_post_is_refused() -> None:
    facts = ApprovalFacts(TODAY, free_places=1, tmt_position=date(2025, 6, 1), min_years_in_post=2)
    error = refused(given(*READY), approve(facts=facts))
    assert error.rule == "min_years_in_post"
    assert "baru 1,5 tahun" in error.message
    assert "1.5 years" in error.message_en
    assert error.legal_basis == "PP 11/2017 jo. PP 17/2020 Pasal 190"


def test_a_ppk_exception_with_a_justification_waives_the_minimum_years() -> None:
    facts = ApprovalFacts(TODAY, free_places=1, tmt_position=date(2025, 6, 1), min_years_in_post=2)
    [event] = when(given(*READY), approve(facts=facts, min_years_exception="sekolah tutup"))
    assert isinstance(event, MutationApproved)
    assert event.min_years_exception == "sekolah tutup"


def test_approval_inside_a_blackout_window_needs_the_ministers_approval() -> None:
    blackout = Blackout(date(2026, 6, 1), date(2027, 1, 31), "pilkada 2026")
    facts = ApprovalFacts(TODAY, 1, date(2019, 1, 2), 2, blackout=blackout)
    assert refused(given(*READY), approve(facts=facts)).rule == "blackout_window"
    # The letter's number alone is not enough: its date is recorded too.
    number_only = approve(facts=facts, minister_approval_ref="MENDAGRI/1")
    assert refused(given(*READY), number_only).rule == "blackout_window"
    letter = {"minister_approval_ref": "MENDAGRI/1", "minister_approval_date": date(2026, 11, 2)}
    [event] = when(given(*READY), approve(facts=facts, **letter))
    assert isinstance(event, MutationApproved)
    assert event.minister_approval_ref == "MENDAGRI/1"
    assert event.minister_approval_date == date(2026, 11, 2)


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
    assert refused(given(*READY), approve(actor=actor)).rule == rule


def test_an_approved_transfer_cannot_be_approved_again() -> None:
    error = refused(given(*READY, APPROVED), approve())
    assert (error.rule, http_status(error)) == ("invalid_step", 409)


def test_rejecting_records_the_reasons_and_ends_the_transfer() -> None:
    events = when(given(*READY), RejectMutation(actor="ppk", reasons="formasi penuh"))
    assert events == [
        MutationRejected(mutation_id="m1", nip=NIP, rejected_by="ppk", reasons="formasi penuh")
    ]
    assert refused(given(*READY, *events), approve()).rule == "invalid_step"


def test_a_rejection_without_a_review_records_the_steps_skipped() -> None:
    [event] = when(given(PROPOSED), RejectMutation(actor="ppk", reasons="tidak perlu"))
    assert isinstance(event, MutationRejected)
    assert event.steps_skipped == ["DOCUMENTS", "TPK_REVIEW"]


def test_approval_is_refused_once_the_employee_came_under_disciplinary_proceedings() -> None:
    facts = ApprovalFacts(TODAY, 1, date(2019, 1, 2), 2, employee_status="DISCIPLINARY")
    assert refused(given(*READY), approve(facts=facts)).rule == "employee_not_transferable"


def test_approval_needs_the_last_two_annual_ratings_at_least_baik() -> None:
    facts = ApprovalFacts(TODAY, 1, date(2019, 1, 2), 2, recent_annual_predikat=("BAIK", "KURANG"))
    error = refused(given(*READY), approve(facts=facts))
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
    against = REVIEWED.model_copy(update={"recommended": False})
    error = refused(given(PROPOSED, CHECKED, against), approve(facts=facts))
    assert rules(error) == [
        "against_recommendation_without_reasons",
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
    assert rules(error) == ["one_open_transfer", "employee_not_transferable", "same_post"]
    assert "telah pensiun" in error.violations[1].as_dict()["message"]


# ------------------------------------------------------------- socialisation and objection
def test_an_approved_transfer_is_socialised_and_opens_the_objection_window() -> None:
    command = SocializeMutation(actor="bkd", message="kebutuhan", today=TODAY)
    assert when(given(*READY, APPROVED), command) == [SOCIALIZED]
    assert refused(given(*READY), command).rule == "invalid_step"


def test_the_objection_window_is_a_policy_setting() -> None:
    policy = ProcessPolicy(objection_window_days=21)
    command = SocializeMutation(actor="bkd", message="kebutuhan", today=TODAY, policy=policy)
    [event] = when(given(*READY, APPROVED), command)
    assert isinstance(event, MutationSocialized)
    assert event.objection_deadline == date(2026, 12, 19)


def test_only_the_employee_acknowledges_the_socialised_transfer() -> None:
    history = given(*READY, APPROVED, SOCIALIZED)
    assert refused(history, AcknowledgeMutation(actor="ppk")).rule == "only_the_employee"
    assert when(history, AcknowledgeMutation(actor=NIP)) == [ACKNOWLEDGED]


SEALED_REASON = Sealed(key_id="dk-1", alg="A256GCM", nonce="bm9uY2U", ciphertext="c2VhbGVk")


def test_an_objection_records_the_reason_only_sealed_and_an_upheld_one_cancels() -> None:
    objected = MutationObjectedV2(mutation_id="m1", nip=NIP, reason=SEALED_REASON, objected_by=NIP)
    history = given(*READY, APPROVED, SOCIALIZED)
    assert when(history, ObjectToMutation(NIP, SEALED_REASON, today=DEADLINE)) == [objected]
    events = when(
        given(*history, objected),
        ResolveObjection(actor="ppk", upheld=True, reasons="alasan keluarga diterima"),
    )
    assert [type(e) for e in events] == [MutationObjectionResolved, MutationCancelled]


def test_an_objection_after_the_window_closed_is_refused() -> None:
    history = given(*READY, APPROVED, SOCIALIZED)
    error = refused(history, ObjectToMutation(NIP, SEALED_REASON, today=AFTER_WINDOW))
    assert error.rule == "objection_window_closed"
    assert "12 Desember 2026" in error.message


def test_only_the_ppk_decides_an_objection() -> None:
    objected = MutationObjectedV2(mutation_id="m1", nip=NIP, reason=SEALED_REASON, objected_by=NIP)
    history = given(*READY, APPROVED, SOCIALIZED, objected)
    by_bkd = ResolveObjection(actor="operator.lain", upheld=False, reasons="x", by_ppk=False)
    error = refused(history, by_bkd)
    assert (error.rule, http_status(error)) == ("objection_decided_by_ppk", 403)
    assert error.legal_basis == "PP 79/2021"


def test_a_dismissed_objection_lets_the_decree_follow_but_an_open_one_does_not() -> None:
    # An objection recorded before reasons were sealed (version 1) still counts.
    objected = MutationObjected(mutation_id="m1", nip=NIP, reason="jauh", objected_by=NIP)
    history = given(*READY, APPROVED, SOCIALIZED, objected)
    assert refused(history, decree()).rule == "objection_pending"
    dismissed = when(history, ResolveObjection(actor="ppk", upheld=False, reasons="kebutuhan"))
    [event] = when(given(*history, *dismissed), decree())
    assert isinstance(event, MutationDecreed)


def test_by_default_the_decree_waits_for_the_socialisation() -> None:
    error = refused(given(*READY, APPROVED), decree())
    assert (error.rule, http_status(error)) == ("socialization_required", 409)


def test_a_decree_inside_the_objection_window_waits_unless_acknowledged() -> None:
    error = refused(given(*READY, APPROVED, SOCIALIZED), decree())
    assert (error.rule, http_status(error)) == ("objection_window_open", 409)
    assert "12 Desember 2026" in error.message
    assert when(given(*ANSWERED), decree()) == [DECREED]


def test_silence_through_the_window_is_recorded_as_a_deemed_acknowledgement_first() -> None:
    history = given(*READY, APPROVED, SOCIALIZED)
    later = decree(sk_date=AFTER_WINDOW, tmt=AFTER_WINDOW, facts=DecreeFacts(today=AFTER_WINDOW))
    deemed, decreed = when(history, later)
    assert deemed == MutationDeemedAcknowledged(
        mutation_id="m1", nip=NIP, objection_deadline=DEADLINE, recorded_by="ppk"
    )
    assert isinstance(decreed, MutationDecreed)


def test_the_scheduler_records_silence_only_once_the_window_closed() -> None:
    history = given(*READY, APPROVED, SOCIALIZED)
    assert refused(history, DeemAcknowledged(today=DEADLINE)).rule == "objection_window_open"
    [event] = when(history, DeemAcknowledged(today=AFTER_WINDOW))
    assert isinstance(event, MutationDeemedAcknowledged)
    assert event.recorded_by == "system.scheduler"
    [decreed] = when(given(*history, event), decree(facts=DecreeFacts(today=AFTER_WINDOW)))
    assert isinstance(decreed, MutationDecreed)


# ------------------------------------------------------------------ decree and effective
def test_a_province_that_skips_socialisation_decrees_right_after_approval_and_says_so() -> None:
    [approved] = when(given(PROPOSED), approve(policy=SHORT))
    [event] = when(given(PROPOSED, approved), decree(policy=SHORT))
    assert isinstance(event, MutationDecreed)
    assert event.steps_skipped == ["DOCUMENTS", "TPK_REVIEW", "SOCIALIZATION"]
    assert event.skip_policy == SHORT.basis


def test_an_sk_number_already_used_by_another_transfer_is_refused() -> None:
    error = refused(given(*ANSWERED), decree(facts=DecreeFacts(TODAY, sk_number_used_by="m0")))
    assert (error.rule, http_status(error)) == ("sk_number_in_use", 409)


def test_a_decree_dated_in_the_future_or_with_a_tmt_before_its_date_is_refused_at_once() -> None:
    error = refused(given(*ANSWERED), decree(sk_date=date(2026, 12, 1), tmt=date(2001, 12, 1)))
    assert rules(error) == ["sk_date_in_future", "tmt_before_sk_date"]
    assert error.violations[1].legal_basis == "UU 30/2014 Pasal 58 ayat (6)"


def test_a_retroactive_tmt_needs_the_policy_its_cap_and_a_reason() -> None:
    back = date(2026, 11, 1)
    allowed = DecreeFacts(TODAY, retroactive_tmt_max_days=30)
    assert refused(given(*ANSWERED), decree(tmt=back)).rule == "tmt_before_sk_date"
    assert refused(given(*ANSWERED), decree(tmt=back, facts=allowed)).rule == "tmt_before_sk_date"
    too_far = decree(tmt=date(2026, 10, 1), facts=allowed, retroactive_reason="kekosongan guru")
    assert refused(given(*ANSWERED), too_far).rule == "tmt_before_sk_date"
    [event] = when(
        given(*ANSWERED), decree(tmt=back, facts=allowed, retroactive_reason="kekosongan guru")
    )
    assert isinstance(event, MutationDecreed)
    assert event.retroactive_reason == "kekosongan guru"


def test_a_tmt_beyond_the_horizon_is_refused() -> None:
    error = refused(given(*ANSWERED), decree(tmt=date(2028, 1, 1)))
    assert error.rule == "tmt_beyond_horizon"


def test_a_decree_inside_a_blackout_window_needs_the_ministers_approval() -> None:
    blackout = Blackout(date(2026, 11, 1), date(2027, 1, 31), "pilkada 2026")
    facts = DecreeFacts(TODAY, blackout=blackout)
    assert refused(given(*ANSWERED), decree(facts=facts)).rule == "blackout_window"
    letter = {"minister_approval_ref": "MENDAGRI/9", "minister_approval_date": date(2026, 11, 20)}
    [event] = when(given(*ANSWERED), decree(facts=facts, **letter))
    assert isinstance(event, MutationDecreed)
    assert (event.minister_approval_ref, event.minister_approval_date) == (
        "MENDAGRI/9",
        date(2026, 11, 20),
    )


def test_an_acting_head_window_needs_the_ministers_approval_on_its_own_basis() -> None:
    pj = Blackout(date(2026, 9, 1), date(2027, 9, 1), "Pj Gubernur", kind="ACTING_HEAD")
    facts = ApprovalFacts(TODAY, 1, date(2019, 1, 2), 2, blackout=pj)
    error = refused(given(*READY), approve(facts=facts))
    assert error.rule == "blackout_window"
    assert error.legal_basis == "PP 49/2008 Pasal 132A"
    assert "masa Penjabat (Pj) kepala daerah" in error.message


def test_a_blackout_window_covers_only_the_transfers_in_its_scope() -> None:
    managerial = Blackout(
        date(2026, 6, 1), date(2027, 1, 31), "pilkada", post_types=("STRUKTURAL",)
    )
    rotations = Blackout(date(2026, 6, 1), date(2027, 1, 31), "pilkada", kinds=("ROTATION",))
    assert find_blackout([managerial], TODAY, post_type="FUNGSIONAL") is None
    assert find_blackout([managerial], TODAY, post_type="STRUKTURAL") == managerial
    assert find_blackout([rotations], TODAY, kind="NEED_BASED") is None
    assert find_blackout([rotations], TODAY, kind="ROTATION") == rotations
    assert find_blackout([rotations], date(2027, 2, 1), kind="ROTATION") is None


def test_a_decree_is_refused_when_the_formasi_shrank_below_the_places_held() -> None:
    assert refused(given(*ANSWERED), decree(facts=DecreeFacts(TODAY, free_places=0))).rule == (
        "no_free_place"
    )
    [event] = when(given(*ANSWERED), decree(facts=DecreeFacts(TODAY, free_places=1)))
    assert isinstance(event, MutationDecreed)


@pytest.mark.parametrize(
    ("status", "words"),
    [
        ("COURT_PROCEEDINGS", "proses peradilan"),
        ("SERVICE_OBLIGATION", "ikatan dinas"),
        ("DECEASED", "meninggal dunia"),
        ("STUDY_ASSIGNMENT", "tugas belajar"),
    ],
)
def test_a_decree_is_refused_for_every_status_the_law_keeps_from_a_transfer(
    status: str, words: str
) -> None:
    error = refused(given(*ANSWERED), decree(facts=DecreeFacts(TODAY, employee_status=status)))
    assert error.rule == "employee_not_transferable"
    assert words in (error.pesan or "")


def test_a_decree_is_refused_once_the_employee_came_under_disciplinary_proceedings() -> None:
    facts = DecreeFacts(TODAY, employee_status="DISCIPLINARY")
    assert refused(given(*ANSWERED), decree(facts=facts)).rule == "employee_not_transferable"


def test_a_decreed_transfer_becomes_effective_on_its_tmt_with_the_whole_move() -> None:
    assert when(given(*ANSWERED, DECREED), MakeEffective(today=TODAY)) == [
        MutationEffective(mutation_id="m1", nip=NIP, tmt=TODAY, sk_number="800/1/BKD/2026", **MOVE)
    ]


def test_a_blackout_covering_the_tmt_holds_a_transfer_without_the_ministers_letter() -> None:
    window = Blackout(date(2026, 11, 20), date(2027, 1, 31), "pilkada 2026")

    [held] = when(given(*ANSWERED, DECREED), MakeEffective(today=TODAY, blackout=window))
    letter = {"minister_approval_ref": "MENDAGRI/9", "minister_approval_date": date(2026, 11, 20)}
    with_letter = DECREED.model_copy(update=letter)
    [effective] = when(given(*ANSWERED, with_letter), MakeEffective(today=TODAY, blackout=window))

    assert isinstance(held, MutationHeld)
    assert [r.rule for r in held.reasons] == ["blackout_window"]
    assert isinstance(effective, MutationEffective)


def test_a_transfer_is_not_made_effective_before_its_tmt() -> None:
    error = refused(given(*ANSWERED, DECREED), MakeEffective(today=date(2026, 11, 27)))
    assert error.rule == "tmt_not_reached"


def test_an_effective_transfer_never_becomes_effective_twice() -> None:
    effective = when(given(*ANSWERED, DECREED), MakeEffective(today=TODAY))
    history = given(*ANSWERED, DECREED, *effective)
    assert refused(history, MakeEffective(today=TODAY)).rule == "invalid_step"


def test_a_transfer_can_be_cancelled_before_but_not_after_it_is_effective() -> None:
    cancel = CancelMutation(actor="bkd", reason="salah input")
    [event] = when(given(*READY, APPROVED), cancel)
    assert isinstance(event, MutationCancelled)
    by_ppk = CancelMutation(
        actor="ppk",
        reason="salah input",
        by_ppk=True,
        cancelling_sk_number="800/2/BKD/2026",
        cancelling_sk_date=TODAY,
    )
    effective = when(given(*ANSWERED, DECREED), MakeEffective(today=TODAY))
    assert refused(given(*ANSWERED, DECREED, *effective), by_ppk).rule == "invalid_step"


def test_a_decreed_transfer_is_cancelled_by_the_ppk_alone_with_the_cancelling_decree() -> None:
    history = given(*ANSWERED, DECREED)
    by_bkd = CancelMutation(actor="bkd", reason="salah input")
    error = refused(history, by_bkd)
    assert (error.rule, http_status(error)) == ("cancel_decreed_by_ppk_only", 403)
    without_sk = CancelMutation(actor="ppk", reason="salah input", by_ppk=True)
    assert refused(history, without_sk).rule == "cancelling_decree_required"
    [event] = when(
        history,
        CancelMutation(
            actor="ppk",
            reason="salah input",
            by_ppk=True,
            cancelling_sk_number="800/2/BKD/2026",
            cancelling_sk_date=TODAY,
        ),
    )
    assert isinstance(event, MutationCancelled)
    assert (event.cancelling_sk_number, event.cancelling_sk_date) == ("800/2/BKD/2026", TODAY)


def test_the_default_policy_is_the_full_process() -> None:
    assert FULL_PROCESS.skip_steps == frozenset()
    assert (FULL_PROCESS.tpk_quorum, FULL_PROCESS.objection_window_days) == (3, 14)


# ------------------------------------------------------------------- guards on the TMT
@pytest.mark.parametrize("status", ["DISCIPLINARY", "STUDY_ASSIGNMENT", "RETIRED"])
def test_a_failing_status_guard_on_the_tmt_holds_the_transfer_instead_of_moving_it(
    status: str,
) -> None:
    [event] = when(given(*ANSWERED, DECREED), MakeEffective(today=TODAY, employee_status=status))
    assert isinstance(event, MutationHeld)
    assert event.held_on == TODAY
    assert [r.rule for r in event.reasons] == ["employee_not_transferable"]
    assert event.reasons[0].legal_basis == "PP 11/2017 jo. PP 17/2020 Pasal 190"


def test_a_target_unit_closed_before_the_tmt_holds_the_transfer_with_every_reason() -> None:
    command = MakeEffective(
        today=TODAY, employee_status="DISCIPLINARY", unit_closed_on=date(2026, 11, 1)
    )
    [event] = when(given(*ANSWERED, DECREED), command)
    assert isinstance(event, MutationHeld)
    assert [r.rule for r in event.reasons] == ["employee_not_transferable", "unit_closed"]
    assert "ditutup pada 1 November 2026" in event.reasons[1].message


def test_a_held_transfer_is_released_only_once_its_guards_pass_then_takes_effect() -> None:
    [held] = when(given(*ANSWERED, DECREED), MakeEffective(TODAY, "DISCIPLINARY"))
    history = given(*ANSWERED, DECREED, held)
    assert refused(history, MakeEffective(today=TODAY)).rule == "invalid_step"
    still = ReleaseHold(actor="operator.bkd", reason="cek", employee_status="DISCIPLINARY")
    assert refused(history, still).rule == "employee_not_transferable"
    [released] = when(history, ReleaseHold(actor="operator.bkd", reason="hukdis selesai"))
    assert isinstance(released, MutationReleased)
    [effective] = when(given(*history, released), MakeEffective(today=TODAY))
    assert isinstance(effective, MutationEffective)


def test_a_held_transfer_is_cancelled_by_the_ppk_with_the_cancelling_decree() -> None:
    [held] = when(given(*ANSWERED, DECREED), MakeEffective(TODAY, "RETIRED"))
    history = given(*ANSWERED, DECREED, held)
    by_bkd = CancelMutation(actor="bkd", reason="pensiun")
    assert refused(history, by_bkd).rule == "cancel_decreed_by_ppk_only"


def test_a_closed_target_unit_refuses_approval_and_decree() -> None:
    closed = date(2026, 11, 1)
    facts = ApprovalFacts(TODAY, 1, date(2019, 1, 2), 2, unit_closed_on=closed)
    assert refused(given(*READY), approve(facts=facts)).rule == "unit_closed"
    later = decree(facts=DecreeFacts(TODAY, unit_closed_on=closed))
    assert refused(given(*ANSWERED), later).rule == "unit_closed"


# ------------------------------------------------------------------------ appraisal facts
def test_missing_appraisals_warn_on_the_decision_by_default() -> None:
    facts = ApprovalFacts(TODAY, 1, date(2019, 1, 2), 2, recent_annual_predikat=("BAIK",))
    [event] = when(given(*READY), approve(facts=facts))
    assert isinstance(event, MutationApproved)
    assert event.warnings == ["appraisals_missing"]


def test_missing_appraisals_refuse_the_approval_under_the_block_policy() -> None:
    facts = ApprovalFacts(
        TODAY, 1, date(2019, 1, 2), 2, recent_annual_predikat=(), missing_appraisals="BLOCK"
    )
    error = refused(given(*READY), approve(facts=facts))
    assert error.rule == "appraisals_missing"
    assert "hanya memiliki 0 penilaian kinerja" in error.message


def test_the_last_two_years_are_counted_in_calendar_dates_from_the_decision() -> None:
    assert appraisal_window_start(date(2026, 11, 28)) == date(2024, 11, 28)
    assert appraisal_window_start(date(2028, 2, 29)) == date(2026, 2, 28)


# ---------------------------------------------------------------------- fit when deciding
TEACHER_FIT = FitFacts(
    grade="III/b",
    education=(("S1", "Pendidikan Matematika"),),
    current_type="FUNGSIONAL",
    target_type="FUNGSIONAL",
    target_grade_min="III/a",
    target_grade_max="IV/b",
    current_grade_max="IV/b",
    required_levels=("S1",),
    required_fields=("Pendidikan Matematika",),
)


def fit(**overrides: object) -> ApprovalFacts:
    return dataclasses.replace(FACTS, fit=dataclasses.replace(TEACHER_FIT, **overrides))


def test_a_post_the_employee_fits_is_approved() -> None:
    [event] = when(given(*READY), approve(facts=fit()))
    assert isinstance(event, MutationApproved)
    assert event.fit_override is None


def test_a_move_to_a_higher_post_type_is_refused_as_a_promotion() -> None:
    error = refused(given(*READY), approve(facts=fit(target_type="STRUKTURAL")))
    assert error.rule == "promotion_not_transfer"
    assert "pengangkatan (promosi), bukan mutasi" in error.message


def test_a_move_to_a_higher_grade_band_is_refused_as_a_promotion() -> None:
    facts = fit(current_grade_max="III/d", target_grade_min="IV/a", target_grade_max="IV/c")
    error = refused(given(*READY), approve(facts=facts))
    assert rules(error) == ["promotion_not_transfer", "grade_out_of_range"]


def test_a_grade_outside_the_posts_range_is_refused_even_with_an_override() -> None:
    facts = fit(target_grade_min="II/a", target_grade_max="II/d", current_grade_max="IV/b")
    error = refused(given(*READY), approve(facts=facts, fit_override="kebutuhan mendesak"))
    assert error.rule == "grade_out_of_range"
    assert "(III/b) tidak berada dalam rentang golongan" in error.message


def test_an_education_mismatch_is_refused_unless_the_ppk_overrides_with_reasons() -> None:
    facts = fit(education=(("S1", "Pendidikan Fisika"),))
    error = refused(given(*READY), approve(facts=facts))
    assert error.rule == "education_mismatch"
    assert "S1 Pendidikan Fisika" in error.message
    assert refused(given(*READY), approve(facts=facts, fit_override="  ")).rule == (
        "education_mismatch"
    )
    [event] = when(given(*READY), approve(facts=facts, fit_override="guru fisika mengajar IPA"))
    assert isinstance(event, MutationApproved)
    assert event.fit_override == "guru fisika mengajar IPA"


def test_a_level_below_the_required_one_does_not_fit() -> None:
    facts = fit(education=(("D3", "Pendidikan Matematika"),))
    assert refused(given(*READY), approve(facts=facts)).rule == "education_mismatch"


def test_a_proposal_into_a_post_without_a_free_place_is_refused_with_every_other_rule() -> None:
    error = refused(given(), propose(free_places=0, employee_status="DISCIPLINARY"))
    assert rules(error) == ["employee_not_transferable", "no_free_place"]
    [event] = when(given(), propose(free_places=1))
    assert event == PROPOSED


def test_a_decision_records_the_policy_values_and_the_window_in_force() -> None:
    applied = PolicyApplied(
        version="abc123",
        min_years_in_post=1.0,
        max_years_in_post=5.0,
        tpk_quorum=3,
        objection_window_days=14,
        missing_appraisals="WARN",
    )
    policy = ProcessPolicy(applied=applied)
    blackout = Blackout(date(2026, 6, 1), date(2027, 1, 31), "pilkada 2026")
    facts = dataclasses.replace(FACTS, blackout=blackout)
    letter = {"minister_approval_ref": "M/1", "minister_approval_date": date(2026, 11, 2)}
    [event] = when(given(*READY), approve(facts=facts, policy=policy, **letter))
    assert isinstance(event, MutationApproved)
    assert event.policy is not None
    assert (event.policy.version, event.policy.min_years_in_post) == ("abc123", 1.0)
    assert event.policy.blackout_in_force == "2026-06-01..2027-01-31 ELECTION: pilkada 2026"
    [decreed] = when(given(*ANSWERED), decree(policy=policy))
    assert isinstance(decreed, MutationDecreed)
    assert decreed.policy == applied
