"""The catalogue as a whole: every listed event has a template, a sample and clean text."""

import pytest

from rangkui_notification.adapters.templates import TemplateRenderer
from rangkui_notification.domain.catalogue import CATALOGUE, plan_notices
from rangkui_notification.domain.recipients import Mailboxes
from rangkui_notification.service_layer.samples import SAMPLE_DIRECTORY, SAMPLES

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
    assert "Anda dimutasi dari SMA Negeri 1 Kota Rangkui ke Guru Matematika" in body
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
