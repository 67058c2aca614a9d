"""The base class of every published event."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, PrivateAttr


class DomainEvent(BaseModel):
    """A fact that happened, as published on Kafka.

    Subclasses set `context` (the bounded context, which is also the topic) and `version`;
    the event name is the class name unless `wire_name` is given. The wire type derived from
    them (`ce_type`) is what consumers dispatch on, never a Python module path.
    Unknown fields are rejected so that a typo in a producer fails loudly, and instances are
    frozen because a fact does not change.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    context: ClassVar[str]
    version: ClassVar[int] = 1
    wire_name: ClassVar[str] = ""
    # Set only by an upcaster (`rangkui_contracts.upcasting`): never read from the wire,
    # never serialised.
    _plaintext: dict[str, Any] | None = PrivateAttr(default=None)

    @property
    def plaintext(self) -> dict[str, Any] | None:
        """Personal fields an older version of this event carried in plaintext, where the
        current version seals them (the sealed field is then None), in the shape of the
        sealed value once opened; None for an event read in its own version."""
        return self._plaintext

    @classmethod
    def event_name(cls) -> str:
        return cls.wire_name or cls.__name__

    @classmethod
    def ce_type(cls) -> str:
        return f"rangkui.{cls.context}.{cls.event_name()}.v{cls.version}"
