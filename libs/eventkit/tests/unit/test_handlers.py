"""Dispatch of events to handler methods, and the batching of projection writes."""

from typing import Any

import pytest

from rangkui_contracts import Envelope
from rangkui_contracts.events.personnel import PositionEstablished, UnitRegistered
from rangkui_contracts.topics import PERSONNEL
from rangkui_eventkit.handlers import BatchContext, Projection, Reaction, Received, handles
from rangkui_eventkit.sqlbatch import SqlBatch

pytestmark = pytest.mark.unit


class RecordingConnection:
    """Stands in for asyncpg in these pure tests: records the calls in order."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, Any]] = []

    async def execute(self, sql: str, *args: Any) -> None:
        self.calls.append(("execute", sql, args))

    async def executemany(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        self.calls.append(("executemany", sql, rows))


def received(event: Any, version: int = 1) -> Received:
    env = Envelope.wrap(
        event,
        source="/rangkui/personnel",
        subject="s",
        correlationid="c",
        actor="a",
        streamversion=version,
    )
    return Received(env, event, "topic", 0, version)


UNIT = UnitRegistered(unit_id="u1", name="Dinas Pendidikan", kind="OPD", region="Kota Rangkui")
POSITION = PositionEstablished(
    position_id="p1", unit_id="u1", title="Guru", jabatan_type="FUNGSIONAL", formasi=2
)


class Units(Projection):
    name = "units"
    topics = (PERSONNEL,)
    tables = ("units",)

    @handles(UnitRegistered)
    async def on_unit(self, ctx: BatchContext, e: UnitRegistered, r: Received) -> None:
        ctx.sql.add("INSERT unit", e.unit_id)


class Quiet(Reaction):
    name = "quiet"
    topics = (PERSONNEL,)


async def test_a_handler_accepts_exactly_the_event_types_it_declares() -> None:
    assert Units().accepts(UnitRegistered.ce_type())
    assert not Units().accepts(PositionEstablished.ce_type())
    assert not Quiet().accepts(UnitRegistered.ce_type())


async def test_a_projection_with_tables_is_rebuildable_and_a_reaction_is_not() -> None:
    assert Units().rebuildable
    assert not Quiet().rebuildable


async def test_handle_calls_the_declared_method_for_each_event_in_order() -> None:
    conn = RecordingConnection()
    ctx = BatchContext(conn, None, "test")  # type: ignore[arg-type]
    other = UNIT.model_copy(update={"unit_id": "u2"})
    await Units().handle(ctx, [received(UNIT), received(other, 2)])
    await ctx.flush()
    assert conn.calls == [("executemany", "INSERT unit", [("u1",), ("u2",)])]


async def test_consecutive_identical_statements_are_batched_and_order_is_kept() -> None:
    conn = RecordingConnection()
    batch = SqlBatch()
    batch.add("A", 1)
    batch.add("A", 2)
    batch.add("B", 3)
    batch.add("A", 4)
    await batch.flush(conn)  # type: ignore[arg-type]
    assert conn.calls == [
        ("executemany", "A", [(1,), (2,)]),
        ("execute", "B", (3,)),
        ("execute", "A", (4,)),
    ]
    assert len(batch) == 0


async def test_a_reaction_context_without_a_store_refuses_to_append() -> None:
    ctx = BatchContext(RecordingConnection(), None, "test")  # type: ignore[arg-type]
    with pytest.raises(RuntimeError, match="without an event store"):
        await ctx.run(lambda uow: uow.load(["x"]), because_of=received(UNIT))


# ------------------------------------------------------------------ older versions
def test_a_handler_of_the_current_version_is_given_the_older_ones_too() -> None:
    from rangkui_contracts.events.personnel import EmployeeRegistered, EmployeeRegisteredV2

    class Registrations(Projection):
        name = "registrations"
        topics = (PERSONNEL,)

        @handles(EmployeeRegisteredV2)
        async def on_registered(self, ctx: BatchContext, e: Any, r: Received) -> None: ...

    assert Registrations().accepts(EmployeeRegisteredV2.ce_type())
    assert Registrations().accepts(EmployeeRegistered.ce_type())


def test_a_handler_of_an_older_version_is_refused_where_it_is_written() -> None:
    from rangkui_contracts.events.mutation import MutationObjected

    with pytest.raises(TypeError, match="current version of MutationObjected"):
        handles(MutationObjected)


def test_a_decider_folds_older_versions_as_the_current_one() -> None:
    from rangkui_contracts.events.mutation import MutationObjected, MutationObjectedV2
    from rangkui_eventkit.decider import Decider

    seen: list[type] = []
    decider: Decider[Any, int] = Decider(
        initial_state=0,
        evolve=lambda state, e: seen.append(type(e)) or state + 1,
        decide=lambda c, s: [],
    )
    old = MutationObjected(mutation_id="M-1", nip="198001012005011001", reason="x",
                           objected_by="198001012005011001")  # fmt: skip

    assert decider.fold([old]) == 1
    assert seen == [MutationObjectedV2]
