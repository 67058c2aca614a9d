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
    """Send to `address`, or record why not (never an error: the inbox copy stands)."""

    outcome: Literal["SEND", "NO_EMAIL_ADDRESS", "OPTED_OUT"]
    address: str | None = None


def plan_email(
    recipient: Recipient, directory: Directory, policy: ChannelPolicy, *, wants_email: bool
) -> EmailPlan | None:
    """None when the service sends no e-mail at all; otherwise what to do for this person."""
    if not policy.email_enabled:
        return None
    if not wants_email:
        return EmailPlan("OPTED_OUT")
    address = directory.email_of(recipient.id) or policy.mailbox_addresses.get(recipient.id)
    return EmailPlan("SEND", address) if address else EmailPlan("NO_EMAIL_ADDRESS")
