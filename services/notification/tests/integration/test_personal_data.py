"""Personal data in the notification service (UU 27/2022, crypto-shredding), against the real
Kafka, PostgreSQL and a real SMTP server: e-mail goes to the address opened from the sealed
contact, and no table and no event of the service holds it; once the person's data is
erased, their e-mail is skipped with the reason (the inbox still works), and neither the
directory nor a rebuild of it brings their address back."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import asyncpg
import httpx
import pytest

from rangkui_contracts.events.keys import PersonalDataKeyErased
from rangkui_contracts.events.mutation import MutationEffective
from rangkui_contracts.events.personnel import EmployeePersonalDataErased
from rangkui_eventkit.testing.plugin import eventually, serve_in_process
from rangkui_eventkit.testing.scan import tables_holding
from rangkui_notification.bootstrap import create_app
from rangkui_notification.settings import NotificationSettings

from .conftest import (
    EMPLOYEE,
    HEAD_TARGET,
    Mailbox,
    Publish,
    directory_ready,
    seed_province,
    with_email,
)

pytestmark = [pytest.mark.integration, pytest.mark.slow]

ADDRESS = "siti@example.id"  # the employee's, as seed_province registers her


def effective(mutation_id: str) -> MutationEffective:
    return MutationEffective(
        mutation_id=mutation_id, nip=EMPLOYEE, from_unit_id="SMA1", from_position_id="GURU-1",
        to_unit_id="SMA2", to_position_id="GURU-2", tmt=date(2026, 12, 1),
    )  # fmt: skip


async def erase(publish: Publish, nip: str = EMPLOYEE) -> None:
    """What personnel publishes when it erases a person's data key: on both topics."""
    await publish(PersonalDataKeyErased(nip=nip, key_id="erased"), nip, streamversion=None)
    await publish(
        EmployeePersonalDataErased(
            nip=nip, key_id="erased", erased_at=datetime.now(UTC), reason="permintaan pegawai"
        ),
        nip,
    )


async def email_of(client: httpx.AsyncClient, recipient: str, source: str) -> dict[str, Any]:
    r = await client.get("/deliveries", params={"recipient": recipient, "channel": "EMAIL"})
    assert r.status_code == 200, r.text
    rows = [d for d in r.json() if d["source_event_type"].endswith(source)]
    return rows[0] if rows and rows[0]["status"] in ("DISPATCHED", "SKIPPED", "FAILED") else {}


async def test_an_email_goes_to_the_opened_address_which_no_table_or_event_holds(
    settings: NotificationSettings,
    publish: Publish,
    db: asyncpg.Connection,
    smtp: tuple[Mailbox, int],
) -> None:
    mailbox, port = smtp
    async with serve_in_process(create_app(with_email(settings, port))) as client:
        await seed_province(publish)
        await eventually(lambda: directory_ready(db))
        await publish(effective("M-1"), "M-1")
        await eventually(lambda: len(mailbox.to(ADDRESS)) == 1)
        await eventually(lambda: len(mailbox.to("dewi@example.id")) == 1)
        await eventually(lambda: email_of(client, EMPLOYEE, "MutationEffective.v1"))

        assert await db.fetchval(
            "SELECT count(*) FROM events WHERE event_type LIKE '%NotificationQueued.v2'"
        )
        assert await db.fetchval("SELECT count(*) FROM personal_data_keyring") == 3
        assert await tables_holding(db, ADDRESS) == {}
        assert await tables_holding(db, "1980-01-01") == {}  # the sealed birth date


async def test_after_erasure_the_email_is_skipped_saying_why_and_the_inbox_still_works(
    settings: NotificationSettings,
    publish: Publish,
    db: asyncpg.Connection,
    smtp: tuple[Mailbox, int],
) -> None:
    mailbox, port = smtp
    mailbox.refusing = True  # the first notice waits in retry until after the erasure
    app = create_app(with_email(settings, port, email_max_attempts=100))
    async with serve_in_process(app) as client:
        await seed_province(publish)
        await eventually(lambda: directory_ready(db))
        await publish(effective("M-1"), "M-1")
        await eventually(lambda: mailbox.refused >= 1)

        await erase(publish)
        await eventually(
            lambda: db.fetchval("SELECT count(*) FROM directory_erased WHERE nip = $1", EMPLOYEE)
        )
        mailbox.refusing = False

        # Queued before the erasure: the worker cannot open the address any more.
        waiting = await eventually(lambda: email_of(client, EMPLOYEE, "MutationEffective.v1"))
        assert (waiting["status"], waiting["last_error"]) == ("SKIPPED", "PERSONAL_DATA_ERASED")
        # Composed after it: skipped at once, for the same reason.
        await publish(effective("M-2"), "M-2")

        async def second() -> dict[str, Any]:
            r = await client.get("/deliveries", params={"recipient": EMPLOYEE, "channel": "EMAIL"})
            rows = [d for d in r.json() if d["status"] == "SKIPPED"]
            return rows[0] if len(rows) == 2 else {}

        await eventually(second)
        assert await eventually(lambda: _inbox_of(client, EMPLOYEE, expect=2))  # erased or not
        assert mailbox.to(ADDRESS) == []
        await eventually(lambda: len(mailbox.to("dewi@example.id")) == 2)

        row = await db.fetchrow(
            "SELECT email, personal FROM directory_employees WHERE nip = $1", EMPLOYEE
        )
        assert (row["email"], row["personal"]) == (None, None)
        key = await db.fetchrow(
            "SELECT wrapped_key, erased_at FROM personal_data_keyring WHERE nip = $1", EMPLOYEE
        )
        assert key["wrapped_key"] is None
        assert key["erased_at"] is not None
        assert await tables_holding(db, ADDRESS) == {}


async def test_a_plaintext_address_from_before_sealing_is_forgotten_and_not_rebuilt(
    settings: NotificationSettings,
    publish: Publish,
    db: asyncpg.Connection,
    smtp: tuple[Mailbox, int],
) -> None:
    mailbox, port = smtp
    async with serve_in_process(create_app(with_email(settings, port))) as client:
        await seed_province(publish, legacy=True)  # EmployeeRegistered v1: plaintext contact
        await eventually(lambda: directory_ready(db))
        await publish(effective("M-1"), "M-1")
        await eventually(lambda: len(mailbox.to(ADDRESS)) == 1)  # old events still work
        assert list(await tables_holding(db, ADDRESS)) == ["directory_employees"]  # until erased

        await erase(publish)
        await eventually(
            lambda: db.fetchval("SELECT count(*) FROM directory_erased WHERE nip = $1", EMPLOYEE)
        )
        assert await tables_holding(db, ADDRESS) == {}

        r = await client.post("/admin/projections/directory/rebuild")
        assert r.status_code == 202, r.text

        async def rebuilt() -> bool:
            # The replay has passed the erasure again (it comes after the registration).
            erased = await db.fetchval("SELECT count(*) FROM directory_erased")
            people = await db.fetchval("SELECT count(*) FROM directory_employees")
            return erased == 1 and people == 3

        await eventually(rebuilt)
        assert await tables_holding(db, ADDRESS) == {}
        head = await db.fetchval(
            "SELECT email FROM directory_employees WHERE nip = $1", HEAD_TARGET
        )
        assert head == "dewi@example.id"  # a person whose data was not erased keeps theirs


async def _inbox_of(client: httpx.AsyncClient, recipient: str, *, expect: int) -> list[Any]:
    r = await client.get(f"/inbox/{recipient}")
    rows = r.json() if r.status_code == 200 else []
    return rows if len(rows) == expect else []
