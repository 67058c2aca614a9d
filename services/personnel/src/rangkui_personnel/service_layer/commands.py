"""Command handlers: load the streams a command depends on, decide, and leave the append to
the kit's pipeline (one unit of work per command, a lost race decided again).

References to other aggregates (the parent unit, the unit and post of an employee) are
checked by loading their streams, not the read models, so a command never succeeds on the
strength of a projection that has not caught up (or fails because of one).

Personnel's pipeline carries the personal-data vault as its codec: sealed values are opened
for the fold and new ones sealed (creating the employee's data key if needed) before the
append, in the command's transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rangkui_eventkit.clock import Clock
from rangkui_eventkit.context import Cause
from rangkui_eventkit.errors import AlreadyExists, ConcurrencyConflict, RuleViolated
from rangkui_eventkit.logging import get_logger
from rangkui_eventkit.pipeline import Pipeline, UnitOfWork
from rangkui_eventkit.store import Recorded
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
from rangkui_personnel.service_layer.ports import ErasureKeys, OpenProceedings

MAX_TREE_DEPTH = 20
log = get_logger(__name__)


@dataclass(frozen=True)
class Deps:
    """What the handlers need; built by the bootstrap (or, in unit tests, in memory)."""

    pipeline: Pipeline
    clock: Clock
    keys: ErasureKeys  # the key id an erasure names
    proceedings: OpenProceedings  # open objections, as learnt from mutation's events
    pool: Any = None  # read models for the HTTP layer's queries (None in unit tests)


def _logged(recorded: list[Recorded]) -> list[Recorded]:
    for r in recorded:
        log.info(
            f"personnel.{r.envelope.type.split('.')[2]}",
            stream_id=r.stream_id,
            version=r.version,
        )
    return recorded


async def check_unit(uow: UnitOfWork, unit_id: str, role: str = "unit") -> None:
    require_open_unit(unit_id, (await uow.state(unit_decider, unit_stream(unit_id))).state, role)


async def check_placement(
    uow: UnitOfWork, unit_id: str, position_id: str, role: str = "unit"
) -> None:
    """422 unless `unit_id` is an open unit and `position_id` a post of it."""
    await uow.load([unit_stream(unit_id), position_stream(position_id)])
    unit = (await uow.state(unit_decider, unit_stream(unit_id))).state
    require_open_unit(unit_id, unit, role)
    post = (await uow.state(position_decider, position_stream(position_id))).state
    require_post_in_unit(position_id, post, unit_id)


async def check_parent(uow: UnitOfWork, unit_id: str, parent_unit_id: str | None) -> None:
    """422 unless the parent is an open unit and not the unit itself or one under it."""
    ancestor = parent_unit_id
    for _ in range(MAX_TREE_DEPTH):
        if ancestor is None:
            return
        if ancestor == unit_id:
            raise RuleViolated(
                "unit_tree", f"unit {unit_id} cannot be placed under itself or a unit below it"
            )
        state = (await uow.state(unit_decider, unit_stream(ancestor))).state
        require_open_unit(
            ancestor, state, "parent unit" if ancestor == parent_unit_id else "ancestor unit"
        )
        ancestor = state.parent_unit_id
    raise RuleViolated("unit_tree", f"the organisation tree is deeper than {MAX_TREE_DEPTH}")


async def register_unit(deps: Deps, command: RegisterUnit, cause: Cause) -> list[Recorded]:
    async def handler(uow: UnitOfWork) -> None:
        await check_parent(uow, command.unit_id, command.parent_unit_id)
        await uow.decide(unit_decider, unit_stream(command.unit_id), command)

    return await _once(deps, handler, cause, f"unit {command.unit_id} is already registered")


async def rename_unit(deps: Deps, command: RenameUnit, cause: Cause) -> list[Recorded]:
    stream = unit_stream(command.unit_id)
    return _logged(await deps.pipeline.execute(unit_decider, stream, command, cause))


async def move_unit(deps: Deps, command: MoveUnit, cause: Cause) -> list[Recorded]:
    async def handler(uow: UnitOfWork) -> None:
        await check_parent(uow, command.unit_id, command.parent_unit_id)
        await uow.decide(unit_decider, unit_stream(command.unit_id), command)

    return _logged((await deps.pipeline.run(handler, cause)).recorded)


async def close_unit(deps: Deps, command: CloseUnit, cause: Cause) -> list[Recorded]:
    async def handler(uow: UnitOfWork) -> None:
        if command.successor_unit_id:
            await check_unit(uow, command.successor_unit_id, "successor unit")
        await uow.decide(unit_decider, unit_stream(command.unit_id), command)

    return _logged((await deps.pipeline.run(handler, cause)).recorded)


async def establish_position(
    deps: Deps, command: EstablishPosition, cause: Cause
) -> list[Recorded]:
    async def handler(uow: UnitOfWork) -> None:
        await check_unit(uow, command.unit_id)
        await uow.decide(position_decider, position_stream(command.position_id), command)

    return await _once(deps, handler, cause, f"post {command.position_id} is already established")


async def change_formation(deps: Deps, command: ChangeFormation, cause: Cause) -> list[Recorded]:
    stream = position_stream(command.position_id)
    return _logged(await deps.pipeline.execute(position_decider, stream, command, cause))


async def register_employee(deps: Deps, command: RegisterEmployee, cause: Cause) -> list[Recorded]:
    # Identity first: a bad NIP is the caller's first problem, whatever the unit says.
    employee_decider.decide(command, employee_decider.initial_state)

    async def handler(uow: UnitOfWork) -> None:
        await check_placement(uow, command.unit_id, command.position_id)
        await uow.decide(employee_decider, employee_stream(command.nip), command)

    return await _once(
        deps, handler, cause, f"an employee with NIP {command.nip} is already registered"
    )


async def change_employee(deps: Deps, command: EmployeeCommand, cause: Cause) -> list[Recorded]:
    """Any change to a registered employee (a reassignment's target is checked first)."""

    async def handler(uow: UnitOfWork) -> None:
        if isinstance(command, ReassignEmployee):
            await check_placement(uow, command.to_unit_id, command.to_position_id)
        await uow.decide(employee_decider, employee_stream(command.nip), command)

    return _logged((await deps.pipeline.run(handler, cause)).recorded)


async def erase_personal_data(deps: Deps, nip: str, reason: str, cause: Cause) -> list[Recorded]:
    """Crypto-shred an employee's personal data: the key goes, the decisions stay; not
    while a proceeding about them is open (an objection mutation has not resolved, as the
    `proceedings` projection learnt from its events; disciplinary proceedings)."""

    async def handler(uow: UnitOfWork) -> str:
        command = EraseEmployeePersonalData(
            nip=nip,
            reason=reason,
            erased_at=deps.clock.now(),
            key_id=await deps.keys.key_id_for_erasure(uow.conn, nip),
            open_objections=await deps.proceedings.open_objections(uow.conn, nip),
        )
        await uow.decide(employee_decider, employee_stream(nip), command)
        return command.key_id

    outcome = await deps.pipeline.run(handler, cause)
    log.info("personnel.personal_data_erased", nip=nip, key_id=outcome.value)
    return _logged(outcome.recorded)


async def _once(deps: Deps, handler: Any, cause: Cause, message: str) -> list[Recorded]:
    """A creation that lost a race to an identical one is a duplicate (409), not a conflict."""
    try:
        return _logged((await deps.pipeline.run(handler, cause)).recorded)
    except ConcurrencyConflict:
        raise AlreadyExists(message) from None
