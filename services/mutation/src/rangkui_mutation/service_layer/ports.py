"""The facts mutation's command handlers read from outside the stream they decide on.

A port, so that the handlers run on PostgreSQL (`adapters.facts.PostgresFacts`, on the unit
of work's connection: the facts and the decision share one transaction) and in memory
(`InMemoryFacts`, for unit tests). Both pass one contract suite
(`tests/contract_facts.py`), so the fake cannot drift from PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol


class MutationFacts(Protocol):
    """Read-model facts (the employees and posts mutation follows from personnel, and the
    appraisals it follows from evaluation)."""

    async def employee(self, nip: str) -> dict[str, Any] | None:
        """The employee as mutation knows them (`unit_id`, `position_id`, `status`,
        `tmt_position`, ...), or None."""

    async def position(self, position_id: str) -> dict[str, Any] | None:
        """The post (`unit_id`, `formasi`, ...), or None."""

    async def unit_closed_on(self, unit_id: str) -> date | None:
        """The day the unit was closed, or None while it is open (or unknown)."""

    async def tmt_facts_many(
        self, nips: Sequence[str], unit_ids: Sequence[str]
    ) -> tuple[dict[str, str], dict[str, date]]:
        """For a chunk of transfers at once (the TMT scheduler): the status of each known
        employee, and the closure date of each of the units that closed (open or unknown
        units are absent)."""

    async def occupancy(self, position_id: str) -> int:
        """Holders of the post (bezetting), retired ones not counted."""

    async def holds_post(self, nip: str, position_id: str) -> bool:
        """Whether personnel already shows the employee in the post."""

    async def recent_annual_predikat(self, nip: str, since: date) -> tuple[str, ...]:
        """The employee's annual ratings whose period ended on or after `since` (at most
        two), corrections honoured, most recent first."""

    async def sk_number_used_by(self, sk_number: str, *, exclude: str) -> str | None:
        """The transfer (other than `exclude`) whose decree carries this normalised SK
        number, if any; a number once decreed stays used, also after a revocation."""

    async def relatives(self, nip: str) -> tuple[tuple[str, str], ...]:
        """The employee's relatives in personnel's registry, (NIP, relation) sorted by NIP:
        those declared for them and those who declared them (a relation goes both ways)."""

    async def head_of_unit(self, unit_id: str) -> str | None:
        """The NIP of who holds the unit's head-of-unit post (not retired), if anyone."""

    async def names(
        self, nips: Iterable[str], position_ids: Iterable[str], unit_ids: Iterable[str]
    ) -> Names:
        """What a decree prints of people, posts and units, in one look-up each (those
        unknown are left out)."""


@dataclass(frozen=True)
class Names:
    """Names for a decree's lampiran: nip -> (name, grade), post -> title, unit -> name."""

    employees: Mapping[str, tuple[str, str]]
    positions: Mapping[str, str]
    units: Mapping[str, str]


