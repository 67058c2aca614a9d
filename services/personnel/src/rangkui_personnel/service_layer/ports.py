"""Ports personnel's handlers use beside the event store."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol


class ErasureKeys(Protocol):
    """Which key id an erasure names (the employee's, or a new one if they never had one);
    `db` is the unit of work's connection (None in memory)."""

    async def key_id_for_erasure(self, db: Any, nip: str) -> str: ...


class FixedErasureKeys:
    """For unit tests: every employee's key id is `key-<nip>`."""

    async def key_id_for_erasure(self, db: Any, nip: str) -> str:
        return f"key-{nip}"


class OpenProceedings(Protocol):
    """Proceedings about an employee open elsewhere, as personnel learnt of them from the
    published events (never by asking the other service): the transfers whose objection the
    employee filed and the PPK has not resolved yet. `db` is the unit of work's connection."""

    async def open_objections(self, db: Any, nip: str) -> tuple[str, ...]: ...


@dataclass
class InMemoryProceedings:
    """For unit tests: the open objections by NIP (transfer ids)."""

    objections: dict[str, tuple[str, ...]] = field(default_factory=dict)

    async def open_objections(self, db: Any, nip: str) -> tuple[str, ...]:
        return self.objections.get(nip, ())
