"""The port every delivery channel implements (e-mail, webhook)."""

from __future__ import annotations

from typing import Protocol

from rangkui_contracts.events.notification import NotificationQueued


class DeliveryError(Exception):
    """One attempt failed; the message (recorded in the delivery log) says why."""


class Sender(Protocol):
    async def send(self, q: NotificationQueued) -> None:
        """Deliver once, or raise `DeliveryError`."""
