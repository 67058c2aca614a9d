"""The facts mutation's command handlers read from outside the stream they decide on.

A port, so that the handlers run on PostgreSQL (`adapters.facts.PostgresFacts`, on the unit
of work's connection: the facts and the decision share one transaction) and in memory
(`InMemoryFacts`, for unit tests). Both pass one contract suite
(`tests/contract_facts.py`), so the fake cannot drift from PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Sequence
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


@dataclass
class InMemoryFacts:
    """`MutationFacts` over dictionaries, for unit tests (rows shaped as the read models')."""

    employees: dict[str, dict[str, Any]] = field(default_factory=dict)
    positions: dict[str, dict[str, Any]] = field(default_factory=dict)
    closed_units: dict[str, date] = field(default_factory=dict)
    annual_predikat: dict[str, list[tuple[date, str]]] = field(default_factory=dict)
    sk_numbers: dict[str, str] = field(default_factory=dict)  # normalised number -> transfer

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
