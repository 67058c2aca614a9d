"""Who is told about what: Given a directory / When an event / Then these recipients."""

import dataclasses
from datetime import date

import pytest

from rangkui_contracts.events.evaluation import (
    Checkpoint,
    EvaluationRecordedV2,
    MonitoringScheduled,
)
from rangkui_contracts.events.mutation import (
    MutationApproved,
    MutationCancelled,
    MutationDocumentsChecked,
    MutationEffective,
    MutationProposed,
    MutationRejected,
)
from rangkui_notification.domain.catalogue import plan_notices
from rangkui_notification.domain.directory import Directory, references
from rangkui_notification.domain.recipients import Mailboxes

from .conftest import EMPLOYEE, HEAD_ORIGIN, HEAD_TARGET

pytestmark = pytest.mark.unit
MAILBOXES = Mailboxes(bkd="BKD", ppk="PPK")


def effective() -> MutationEffective:
    return MutationEffective(
        mutation_id="M-1",
        nip=EMPLOYEE,
        from_unit_id="SMA1",
        from_position_id="GURU-MTK-1",
        to_unit_id="SMA2",
        to_position_id="GURU-MTK-2",
        tmt=date(2026, 12, 1),
        sk_number="800/123/BKD/2026",
    )


def recipients(event: object, directory: Directory) -> list[tuple[str, str]]:
    return [(n.recipient.id, n.recipient.role) for n in plan_notices(event, directory, MAILBOXES)]  # type: ignore[arg-type]


def test_an_effective_transfer_is_told_to_the_employee_and_both_heads(
    directory: Directory,
) -> None:
    assert recipients(effective(), directory) == [
        (EMPLOYEE, "employee"),
        (HEAD_ORIGIN, "head_of_origin"),
        (HEAD_TARGET, "head_of_target"),
    ]


def test_heads_that_are_not_known_are_left_out() -> None:
    assert recipients(effective(), Directory()) == [(EMPLOYEE, "employee")]


def test_an_employee_who_heads_the_target_unit_is_told_once_as_the_employee(
    directory: Directory,
) -> None:
    d = Directory(people=directory.people, heads={"SMA1": HEAD_ORIGIN, "SMA2": EMPLOYEE})
    assert recipients(effective(), d) == [(EMPLOYEE, "employee"), (HEAD_ORIGIN, "head_of_origin")]


def test_a_proposal_is_told_to_the_heads_of_origin_and_target_only(directory: Directory) -> None:
    event = MutationProposed(
        mutation_id="M-1",
        nip=EMPLOYEE,
        from_unit_id="SMA1",
        from_position_id="GURU-MTK-1",
        to_unit_id="SMA2",
        to_position_id="GURU-MTK-2",
        kind="NEED_BASED",
        reason="Kekurangan guru matematika",
        proposed_by="operator-bkd",
    )
    assert recipients(event, directory) == [
        (HEAD_ORIGIN, "head_of_origin"),
        (HEAD_TARGET, "head_of_target"),
    ]


def test_a_rejection_finds_both_units_from_the_remembered_proposal(directory: Directory) -> None:
    # Given a proposal the BKD made: the employee never heard of it
    event = MutationRejected(
        mutation_id="M-1", nip=EMPLOYEE, rejected_by="ppk", reasons="Belum 2 tahun"
    )
    # Then only the heads are told of its rejection
    assert recipients(event, directory) == [
        (HEAD_ORIGIN, "head_of_origin"),
        (HEAD_TARGET, "head_of_target"),
    ]


def _with_transfer(directory: Directory, **changes: object) -> Directory:
    transfer = dataclasses.replace(directory.transfers["M-1"], **changes)  # type: ignore[arg-type]
    return dataclasses.replace(directory, transfers={"M-1": transfer})


