"""The catalogue as a whole: every listed event has a template, a sample and clean text."""

import dataclasses

import pytest

from rangkui_notification.adapters.templates import TemplateRenderer
from rangkui_notification.domain.catalogue import CATALOGUE, plan_notices
from rangkui_notification.domain.directory import Directory
from rangkui_notification.domain.recipients import Mailboxes
from rangkui_notification.service_layer.samples import SAMPLE_DIRECTORY, SAMPLES, M

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("event_class", list(CATALOGUE), ids=lambda c: c.__name__)
def test_every_notified_event_renders_for_each_of_its_recipients(
    event_class: type, renderer: TemplateRenderer
) -> None:
    event = SAMPLES[event_class]
    notices = plan_notices(event, SAMPLE_DIRECTORY, Mailboxes())
    assert notices, f"the sample {event_class.__name__} reaches nobody"
    for notice in notices:
        out = renderer.render(notice.template, event, notice.recipient, SAMPLE_DIRECTORY)
        assert out.subject
        assert "\n" not in out.subject
        assert out.body.startswith("Yth. ")
        assert "Pemerintah Provinsi Rangkui" in out.body
        assert "None" not in out.body
        assert "\n\n\n" not in out.body


def test_socialisation_tells_the_decision_reasons_date_and_right_to_object(
    renderer: TemplateRenderer,
) -> None:
    from rangkui_contracts.events.mutation import MutationSocialized

    event = SAMPLES[MutationSocialized]
    [notice] = plan_notices(event, SAMPLE_DIRECTORY, Mailboxes())
    body = renderer.render(notice.template, event, notice.recipient, SAMPLE_DIRECTORY).body
    assert (
        "Anda dimutasi dari Guru Matematika, SMA Negeri 1 Kota Rangkui ke Guru Matematika, "
        "SMA Negeri 2 Tanjung Batu." in body
    )
    assert "Alasan       : Kekurangan guru matematika" in body
    assert "Berlaku mulai: 1 Desember 2026 (TMT)" in body
    assert "berhak mengajukan keberatan" in body
    assert "paling lambat 14 hari" in body


def test_objections_go_to_the_ppk_office_and_the_employee() -> None:
    from rangkui_contracts.events.mutation import MutationObjectedV2

    notices = plan_notices(SAMPLES[MutationObjectedV2], SAMPLE_DIRECTORY, Mailboxes(ppk="PPK"))
    assert [(n.recipient.id, n.recipient.role) for n in notices] == [
        ("PPK", "ppk"),
        (SAMPLES[MutationObjectedV2].nip, "employee"),  # type: ignore[attr-defined]
    ]


def _employee_notice(event_class: type, directory: Directory, renderer: TemplateRenderer) -> str:
    event = SAMPLES[event_class]
    [notice] = [
        n for n in plan_notices(event, directory, Mailboxes()) if n.recipient.role == "employee"
    ]
    out = renderer.render(notice.template, event, notice.recipient, directory)
    return out.subject + "\n" + out.body


def test_an_approval_the_employee_did_not_ask_for_is_not_their_proposal(
    renderer: TemplateRenderer,
) -> None:
    from rangkui_contracts.events.mutation import MutationApproved

    text = _employee_notice(MutationApproved, SAMPLE_DIRECTORY, renderer)
    assert "Usulan mutasi Anda" not in text
    assert "Anda akan dimutasi ke SMA Negeri 2 Tanjung Batu" in text
    assert "berhak mengajukan keberatan" in text
    transfer = dataclasses.replace(SAMPLE_DIRECTORY.transfers[M], kind="OWN_REQUEST")
    asked = dataclasses.replace(SAMPLE_DIRECTORY, transfers={M: transfer})
    assert "Usulan mutasi Anda disetujui" in _employee_notice(MutationApproved, asked, renderer)


def test_the_tpk_is_told_that_a_complete_file_awaits_its_sidang(
    renderer: TemplateRenderer,
) -> None:
    from rangkui_contracts.events.mutation import MutationDocumentsChecked

    event = SAMPLES[MutationDocumentsChecked]
    [notice] = plan_notices(event, SAMPLE_DIRECTORY, Mailboxes(tpk="TPK"))
    assert (notice.recipient.id, notice.recipient.role) == ("TPK", "tpk")
    out = renderer.render(notice.template, event, notice.recipient, SAMPLE_DIRECTORY)
    assert out.subject.startswith("Berkas usulan mutasi siap dinilai TPK")
    assert "Yth. Tim Penilai Kinerja (TPK)" in out.body
    assert "sidang TPK" in out.body


def test_the_objection_deadline_is_the_one_mutation_set_under_its_policy(
    renderer: TemplateRenderer,
) -> None:
    from datetime import date

    from rangkui_contracts.events.mutation import MutationSocialized

    event = SAMPLES[MutationSocialized].model_copy(update={"objection_deadline": date(2026, 12, 8)})
    [notice] = plan_notices(event, SAMPLE_DIRECTORY, Mailboxes())
    body = renderer.render(notice.template, event, notice.recipient, SAMPLE_DIRECTORY).body
    assert "paling lambat 8 Desember 2026." in body
    assert "14 hari" not in body


def test_where_the_review_is_skipped_the_ppk_hears_a_complete_file_is_ready_to_decide(
    renderer: TemplateRenderer,
) -> None:
    from rangkui_contracts.events.mutation import MutationDocumentsChecked

    event = SAMPLES[MutationDocumentsChecked].model_copy(update={"ready_for": "DECISION"})
    [notice] = plan_notices(event, SAMPLE_DIRECTORY, Mailboxes())
    out = renderer.render(notice.template, event, notice.recipient, SAMPLE_DIRECTORY)
    assert out.subject.startswith("Usulan mutasi siap diputuskan")
    assert out.body.startswith("Yth. Pejabat Pembina Kepegawaian")
    assert "\n\n\n" not in out.body
