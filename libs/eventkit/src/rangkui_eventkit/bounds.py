"""Size bounds of events, checked once at append so that no event is stored that the broker
will not take: an event over the limit is refused with 413 before anything is written.

The limit (`ServiceSettings.max_event_bytes`, 512 KiB by default) is well under the broker's
and the topics' `max.message.bytes` (`rangkui_contracts.MAX_MESSAGE_BYTES`, ~1 MiB): the
Kafka record adds its CloudEvents headers and key to the event's JSON. The outbox relay
still checks each record against the broker's limit (`RECORD_LIMIT`) and quarantines what
does not fit, for events stored before the bound existed or by another writer.
"""

from __future__ import annotations

from rangkui_contracts import MAX_MESSAGE_BYTES
from rangkui_eventkit.errors import ErrorKind, RuleViolated

DEFAULT_MAX_EVENT_BYTES = 512 * 1024
RECORD_OVERHEAD_BYTES = 512  # Kafka's record and batch framing around key, value and headers
RECORD_LIMIT = MAX_MESSAGE_BYTES - RECORD_OVERHEAD_BYTES

_limit = DEFAULT_MAX_EVENT_BYTES


def configure(max_event_bytes: int) -> None:
    """Set the process's event size limit (a service's bootstrap, from its settings)."""
    global _limit
    if not 0 < max_event_bytes <= MAX_MESSAGE_BYTES // 2:
        raise ValueError(
            f"max_event_bytes must be between 1 and {MAX_MESSAGE_BYTES // 2} (half the "
            f"broker's message limit, leaving room for headers): {max_event_bytes}"
        )
    _limit = max_event_bytes


def max_event_bytes() -> int:
    return _limit


def check_event_size(stream_id: str, event_type: str, data_json: str) -> None:
    """Refuse (413) an event whose JSON is over the limit: what the store calls per event."""
    size = len(data_json.encode())
    if size <= _limit:
        return
    kib = _limit // 1024
    raise RuleViolated(
        "event_size_limit",
        f"the event {event_type} of {stream_id} would be {size} bytes, over the limit of "
        f"{_limit} bytes per event",
        kind=ErrorKind.TOO_LARGE,
        pesan=(
            f"Data yang dikirim terlalu besar untuk dicatat: {size // 1024} KiB, padahal "
            f"satu catatan paling banyak {kib} KiB. Kurangi isinya (misalnya daftar atau "
            "uraian yang panjang) atau kirim dalam beberapa permintaan."
        ),
        details={"bytes": size, "limit_bytes": _limit, "event_type": event_type},
    )
