"""E-mail against a real SMTP server on loopback: exactly one message per notice, retries
with backoff, failure after the budget, operator retry, people without an address, and a
crash between sending and recording."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Any

import asyncpg
import httpx
import pytest

from rangkui_contracts.events.mutation import MutationEffective
from rangkui_eventkit.testing.plugin import eventually, serve_in_process
from rangkui_notification.bootstrap import create_app
from rangkui_notification.settings import NotificationSettings

from .conftest import (
    EMPLOYEE,
    HEAD_ORIGIN,
    HEAD_TARGET,
    Mailbox,
    Publish,
    directory_ready,
    seed_province,
    with_email,
)

pytestmark = [pytest.mark.integration, pytest.mark.slow]


class Crash(BaseException):
    """Stands for the process dying: not an Exception, so nothing in the worker catches it."""


def effective(mutation_id: str = "M-1") -> MutationEffective:
    return MutationEffective(
        mutation_id=mutation_id, nip=EMPLOYEE, from_unit_id="SMA1", from_position_id="GURU-1",
        to_unit_id="SMA2", to_position_id="GURU-2", tmt=date(2026, 12, 1),
        sk_number="800/17/BKD/2026",
    )  # fmt: skip


async def deliveries(client: httpx.AsyncClient, **filters: str) -> list[dict[str, Any]]:
    r = await client.get("/deliveries", params=filters)
    assert r.status_code == 200, r.text
    return r.json()


async def test_each_party_gets_one_indonesian_email_and_a_missing_address_is_recorded(
    settings: NotificationSettings,
    publish: Publish,
    db: asyncpg.Connection,
    smtp: tuple[Mailbox, int],
) -> None:
    mailbox, port = smtp
    async with serve_in_process(create_app(with_email(settings, port))) as client:
        await seed_province(publish, head_origin_email=None)
        await eventually(lambda: directory_ready(db))
        first = await publish(effective(), "M-1")
        await publish(effective(), "M-1", envelope=first.model_copy(update={"streamversion": None}))

        async def settled() -> list[dict[str, Any]]:
            rows = await deliveries(client, channel="EMAIL")
            done = [d for d in rows if d["status"] in ("DISPATCHED", "SKIPPED")]
            return rows if len(done) == 3 else []

        rows = {d["recipient"]: d for d in await eventually(settled)}
        assert rows[EMPLOYEE]["status"] == "DISPATCHED"
        assert rows[HEAD_TARGET]["status"] == "DISPATCHED"
        assert rows[HEAD_ORIGIN]["status"] == "SKIPPED"
        assert rows[HEAD_ORIGIN]["last_error"] == "NO_EMAIL_ADDRESS"
        assert len(await deliveries(client, recipient=HEAD_ORIGIN, channel="INBOX")) == 1
        assert len(await deliveries(client, source_event_id=first.id)) == 3 + 3
        inbox = (await client.get(f"/inbox/{HEAD_ORIGIN}")).json()
        assert len(inbox) == 1

        [mine] = mailbox.to("siti@example.id")
        assert mine["Subject"] == "Mutasi Anda berlaku mulai 1 Desember 2026"
        assert (
            mine["Message-ID"] == f"<{rows[EMPLOYEE]['notification_id']}@notifikasi.rangkui.go.id>"
        )
        body = mine.get_content()
        assert "Yth. Siti Rahma" in body
        assert "terhitung mulai tanggal (TMT) 1 Desember 2026" in body
        assert len(mailbox.to("dewi@example.id")) == 1
        assert len(mailbox.messages) == 2

        detail = (await client.get(f"/deliveries/{rows[EMPLOYEE]['notification_id']}")).json()
        assert [(a["attempt"], a["outcome"]) for a in detail["attempt_log"]] == [(1, "SUCCEEDED")]
        assert (
            await db.fetchval(
                "SELECT count(*) FROM events WHERE event_type LIKE '%NotificationSkipped%'"
            )
            == 1
        )


async def test_a_refusing_server_is_retried_then_failed_and_an_operator_retry_delivers(
    settings: NotificationSettings,
    publish: Publish,
    db: asyncpg.Connection,
    smtp: tuple[Mailbox, int],
) -> None:
    mailbox, port = smtp
    mailbox.refusing = True
    app = create_app(with_email(settings, port, email_max_attempts=3))
    async with serve_in_process(app) as client:
        await seed_province(publish)
        await eventually(lambda: directory_ready(db))
        await publish(effective(), "M-1")

        async def failed() -> dict[str, Any] | None:
            rows = await deliveries(client, recipient=EMPLOYEE, channel="EMAIL", status="FAILED")
            return rows[0] if rows else None

        delivery = await eventually(failed)
        assert delivery["attempts"] == 3
        assert "451" in delivery["last_error"]
        detail = (await client.get(f"/deliveries/{delivery['notification_id']}")).json()
        outcomes = [(a["attempt"], a["outcome"]) for a in detail["attempt_log"]]
        assert outcomes == [(1, "FAILED"), (2, "FAILED"), (3, "FAILED")]
        starts = [a["started_at"] for a in detail["attempt_log"]]
        assert starts == sorted(starts)
        assert (
            await db.fetchval(
                "SELECT count(*) FROM events WHERE event_type LIKE '%NotificationFailed%' "
                "AND data->>'recipient' = $1",
                EMPLOYEE,
            )
            == 1
        )
        assert mailbox.messages == []

        refused = mailbox.refused
        mailbox.refusing = False
        early = await client.post(f"/deliveries/{delivery['notification_id']}/retry")
        assert early.status_code == 202, early.text
        await eventually(lambda: len(mailbox.to("siti@example.id")) == 1)
        await eventually(
            lambda: _status(client, delivery["notification_id"], "DISPATCHED"), timeout=10
        )
        again = await client.post(f"/deliveries/{delivery['notification_id']}/retry")
        assert again.status_code == 409
        assert again.json()["rule"] == "retry_only_failed"
        assert mailbox.refused == refused


async def test_a_crash_between_sending_and_recording_does_not_send_the_email_twice(
    settings: NotificationSettings,
    publish: Publish,
    db: asyncpg.Connection,
    smtp: tuple[Mailbox, int],
) -> None:
    mailbox, port = smtp
    email_settings = with_email(settings, port)

    def die_after_sending(point: str) -> None:
        if point == "after_send":
            raise Crash()

    app = create_app(email_settings, fault_hook=die_after_sending)
    async with serve_in_process(app) as client:
        await seed_province(publish)
        await eventually(lambda: directory_ready(db))
        await publish(effective(), "M-1")
        await eventually(lambda: len(mailbox.messages) == 1)
        await eventually(lambda: _worker_stopped(app))
        [delivery] = await eventually(
            lambda: deliveries(client, channel="EMAIL", status="IN_FLIGHT")
        )

    async with serve_in_process(create_app(email_settings)) as client:
        await eventually(lambda: _status(client, delivery["notification_id"], "IN_DOUBT"))
        # The worker keeps running and the other notices still flow; this one is not resent.
        await publish(effective("M-2"), "M-2")

        async def others_sent() -> bool:
            rows = await deliveries(client, channel="EMAIL", status="DISPATCHED")
            return len(rows) == 2 + 3

        await eventually(others_sent)
        assert len(mailbox.messages) == 1 + 2 + 3
        in_doubt_id = f"<{delivery['notification_id']}@notifikasi.rangkui.go.id>"
        assert [m["Message-ID"] for m in mailbox.messages].count(in_doubt_id) == 1

        # An operator who checked that it did not arrive resends it, with the same Message-ID.
        r = await client.post(f"/deliveries/{delivery['notification_id']}/retry")
        assert r.status_code == 202, r.text
        await eventually(lambda: _status(client, delivery["notification_id"], "DISPATCHED"))
        assert [m["Message-ID"] for m in mailbox.messages].count(in_doubt_id) == 2


async def _status(client: httpx.AsyncClient, notification_id: str, status: str) -> bool:
    r = await client.get(f"/deliveries/{notification_id}")
    return r.status_code == 200 and r.json()["status"] == status


def _worker_stopped(app: Any) -> bool:
    """The crashed delivery worker's task is done (the rest of the service runs on)."""
    tasks = [t for t in asyncio.all_tasks() if t.get_name().endswith(":delivery")]
    return not tasks