@dataclass
class InMemoryFacts:
    """`MutationFacts` over dictionaries, for unit tests (rows shaped as the read models')."""

    employees: dict[str, dict[str, Any]] = field(default_factory=dict)
    positions: dict[str, dict[str, Any]] = field(default_factory=dict)
    closed_units: dict[str, date] = field(default_factory=dict)
    annual_predikat: dict[str, list[tuple[date, str]]] = field(default_factory=dict)
    sk_numbers: dict[str, str] = field(default_factory=dict)  # normalised number -> transfer
    declared_relatives: dict[str, dict[str, str]] = field(default_factory=dict)  # nip -> nip: rel
    unit_names: dict[str, str] = field(default_factory=dict)

    async def employee(self, nip: str) -> dict[str, Any] | None:
        row = self.employees.get(nip)
        return dict(row) if row else None

    async def position(self, position_id: str) -> dict[str, Any] | None:
        row = self.positions.get(position_id)
        return dict(row) if row else None

    async def unit_closed_on(self, unit_id: str) -> date | None:
        return self.closed_units.get(unit_id)

    async def tmt_facts_many(
        self, nips: Sequence[str], unit_ids: Sequence[str]
    ) -> tuple[dict[str, str], dict[str, date]]:
        statuses = {n: self.employees[n]["status"] for n in nips if n in self.employees}
        closed = {u: self.closed_units[u] for u in unit_ids if u in self.closed_units}
        return statuses, closed

    async def occupancy(self, position_id: str) -> int:
        return sum(
            1
            for e in self.employees.values()
            if e.get("position_id") == position_id and e.get("status") != "RETIRED"
        )

    async def holds_post(self, nip: str, position_id: str) -> bool:
        row = self.employees.get(nip)
        return bool(row and row.get("position_id") == position_id)

    async def recent_annual_predikat(self, nip: str, since: date) -> tuple[str, ...]:
        ratings = sorted(
            (r for r in self.annual_predikat.get(nip, []) if r[0] >= since), reverse=True
        )
        return tuple(p for _, p in ratings[:2])

    async def sk_number_used_by(self, sk_number: str, *, exclude: str) -> str | None:
        used_by = self.sk_numbers.get(sk_number)
        return used_by if used_by != exclude else None

    async def relatives(self, nip: str) -> tuple[tuple[str, str], ...]:
        found = dict(self.declared_relatives.get(nip, {}))
        for other, declared in self.declared_relatives.items():
            if nip in declared:
                found.setdefault(other, declared[nip])
        return tuple(sorted(found.items()))

    async def head_of_unit(self, unit_id: str) -> str | None:
        heads = {
            p
            for p, row in self.positions.items()
            if row.get("unit_id") == unit_id and row.get("is_head_of_unit")
        }
        holders = sorted(
            e["nip"]
            for e in self.employees.values()
            if e.get("position_id") in heads and e.get("status") != "RETIRED"
        )
        return holders[0] if holders else None

    async def names(
        self, nips: Iterable[str], position_ids: Iterable[str], unit_ids: Iterable[str]
    ) -> Names:
        people = {n: self.employees[n] for n in nips if n in self.employees}
        return Names(
            {n: (str(e["name"]), str(e["grade"])) for n, e in people.items()},
            {p: str(self.positions[p]["title"]) for p in position_ids if p in self.positions},
            {u: self.unit_names[u] for u in unit_ids if u in self.unit_names},
        )


@dataclass(frozen=True)
class StoredDocument:
    """A decree's document as kept: the rendered PDF, or a signed copy."""

    decree_id: str
    sha256: str
    kind: str  # GENERATED or SIGNED
    media_type: str
    content: bytes


class DocumentStore(Protocol):
    """Decree documents by decree and kind (PostgreSQL here; S3-compatible storage is the
    production alternative). A document is written with the event that records its hash."""

    async def put(self, document: StoredDocument) -> None: ...

    async def get(self, decree_id: str, kind: str) -> StoredDocument | None:
        """The latest document of that kind, or None."""


@dataclass
class InMemoryDocuments:
    """`DocumentStore` over a list, for unit tests."""

    documents: list[StoredDocument] = field(default_factory=list)

    async def put(self, document: StoredDocument) -> None:
        if not any(
            d.decree_id == document.decree_id and d.sha256 == document.sha256
            for d in self.documents
        ):
            self.documents.append(document)

    async def get(self, decree_id: str, kind: str) -> StoredDocument | None:
        found = [d for d in self.documents if d.decree_id == decree_id and d.kind == kind]
        return found[-1] if found else None


class DecreeRenderer(Protocol):
    """Renders a decree's document (deterministic: the same decree gives the same bytes)."""

    template_version: str

    def pdf(
        self,
        decree: Any,
        *,
        petikan_for: str | None = None,
        corrected_by: Sequence[tuple[str, date]] = (),
    ) -> bytes: ...