def test_the_employee_hears_of_the_end_of_a_transfer_they_asked_for_or_were_told_of(
    directory: Directory,
) -> None:
    rejected = MutationRejected(mutation_id="M-1", nip=EMPLOYEE, rejected_by="ppk", reasons="x")
    cancelled = MutationCancelled(mutation_id="M-1", nip=EMPLOYEE, reason="x", cancelled_by="bkd")
    never_heard = _with_transfer(directory, kind="NEED_BASED", proposed_by="operator.bkd")
    asked = _with_transfer(directory, kind="OWN_REQUEST", proposed_by=EMPLOYEE)
    approved = _with_transfer(never_heard, approval_reasons="sesuai kebutuhan")
    heads = [(HEAD_ORIGIN, "head_of_origin"), (HEAD_TARGET, "head_of_target")]
    assert recipients(cancelled, never_heard) == heads
    assert recipients(rejected, never_heard) == heads
    assert recipients(rejected, asked) == [(EMPLOYEE, "employee"), *heads]
    assert recipients(cancelled, approved) == [(EMPLOYEE, "employee"), *heads]


def test_a_complete_file_is_told_to_the_tpk_and_an_incomplete_one_to_nobody(
    directory: Directory,
) -> None:
    def checked(complete: bool) -> MutationDocumentsChecked:
        return MutationDocumentsChecked(
            mutation_id="M-1", nip=EMPLOYEE, items=[], complete=complete, checked_by="bkd"
        )

    assert recipients(checked(True), directory) == [("TPK", "tpk")]
    assert recipients(checked(False), directory) == []
    skipped = checked(True).model_copy(update={"ready_for": "DECISION"})
    assert recipients(skipped, directory) == [("PPK", "ppk")]  # the province skips the TPK


def test_an_approval_without_a_remembered_proposal_takes_the_employees_current_unit(
    directory: Directory,
) -> None:
    d = Directory(people=directory.people, heads=directory.heads)
    event = MutationApproved(
        mutation_id="M-unknown",
        nip=EMPLOYEE,
        to_unit_id="SMA2",
        to_position_id="GURU-MTK-2",
        approved_by="ppk",
    )
    assert recipients(event, d) == [
        (EMPLOYEE, "employee"),
        (HEAD_ORIGIN, "head_of_origin"),
        (HEAD_TARGET, "head_of_target"),
    ]


def scheduled(evaluator: str | None) -> MonitoringScheduled:
    return MonitoringScheduled(
        plan_id="P-1",
        mutation_id="M-1",
        nip=EMPLOYEE,
        unit_id="SMA2",
        position_id="GURU-MTK-2",
        evaluator_nip=evaluator,
        tmt=date(2026, 12, 1),
        checkpoints=[
            Checkpoint(checkpoint_id="C3", months_after=3, due_date=date(2027, 3, 1)),
            Checkpoint(checkpoint_id="C6", months_after=6, due_date=date(2027, 6, 1)),
        ],
    )


def test_monitoring_is_told_to_the_evaluator(directory: Directory) -> None:
    assert recipients(scheduled(HEAD_TARGET), directory) == [(HEAD_TARGET, "evaluator")]


def test_monitoring_without_an_evaluator_is_told_to_the_bkd(directory: Directory) -> None:
    assert recipients(scheduled(None), directory) == [("BKD", "bkd")]


def evaluation(**kw: object) -> EvaluationRecordedV2:
    base: dict[str, object] = dict(
        evaluation_id="E-1",
        nip=EMPLOYEE,
        kind="CHECKPOINT",
        period_start=date(2026, 12, 1),
        period_end=date(2027, 3, 1),
        hasil_kerja="SESUAI",
        perilaku_kerja="DI_ATAS",
        predikat="BAIK",
        evaluator_nip=HEAD_TARGET,
        plan_id="P-1",
        checkpoint_id="C3",
    )
    return EvaluationRecordedV2(**(base | kw))  # type: ignore[arg-type]


def test_a_checkpoint_outcome_is_told_to_the_bkd(directory: Directory) -> None:
    assert recipients(evaluation(), directory) == [("BKD", "bkd")]


def test_a_routine_annual_appraisal_is_not_notified(directory: Directory) -> None:
    assert recipients(evaluation(kind="ANNUAL", plan_id=None, checkpoint_id=None), directory) == []


def test_references_collect_people_units_posts_and_transfers_by_field_name() -> None:
    refs = references(scheduled(HEAD_TARGET))
    assert refs.nips == {EMPLOYEE, HEAD_TARGET}
    assert refs.unit_ids == {"SMA2"}
    assert refs.position_ids == {"GURU-MTK-2"}
    assert refs.mutation_ids == {"M-1"}
