"""Which channels a notice takes besides the inbox (which always gets a copy)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from rangkui_notification.domain.directory import Directory
from rangkui_notification.domain.recipients import Recipient


@dataclass(frozen=True)
class ChannelPolicy:
    """The e-mail channel on or off for the service, and the addresses of role mailboxes."""

    email_enabled: bool = False
    mailbox_addresses: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class EmailPlan:
    """Send, or record why not (never an error: the inbox copy stands).

    `address` is set only for a role mailbox: a person's address never travels in an event;
    the delivery worker opens it from their sealed contact when it sends.
    """

    outcome: Literal["SEND", "NO_EMAIL_ADDRESS", "OPTED_OUT", "PERSONAL_DATA_ERASED"]
    address: str | None = None


def plan_email(
    recipient: Recipient, directory: Directory, policy: ChannelPolicy, *, wants_email: bool
) -> EmailPlan | None:
    """None when the service sends no e-mail at all; otherwise what to do for this person."""
    if not policy.email_enabled:
        return None
    if not wants_email:
        return EmailPlan("OPTED_OUT")
    person = directory.person(recipient.id)
    if person is not None:
        if person.erased:
            return EmailPlan("PERSONAL_DATA_ERASED")
        if person.email or person.sealed_contact:
            return EmailPlan("SEND")
    mailbox = policy.mailbox_addresses.get(recipient.id)
    return EmailPlan("SEND", mailbox) if mailbox else EmailPlan("NO_EMAIL_ADDRESS")
