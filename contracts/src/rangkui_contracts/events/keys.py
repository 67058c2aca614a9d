"""Internal messages of `rangkui.personnel.keys`: the per-employee data keys that personnel
hands to the services that must open sealed personal data (crypto-shredding).

Not a contract for outside consumers and not in `ALL_EVENTS` (no published schema): only the
platform's services read them, through `rangkui_eventkit.personal_data.KeyRing`. They are
CloudEvents like every event, so the kit's consumer reads them, but they never pass through an
event store: a store cannot forget, and forgetting is their point. The topic is compacted by
NIP, so after an erasure only `PersonalDataKeyErased` remains.
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from rangkui_contracts.base import DomainEvent
from rangkui_contracts.events.common import Nip
from rangkui_contracts.topics import PERSONNEL_KEYS, TopicSpec


class _KeyMessage(DomainEvent):
    context = "personnel"
    topic: ClassVar[TopicSpec] = PERSONNEL_KEYS


class PersonalDataKeyIssued(_KeyMessage):
    """An employee's data key, wrapped with the transport key that personnel shares with the
    key-holding services (AES-256-GCM bound to the NIP and key id)."""

    nip: Nip
    key_id: str = Field(min_length=1)
    wrapped_key: str = Field(pattern=r"^[A-Za-z0-9_-]+$", description="base64url, no padding")


class PersonalDataKeyErased(_KeyMessage):
    """An employee's data key was erased: holders delete their copy; it never comes back."""

    nip: Nip
    key_id: str = Field(min_length=1)


INTERNAL_EVENTS: tuple[type[DomainEvent], ...] = (PersonalDataKeyIssued, PersonalDataKeyErased)
