"""The per-event size bound: a setting, checked by one function the store calls."""

import pytest

from rangkui_contracts import MAX_MESSAGE_BYTES
from rangkui_eventkit import bounds
from rangkui_eventkit.errors import ErrorKind, RuleViolated, http_status
from rangkui_eventkit.settings import ServiceSettings

pytestmark = pytest.mark.unit


def test_the_default_limit_is_well_under_the_brokers_message_limit() -> None:
    limit = ServiceSettings().max_event_bytes
    bounds.configure(limit)
    assert limit == bounds.DEFAULT_MAX_EVENT_BYTES
    assert limit * 2 <= MAX_MESSAGE_BYTES


def test_an_event_over_the_limit_is_a_413_in_bahasa_indonesia() -> None:
    bounds.configure(1024)
    try:
        bounds.check_event_size("s-1", "rangkui.personnel.X.v1", "x" * 1024)
        with pytest.raises(RuleViolated) as refused:
            bounds.check_event_size("s-1", "rangkui.personnel.X.v1", "é" * 513)
    finally:
        bounds.configure(bounds.DEFAULT_MAX_EVENT_BYTES)
    assert refused.value.kind == ErrorKind.TOO_LARGE
    assert http_status(refused.value) == 413
    assert refused.value.details["bytes"] == 1026
    assert str(refused.value.pesan).startswith("Data yang dikirim terlalu besar")


@pytest.mark.parametrize("limit", [0, MAX_MESSAGE_BYTES])
def test_a_limit_the_broker_could_not_carry_is_refused(limit: int) -> None:
    with pytest.raises(ValueError, match="max_event_bytes must be between"):
        bounds.configure(limit)
