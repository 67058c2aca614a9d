"""The life of a queued delivery (e-mail or webhook), as a pure decider.

    queued -> attempt started -> dispatched
                              -> attempt failed (retry at t) -> attempt started -> ...
                              -> attempt failed (budget spent) + NotificationFailed
           -> (process died mid-attempt) -> in doubt
    failed | in doubt -> retry requested (operator; a new budget) -> attempt started -> ...
    queued | retry wait -> skipped (the e-mail address cannot be opened: no address in the
                          person's contact, or their personal data was erased)

An attempt is recorded as started *before* anything is sent. A worker that finds an attempt
started but not finished, while holding the delivery's lock, knows the process that started
it died: whether the message left is unknowable (SMTP gives no way to ask), so it is marked
in doubt instead of being sent again (see the README on what that guarantees).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, Literal

from rangkui_contracts import DomainEvent
from rangkui_contracts.events.notification import (
    DeliveryAttemptFailed,
    DeliveryAttemptStarted,
    DeliveryInDoubt,
    DeliveryRetryRequested,
    NotificationDispatched,
    NotificationFailed,
    NotificationQueuedV2,
    NotificationSkipped,
    SkipReason,
)
from rangkui_eventkit.decider import Decider
from rangkui_eventkit.errors import ErrorKind, NotFound, RuleViolated

Status = Literal[
    "NEW", "PENDING", "IN_FLIGHT", "RETRY_WAIT", "DISPATCHED", "FAILED", "IN_DOUBT", "SKIPPED"
]
FINISHED: frozenset[str] = frozenset({"DISPATCHED", "FAILED", "SKIPPED"})
Queued = NotificationQueuedV2
"""A person's address is opened when sending (version 1, which carried it, is upcast)."""


@dataclass(frozen=True)
class RetryPolicy:
    """Attempts per budget, and exponential backoff: base * 2^(n-1), at most `max_delay_s`."""

    max_attempts: int = 5
    base_delay_s: float = 1.0
    max_delay_s: float = 300.0

    def delay(self, attempt: int) -> timedelta:
        return timedelta(seconds=min(self.base_delay_s * 2 ** (attempt - 1), self.max_delay_s))


@dataclass(frozen=True)
class DeliveryState:
    queued: Queued | None = None
    status: Status = "NEW"
    attempts: int = 0  # all attempts ever made (numbers attempts)
    attempts_in_budget: int = 0  # attempts since queued or since the last operator retry
    next_attempt_at: datetime | None = None
    last_error: str | None = None


# ------------------------------------------------------------------------------ commands
@dataclass(frozen=True)
class StartAttempt:
    now: datetime


@dataclass(frozen=True)
class RecordSuccess:
    attempt: int


@dataclass(frozen=True)
class RecordFailure:
    attempt: int
    error: str
    now: datetime


@dataclass(frozen=True)
class RequestRetry:
    requested_by: str


@dataclass(frozen=True)
class SkipDelivery:
    """Nothing to send to: decided before an attempt starts (the inbox copy stands)."""

    reason: SkipReason


Command = StartAttempt | RecordSuccess | RecordFailure | RequestRetry | SkipDelivery


def evolve(state: DeliveryState, event: DomainEvent) -> DeliveryState:
    match event:
        case NotificationQueuedV2():
            return replace(state, queued=event, status="PENDING")
        case NotificationSkipped():
            return replace(state, status="SKIPPED", next_attempt_at=None, last_error=event.reason)
        case DeliveryAttemptStarted():
            return replace(
                state,
                status="IN_FLIGHT",
                attempts=event.attempt,
                attempts_in_budget=state.attempts_in_budget + 1,
            )
        case DeliveryAttemptFailed():
            return replace(
                state,
                status="RETRY_WAIT" if event.retry_at else "FAILED",
                next_attempt_at=event.retry_at,
                last_error=event.error,
            )
        case NotificationDispatched():
            return replace(state, status="DISPATCHED", next_attempt_at=None)
        case NotificationFailed():
            return replace(state, status="FAILED", next_attempt_at=None)
        case DeliveryInDoubt():
            return replace(state, status="IN_DOUBT", next_attempt_at=None)
        case DeliveryRetryRequested():
            return replace(state, status="PENDING", attempts_in_budget=0, next_attempt_at=None)
    return state


