"""The delivery worker: sends queued e-mail and webhook notices, one attempt at a time.

For each due delivery (hinted by the delivery log, decided on the notice's own stream):
take the delivery's PostgreSQL advisory lock (session-level, so it dies with the process),
record `DeliveryAttemptStarted`, send, then record the outcome (`NotificationDispatched`,
or `DeliveryAttemptFailed` with the time of the next try, or after the budget also
`NotificationFailed`). A worker that holds the lock and finds an attempt started but never
finished knows that its process died between sending and recording: it records
`DeliveryInDoubt` and does not send again (at most once for that attempt); an operator may
retry it.

Webhook deliveries of one subscription and one source stream (one transfer) are chained by
`previous_stream_id`: a delivery waits until its predecessor is dispatched, failed or in
doubt, so a receiver that is down gets the backlog in order once it is up again.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Mapping
from datetime import UTC, datetime

import asyncpg

from rangkui_contracts.events.notification import (
    DeliveryAttemptStarted,
    DeliveryInDoubt,
    NotificationQueued,
)
from rangkui_eventkit.context import Cause
from rangkui_eventkit.decider import Decider
from rangkui_eventkit.logging import get_logger
from rangkui_eventkit.store import EventStore, StreamWrite
from rangkui_notification.adapters.delivery import DeliveryError, Sender
from rangkui_notification.domain.delivery import (
    Command,
    DeliveryState,
    RecordFailure,
    RecordSuccess,
    StartAttempt,
)

log = get_logger(__name__)

_WAITING = ("PENDING", "RETRY_WAIT", "IN_FLIGHT")
_DUE = """
SELECT stream_id, channel FROM deliveries
WHERE status IN ('PENDING', 'RETRY_WAIT', 'IN_FLIGHT')
  AND (next_attempt_at IS NULL OR next_attempt_at <= now())
ORDER BY created_at, notification_id
LIMIT $1
"""
_INFRA_ERRORS = (OSError, asyncpg.InterfaceError, asyncpg.PostgresConnectionError)


def _utcnow() -> datetime:
    return datetime.now(UTC)


class DeliveryWorker:
    def __init__(
        self,
        *,
        pool: asyncpg.Pool,
        store: EventStore,
        senders: Mapping[str, Sender],
        deciders: Mapping[str, Decider[Command, DeliveryState]],
        poll_interval_s: float = 0.5,
        batch_size: int = 50,
        clock: Callable[[], datetime] = _utcnow,
        fault_hook: Callable[[str], None] | None = None,
    ) -> None:
        self.pool = pool
        self.store = store
        self.senders = senders
        self.deciders = deciders
        self.poll_interval_s = poll_interval_s
        self.batch_size = batch_size
        self.clock = clock
        self.fault_hook = fault_hook

    async def run(self, stop: asyncio.Event) -> None:
        log.info("delivery_worker.started", channels=sorted(self.senders))
        while not stop.is_set():
            try:
                worked = await self.run_once()
            except _INFRA_ERRORS as exc:
                log.warning("delivery_worker.infrastructure_error", error=repr(exc))
                worked = 0
            if not worked:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=self.poll_interval_s)

    async def run_once(self) -> int:
        """Work on what is due now; return how many deliveries moved on."""
        rows = await self.pool.fetch(_DUE, self.batch_size)
        moved = 0
        for row in rows:
            if row["channel"] not in self.senders:
                continue
            try:
                moved += await self.deliver(row["stream_id"])
            except _INFRA_ERRORS:
                raise
            except Exception as exc:
                # Not lost: the delivery stays due and is tried again on the next round; the
                # other deliveries must not wait behind one that keeps failing like this.
                log.error(
                    "delivery.worker_error",
                    stream_id=row["stream_id"],
                    error=f"{type(exc).__name__}: {exc}",
                )
        return moved

    async def deliver(self, stream_id: str) -> bool:
        async with self.pool.acquire() as conn:
            key = "SELECT {}(hashtextextended($1, 0))"
            if not await conn.fetchval(key.format("pg_try_advisory_lock"), stream_id):
                return False  # another worker is on it right now
            try:
                return await self._deliver_locked(stream_id)
            finally:
                await conn.execute(key.format("pg_advisory_unlock"), stream_id)

    async def _deliver_locked(self, stream_id: str) -> bool:
        history = await self.store.load(stream_id)
        if not history:
            return False
        first = history[0].event
        if not isinstance(first, NotificationQueued):
            return False
        channel = first.channel
        decider = self.deciders[channel]
        state = decider.fold(r.event for r in history)
        if state.queued is None or state.status not in _WAITING:
            return False
        if state.status != "IN_FLIGHT" and not await self._predecessor_done(state, decider):
            return False
        cause = Cause.following(history[-1].envelope, actor="notification-delivery")
        started = decider.decide(StartAttempt(self.clock()), state)
        if not started:
            return False
        await self.store.append([StreamWrite(stream_id, len(history), started)], cause)
        if isinstance(started[0], DeliveryInDoubt):
            log.warning("delivery.in_doubt", stream_id=stream_id, attempt=state.attempts)
            return True
        assert isinstance(started[0], DeliveryAttemptStarted)
        attempt = started[0].attempt
        self._fault("before_send")
        command: Command
        try:
            await self.senders[channel].send(state.queued)
        except DeliveryError as exc:
            command = RecordFailure(attempt, str(exc), self.clock())
        except Exception as exc:  # a bug in a sender is recorded as a failed attempt too
            command = RecordFailure(attempt, f"{type(exc).__name__}: {exc}", self.clock())
        else:
            command = RecordSuccess(attempt)
        self._fault("after_send")
        history = await self.store.load(stream_id)
        state = decider.fold(r.event for r in history)
        outcome = decider.decide(command, state)
        await self.store.append([StreamWrite(stream_id, len(history), outcome)], cause)
        log.info(
            "delivery.attempted",
            stream_id=stream_id,
            attempt=attempt,
            outcome=[e.__class__.__name__ for e in outcome],
        )
        return True

    async def _predecessor_done(
        self, state: DeliveryState, decider: Decider[Command, DeliveryState]
    ) -> bool:
        previous = state.queued.previous_stream_id if state.queued else None
        if not previous:
            return True
        before = decider.fold(r.event for r in await self.store.load(previous))
        return before.status not in _WAITING

    def _fault(self, point: str) -> None:
        if self.fault_hook is not None:
            self.fault_hook(point)
