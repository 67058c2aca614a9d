"""Sample events and a sample directory, for previewing templates without real data.

Previews render exactly the code path real notices take; only the facts are invented.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from rangkui_contracts import DomainEvent
from rangkui_contracts.events import evaluation as ev
from rangkui_contracts.events import mutation as mu
from rangkui_contracts.events.common import Sealed
from rangkui_notification.domain.directory import Directory, Person, Transfer
from rangkui_notification.domain.reminders import CheckpointReminder

EMPLOYEE = "199003152015032001"
HEAD_ORIGIN = "197501012000031002"
HEAD_TARGET = "197802022003122003"
M = "contoh-mutasi-1"

SAMPLE_DIRECTORY = Directory(
    people={
        EMPLOYEE: Person(EMPLOYEE, "Siti Rahmawati, S.Pd.", "SMA1", "GURU-1", "siti@example.id"),
        HEAD_ORIGIN: Person(HEAD_ORIGIN, "Drs. Budi Santoso", "SMA1", "KEPSEK-1", None),
        HEAD_TARGET: Person(HEAD_TARGET, "Dewi Lestari, M.Pd.", "SMA2", "KEPSEK-2", None),
    },
    units={"SMA1": "SMA Negeri 1 Kota Rangkui", "SMA2": "SMA Negeri 2 Tanjung Batu"},
    positions={"GURU-1": "Guru Matematika", "GURU-2": "Guru Matematika"},
    heads={"SMA1": HEAD_ORIGIN, "SMA2": HEAD_TARGET},
    transfers={
        M: Transfer(
            M,
            EMPLOYEE,
            "SMA1",
            "GURU-1",
            "SMA2",
            "GURU-2",
            "Kekurangan guru matematika",
            "Sesuai analisis kebutuhan",
            "800/17/BKD/2026",
            date(2026, 11, 20),
            date(2026, 12, 1),
            "NEED_BASED",
            "operator.bkd",
        )
    },
)

_MOVE = dict(
    mutation_id=M,
    nip=EMPLOYEE,
    from_unit_id="SMA1",
    from_position_id="GURU-1",
    to_unit_id="SMA2",
    to_position_id="GURU-2",
)
_CHECKPOINTS = [
    ev.Checkpoint(checkpoint_id="C3", months_after=3, due_date=date(2027, 3, 1)),
    ev.Checkpoint(checkpoint_id="C6", months_after=6, due_date=date(2027, 6, 1)),
    ev.Checkpoint(checkpoint_id="C12", months_after=12, due_date=date(2027, 12, 1)),
]

_CHECKPOINT_EVALUATION: dict[str, Any] = {
    "evaluation_id": "E-1",
    "nip": EMPLOYEE,
    "kind": "CHECKPOINT",
    "period_start": date(2026, 12, 1),
    "period_end": date(2027, 3, 1),
    "hasil_kerja": "SESUAI",
    "perilaku_kerja": "DI_ATAS",
    "predikat": "BAIK",
    "evaluator_nip": HEAD_TARGET,
    "plan_id": "P-1",
    "checkpoint_id": "C3",
}

SAMPLES: dict[type[DomainEvent], DomainEvent] = {
    e.__class__: e
    for e in (
        mu.MutationProposed(
            **_MOVE,
            kind="NEED_BASED",
            reason="Kekurangan guru matematika",
            proposed_by="operator.bkd",
        ),
        mu.MutationApproved(
            mutation_id=M,
            nip=EMPLOYEE,
            to_unit_id="SMA2",
            to_position_id="GURU-2",
            approved_by="ppk",
            reasons="Sesuai analisis kebutuhan",
        ),
        mu.MutationRejected(
            mutation_id=M, nip=EMPLOYEE, rejected_by="ppk", reasons="Masa kerja belum 2 tahun"
        ),
        mu.MutationSocialized(
            mutation_id=M,
            nip=EMPLOYEE,
            socialized_by="bkd",
            message="Mutasi ini untuk memenuhi kekurangan guru matematika di SMA Negeri 2.",
        ),
        mu.MutationObjected(
            mutation_id=M, nip=EMPLOYEE, reason="Alasan keluarga", objected_by=EMPLOYEE
        ),
        mu.MutationDocumentsChecked(
            mutation_id=M,
            nip=EMPLOYEE,
            items=[
                mu.DocumentItem(code=code, present=True, reference=f"{i + 1}/BKD/2026")
                for i, code in enumerate(
                    ("REQUEST_LETTER", "ORIGIN_APPROVAL_LETTER", "JOB_AND_WORKLOAD_ANALYSIS")
                )
            ],
            complete=True,
            checked_by="operator.bkd",
        ),
        mu.MutationReviewed(
            mutation_id=M,
            nip=EMPLOYEE,
            recommended=False,
            notes="Belum memenuhi pola karier",
            reviewed_by="tpk.sekda",
            members_present=["tpk.sekda", "tpk.inspektur", "tpk.kepala-bkd"],
            quorum=3,
            berita_acara_ref="BA/TPK/12/2026",
        ),
        mu.MutationObjectedV2(
            mutation_id=M,
            nip=EMPLOYEE,
            reason=Sealed(key_id="dk-contoh", alg="A256GCM", nonce="AAAA", ciphertext="AAAA"),
            objected_by=EMPLOYEE,
        ),
        mu.MutationObjectionResolved(
            mutation_id=M,
            nip=EMPLOYEE,
            upheld=False,
            reasons="Kebutuhan organisasi",
            resolved_by="ppk",
        ),
        mu.MutationDecreed(
            mutation_id=M,
            nip=EMPLOYEE,
            sk_number="800/17/BKD/2026",
            sk_date=date(2026, 11, 20),
            tmt=date(2026, 12, 1),
            decreed_by="ppk",
        ),
        mu.MutationEffective(**_MOVE, tmt=date(2026, 12, 1), sk_number="800/17/BKD/2026"),
        mu.MutationCancelled(
            mutation_id=M, nip=EMPLOYEE, reason="Formasi sudah terisi", cancelled_by="bkd"
        ),
        mu.InductionOverdue(
            mutation_id=M,
            nip=EMPLOYEE,
            to_unit_id="SMA2",
            due_by=date(2027, 1, 14),
            missing=["SPMT"],
            detected_on=date(2027, 1, 15),
        ),
        mu.MutationRevoked(
            mutation_id=M,
            nip=EMPLOYEE,
            reason="Penempatan tidak sesuai formasi",
            revoked_by="ppk",
            revoking_sk_number="800/31/BKD/2027",
            revoking_sk_date=date(2027, 2, 1),
            revoked_from=date(2027, 2, 1),
            back_to_unit_id="SMA1",
            back_to_position_id="GURU-1",
        ),
        mu.MutationHeld(
            mutation_id=M,
            nip=EMPLOYEE,
            held_on=date(2026, 12, 1),
            reasons=[
                mu.HoldReason(
                    rule="employee_not_transferable",
                    message="Pegawai sedang menjalani proses hukuman disiplin.",
                    legal_basis="PP 11/2017 jo. PP 17/2020 Pasal 190",
                )
            ],
            held_by="system.scheduler",
        ),
        mu.StaffingNeedIdentified(
            need_id="N-1",
            unit_id="SMA2",
            position_id="GURU-2",
            count=2,
            reason="Kekurangan 2 guru matematika",
            priority="HIGH",
            identified_by="bkd",
        ),
        ev.MonitoringScheduled(
            plan_id="P-1",
            mutation_id=M,
            nip=EMPLOYEE,
            unit_id="SMA2",
            position_id="GURU-2",
            evaluator_nip=HEAD_TARGET,
            tmt=date(2026, 12, 1),
            checkpoints=_CHECKPOINTS,
        ),
        ev.MonitoringEvaluatorAssigned(
            plan_id="P-1",
            mutation_id=M,
            nip=EMPLOYEE,
            evaluator_nip=HEAD_TARGET,
            previous_evaluator_nip=None,
        ),
        ev.MonitoringOverdue(
            plan_id="P-1",
            mutation_id=M,
            nip=EMPLOYEE,
            checkpoint_id="C3",
            months_after=3,
            due_date=date(2027, 3, 1),
            evaluator_nip=HEAD_TARGET,
            detected_on=date(2027, 3, 15),
        ),
        ev.EvaluationRecordedV2(**_CHECKPOINT_EVALUATION),
        ev.MutationOutcomeAssessed(
            plan_id="P-1",
            mutation_id=M,
            nip=EMPLOYEE,
            verdict="ACHIEVED",
            criteria=[
                ev.CriterionResult(criterion="PLACEMENT", met=True, explanation="Formasi terisi"),
                ev.CriterionResult(criterion="PERFORMANCE", met=True, explanation="Predikat Baik"),
            ],
            baseline_predikat="BAIK",
            latest_predikat="BAIK",
            trigger="LAST_CHECKPOINT",
            assessed_on=date(2027, 12, 5),
            assessed_by="bkd",
            tmt=date(2026, 12, 1),
            unit_id="SMA2",
        ),
    )
}

SAMPLE_REMINDER = CheckpointReminder(
    plan_id="P-1",
    mutation_id=M,
    nip=EMPLOYEE,
    unit_id="SMA2",
    position_id="GURU-2",
    evaluator_nip=HEAD_TARGET,
    checkpoint_id="C3",
    months_after=3,
    due_date=date(2027, 3, 1),
)
