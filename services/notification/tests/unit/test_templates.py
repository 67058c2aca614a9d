"""Every notice renders in Bahasa Indonesia with the facts of its event filled in."""

from datetime import date

import pytest

from rangkui_contracts.events.evaluation import (
    Checkpoint,
    EvaluationRecordedV2,
    MonitoringScheduled,
)
from rangkui_contracts.events.mutation import (
    MutationApproved,
    MutationEffective,
    MutationProposed,
    MutationRejected,
)
from rangkui_notification.adapters.templates import TemplateRenderer
from rangkui_notification.domain.catalogue import CATALOGUE
from rangkui_notification.domain.directory import Directory
from rangkui_notification.domain.recipients import Recipient

from .conftest import EMPLOYEE, HEAD_ORIGIN, HEAD_TARGET

pytestmark = pytest.mark.unit

EFFECTIVE = MutationEffective(
    mutation_id="M-1",
    nip=EMPLOYEE,
    from_unit_id="SMA1",
    from_position_id="GURU-MTK-1",
    to_unit_id="SMA2",
    to_position_id="GURU-MTK-2",
    tmt=date(2026, 12, 1),
    sk_number="800/123/BKD/2026",
)


def test_the_employee_reads_when_and_where_the_transfer_takes_effect(
    renderer: TemplateRenderer, directory: Directory
) -> None:
    out = renderer.render(
        "mutation_effective", EFFECTIVE, Recipient(EMPLOYEE, "employee"), directory
    )
    assert out.subject == "Mutasi Anda berlaku mulai 1 Desember 2026"
    assert "Yth. Siti Rahma (NIP 198609262015051001)" in out.body
    assert "terhitung mulai tanggal (TMT) 1 Desember 2026" in out.body
    assert "nomor 800/123/BKD/2026" in out.body
    assert "Guru Matematika Ahli Muda, SMA Negeri 2 Tanjung Batu" in out.body
    assert "SMA Negeri 1 Kota Rangkui" in out.body
    assert "{{" not in out.body
    assert "\n\n\n" not in out.body


def test_the_receiving_head_is_asked_to_take_the_employee_in(
    renderer: TemplateRenderer, directory: Directory
) -> None:
    out = renderer.render(
        "mutation_effective", EFFECTIVE, Recipient(HEAD_TARGET, "head_of_target"), directory
    )
    assert out.subject == "Mutasi pegawai berlaku: Siti Rahma (TMT 1 Desember 2026)"
    assert out.body.startswith("Yth. Pimpinan SMA Negeri 2 Tanjung Batu,")
    assert "bertugas pada unit Bapak/Ibu" in out.body


def test_the_releasing_head_learns_the_employee_leaves(
    renderer: TemplateRenderer, directory: Directory
) -> None:
    out = renderer.render(
        "mutation_effective", EFFECTIVE, Recipient(HEAD_ORIGIN, "head_of_origin"), directory
    )
    assert out.body.startswith("Yth. Pimpinan SMA Negeri 1 Kota Rangkui,")
    assert "tidak lagi tercatat pada unit Bapak/Ibu" in out.body


def test_unknown_units_and_people_fall_back_to_their_ids(renderer: TemplateRenderer) -> None:
    out = renderer.render(
        "mutation_effective", EFFECTIVE, Recipient(EMPLOYEE, "employee"), Directory()
    )
    assert f"Yth. {EMPLOYEE} (NIP {EMPLOYEE})" in out.body
    assert "GURU-MTK-2, SMA2" in out.body


def test_a_proposal_names_kind_and_reason(renderer: TemplateRenderer, directory: Directory) -> None:
    event = MutationProposed(
        mutation_id="M-1",
        nip=EMPLOYEE,
        from_unit_id="SMA1",
        from_position_id="GURU-MTK-1",
        to_unit_id="SMA2",
        to_position_id="GURU-MTK-2",
        kind="NEED_BASED",
        reason="Kekurangan guru matematika",
        proposed_by="operator",
    )
    out = renderer.render(
        "mutation_proposed", event, Recipient(HEAD_ORIGIN, "head_of_origin"), directory
    )
    assert out.subject == "Usulan mutasi: Siti Rahma ke SMA Negeri 2 Tanjung Batu"
    assert "dari unit Bapak/Ibu" in out.body
    assert "berdasarkan kebutuhan organisasi" in out.body
    assert "Kekurangan guru matematika" in out.body


def test_a_rejection_gives_the_reasons_to_the_employee(
    renderer: TemplateRenderer, directory: Directory
) -> None:
    event = MutationRejected(
        mutation_id="M-1", nip=EMPLOYEE, rejected_by="ppk", reasons="Masa kerja belum 2 tahun"
    )
    out = renderer.render("mutation_rejected", event, Recipient(EMPLOYEE, "employee"), directory)
    assert out.subject == "Usulan mutasi Anda tidak disetujui"
    assert "ke SMA Negeri 2 Tanjung Batu tidak disetujui" in out.body
    assert "Alasan: Masa kerja belum 2 tahun" in out.body


def test_an_approval_tells_the_next_step(renderer: TemplateRenderer, directory: Directory) -> None:
    event = MutationApproved(
        mutation_id="M-1",
        nip=EMPLOYEE,
        to_unit_id="SMA2",
        to_position_id="GURU-MTK-2",
        approved_by="ppk",
        reasons="Sesuai kebutuhan",
    )
    out = renderer.render(
        "mutation_approved", event, Recipient(HEAD_ORIGIN, "head_of_origin"), directory
    )
    assert out.subject == "Usulan mutasi disetujui: Siti Rahma"
    assert "Dari         : SMA Negeri 1 Kota Rangkui" in out.body
    assert "Pertimbangan: Sesuai kebutuhan" in out.body


def test_the_evaluator_gets_the_checkpoint_dates(
    renderer: TemplateRenderer, directory: Directory
) -> None:
    event = MonitoringScheduled(
        plan_id="P-1",
        mutation_id="M-1",
        nip=EMPLOYEE,
        unit_id="SMA2",
        position_id="GURU-MTK-2",
        evaluator_nip=HEAD_TARGET,
        tmt=date(2026, 12, 1),
        checkpoints=[
            Checkpoint(checkpoint_id="C3", months_after=3, due_date=date(2027, 3, 1)),
            Checkpoint(checkpoint_id="C12", months_after=12, due_date=date(2027, 12, 1)),
        ],
    )
    out = renderer.render(
        "monitoring_scheduled", event, Recipient(HEAD_TARGET, "evaluator"), directory
    )
    assert out.body.startswith("Yth. Dewi Lestari,")
    assert "- 3 bulan setelah TMT: 1 Maret 2027" in out.body
    assert "- 12 bulan setelah TMT: 1 Desember 2027" in out.body


def test_the_bkd_gets_the_predikat_of_a_checkpoint(
    renderer: TemplateRenderer, directory: Directory
) -> None:
    event = EvaluationRecordedV2(
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
    out = renderer.render("evaluation_recorded", event, Recipient("BKD", "bkd"), directory)
    assert out.subject == "Hasil penilaian kinerja pemantauan pascamutasi: Siti Rahma (Baik)"
    assert "Periode        : 1 Desember 2026 s.d. 1 Maret 2027" in out.body
    assert "Perilaku kerja : Di Atas Ekspektasi" in out.body


def test_every_catalogue_entry_has_its_template(renderer: TemplateRenderer) -> None:
    assert {rule.template for rule in CATALOGUE.values()} <= set(renderer.names())
