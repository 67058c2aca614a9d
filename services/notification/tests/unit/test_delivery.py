"""The delivery lifecycle: Given past events / When a command / Then new events (or an error)."""

from datetime import UTC, datetime, timedelta

import pytest

from rangkui_contracts import DomainEvent
from rangkui_contracts.events.notification import (
    DeliveryAttemptFailed,
    DeliveryAttemptStarted,
    DeliveryInDoubt,
    DeliveryRetryRequested,
    NotificationDispatched,
    NotificationFailed,
    NotificationQueued,
    NotificationQueuedV2,
    NotificationSkipped,
)
from rangkui_eventkit.errors import RuleViolated
from rangkui_notification.domain.delivery import (
    Command,
    RecordFailure,
    RecordSuccess,
    RequestRetry,
    RetryPolicy,
    SkipDelivery,
    StartAttempt,
    delivery_decider,
)

pytestmark = pytest.mark.unit

NOW = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
POLICY = RetryPolicy(max_attempts=3, base_delay_s=2.0, max_delay_s=5.0)
QUEUED = NotificationQueuedV2(
    notification_id="n-1",
    source_event_id="e-1",
    source_event_type="rangkui.mutation.MutationEffective.v1",
    recipient="198609262015051001",
    channel="EMAIL",
    template="mutation_effective",
    subject="Mutasi Anda berlaku mulai 1 Desember 2026",
    body="Yth. Siti",
    message_id="<n-1@rangkui>",
)
QUEUED_V1 = NotificationQueued(
    **QUEUED.model_dump(exclude={"address"}), address="siti@example.id"
)  # queued before addresses were left out of notices


def started(n: int) -> DeliveryAttemptStarted:
    return DeliveryAttemptStarted(notification_id="n-1", channel="EMAIL", attempt=n)


def failed(n: int, retry_at: datetime | None) -> DeliveryAttemptFailed:
    return DeliveryAttemptFailed(
        notification_id="n-1", channel="EMAIL", attempt=n, error="451 try later", retry_at=retry_at
    )


def when(given: list[DomainEvent], command: Command) -> list[DomainEvent]:
    decider = delivery_decider(POLICY)
    return list(decider.decide(command, decider.fold(given)))


def test_a_queued_delivery_starts_its_first_attempt() -> None:
    assert when([QUEUED], StartAttempt(NOW)) == [started(1)]


def test_a_delivery_queued_before_addresses_were_left_out_is_still_delivered() -> None:
    assert when([QUEUED_V1], StartAttempt(NOW)) == [started(1)]
    [event] = when([QUEUED_V1, started(1)], RecordSuccess(1))
    assert isinstance(event, NotificationDispatched)


def test_an_email_whose_address_cannot_be_opened_is_skipped_with_the_reason() -> None:
    [event] = when([QUEUED], SkipDelivery("PERSONAL_DATA_ERASED"))
    assert isinstance(event, NotificationSkipped)
    assert (event.notification_id, event.recipient, event.channel, event.reason) == (
        "n-1",
        QUEUED.recipient,
        "EMAIL",
        "PERSONAL_DATA_ERASED",
    )
    assert when([QUEUED, event], StartAttempt(NOW)) == []  # finished: no attempt follows


def test_an_attempt_in_flight_is_not_skipped() -> None:
    assert when([QUEUED, started(1)], SkipDelivery("PERSONAL_DATA_ERASED")) == []


def test_a_successful_attempt_dispatches_the_notice_with_its_attempt_count() -> None:
    [event] = when([QUEUED, started(1)], RecordSuccess(1))
    assert isinstance(event, NotificationDispatched)
    assert (event.channel, event.attempts, event.subject) == ("EMAIL", 1, QUEUED.subject)


def test_a_failed_attempt_is_retried_with_exponential_backoff() -> None:
    assert when([QUEUED, started(1)], RecordFailure(1, "451 try later", NOW)) == [
        failed(1, NOW + timedelta(seconds=2))
    ]
    given = [QUEUED, started(1), failed(1, NOW), started(2)]
    assert when(given, RecordFailure(2, "451 try later", NOW)) == [
        failed(2, NOW + timedelta(seconds=4))
    ]


def test_backoff_is_capped() -> None:
    assert POLICY.delay(10) == timedelta(seconds=5)


def test_a_retry_waits_until_it_is_due() -> None:
    given = [QUEUED, started(1), failed(1, NOW + timedelta(seconds=2))]
    assert when(given, StartAttempt(NOW)) == []
    assert when(given, StartAttempt(NOW + timedelta(seconds=2))) == [started(2)]


def test_the_last_failure_of_the_budget_fails_the_notification_with_the_last_error() -> None:
    given = [QUEUED, started(1), failed(1, NOW), started(2), failed(2, NOW), started(3)]
    events = when(given, RecordFailure(3, "550 mailbox unavailable", NOW))
    assert events[0] == DeliveryAttemptFailed(
        notification_id="n-1", channel="EMAIL", attempt=3, error="550 mailbox unavailable"
    )
    assert isinstance(events[1], NotificationFailed)
    assert (events[1].attempts, events[1].last_error) == (3, "550 mailbox unavailable")
    assert when([*given, *events], StartAttempt(NOW + timedelta(days=1))) == []


def test_an_attempt_found_started_but_unfinished_is_in_doubt_and_not_resent() -> None:
    assert when([QUEUED, started(1)], StartAttempt(NOW)) == [
        DeliveryInDoubt(notification_id="n-1", channel="EMAIL", attempt=1)
    ]


def test_an_operator_retry_gives_a_failed_delivery_a_new_budget() -> None:
    given = [QUEUED, started(1), failed(1, None)]
    given.append(
        NotificationFailed(
            notification_id="n-1", source_event_id="e-1", source_event_type="t",
            recipient="r", channel="EMAIL", template="x", attempts=1, last_error="boom",
        )
    )  # fmt: skip
    retried = when(given, RequestRetry("operator"))
    assert retried == [
        DeliveryRetryRequested(notification_id="n-1", channel="EMAIL", requested_by="operator")
    ]
    assert when([*given, *retried], StartAttempt(NOW)) == [started(2)]


def test_an_in_doubt_delivery_can_be_retried_by_an_operator() -> None:
    given = [QUEUED, started(1), DeliveryInDoubt(notification_id="n-1", channel="EMAIL", attempt=1)]
    assert when(given, StartAttempt(NOW)) == []
    assert len(when(given, RequestRetry("operator"))) == 1


def test_a_pending_delivery_cannot_be_retried_by_an_operator() -> None:
    with pytest.raises(RuleViolated) as err:
        when([QUEUED], RequestRetry("operator"))
    assert err.value.rule == "retry_only_failed"


def test_an_outcome_for_an_attempt_not_in_flight_is_refused() -> None:
    with pytest.raises(RuleViolated):
        when([QUEUED], RecordSuccess(1))
