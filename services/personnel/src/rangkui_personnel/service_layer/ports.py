"""Ports personnel's handlers use beside the event store."""

from __future__ import annotations

from typing import Any, Protocol


class ErasureKeys(Protocol):
    """Which key id an erasure names (the employee's, or a new one if they never had one);
    `db` is the unit of work's connection (None in memory)."""

    async def key_id_for_erasure(self, db: Any, nip: str) -> str: ...


class FixedErasureKeys:
    """For unit tests: every employee's key id is `key-<nip>`."""

    async def key_id_for_erasure(self, db: Any, nip: str) -> str:
        return f"key-{nip}"
