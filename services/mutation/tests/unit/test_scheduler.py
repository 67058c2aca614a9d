"""The TMT scheduler's chunks on the in-memory pipeline: Given decreed (or socialised)
transfers and the read-model facts, When a chunk is made effective (or its silence recorded),
Then one append carries every decision, a transfer whose guards fail is held without holding
the others, and a refused one is left out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import pytest

from rangkui_contracts.events.mutation import (
    MutationApproved,
    MutationCancelled,
    MutationDecreed,
    MutationDeemedAcknowledged,
    MutationEffective,
    MutationHeld,
    MutationProposed,
    MutationSocialized,
)
from rangkui_eventkit.clock import FixedClock
from rangkui_eventkit.context import Cause
from rangkui_eventkit.errors import ConcurrencyConflict
from rangkui_eventkit.pipeline import InMemoryPipeline
from rangkui_eventkit.store import InMemoryEventStore, Recorded, StreamWrite
from rangkui_mutation.domain.mutation import stream_id
from rangkui_mutation.service_layer.commands import Deps
from rangkui_mutation.service_layer.ports import InMemoryFacts
from rangkui_mutation.service_layer.scheduler import acknowledge_chunk, effect_chunk
from rangkui_mutation.settings import MutationSettings

pytestmark = pytest.mark.unit

TODAY = date(2026, 12, 1)
PPK = Cause.new("ppk.gubernur")


def nip(i: int) -> str:
    return f"1990031520150320{i:02d}"


class CountingStore(InMemoryEventStore):
    """Counts appends; `conflict_on_many` makes every append of more than one stream lose
    a race (a writer that never stops moving one of them)."""

    def __init__(self, conflict_on_many: bool = False) -> None:
        super().__init__()
        self.appends: list[list[str]] = []
        self.conflict_on_many = conflict_on_many

    async def append(
        self, writes: Sequence[StreamWrite], cause: Cause, *, conn: Any = None
    ) -> list[Recorded]:
        if self.conflict_on_many and len(writes) > 1:
            raise ConcurrencyConflict("another change was saved first")
        self.appends.append([w.stream_id for w in writes])
        return await super().append(writes, cause, conn=conn)


async def decreed(store: InMemoryEventStore, mutation_id: str, i: int, tmt: date = TODAY) -> None:
    move = {
        "from_unit_id": "sma-1",
        "from_position_id": "guru-mat-1",
        "to_unit_id": f"sma-{i + 10}",
        "to_position_id": f"guru-mat-{i + 10}",
    }
    events = [
        MutationProposed(
            mutation_id=mutation_id,
            nip=nip(i),
            kind="NEED_BASED",
            reason="kekurangan guru",
            proposed_by="operator.bkd",
            **move,
        ),
        MutationApproved(
            mutation_id=mutation_id,
            nip=nip(i),
            to_unit_id=move["to_unit_id"],
            to_position_id=move["to_position_id"],
            approved_by="ppk",
        ),
        MutationDecreed(
            mutation_id=mutation_id,
            nip=nip(i),
            sk_number=f"800/{i}/BKD/2026",
            sk_date=tmt - timedelta(days=10),
            tmt=tmt,
            decreed_by="ppk",
        ),
    ]
    await store.append([StreamWrite(stream_id(mutation_id), 0, events)], PPK)


def deps(store: InMemoryEventStore, facts: InMemoryFacts) -> Deps:
    return Deps(
        pipeline=InMemoryPipeline(store),
        settings=MutationSettings(development_mode=True),
        clock=FixedClock(TODAY),
        facts=lambda _uow: facts,
    )


def facts_for(n: int) -> InMemoryFacts:
    return InMemoryFacts(employees={nip(i): {"nip": nip(i), "status": "ACTIVE"} for i in range(n)})


async def last_event(store: InMemoryEventStore, mutation_id: str) -> object:
    return (await store.load(stream_id(mutation_id)))[-1].event


async def test_a_chunk_is_made_effective_with_one_append() -> None:
    store = CountingStore()
    ids = [f"m{i}" for i in range(5)]
    for i, m in enumerate(ids):
        await decreed(store, m, i)
    store.appends.clear()

    outcome = await effect_chunk(deps(store, facts_for(5)), ids, TODAY)

    assert outcome.effective == [stream_id(m) for m in ids]
    assert store.appends == [[stream_id(m) for m in ids]]
    for m in ids:
        event = await last_event(store, m)
        assert isinstance(event, MutationEffective)
        assert event.tmt == TODAY
    [recorded] = {r.envelope.actor for r in store._all[-5:]}
    assert recorded == "system.scheduler"


async def test_a_transfer_whose_guards_fail_is_held_and_the_rest_of_its_chunk_moves() -> None:
    store = CountingStore()
    ids = ["m0", "m1", "m2", "m3"]
    for i, m in enumerate(ids):
        await decreed(store, m, i)
    facts = facts_for(4)
    facts.employees[nip(1)]["status"] = "RETIRED"
    facts.closed_units["sma-13"] = TODAY - timedelta(days=1)  # m3's target unit closed
    store.appends.clear()

    outcome = await effect_chunk(deps(store, facts), ids, TODAY)

    assert outcome.effective == [stream_id("m0"), stream_id("m2")]
    assert outcome.held == [stream_id("m1"), stream_id("m3")]
    assert len(store.appends) == 1
    held = await last_event(store, "m1")
    assert isinstance(held, MutationHeld)
    assert held.held_by == "system.scheduler"
    closed = await last_event(store, "m3")
    assert isinstance(closed, MutationHeld)
    assert isinstance(await last_event(store, "m0"), MutationEffective)
    assert isinstance(await last_event(store, "m2"), MutationEffective)


async def test_a_transfer_the_decider_refuses_is_left_out_of_its_chunk() -> None:
    store = CountingStore()
    for i, m in enumerate(["m0", "m1", "m2"]):
        await decreed(store, m, i, tmt=TODAY if m != "m2" else TODAY + timedelta(days=3))
    cancelled = MutationCancelled(
        mutation_id="m1", nip=nip(1), reason="SK dicabut", cancelled_by="ppk"
    )
    await store.append([StreamWrite(stream_id("m1"), 3, [cancelled])], PPK)
    store.appends.clear()

    outcome = await effect_chunk(deps(store, facts_for(3)), ["m0", "m1", "m2", "nope"], TODAY)

    assert outcome.effective == [stream_id("m0")]
    assert set(outcome.skipped) == {stream_id("m1"), stream_id("m2"), stream_id("nope")}
    assert store.appends == [[stream_id("m0")]]
    assert isinstance(await last_event(store, "m1"), MutationCancelled)
    assert len(await store.load(stream_id("m2"))) == 3  # its TMT has not come


async def test_a_chunk_that_keeps_losing_races_is_done_transfer_by_transfer() -> None:
    store = CountingStore(conflict_on_many=True)
    ids = ["m0", "m1", "m2"]
    for i, m in enumerate(ids):
        await decreed(store, m, i)
    store.appends.clear()

    outcome = await effect_chunk(deps(store, facts_for(3)), ids, TODAY)

    assert outcome.effective == [stream_id(m) for m in ids]
    assert store.appends == [[stream_id(m)] for m in ids]


async def test_a_chunk_made_effective_twice_moves_nothing_the_second_time() -> None:
    store = CountingStore()
    await decreed(store, "m0", 0)
    d = deps(store, facts_for(1))
    assert (await effect_chunk(d, ["m0"], TODAY)).effective == [stream_id("m0")]
    again = await effect_chunk(d, ["m0"], TODAY)
    assert again.effective == []
    assert list(again.skipped) == [stream_id("m0")]
    assert len(await store.load(stream_id("m0"))) == 4


async def socialized(store: InMemoryEventStore, mutation_id: str, i: int, deadline: date) -> None:
    events = [
        MutationProposed(
            mutation_id=mutation_id,
            nip=nip(i),
            kind="NEED_BASED",
            reason="kekurangan guru",
            proposed_by="operator.bkd",
            from_unit_id="sma-1",
            from_position_id="guru-mat-1",
            to_unit_id="sma-2",
            to_position_id="guru-mat-2",
        ),
        MutationApproved(
            mutation_id=mutation_id,
            nip=nip(i),
            to_unit_id="sma-2",
            to_position_id="guru-mat-2",
            approved_by="ppk",
        ),
        MutationSocialized(
            mutation_id=mutation_id,
            nip=nip(i),
            message="kebutuhan",
            socialized_by="bkd",
            objection_deadline=deadline,
        ),
    ]
    await store.append([StreamWrite(stream_id(mutation_id), 0, events)], PPK)


async def test_silence_is_recorded_for_a_chunk_in_one_append_and_an_open_window_is_left() -> None:
    store = CountingStore()
    await socialized(store, "a0", 0, TODAY - timedelta(days=1))
    await socialized(store, "a1", 1, TODAY + timedelta(days=3))  # still open
    await socialized(store, "a2", 2, TODAY - timedelta(days=2))
    store.appends.clear()

    outcome = await acknowledge_chunk(deps(store, facts_for(3)), ["a0", "a1", "a2"], TODAY)

    assert outcome.effective == [stream_id("a0"), stream_id("a2")]
    assert list(outcome.skipped) == [stream_id("a1")]
    assert store.appends == [[stream_id("a0"), stream_id("a2")]]
    deemed = await last_event(store, "a2")
    assert isinstance(deemed, MutationDeemedAcknowledged)
    assert deemed.recorded_by == "system.scheduler"
    assert isinstance(await last_event(store, "a1"), MutationSocialized)
