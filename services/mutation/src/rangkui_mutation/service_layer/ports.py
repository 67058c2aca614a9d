"""The facts mutation's command handlers read from outside the stream they decide on.

A port, so that the handlers run on PostgreSQL (`adapters.facts.PostgresFacts`, on the unit
of work's connection: the facts and the decision share one transaction) and in memory
(`InMemoryFacts`, for unit tests). Both pass one contract suite
(`tests/contract_facts.py`), so the fake cannot drift from PostgreSQL.
"""

from __future__ import annotations

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


@dataclass
class InMemoryFacts:
    """`MutationFacts` over dictionaries, for unit tests (rows shaped as the read models')."""

    employees: dict[str, dict[str, Any]] = field(default_factory=dict)
    positions: dict[str, dict[str, Any]] = field(default_factory=dict)
    closed_units: dict[str, date] = field(default_factory=dict)
    annual_predikat: dict[str, list[tuple[date, str]]] = field(default_factory=dict)
    sk_numbers: dict[str, str] = field(default_factory=dict)  # normalised number -> transfer
    declared_relatives: dict[str, dict[str, str]] = field(default_factory=dict)  # nip -> nip: rel

    async def employee(self, nip: str) -> dict[str, Any] | None:
        row = self.employees.get(nip)
        return dict(row) if row else None

    async def position(self, position_id: str) -> dict[str, Any] | None:
        row = self.positions.get(position_id)
        return dict(row) if row else None

    async def unit_closed_on(self, unit_id: str) -> date | None:
        return self.closed_units.get(unit_id)

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
