import io
import sys

import pytest
import structlog

from rangkui_eventkit.logging import configure_logging, get_logger

pytestmark = pytest.mark.unit


def test_logs_go_to_standard_error_as_it_is_when_written(monkeypatch: pytest.MonkeyPatch) -> None:
    configured_with = io.StringIO()
    monkeypatch.setattr(sys, "stderr", configured_with)
    configure_logging("test", json=True)
    try:
        configured_with.close()  # e.g. a test harness's capture that has ended
        later = io.StringIO()
        monkeypatch.setattr(sys, "stderr", later)
        get_logger("t").warning("still.logged", x=1)
        assert '"event": "still.logged"' in later.getvalue()
    finally:
        structlog.reset_defaults()  # leave no global configuration to the other tests
        structlog.contextvars.clear_contextvars()
