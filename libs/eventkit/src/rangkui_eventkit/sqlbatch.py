"""Buffered SQL writes for projections: consecutive identical statements become one
`executemany`, so replaying a million events costs batches, not a round trip per event,
while the order of different statements is kept."""

from __future__ import annotations

from typing import Any

import asyncpg


class SqlBatch:
    def __init__(self) -> None:
        self._ops: list[tuple[str, tuple[Any, ...]]] = []

    def add(self, sql: str, *args: Any) -> None:
        self._ops.append((sql, args))

    def clear(self) -> None:
        self._ops.clear()

    def __len__(self) -> int:
        return len(self._ops)

    async def flush(self, conn: asyncpg.Connection) -> None:
        ops, self._ops = self._ops, []
        i = 0
        while i < len(ops):
            sql = ops[i][0]
            j = i
            while j < len(ops) and ops[j][0] == sql:
                j += 1
            if j - i == 1:
                await conn.execute(sql, *ops[i][1])
            else:
                await conn.executemany(sql, [args for _, args in ops[i:j]])
            i = j
