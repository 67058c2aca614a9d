"""The port every delivery channel implements (e-mail, webhook)."""

from __future__ import annotations

from typing import Protocol

from rangkui_contracts.events.notification import NotificationQueuedV2


class DeliveryError(Exception):
    """One attempt failed; the message (recorded in the delivery log) says why."""


class Sender(Protocol):
    async def send(self, q: NotificationQueuedV2) -> None:
        """Deliver once to `q.address` (for a person, the worker's in-memory copy with the
        address it opened), or raise `DeliveryError`."""
