"""structlog configured for JSON lines, one event name per line, context bound per task.

`correlation_id`, `actor` and the stream being worked on are bound with
`structlog.contextvars`, so every log line written while handling a request or an event
carries them without being passed around.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Mapping, MutableMapping
from typing import Any

import structlog

# Field names whose values never reach a log line (tokens, secrets, personal data).
REDACTED_KEYS = frozenset(
    {
        "password",
        "token",
        "access_token",
        "authorization",
        "secret",
        "email",
        "phone",
        "contact",
        "address",
        "birth_date",
        "gender",
        "personal",
        "key",
        "wrapped_key",
        "data_key",
        "ciphertext",
    }
)


def redact(_: Any, __: str, event_dict: MutableMapping[str, Any]) -> Mapping[str, Any]:
    """Replace sensitive values (by key, at any depth of dicts) with '[redacted]'."""
    return _redact_mapping(event_dict)


def _redact_mapping(value: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    for key in list(value):
        if key.lower() in REDACTED_KEYS:
            value[key] = "[redacted]"
        elif isinstance(value[key], dict):
            value[key] = _redact_mapping(dict(value[key]))
    return value


class _CurrentStderr:
    """Standard error as it is when a line is written, not when logging was configured: a
    process (or a test harness) that swaps `sys.stderr` later keeps its logs, and none is
    written to a stream that was closed meanwhile."""

    def write(self, text: str) -> int:
        return sys.stderr.write(text)

    def flush(self) -> None:
        sys.stderr.flush()


def configure_logging(service: str, level: str = "INFO", json: bool = True) -> None:
    renderer: Any = structlog.processors.JSONRenderer() if json else structlog.dev.ConsoleRenderer()
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.format_exc_info,
            redact,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(
            logging.getLevelNamesMapping().get(level.upper(), logging.INFO)
        ),
        logger_factory=structlog.PrintLoggerFactory(_CurrentStderr()),  # type: ignore[arg-type]
        cache_logger_on_first_use=False,
    )
    structlog.contextvars.bind_contextvars(service=service)
    # Libraries log through the standard library; keep them quiet unless they warn.
    logging.basicConfig(
        level=logging.WARNING, stream=_CurrentStderr(), format="%(name)s %(message)s"
    )
    logging.getLogger("aiokafka").setLevel(logging.ERROR)


def get_logger(name: str | None = None) -> structlog.stdlib.BoundLogger:
    return structlog.get_logger(name)
