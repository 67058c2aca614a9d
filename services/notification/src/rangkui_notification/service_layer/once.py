"""Writing a notice exactly once: deterministic stream ids, each created at version 0.

A notice stream that exists is skipped; a concurrent writer of the same stream makes the
append conflict, and the kit's pipeline decides again (in a savepoint of the consumer's
batch), now seeing the stream and skipping it. Inside a consumer batch this shares the
transaction of the consumer's Kafka position, so a crash keeps all of it or none of it.
"""

from __future__ import annotations

from collections.abc import Sequence

from rangkui_eventkit.handlers import BatchContext, Received
from rangkui_eventkit.logging import get_logger
from rangkui_eventkit.pipeline import UnitOfWork
from rangkui_notification.service_layer.compose import PlannedNotice

log = get_logger(__name__)


async def create_once(uow: UnitOfWork, planned: Sequence[PlannedNotice]) -> set[str]:
    """Stage the notices whose streams do not exist yet; return their stream ids."""
    existing = await uow.store.existing([p.stream_id for p in planned], conn=uow.conn)
    fresh = [p for p in planned if p.stream_id not in existing]
    for p in planned:
        if p.stream_id in existing:
            log.info("notice.duplicate_skipped", stream_id=p.stream_id)
    for p in fresh:
        uow.create(p.stream_id, [p.event])
    return {p.stream_id for p in fresh}


async def append_once(
    ctx: BatchContext, planned: Sequence[PlannedNotice], because_of: Received
) -> set[str]:
    """Append the notices whose streams do not exist yet; return the stream ids written."""
    if not planned:
        return set()

    async def handler(uow: UnitOfWork) -> set[str]:
        return await create_once(uow, planned)

    written = (await ctx.run(handler, because_of=because_of)).value
    for sid in sorted(written):
        log.info("notice.written", stream_id=sid)
    return written
