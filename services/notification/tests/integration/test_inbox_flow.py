"""The inbox channel end to end in one process, against the real broker and database:
personnel and mutation events published with the real producer -> notices in the inbox."""

from __future__ import annotations

from datetime import date

import asyncpg
import pytest

from rangkui_contracts.events.mutation import MutationEffective
from rangkui_contracts.topics import MUTATION, NOTIFICATION
from rangkui_eventkit.testing.auth import acting
from rangkui_eventkit.testing.infra import Infra
from rangkui_eventkit.testing.kafka_tools import header, read_topic
from rangkui_eventkit.testing.plugin import eventually, serve_in_process
from rangkui_notification.bootstrap import create_app
from rangkui_notification.settings import NotificationSettings

from .conftest import (
    EMPLOYEE,
    HEAD_ORIGIN,
    HEAD_TARGET,
    Publish,
    directory_ready,
    seed_province,
)

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def effective(mutation_id: str = "M-1") -> MutationEffective:
    return MutationEffective(
        mutation_id=mutation_id,
        nip=EMPLOYEE,
        from_unit_id="SMA1",
        from_position_id="GURU-1",
        to_unit_id="SMA2",
        to_position_id="GURU-2",
        tmt=date(2026, 12, 1),
        sk_number="800/17/BKD/2026",
    )


async def consumed(db: asyncpg.Connection, consumer: str, topic: str, count: int) -> bool:
    total = await db.fetchval(
        "SELECT coalesce(sum(next_offset), 0) FROM consumer_offsets "
        "WHERE consumer = $1 AND topic = $2",
        consumer,
        topic,
    )
    return total >= count


async def test_an_effective_transfer_redelivered_gives_each_party_exactly_one_notice(
    settings: NotificationSettings,
    publish: Publish,
    db: asyncpg.Connection,
    infra: Infra,
    topic_prefix: str,
) -> None:
    async with serve_in_process(create_app(settings)) as client:
        await seed_province(publish)
        await eventually(lambda: directory_ready(db))

        first = await publish(effective(), "M-1")
        await publish(effective(), "M-1", envelope=first)  # the same record again
        # A copy without a stream version passes the kit's duplicate filter: only the
        # notice's deterministic stream id stops it.
        await publish(effective(), "M-1", envelope=first.model_copy(update={"streamversion": None}))
        await eventually(lambda: consumed(db, "notices", MUTATION.qualified(topic_prefix), 3))

        async def inbox_of(nip: str) -> list[dict[str, object]]:
            r = await client.get(f"/inbox/{nip}")
            assert r.status_code == 200, r.text
            return r.json()

        for nip in (EMPLOYEE, HEAD_ORIGIN, HEAD_TARGET):
            notices = await eventually(lambda nip=nip: inbox_of(nip))
            assert len(notices) == 1, notices
            assert notices[0]["source_event_id"] == first.id
            assert notices[0]["source_event_type"] == "rangkui.mutation.MutationEffective.v1"
            assert notices[0]["read"] is False
        mine = (await inbox_of(EMPLOYEE))[0]
        assert mine["subject"] == "Mutasi Anda berlaku mulai 1 Desember 2026"
        assert "Guru Matematika, SMA Negeri 2 Tanjung Batu" in mine["body"]
        assert "800/17/BKD/2026" in mine["body"]
        theirs = (await inbox_of(HEAD_TARGET))[0]
        assert theirs["body"].startswith("Yth. Pimpinan SMA Negeri 2 Tanjung Batu,")
        streams = await db.fetchval(
            "SELECT count(DISTINCT stream_id) FROM events WHERE event_type = $1",
            "rangkui.notification.NotificationDispatched.v1",
        )
        assert streams == 3

    records = await read_topic(
        infra.kafka_bootstrap, NOTIFICATION.qualified(topic_prefix), expect=3
    )
    assert (
        sorted(header(r, "ce_type") for r in records)
        == ["rangkui.notification.NotificationDispatched.v1"] * 3
    )
    assert {header(r, "ce_causationid") for r in records} == {first.id}


async def test_marking_a_notice_read_updates_the_unread_count_once(
    settings: NotificationSettings, publish: Publish, db: asyncpg.Connection
) -> None:
    async with serve_in_process(create_app(settings)) as client:
        await seed_province(publish)
        await eventually(lambda: directory_ready(db))
        await publish(effective("M-1"), "M-1")
        await publish(effective("M-2"), "M-2")

        async def unread() -> int:
            r = await client.get(f"/inbox/{EMPLOYEE}/unread-count")
            assert r.status_code == 200, r.text
            return r.json()["unread"]

        await eventually(lambda: _equals(unread(), 2))
        notice = (await client.get(f"/inbox/{EMPLOYEE}")).json()[0]
        path = f"/inbox/{EMPLOYEE}/{notice['notification_id']}/read"

        r = await client.post(path, headers=acting(EMPLOYEE, "employee"))
        assert r.status_code == 200, r.text
        assert r.json()["changed"] is True
        await eventually(lambda: _equals(unread(), 1))
        again = await client.post(path, headers=acting(EMPLOYEE, "employee"))
        assert again.json()["changed"] is False

        listed = (await client.get(f"/inbox/{EMPLOYEE}")).json()
        assert sorted(n["read"] for n in listed) == [False, True]
        unread_only = (await client.get(f"/inbox/{EMPLOYEE}", params={"unread_only": True})).json()
        assert len(unread_only) == 1

        foreign = await client.post(f"/inbox/{HEAD_TARGET}/{notice['notification_id']}/read")
        assert foreign.status_code == 404
        assert foreign.json()["error"] == "not_found"


async def _equals(value: object, expected: object) -> bool:
    return (await value) == expected  # type: ignore[misc]
