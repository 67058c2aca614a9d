"""Command handlers: load the streams a command depends on, decide, append.

References to other aggregates (the parent unit, the unit and post of an employee) are
checked by loading their streams, not the read models, so a command never succeeds on the
strength of a projection that has not caught up (or fails because of one).

Employee commands run through the personal-data vault, in one transaction: load, open what
is sealed, fold, decide, seal (creating the employee's data key if needed), append.
"""

from __future__ import annotations

from collections.abc import Awaitable
from datetime import UTC, datetime

from rangkui_eventkit.context import Cause
from rangkui_eventkit.errors import AlreadyExists, ConcurrencyConflict, RuleViolated
from rangkui_eventkit.logging import get_logger
from rangkui_eventkit.pipeline import execute
from rangkui_eventkit.store import EventStore, PostgresEventStore, Recorded, StreamWrite
from rangkui_personnel.adapters.personal_data import PersonalDataVault
from rangkui_personnel.domain.employee import (
    EmployeeCommand,
    EraseEmployeePersonalData,
    ReassignEmployee,
    RegisterEmployee,
    employee_decider,
)
from rangkui_personnel.domain.position import (
    ChangeFormation,
    EstablishPosition,
    position_decider,
    require_post_in_unit,
)
from rangkui_personnel.domain.streams import employee_stream, position_stream, unit_stream
from rangkui_personnel.domain.unit import (
    CloseUnit,
    MoveUnit,
    RegisterUnit,
    RenameUnit,
    require_open_unit,
    unit_decider,
)

MAX_TREE_DEPTH = 20
log = get_logger(__name__)


def _logged(recorded: list[Recorded]) -> list[Recorded]:
    for r in recorded:
        log.info(
            f"personnel.{r.envelope.type.split('.')[2]}",
            stream_id=r.stream_id,
            version=r.version,
        )
    return recorded


async def check_unit(store: EventStore, unit_id: str, role: str = "unit") -> None:
    history = await store.load(unit_stream(unit_id))
    require_open_unit(unit_id, unit_decider.fold(r.event for r in history), role)


async def check_placement(store: EventStore, unit_id: str, position_id: str) -> None:
    """422 unless `unit_id` is an open unit and `position_id` a post of it."""
    streams = await store.load_many([unit_stream(unit_id), position_stream(position_id)])
    unit = unit_decider.fold(r.event for r in streams.get(unit_stream(unit_id), []))
    require_open_unit(unit_id, unit)
    post = position_decider.fold(r.event for r in streams.get(position_stream(position_id), []))
    require_post_in_unit(position_id, post, unit_id)


async def check_parent(store: EventStore, unit_id: str, parent_unit_id: str | None) -> None:
    """422 unless the parent is an open unit and not the unit itself or one under it."""
    ancestor = parent_unit_id
    for _ in range(MAX_TREE_DEPTH):
        if ancestor is None:
            return
        if ancestor == unit_id:
            raise RuleViolated(
                "unit_tree", f"unit {unit_id} cannot be placed under itself or a unit below it"
            )
        history = await store.load(unit_stream(ancestor))
        state = unit_decider.fold(r.event for r in history)
        require_open_unit(
            ancestor, state, "parent unit" if ancestor == parent_unit_id else "ancestor unit"
        )
        ancestor = state.parent_unit_id
    raise RuleViolated("unit_tree", f"the organisation tree is deeper than {MAX_TREE_DEPTH}")


async def register_unit(store: EventStore, command: RegisterUnit, cause: Cause) -> list[Recorded]:
    await check_parent(store, command.unit_id, command.parent_unit_id)
    return await _once(
        execute(store, unit_stream(command.unit_id), unit_decider, command, cause),
        f"unit {command.unit_id} is already registered",
    )


async def rename_unit(store: EventStore, command: RenameUnit, cause: Cause) -> list[Recorded]:
    return _logged(await execute(store, unit_stream(command.unit_id), unit_decider, command, cause))