def make_decide(policy: RetryPolicy) -> Callable[[Command, DeliveryState], list[DomainEvent]]:
    """`decide` under a retry policy (the policy is configuration, not state)."""

    def decide(command: Command, state: DeliveryState) -> list[DomainEvent]:
        q = state.queued
        if q is None:
            raise NotFound("no such delivery")
        match command:
            case StartAttempt(now=now):
                if state.status == "IN_FLIGHT":
                    return [
                        DeliveryInDoubt(
                            notification_id=q.notification_id,
                            channel=q.channel,
                            attempt=state.attempts,
                        )
                    ]
                due = state.next_attempt_at is None or state.next_attempt_at <= now
                if state.status in ("PENDING", "RETRY_WAIT") and due:
                    return [
                        DeliveryAttemptStarted(
                            notification_id=q.notification_id,
                            channel=q.channel,
                            attempt=state.attempts + 1,
                        )
                    ]
                return []
            case RecordSuccess(attempt=attempt):
                _expect_in_flight(state, attempt)
                return [
                    NotificationDispatched(
                        **_notice_of(q),
                        subject=q.subject,
                        body=q.body,
                        attempts=attempt,
                    )
                ]
            case RecordFailure(attempt=attempt, error=error, now=now):
                _expect_in_flight(state, attempt)
                if state.attempts_in_budget < policy.max_attempts:
                    retry_at = now + policy.delay(state.attempts_in_budget)
                    return [
                        DeliveryAttemptFailed(
                            notification_id=q.notification_id,
                            channel=q.channel,
                            attempt=attempt,
                            error=error,
                            retry_at=retry_at,
                        )
                    ]
                return [
                    DeliveryAttemptFailed(
                        notification_id=q.notification_id,
                        channel=q.channel,
                        attempt=attempt,
                        error=error,
                    ),
                    NotificationFailed(
                        **_notice_of(q),
                        attempts=attempt,
                        last_error=error,
                    ),
                ]
            case SkipDelivery(reason=reason):
                if state.status not in ("PENDING", "RETRY_WAIT"):
                    return []
                return [
                    NotificationSkipped(
                        **_notice_of(q),
                        reason=reason,
                    )
                ]
            case RequestRetry(requested_by=who):
                if state.status not in ("FAILED", "IN_DOUBT"):
                    raise RuleViolated(
                        "retry_only_failed",
                        f"delivery {q.notification_id} is {state.status}; only a failed or "
                        "in-doubt delivery can be retried",
                        kind=ErrorKind.CONFLICT,
                    )
                return [
                    DeliveryRetryRequested(
                        notification_id=q.notification_id, channel=q.channel, requested_by=who
                    )
                ]
        raise TypeError(f"unknown command {command!r}")

    return decide


def _notice_of(q: Queued) -> dict[str, Any]:
    """What names a notice in every event that ends its delivery (dispatched, failed, skipped)."""
    return {
        "notification_id": q.notification_id,
        "source_event_id": q.source_event_id,
        "source_event_type": q.source_event_type,
        "recipient": q.recipient,
        "channel": q.channel,
        "template": q.template,
    }


def _expect_in_flight(state: DeliveryState, attempt: int) -> None:
    if state.status != "IN_FLIGHT" or state.attempts != attempt:
        raise RuleViolated(
            "attempt_not_in_flight",
            f"attempt {attempt} is not the attempt in flight (status {state.status}, "
            f"attempt {state.attempts})",
            kind=ErrorKind.CONFLICT,
        )


def delivery_decider(policy: RetryPolicy) -> Decider[Command, DeliveryState]:
    return Decider(DeliveryState(), evolve, make_decide(policy))
