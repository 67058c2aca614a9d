"""Writing a notice exactly once: deterministic stream ids appended at version 0.

A notice stream that exists is skipped; a concurrent writer of the same stream makes the
append fail with `ConcurrencyConflict` inside a savepoint, after which the existing streams
are read again and skipped. Inside a consumer batch this shares the transaction of the
consumer's Kafka position, so a crash anywhere keeps all of it or none of it.
"""

from __future__ import annotations

from collections.abc import Sequence

from rangkui_eventkit.errors import ConcurrencyConflict
from rangkui_eventkit.handlers import BatchContext, Received
from rangkui_eventkit.logging import get_logger
from rangkui_eventkit.store import StreamWrite
from rangkui_notification.adapters.directory import Fetcher
from rangkui_notification.service_layer.compose import PlannedNotice

log = get_logger(__name__)


async def existing_streams(db: Fetcher, stream_ids: Sequence[str]) -> set[str]:
    """Which of these notice streams were written already (the exactly-once check)."""
    rows = await db.fetch(
        "SELECT DISTINCT stream_id FROM events WHERE stream_id = ANY($1::text[])",
        list(stream_ids),
    )
    return {row["stream_id"] for row in rows}


async def append_once(
    ctx: BatchContext, planned: Sequence[PlannedNotice], because_of: Received
) -> set[str]:
    """Append the notices whose streams do not exist yet; return the stream ids written."""
    for _ in range(3):
        existing = await existing_streams(ctx, [p.stream_id for p in planned])
        fresh = [p for p in planned if p.stream_id not in existing]
        for p in planned:
            if p.stream_id in existing:
                log.info("notice.duplicate_skipped", stream_id=p.stream_id)
        if not fresh:
            return set()
        try:
            async with ctx.conn.transaction():  # a savepoint: a lost race leaves the batch usable
                await ctx.append(
                    [StreamWrite(p.stream_id, 0, [p.event]) for p in fresh], because_of=because_of
                )
        except ConcurrencyConflict:
            log.info("notice.concurrent_writer", streams=[p.stream_id for p in fresh])
            continue
        for p in fresh:
            log.info("notice.written", stream_id=p.stream_id)
        return {p.stream_id for p in fresh}
    raise ConcurrencyConflict("notice streams kept changing under the reaction; giving up")
