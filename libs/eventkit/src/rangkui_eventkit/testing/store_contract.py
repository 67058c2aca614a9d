"""One abstract test suite for the event-store port, run against every implementation.

Subclass it in a test module and provide a `store` fixture.
"""

from __future__ import annotations

import asyncio
import uuid

import pytest

from rangkui_contracts.events.personnel import UnitRegistered
from rangkui_eventkit.context import Cause
from rangkui_eventkit.errors import ConcurrencyConflict
from rangkui_eventkit.store import EventStore, StreamWrite


def unit_event(name: str = "Dinas Pendidikan") -> UnitRegistered:
    return UnitRegistered(unit_id=str(uuid.uuid4()), name=name, kind="OPD", region="Kota Rangkui")


CAUSE = Cause(actor="tester", correlation_id="corr-1")


class EventStoreContract:
    async def test_appends_and_loads_a_stream_in_version_order(self, store: EventStore) -> None:
        sid = f"s-{uuid.uuid4()}"
        await store.append([StreamWrite(sid, 0, [unit_event("a"), unit_event("b")])], CAUSE)
        await store.append([StreamWrite(sid, 2, [unit_event("c")])], CAUSE)
        loaded = await store.load(sid)
        assert [r.version for r in loaded] == [1, 2, 3]
        assert [r.event.name for r in loaded] == ["a", "b", "c"]  # type: ignore[attr-defined]
        assert loaded[0].envelope.actor == "tester"
        assert loaded[0].envelope.correlationid == "corr-1"
        assert loaded[0].envelope.subject == sid
        assert loaded[0].position < loaded[2].position

    async def test_loading_an_unknown_stream_gives_nothing(self, store: EventStore) -> None:
        assert await store.load(f"nobody-{uuid.uuid4()}") == []

    async def test_rejects_a_stale_expected_version_and_writes_nothing(
        self, store: EventStore
    ) -> None:
        sid = f"s-{uuid.uuid4()}"
        await store.append([StreamWrite(sid, 0, [unit_event()])], CAUSE)
        with pytest.raises(ConcurrencyConflict, match="version 1"):
            await store.append([StreamWrite(sid, 0, [unit_event()])], CAUSE)
        assert len(await store.load(sid)) == 1

    async def test_rejects_an_expected_version_ahead_of_the_stream(self, store: EventStore) -> None:
        sid = f"s-{uuid.uuid4()}"
        with pytest.raises(ConcurrencyConflict):
            await store.append([StreamWrite(sid, 3, [unit_event()])], CAUSE)
        assert await store.load(sid) == []

    async def test_a_multi_stream_append_is_all_or_nothing(self, store: EventStore) -> None:
        a, b = f"a-{uuid.uuid4()}", f"b-{uuid.uuid4()}"
        await store.append([StreamWrite(b, 0, [unit_event()])], CAUSE)
        with pytest.raises(ConcurrencyConflict):
            await store.append(
                [StreamWrite(a, 0, [unit_event()]), StreamWrite(b, 0, [unit_event()])], CAUSE
            )
        assert await store.load(a) == []
        loaded = await store.load_many([a, b])
        assert list(loaded) == [b]

    async def test_exactly_one_of_concurrent_appends_at_the_same_version_wins(
        self, store: EventStore
    ) -> None:
        sid = f"s-{uuid.uuid4()}"
        await store.append([StreamWrite(sid, 0, [unit_event()])], CAUSE)

        async def attempt(i: int) -> bool:
            try:
                await store.append([StreamWrite(sid, 1, [unit_event(f"w{i}")])], CAUSE)
                return True
            except ConcurrencyConflict:
                return False

        results = await asyncio.gather(*(attempt(i) for i in range(8)))
        assert results.count(True) == 1
        assert [r.version for r in await store.load(sid)] == [1, 2]

    async def test_read_all_returns_events_after_a_position(self, store: EventStore) -> None:
        sid = f"s-{uuid.uuid4()}"
        recorded = await store.append([StreamWrite(sid, 0, [unit_event(), unit_event()])], CAUSE)
        after = await store.read_all(recorded[0].position, limit=10)
        assert after[0].envelope.id == recorded[1].envelope.id

    async def test_existing_names_only_the_streams_that_have_events(
        self, store: EventStore
    ) -> None:
        a, b = f"a-{uuid.uuid4()}", f"b-{uuid.uuid4()}"
        await store.append([StreamWrite(a, 0, [unit_event()])], CAUSE)
        assert await store.existing([a, b]) == {a}
        assert await store.existing([]) == set()

    async def test_load_last_gives_each_streams_last_event(self, store: EventStore) -> None:
        a, b, c = (f"{x}-{uuid.uuid4()}" for x in "abc")
        await store.append(
            [
                StreamWrite(a, 0, [unit_event("a1"), unit_event("a2")]),
                StreamWrite(b, 0, [unit_event("b1")]),
            ],
            CAUSE,
        )
        last = await store.load_last([a, b, c])
        assert sorted(last) == sorted([a, b])
        assert (last[a].version, last[a].event.name) == (2, "a2")  # type: ignore[attr-defined]
        assert (last[b].version, last[b].event.name) == (1, "b1")  # type: ignore[attr-defined]

    async def test_find_streams_by_a_payload_field(self, store: EventStore) -> None:
        region = f"Kab {uuid.uuid4()}"
        a, b, c = (f"{x}-{uuid.uuid4()}" for x in "abc")
        event_type = UnitRegistered.ce_type()
        here = UnitRegistered(unit_id="u1", name="x", kind="OPD", region=region)
        await store.append([StreamWrite(b, 0, [here])], CAUSE)
        await store.append([StreamWrite(a, 0, [here, here])], CAUSE)
        await store.append([StreamWrite(c, 0, [unit_event()])], CAUSE)
        assert await store.find_streams(event_type, "region", region) == [b, a]
        assert await store.find_streams(event_type, "region", "nowhere") == []

    async def test_stream_ids_pages_the_streams_of_a_prefix_in_id_order(
        self, store: EventStore
    ) -> None:
        prefix = f"p{uuid.uuid4().hex[:8]}-"
        ids = [f"{prefix}{n:03d}" for n in range(5)]
        for sid in reversed(ids):
            await store.append([StreamWrite(sid, 0, [unit_event(), unit_event()])], CAUSE)
        await store.append([StreamWrite(f"other-{uuid.uuid4()}", 0, [unit_event()])], CAUSE)
        first = await store.stream_ids(prefix, limit=3)
        rest = await store.stream_ids(prefix, after=first[-1], limit=3)
        assert (first, rest) == (ids[:3], ids[3:])
