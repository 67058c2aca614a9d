"""What the routes and workers need besides the kit's `Service`, built once in the bootstrap."""

from __future__ import annotations

from dataclasses import dataclass, field

from rangkui_eventkit.decider import Decider
from rangkui_eventkit.personal_data import KeyRing
from rangkui_notification.adapters.templates import TemplateRenderer
from rangkui_notification.domain.delivery import Command, DeliveryState
from rangkui_notification.domain.recipients import Mailboxes


@dataclass(frozen=True)
class Tools:
    renderer: TemplateRenderer
    mailboxes: Mailboxes
    deciders: dict[str, Decider[Command, DeliveryState]] = field(default_factory=dict)
    webhook_signing_key: str = ""
    keyring: KeyRing | None = None  # opens sealed e-mail addresses; None: no e-mail to people