async def move_unit(store: EventStore, command: MoveUnit, cause: Cause) -> list[Recorded]:
    await check_parent(store, command.unit_id, command.parent_unit_id)
    return _logged(await execute(store, unit_stream(command.unit_id), unit_decider, command, cause))


async def close_unit(store: EventStore, command: CloseUnit, cause: Cause) -> list[Recorded]:
    if command.successor_unit_id:
        await check_unit(store, command.successor_unit_id, "successor unit")
    return _logged(await execute(store, unit_stream(command.unit_id), unit_decider, command, cause))


async def establish_position(
    store: EventStore, command: EstablishPosition, cause: Cause
) -> list[Recorded]:
    await check_unit(store, command.unit_id)
    return await _once(
        execute(store, position_stream(command.position_id), position_decider, command, cause),
        f"post {command.position_id} is already established",
    )


async def change_formation(
    store: EventStore, command: ChangeFormation, cause: Cause
) -> list[Recorded]:
    stream = position_stream(command.position_id)
    return _logged(await execute(store, stream, position_decider, command, cause))


async def register_employee(
    store: EventStore, vault: PersonalDataVault, command: RegisterEmployee, cause: Cause
) -> list[Recorded]:
    # Identity first: a bad NIP is the caller's first problem, whatever the unit says.
    employee_decider.decide(command, employee_decider.initial_state)
    await check_placement(store, command.unit_id, command.position_id)
    return await _once(
        execute_sealed(store, vault, command, cause),
        f"an employee with NIP {command.nip} is already registered",
    )


async def change_employee(
    store: EventStore, vault: PersonalDataVault, command: EmployeeCommand, cause: Cause
) -> list[Recorded]:
    """Any change to a registered employee (a reassignment's target is checked first)."""
    if isinstance(command, ReassignEmployee):
        await check_placement(store, command.to_unit_id, command.to_position_id)
    return _logged(await execute_sealed(store, vault, command, cause))


async def erase_personal_data(
    store: EventStore, vault: PersonalDataVault, nip: str, reason: str, cause: Cause
) -> list[Recorded]:
    """Crypto-shred an employee's personal data: the key goes, the decisions stay."""
    command = EraseEmployeePersonalData(
        nip=nip,
        reason=reason,
        erased_at=datetime.now(UTC),
        key_id=await vault.key_id_for_erasure(_postgres(store).pool, nip),
    )
    recorded = _logged(await execute_sealed(store, vault, command, cause))
    log.info("personnel.personal_data_erased", nip=nip, key_id=command.key_id)
    return recorded


async def execute_sealed(
    store: EventStore, vault: PersonalDataVault, command: EmployeeCommand, cause: Cause
) -> list[Recorded]:
    """`execute` for the employee decider, with personal data opened for the fold and sealed
    before the append, key changes included, in one transaction."""
    stream = employee_stream(command.nip)
    async with _postgres(store).pool.acquire() as conn, conn.transaction():
        history = await store.load(stream, conn=conn)
        opened = await vault.open_history(conn, {stream: history})
        state = employee_decider.fold(opened[stream])
        events = employee_decider.decide(command, state)
        writes = await vault.seal_writes(conn, [StreamWrite(stream, len(history), events)])
        recorded = await store.append(writes, cause, conn=conn)
    vault.notify()
    return recorded


def _postgres(store: EventStore) -> PostgresEventStore:
    """Sealing creates keys in the append's transaction: it needs the PostgreSQL store."""
    if not isinstance(store, PostgresEventStore):
        raise TypeError("employee commands need the PostgreSQL event store (keys share its tx)")
    return store


async def _once(append: Awaitable[list[Recorded]], message: str) -> list[Recorded]:
    """A creation that lost a race to an identical one is a duplicate (409), not a conflict."""
    try:
        return _logged(await append)
    except ConcurrencyConflict:
        raise AlreadyExists(message) from None
