"""A snapshot of who is who, taken from the service's own personnel read model.

Recipient rules and templates read this snapshot instead of the database, so they stay pure
and testable; the service layer loads exactly the entries an event refers to (`References`).
Every lookup has a readable fallback (the id itself), because the personnel read model may
lag behind the event being notified: a notice with a unit code is better than no notice.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from rangkui_contracts import DomainEvent


@dataclass(frozen=True)
class Person:
    """An employee as the notices need them: name, where they work, how to reach them.

    `email` is plaintext in memory only (opened from the sealed contact, or from an event
    published before sealing); `sealed_contact` says a sealed contact exists that could not
    be opened just now (its key has not arrived yet); `erased` that their personal data was
    erased: nobody can reach them by e-mail any more.
    """

    nip: str
    name: str
    unit_id: str | None = None
    position_id: str | None = None
    email: str | None = None
    sealed_contact: bool = False
    erased: bool = False


@dataclass(frozen=True)
class Transfer:
    """What the notices remember of a proposed transfer, for the events that omit it."""

    mutation_id: str
    nip: str
    from_unit_id: str
    from_position_id: str
    to_unit_id: str
    to_position_id: str
    reason: str = ""
    approval_reasons: str | None = None
    sk_number: str | None = None
    sk_date: date | None = None
    tmt: date | None = None
    kind: str | None = None
    proposed_by: str | None = None

    @property
    def asked_by_employee(self) -> bool:
        """The employee proposed it themselves (their own request)."""
        return self.proposed_by == self.nip or self.kind == "OWN_REQUEST"

    @property
    def employee_knows(self) -> bool:
        """The employee has heard of this transfer: they asked for it, or it was approved
        (the approval, then the socialisation and the decree, are notified to them)."""
        return self.asked_by_employee or self.approval_reasons is not None or bool(self.sk_number)


@dataclass(frozen=True)
class References:
    """The ids an event mentions, by kind: what the snapshot must contain for it."""

    nips: frozenset[str] = frozenset()
    unit_ids: frozenset[str] = frozenset()
    position_ids: frozenset[str] = frozenset()
    mutation_ids: frozenset[str] = frozenset()


def references(event: DomainEvent | Any) -> References:
    """Collect ids from the event's fields by naming convention (`*nip`, `*unit_id`, ...).

    Generic on purpose: a new event type needs no code here to have its people and units
    resolved.
    """
    nips: set[str] = set()
    units: set[str] = set()
    positions: set[str] = set()
    mutations: set[str] = set()
    data = event.model_dump(mode="json") if isinstance(event, DomainEvent) else asdict(event)
    for key, value in _scalars(data):
        if not isinstance(value, str) or not value:
            continue
        if key == "nip" or key.endswith("_nip"):
            nips.add(value)
        elif key == "unit_id" or key.endswith("_unit_id"):
            units.add(value)
        elif key == "position_id" or key.endswith("_position_id"):
            positions.add(value)
        elif key == "mutation_id":
            mutations.add(value)
    return References(frozenset(nips), frozenset(units), frozenset(positions), frozenset(mutations))


def _scalars(data: Any, key: str = "") -> list[tuple[str, Any]]:
    if isinstance(data, dict):
        return [kv for k, v in data.items() for kv in _scalars(v, k)]
    if isinstance(data, list):
        return [kv for v in data for kv in _scalars(v, key)]
    return [(key, data)]


@dataclass(frozen=True)
class Directory:
    """People, units, posts, heads of units and known transfers, as of one moment."""

    people: Mapping[str, Person] = field(default_factory=dict)
    units: Mapping[str, str] = field(default_factory=dict)  # unit_id -> name
    positions: Mapping[str, str] = field(default_factory=dict)  # position_id -> title
    heads: Mapping[str, str] = field(default_factory=dict)  # unit_id -> nip of its head
    transfers: Mapping[str, Transfer] = field(default_factory=dict)

    def person(self, nip: str | None) -> Person | None:
        return self.people.get(nip) if nip else None

    def person_name(self, nip: str | None) -> str:
        person = self.person(nip)
        return person.name if person else (nip or "-")

    def unit_name(self, unit_id: str | None) -> str:
        return self.units.get(unit_id, unit_id) if unit_id else "-"

    def position_title(self, position_id: str | None) -> str:
        return self.positions.get(position_id, position_id) if position_id else "-"

    def head_of(self, unit_id: str | None) -> str | None:
        return self.heads.get(unit_id) if unit_id else None

    def transfer(self, mutation_id: str | None) -> Transfer | None:
        return self.transfers.get(mutation_id) if mutation_id else None
