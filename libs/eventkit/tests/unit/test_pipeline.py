"""The command pipeline in memory: Given events, When a handler runs, Then what it appended."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from rangkui_contracts import DomainEvent
from rangkui_contracts.events.personnel import UnitRegistered
from rangkui_eventkit.decider import Decider
from rangkui_eventkit.errors import ConcurrencyConflict
from rangkui_eventkit.pipeline import InMemoryPipeline, RetryPolicy, UnitOfWork
from rangkui_eventkit.store import InMemoryEventStore, Recorded, StreamWrite
from rangkui_eventkit.testing.store_contract import CAUSE

pytestmark = pytest.mark.unit


def named(name: str) -> UnitRegistered:
    return UnitRegistered(unit_id="u", name=name, kind="OPD", region="Kota Rangkui")


# A decider over names: the state is the list of names; "add" appends one unless present.
NAMES: Decider[str, tuple[str, ...]] = Decider(
    initial_state=(),
    evolve=lambda names, e: (*names, e.name),  # type: ignore[attr-defined]
    decide=lambda name, names: [] if name in names else [named(name)],
)


def sid() -> str:
    return f"s-{uuid.uuid4()}"


async def given(store: InMemoryEventStore, stream: str, *names: str) -> None:
    await store.append([StreamWrite(stream, 0, [named(n) for n in names])], CAUSE)


async def names_of(store: InMemoryEventStore, stream: str) -> list[str]:
    return [r.event.name for r in await store.load(stream)]  # type: ignore[attr-defined]


async def test_a_handler_writes_several_streams_in_one_append() -> None:
    pipeline = InMemoryPipeline()
    a, b = sid(), sid()
    await given(pipeline.store, a, "x")  # type: ignore[arg-type]

    async def handler(uow: UnitOfWork) -> str:
        await uow.decide(NAMES, a, "y")
        await uow.decide(NAMES, b, "z")
        return "done"

    outcome = await pipeline.run(handler, CAUSE)
    assert outcome.value == "done"
    assert [(r.stream_id, r.version) for r in outcome.recorded] == [(a, 2), (b, 1)]


async def test_a_command_that_decides_nothing_writes_nothing() -> None:
    pipeline = InMemoryPipeline()
    a = sid()
    await given(pipeline.store, a, "x")  # type: ignore[arg-type]
    assert await pipeline.execute(NAMES, a, "x", CAUSE) == []
    assert await names_of(pipeline.store, a) == ["x"]  # type: ignore[arg-type]


async def test_staging_twice_on_one_stream_appends_both_at_the_version_loaded() -> None:
    pipeline = InMemoryPipeline()
    a = sid()

    async def handler(uow: UnitOfWork) -> None:
        await uow.decide(NAMES, a, "x")
        await uow.decide(NAMES, a, "x")  # sees its own staged event: decides nothing
        await uow.decide(NAMES, a, "y")

    recorded = (await pipeline.run(handler, CAUSE)).recorded
    assert [(r.version, r.event.name) for r in recorded] == [(1, "x"), (2, "y")]  # type: ignore[attr-defined]


async def test_a_lost_race_is_decided_again_on_fresh_state() -> None:
    pipeline = InMemoryPipeline()
    a = sid()
    await given(pipeline.store, a, "x")  # type: ignore[arg-type]
    seen: list[tuple[str, ...]] = []

    async def handler(uow: UnitOfWork) -> None:
        folded = await uow.state(NAMES, a)
        seen.append(folded.state)
        if len(seen) == 1:  # another writer gets in between the load and the append
            await pipeline.store.append([StreamWrite(a, 1, [named("rival")])], CAUSE)
        uow.stage(a, NAMES.decide("y", folded.state))

    recorded = (await pipeline.run(handler, CAUSE)).recorded
    assert seen == [("x",), ("x", "rival")]
    assert [r.version for r in recorded] == [3]
    assert await names_of(pipeline.store, a) == ["x", "rival", "y"]  # type: ignore[arg-type]


async def test_a_conflict_reaches_the_caller_once_the_attempts_are_spent() -> None:
    pipeline = InMemoryPipeline(retry=RetryPolicy(attempts=2, max_pause_s=0))
    a = sid()
    tries = 0

    async def handler(uow: UnitOfWork) -> None:
        nonlocal tries
        tries += 1
        folded = await uow.state(NAMES, a)
        await pipeline.store.append(
            [StreamWrite(a, folded.version, [named(f"rival{tries}")])], CAUSE
        )
        uow.stage(a, [named("mine")])

    with pytest.raises(ConcurrencyConflict):
        await pipeline.run(handler, CAUSE)
    assert tries == 2
    assert "mine" not in await names_of(pipeline.store, a)  # type: ignore[arg-type]


async def test_an_error_in_a_handler_writes_nothing_and_is_not_retried() -> None:
    pipeline = InMemoryPipeline()
    a = sid()
    tries = 0

    async def handler(uow: UnitOfWork) -> None:
        nonlocal tries
        tries += 1
        await uow.decide(NAMES, a, "x")
        raise ValueError("refused")

    with pytest.raises(ValueError, match="refused"):
        await pipeline.run(handler, CAUSE)
    assert (tries, await pipeline.store.load(a)) == (1, [])


async def test_staging_a_stream_that_was_not_loaded_is_a_programming_error() -> None:
    async def handler(uow: UnitOfWork) -> None:
        uow.stage(sid(), [named("x")])

    with pytest.raises(RuntimeError, match="only after loading"):
        await InMemoryPipeline().run(handler, CAUSE)


async def test_states_loads_many_streams_and_marks_the_missing_ones() -> None:
    pipeline = InMemoryPipeline()
    a, b = sid(), sid()
    await given(pipeline.store, a, "x", "y")  # type: ignore[arg-type]
    states = await pipeline._read(lambda uow: uow.states(NAMES, [a, b]))
    assert (states[a].state, states[a].version, states[a].exists) == (("x", "y"), 2, True)
    assert (states[b].state, states[b].version, states[b].exists) == ((), 0, False)


class UpperCodec:
    """Opens names in upper case and seals them in lower case (a stand-in for the vault)."""

    async def open(
        self, conn: Any, histories: dict[str, list[Recorded]]
    ) -> dict[str, list[DomainEvent]]:
        return {
            s: [r.event.model_copy(update={"name": r.event.name.upper()}) for r in h]  # type: ignore[attr-defined]
            for s, h in histories.items()
        }

    async def seal(self, conn: Any, writes: list[StreamWrite]) -> list[StreamWrite]:
        return [
            StreamWrite(
                w.stream_id,
                w.expected_version,
                [e.model_copy(update={"name": e.name.lower()}) for e in w.events],  # type: ignore[attr-defined]
            )
            for w in writes
        ]

    def committed(self) -> None:
        self.commits += 1

    commits = 0


async def test_a_codec_opens_what_is_folded_and_seals_what_is_appended() -> None:
    pipeline = InMemoryPipeline(codec=UpperCodec())
    a = sid()
    await given(pipeline.store, a, "x")  # type: ignore[arg-type]
    await pipeline.execute(NAMES, a, "X", CAUSE)  # "X" is there once opened: nothing new
    await pipeline.execute(NAMES, a, "Y", CAUSE)
    assert await names_of(pipeline.store, a) == ["x", "y"]  # type: ignore[arg-type]
    assert pipeline.codec.commits == 1  # type: ignore[union-attr]


async def test_on_committed_is_told_what_was_appended() -> None:
    told: list[list[Recorded]] = []
    pipeline = InMemoryPipeline(on_committed=told.append)
    a = sid()
    await pipeline.execute(NAMES, a, "x", CAUSE)
    await pipeline.execute(NAMES, a, "x", CAUSE)  # nothing appended: nothing told
    assert [[r.version for r in rs] for rs in told] == [[1]]


async def test_creating_a_stream_that_appeared_meanwhile_is_decided_again() -> None:
    pipeline = InMemoryPipeline()
    a = sid()
    tries = 0

    async def handler(uow: UnitOfWork) -> bool:
        nonlocal tries
        tries += 1
        if await uow.store.existing([a]):
            return False
        if tries == 1:  # another writer creates it first
            await pipeline.store.append([StreamWrite(a, 0, [named("rival")])], CAUSE)
        uow.create(a, [named("mine")])
        return True

    outcome = await pipeline.run(handler, CAUSE)
    assert (tries, outcome.value, outcome.recorded) == (2, False, [])
    assert await names_of(pipeline.store, a) == ["rival"]  # type: ignore[arg-type]
