"""The delivery worker: sends queued e-mail and webhook notices, one attempt at a time.

For each due delivery (hinted by the delivery log, decided on the notice's own stream):
take the delivery's PostgreSQL advisory lock (session-level, so it dies with the process),
record `DeliveryAttemptStarted`, send, then record the outcome (`NotificationDispatched`,
or `DeliveryAttemptFailed` with the time of the next try, or after the budget also
`NotificationFailed`). A worker that holds the lock and finds an attempt started but never
finished knows that its process died between sending and recording: it records
`DeliveryInDoubt` and does not send again (at most once for that attempt); an operator may
retry it.

A person's e-mail address travels in no event: the worker opens it from their sealed contact
in the directory (with the key ring) just before it sends, and keeps it in memory only. An
address that cannot be opened skips the e-mail with the reason (`PERSONAL_DATA_ERASED`:
their key was erased; `NO_EMAIL_ADDRESS`), or, while their key has not arrived yet, fails
the attempt so that it is tried again. Error texts are recorded without the address.

Webhook deliveries of one subscription and one source stream (one transfer) are chained by
`previous_stream_id`: a delivery waits until its predecessor is dispatched, failed or in
doubt, so a receiver that is down gets the backlog in order once it is up again.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import asyncpg

from rangkui_contracts.events.notification import (
    DeliveryAttemptStarted,
    DeliveryInDoubt,
    NotificationQueuedV2,
    SkipReason,
)
from rangkui_eventkit.clock import Clock, SystemClock
from rangkui_eventkit.context import Cause
from rangkui_eventkit.decider import Decider
from rangkui_eventkit.logging import get_logger
from rangkui_eventkit.personal_data import KeyRing
from rangkui_eventkit.pipeline import Pipeline, UnitOfWork
from rangkui_notification.adapters.delivery import DeliveryError, Sender
from rangkui_notification.adapters.directory import open_email
from rangkui_notification.domain.delivery import (
    Command,
    DeliveryState,
    Queued,
    RecordFailure,
    RecordSuccess,
    SkipDelivery,
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


_WORKER = Cause.new("notification-delivery")  # the actor; each step follows its notice


class DeliveryWorker:
    def __init__(
        self,
        *,
        pool: asyncpg.Pool,
        pipeline: Pipeline,
        senders: Mapping[str, Sender],
        deciders: Mapping[str, Decider[Command, DeliveryState]],
        keyring: KeyRing | None = None,
        poll_interval_s: float = 0.5,
        batch_size: int = 50,
        clock: Clock | None = None,
        fault_hook: Callable[[str], None] | None = None,
    ) -> None:
        self.pool = pool
        self.pipeline = pipeline
        self.senders = senders
        self.deciders = deciders
        self.keyring = keyring
        self.poll_interval_s = poll_interval_s
        self.batch_size = batch_size
        self.clock = clock or SystemClock()
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
        start = (await self.pipeline.run(lambda uow: self._start(uow, stream_id), _WORKER)).value
        if start is None:
            return False
        if start.in_doubt or start.skipped:
            return True
        queued, channel, attempt, address = (
            start.queued,
            start.channel,
            start.attempt,
            start.address,
        )
        self._fault("before_send")
        # The opened address lives in this copy only: it is never recorded in an event.
        message = queued if address is None else queued.model_copy(update={"address": address})
        command: Command
        try:
            if message.address is None:
                raise DeliveryError(
                    "the recipient's address cannot be opened yet (their contact or data key "
                    "has not arrived): tried again"
                )
            await self.senders[channel].send(message)
        except DeliveryError as exc:
            command = RecordFailure(attempt, _redact(str(exc), message.address), self.clock.now())
        except Exception as exc:  # a bug in a sender is recorded as a failed attempt too
            error = _redact(f"{type(exc).__name__}: {exc}", message.address)
            command = RecordFailure(attempt, error, self.clock.now())
        else:
            command = RecordSuccess(attempt)
        self._fault("after_send")
        recorded = await self.pipeline.execute(
            self.deciders[channel], stream_id, command, start.cause
        )
        log.info(
            "delivery.attempted",
            stream_id=stream_id,
            attempt=attempt,
            outcome=[r.event.__class__.__name__ for r in recorded],
        )
        return True

    async def _start(self, uow: UnitOfWork, stream_id: str) -> _Started | None:
        """Decide what this delivery does now: nothing (None), skip it, flag it in doubt, or
        start an attempt (staged; committed by the pipeline before anything is sent)."""
        events = (await uow.load([stream_id]))[stream_id]
        if not events or not isinstance(events[0], NotificationQueuedV2):
            return None
        channel = events[0].channel
        decider = self.deciders[channel]
        state = decider.fold(events)
        if state.queued is None or state.status not in _WAITING:
            return None
        if state.status != "IN_FLIGHT" and not await self._predecessor_done(uow, state, decider):
            return None
        cause = Cause.following(uow.history(stream_id)[-1].envelope, actor=_WORKER.actor)
        uow.cause = cause  # the attempt follows the notice (its flow, caused by its last event)
        queued: Queued = state.queued
        address: str | None = None
        if state.status != "IN_FLIGHT" and channel == "EMAIL":
            opened = await self._open_address(queued)
            skip = _skip_reason(queued, opened.state, opened.address)
            if skip is not None:
                uow.stage(stream_id, decider.decide(SkipDelivery(skip), state))
                log.info("delivery.skipped", stream_id=stream_id, reason=skip)
                return _Started(queued, channel, 0, None, cause, skipped=True)
            address = opened.address
        started = uow.stage(stream_id, decider.decide(StartAttempt(self.clock.now()), state))
        if not started:
            return None
        if isinstance(started[0], DeliveryInDoubt):
            log.warning("delivery.in_doubt", stream_id=stream_id, attempt=state.attempts)
            return _Started(queued, channel, state.attempts, None, cause, in_doubt=True)
        if not isinstance(started[0], DeliveryAttemptStarted):
            raise TypeError(f"a delivery started with {type(started[0]).__name__}")
        return _Started(queued, channel, started[0].attempt, address, cause)

    async def _open_address(self, queued: Queued) -> _Opened:
        """The address to send to: a role mailbox's from the event, a person's opened now."""
        if queued.address is not None and not _is_nip(queued.recipient):
            return _Opened(queued.address, "OPEN")
        if self.keyring is None:
            return _Opened(queued.address, "OPEN")
        opened = await open_email(self.pool, self.keyring, queued.recipient)
        if opened.state == "OPEN" and queued.address is not None:
            # A notice queued before sealing (version 1) carries the address it was meant for.
            return _Opened(queued.address, "OPEN")
        return _Opened(opened.address, opened.state)

    async def _predecessor_done(
        self, uow: UnitOfWork, state: DeliveryState, decider: Decider[Command, DeliveryState]
    ) -> bool:
        previous = state.queued.previous_stream_id if state.queued else None
        if not previous:
            return True
        return (await uow.state(decider, previous)).state.status not in _WAITING

    def _fault(self, point: str) -> None:
        if self.fault_hook is not None:
            self.fault_hook(point)


@dataclass(frozen=True)
class _Started:
    """What the worker does once the start of an attempt is committed."""

    queued: Queued
    channel: str
    attempt: int
    address: str | None
    cause: Cause
    skipped: bool = False
    in_doubt: bool = False


@dataclass(frozen=True)
class _Opened:
    address: str | None
    state: str


_NIP = re.compile(r"^\d{18}$")


def _is_nip(recipient: str) -> bool:
    """A person (by NIP), as opposed to a role mailbox or a webhook subscription."""
    return bool(_NIP.match(recipient))


def _skip_reason(queued: Queued, state: str, address: str | None) -> SkipReason | None:
    """Why no e-mail can be sent at all, or None (send, or try again later)."""
    if state == "ERASED":
        return "PERSONAL_DATA_ERASED"
    if state == "OPEN" and not address and not queued.address:
        return "NO_EMAIL_ADDRESS"
    return None


def _redact(error: str, address: str | None) -> str:
    """An SMTP error may quote the recipient: the delivery log must not."""
    if not address:
        return error
    return re.sub(re.escape(address), "<recipient>", error, flags=re.IGNORECASE)
