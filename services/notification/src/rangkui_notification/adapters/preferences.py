"""Channel preferences as the reactions read them: from the event store itself."""

from __future__ import annotations

from collections.abc import Sequence

from rangkui_notification.adapters.directory import Fetcher
from rangkui_notification.domain.notice import preferences_stream_id


async def opted_out_of_email(db: Fetcher, recipients: Sequence[str]) -> frozenset[str]:
    """Who chose no e-mail, read from their preference streams in the event store itself, so
    that a choice counts from the moment it is recorded (and during a projection rebuild)."""
    rows = await db.fetch(
        """SELECT DISTINCT ON (stream_id) data->>'recipient' AS recipient,
                  (data->>'email')::boolean AS email
           FROM events WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, version DESC""",
        [preferences_stream_id(r) for r in recipients],
    )
    return frozenset(row["recipient"] for row in rows if not row["email"])
