"""What the reaction writes for one event: inbox copies always, e-mail when possible."""

from datetime import date

import pytest

from rangkui_contracts import Envelope
from rangkui_contracts.events.mutation import MutationEffective
from rangkui_contracts.events.notification import (
    NotificationDispatched,
    NotificationQueuedV2,
    NotificationSkipped,
)
from rangkui_notification.adapters.templates import TemplateRenderer
from rangkui_notification.domain.catalogue import Notice, plan_notices
from rangkui_notification.domain.channels import ChannelPolicy
from rangkui_notification.domain.directory import Directory, Person
from rangkui_notification.domain.notice import notification_id_for
from rangkui_notification.domain.recipients import Mailboxes, Recipient
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


def test_people_with_a_contact_are_queued_without_their_address_and_others_recorded_without(
    directory: Directory, renderer: TemplateRenderer
) -> None:
    channels = Channels(ChannelPolicy(email_enabled=True), message_id_domain="rangkui.test")
    planned = compose(EVENT, SOURCE, notices(directory), directory, renderer, channels)
    by_stream = {p.stream_id: p.event for p in planned}
    mine = by_stream[f"notice-{SOURCE.id}-{EMPLOYEE}-EMAIL"]
    assert isinstance(mine, NotificationQueuedV2)
    assert mine.address is None  # opened from the sealed contact by the worker, never carried
    assert mine.message_id == f"<{mine.notification_id}@rangkui.test>"
    assert mine.subject == "Mutasi Anda berlaku mulai 1 Desember 2026"
    legacy = by_stream[f"notice-{SOURCE.id}-{HEAD_TARGET}-EMAIL"]
    assert isinstance(legacy, NotificationQueuedV2)
    assert legacy.address is None  # a plaintext address from an old event is not carried either
    no_address = by_stream[f"notice-{SOURCE.id}-{HEAD_ORIGIN}-EMAIL"]
    assert isinstance(no_address, NotificationSkipped)
    assert no_address.reason == "NO_EMAIL_ADDRESS"
    assert len(planned) == 6
    assert "siti@example.id" not in str([p.event for p in planned])
    assert "dewi@x.id" not in str([p.event for p in planned])


def test_a_role_mailbox_is_queued_with_its_configured_address(
    directory: Directory, renderer: TemplateRenderer
) -> None:
    channels = Channels(
        ChannelPolicy(email_enabled=True, mailbox_addresses={"BKD": "bkd@rangkui.test"})
    )
    bkd_notice = Notice(Recipient("BKD", "bkd"), "mutation_effective")
    planned = compose(EVENT, SOURCE, [bkd_notice], directory, renderer, channels)
    bkd = next(p.event for p in planned if p.stream_id.endswith("-BKD-EMAIL"))
    assert isinstance(bkd, NotificationQueuedV2)
    assert bkd.address == "bkd@rangkui.test"


def test_a_person_whose_personal_data_was_erased_gets_no_email_and_it_says_why(
    directory: Directory, renderer: TemplateRenderer
) -> None:
    people = dict(directory.people)
    people[EMPLOYEE] = Person(EMPLOYEE, "Siti Rahma", "SMA1", "GURU-MTK-1", erased=True)
    erased = Directory(people, directory.units, directory.positions, directory.heads)
    channels = Channels(ChannelPolicy(email_enabled=True))
    planned = compose(EVENT, SOURCE, notices(erased), erased, renderer, channels)
    mine = next(p.event for p in planned if p.stream_id.endswith(f"{EMPLOYEE}-EMAIL"))
    assert isinstance(mine, NotificationSkipped)
    assert mine.reason == "PERSONAL_DATA_ERASED"
    inbox = next(p.event for p in planned if p.stream_id.endswith(f"{EMPLOYEE}-INBOX"))
    assert isinstance(inbox, NotificationDispatched)


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
