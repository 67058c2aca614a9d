"""What the reaction writes for one event: inbox copies always, e-mail when possible."""

from datetime import date

import pytest

from rangkui_contracts import Envelope
from rangkui_contracts.events.mutation import MutationEffective
from rangkui_contracts.events.notification import (
    NotificationDispatched,
    NotificationQueued,
    NotificationSkipped,
)
from rangkui_notification.adapters.templates import TemplateRenderer
from rangkui_notification.domain.catalogue import Notice, plan_notices
from rangkui_notification.domain.channels import ChannelPolicy
from rangkui_notification.domain.directory import Directory
from rangkui_notification.domain.notice import notification_id_for
from rangkui_notification.domain.recipients import Mailboxes
from rangkui_notification.service_layer.compose import Channels, Source, compose

from .conftest import EMPLOYEE, HEAD_ORIGIN, HEAD_TARGET

pytestmark = pytest.mark.unit

EVENT = MutationEffective(
    mutation_id="M-1", nip=EMPLOYEE, from_unit_id="SMA1", from_position_id="GURU-MTK-1",
    to_unit_id="SMA2", to_position_id="GURU-MTK-2", tmt=date(2026, 12, 1),
)  # fmt: skip
ENVELOPE = Envelope.wrap(
    EVENT, source="/rangkui/mutation", subject="mutation-M-1", correlationid="c", actor="a",
    id="11111111-2222-3333-4444-555555555555",
)  # fmt: skip


SOURCE = Source.of(ENVELOPE)


def notices(directory: Directory) -> list[Notice]:
    return plan_notices(EVENT, directory, Mailboxes())


def kinds(planned: list) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(p.stream_id, type(p.event).__name__) for p in planned]


def test_without_email_every_recipient_gets_exactly_an_inbox_copy(
    directory: Directory, renderer: TemplateRenderer
) -> None:
    planned = compose(EVENT, SOURCE, notices(directory), directory, renderer)
    assert kinds(planned) == [
        (f"notice-{SOURCE.id}-{nip}-INBOX", "NotificationDispatched")
        for nip in (EMPLOYEE, HEAD_ORIGIN, HEAD_TARGET)
    ]
    first = planned[0].event
    assert isinstance(first, NotificationDispatched)
    assert first.notification_id == notification_id_for(planned[0].stream_id)


def test_with_email_people_with_an_address_get_it_and_others_are_recorded_as_without(
    directory: Directory, renderer: TemplateRenderer
) -> None:
    channels = Channels(ChannelPolicy(email_enabled=True), message_id_domain="rangkui.test")
    planned = compose(EVENT, SOURCE, notices(directory), directory, renderer, channels)
    by_stream = {p.stream_id: p.event for p in planned}
    mine = by_stream[f"notice-{SOURCE.id}-{EMPLOYEE}-EMAIL"]
    assert isinstance(mine, NotificationQueued)
    assert mine.address == "siti@example.id"
    assert mine.message_id == f"<{mine.notification_id}@rangkui.test>"
    assert mine.subject == "Mutasi Anda berlaku mulai 1 Desember 2026"
    no_address = by_stream[f"notice-{SOURCE.id}-{HEAD_ORIGIN}-EMAIL"]
    assert isinstance(no_address, NotificationSkipped)
    assert no_address.reason == "NO_EMAIL_ADDRESS"
    assert len(planned) == 6


def test_a_person_who_opted_out_of_email_is_recorded_as_such(
    directory: Directory, renderer: TemplateRenderer
) -> None:
    channels = Channels(ChannelPolicy(email_enabled=True))
    planned = compose(
        EVENT, SOURCE, notices(directory), directory, renderer, channels, frozenset({EMPLOYEE})
    )
    mine = next(p.event for p in planned if p.stream_id.endswith(f"{EMPLOYEE}-EMAIL"))
    assert isinstance(mine, NotificationSkipped)
    assert mine.reason == "OPTED_OUT"
