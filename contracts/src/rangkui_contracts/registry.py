"""Every published event class by its wire type, and parsing of a payload into its model."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from rangkui_contracts.base import DomainEvent
from rangkui_contracts.envelope import MalformedEvent
from rangkui_contracts.events import ALL_EVENTS

REGISTRY: dict[str, type[DomainEvent]] = {cls.ce_type(): cls for cls in ALL_EVENTS}


def event_class(ce_type: str) -> type[DomainEvent]:
    try:
        return REGISTRY[ce_type]
    except KeyError:
        raise MalformedEvent(f"unknown event type {ce_type!r}") from None


def parse_event(ce_type: str, data: dict[str, Any]) -> DomainEvent:
    """Validate `data` against the model of `ce_type`; `MalformedEvent` names what is wrong."""
    cls = event_class(ce_type)
    try:
        return cls.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or '(body)'}: {e['msg']}" for e in exc.errors()[:5]
        )
        raise MalformedEvent(f"{ce_type} does not match its schema: {problems}") from exc
