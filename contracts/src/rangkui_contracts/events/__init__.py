"""The event catalogue, one module per bounded context (and topic)."""

from rangkui_contracts.base import DomainEvent
from rangkui_contracts.events import evaluation, mutation, notification, personnel

ALL_EVENTS: tuple[type[DomainEvent], ...] = (
    *personnel.EVENTS,
    *mutation.EVENTS,
    *evaluation.EVENTS,
    *notification.EVENTS,
)

__all__ = ["ALL_EVENTS", "evaluation", "mutation", "notification", "personnel"]
