"""Every published event class by its wire type, and parsing of a payload into its model.

Readers see the current version of each event: `parse_event` upcasts an older one
(`rangkui_contracts.upcasting`); `parse_as_written` keeps the version on the wire, for the
few readers that must (the dead letters compare a record with its model).

Readers are tolerant: `parse_event` ignores properties it does not know, so a producer that
added an optional property under the same type (which the compatibility rule of
`rangkui_contracts.compatibility` allows) does not send older consumers to the dead letters.
Producers stay strict: constructing an event with an unknown field still fails.

`REGISTRY` holds the published types; `INTERNAL_REGISTRY` the platform-internal messages
(`events.keys`), which `event_class` and `parse_event` read too, so the kit's consumer can
handle them, but which are no part of the published catalogue.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from rangkui_contracts.base import DomainEvent
from rangkui_contracts.envelope import MalformedEvent
from rangkui_contracts.events import ALL_EVENTS
from rangkui_contracts.events.keys import INTERNAL_EVENTS
from rangkui_contracts.upcasting import upcast


def _by_type(events: tuple[type[DomainEvent], ...]) -> dict[str, type[DomainEvent]]:
    """Index by wire type; two classes claiming one type fail at import, not at dispatch."""
    registry: dict[str, type[DomainEvent]] = {}
    for cls in events:
        other = registry.setdefault(cls.ce_type(), cls)
        if other is not cls:
            raise TypeError(
                f"{cls.__qualname__} and {other.__qualname__} both claim {cls.ce_type()}"
            )
    return registry


REGISTRY: dict[str, type[DomainEvent]] = _by_type(ALL_EVENTS)
INTERNAL_REGISTRY: dict[str, type[DomainEvent]] = _by_type(INTERNAL_EVENTS)
_READABLE: dict[str, type[DomainEvent]] = _by_type((*ALL_EVENTS, *INTERNAL_EVENTS))


def event_class(ce_type: str) -> type[DomainEvent]:
    """The model of `ce_type` (published or internal); `MalformedEvent` if none has it."""
    try:
        return _READABLE[ce_type]
    except KeyError:
        raise MalformedEvent(f"unknown event type {ce_type!r}") from None


def parse_event(ce_type: str, data: dict[str, Any]) -> DomainEvent:
    """Validate `data` against the model of `ce_type` and upcast it to the current version of
    its event; `MalformedEvent` names what is wrong.

    Unknown properties are ignored (tolerant reader), at every nesting level.
    """
    return upcast(parse_as_written(ce_type, data))


def parse_as_written(ce_type: str, data: dict[str, Any]) -> DomainEvent:
    """Validate `data` against the model of `ce_type` exactly (no upcast)."""
    cls = event_class(ce_type)
    try:
        return cls.model_validate(data, extra="ignore")
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or '(body)'}: {e['msg']}"
            for e in exc.errors()[:5]
        )
        raise MalformedEvent(f"{ce_type} does not match its schema: {problems}") from exc
