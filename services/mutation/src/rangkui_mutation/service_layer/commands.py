"""Command handlers of the transfer lifecycle: gather the facts the rules need, let the pure
decider decide, append with optimistic concurrency (all in one transaction where a rule
needs a lock)."""

from __future__ import annotations

import dataclasses
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import asyncpg

from rangkui_eventkit.context import Cause
from rangkui_eventkit.errors import NotFound
from rangkui_eventkit.personal_data import KeyRing
from rangkui_eventkit.pipeline import execute, load_state
from rangkui_eventkit.store import EventStore, Recorded, StreamWrite
from rangkui_mutation.adapters import read_models, write_facts
from rangkui_mutation.domain.mutation import (
    ApprovalFacts,
    ApproveMutation,
    Command,
    DecreeFacts,
    DecreeMutation,
    MutationState,
    ProposeMutation,
    ReleaseHold,
    mutation_decider,
    stream_id,
)
from rangkui_mutation.domain.rules import (
    Blackout,
    FitFacts,
    appraisal_window_start,
    find_blackout,
    rule_error,
)
from rangkui_mutation.settings import MutationSettings

Clock = Callable[[], date]


@dataclass(frozen=True)
class Deps:
    """What the handlers need; built once by the bootstrap from the running service."""

    pool: asyncpg.Pool
    store: EventStore
    settings: MutationSettings
    today: Clock
    keyring: KeyRing | None = None  # employees' data keys: objection reasons are sealed

    @property
    def blackouts(self) -> list[Blackout]:
        return [
            Blackout(w.start, w.end, w.reason, w.kind, tuple(w.post_types), tuple(w.kinds))
            for w in self.settings.blackout_windows
        ]


async def propose_mutation(
    deps: Deps,
    *,
    nip: str,
    to_unit_id: str,
    to_position_id: str,
    kind: Any,
    reason: str,
    cause: Cause,
    need_id: str | None = None,
    related_persons: tuple[str, ...] = (),
    mutation_id: str | None = None,
) -> str:
    """Propose a transfer from the employee's current post (as the read model knows it)."""
    employee = await read_models.employee(deps.pool, nip)
    if employee is None:
        raise NotFound(
            f"unknown employee {nip}: no employee with this NIP has been registered "
            "(or the registration has not reached the mutation service yet)"
        )
    target = await read_models.position(deps.pool, to_position_id)
    if target is None:
        raise NotFound(f"unknown post {to_position_id}: no such post has been established")
    if target["unit_id"] != to_unit_id:
        raise rule_error(
            "post_not_in_unit",
            position_id=to_position_id,
            actual_unit_id=target["unit_id"],
            unit_id=to_unit_id,
        )
    closed_on = await read_models.unit_closed_on(deps.pool, to_unit_id)
    if closed_on is not None:
        raise rule_error("unit_closed", unit_id=to_unit_id, closed_on=closed_on)
    if need_id is not None:
        await _check_need(deps, need_id, to_position_id)
    mutation_id = mutation_id or str(uuid.uuid4())
    async with deps.pool.acquire() as conn, conn.transaction():
        await write_facts.lock(conn, f"mutation.employee:{nip}")
        command = ProposeMutation(
            mutation_id=mutation_id,
            nip=nip,
            from_unit_id=employee["unit_id"],
            from_position_id=employee["position_id"],
            to_unit_id=to_unit_id,
            to_position_id=to_position_id,
            kind=kind,
            reason=reason,
            actor=cause.actor,
            employee_status=employee["status"],
            need_id=need_id,
            related_persons=related_persons,
            open_transfer_id=await write_facts.open_transfer_of(conn, deps.store, nip),
            free_places=target["formasi"]
            - await write_facts.occupancy(conn, to_position_id)
            - await write_facts.places_held(conn, deps.store, to_position_id, exclude=""),
        )
        await execute(
            deps.store, stream_id(mutation_id), mutation_decider, command, cause, conn=conn
        )
    return mutation_id


async def _check_need(deps: Deps, need_id: str, to_position_id: str) -> None:
    from rangkui_mutation.domain.need import NeedStatus, need_decider, need_stream_id

    state, _ = await load_state(deps.store, need_stream_id(need_id), need_decider)
    if state.status is None:
        raise NotFound(f"unknown staffing need {need_id}")
    if state.status != NeedStatus.OPEN:
        raise rule_error("need_not_open", need_id=need_id, status=state.status.value)
    if state.position_id != to_position_id:
        raise rule_error(
            "need_other_post",
            need_id=need_id,
            need_position_id=state.position_id,
            position_id=to_position_id,
        )


async def approve_mutation(
    deps: Deps,
    mutation_id: str,
    *,
    cause: Cause,
    reasons: str = "",
    min_years_exception: str | None = None,
    minister_approval_ref: str | None = None,
    minister_approval_date: date | None = None,
    fit_override: str | None = None,
) -> list[Recorded]:
    """Approve under a per-post lock, so two approvals racing for the last free place are
    decided one after the other and exactly one wins."""
    sid = stream_id(mutation_id)
    async with deps.pool.acquire() as conn, conn.transaction():
        state = await existing(deps, sid, conn)
        await write_facts.lock(conn, f"mutation.position:{state.to_position_id}")
        state, version = await load_state(deps.store, sid, mutation_decider, conn=conn)
        target = await read_models.position(conn, state.to_position_id)
        employee = await read_models.employee(conn, state.nip)
        if target is None or employee is None:
            raise NotFound("the employee or the target post is no longer known")
        held = await write_facts.places_held(
            conn, deps.store, state.to_position_id, exclude=mutation_id
        )
        today = deps.today()
        free = target["formasi"] - await write_facts.occupancy(conn, state.to_position_id) - held
        facts = ApprovalFacts(
            today=today,
            free_places=free,
            tmt_position=employee["tmt_position"],
            min_years_in_post=deps.settings.min_years_in_post,
            blackout=find_blackout(
                deps.blackouts, today, post_type=target["jabatan_type"], kind=state.kind
            ),
            employee_status=employee["status"],
            recent_annual_predikat=await read_models.recent_annual_predikat(
                conn, state.nip, since=appraisal_window_start(today)
            ),
            missing_appraisals=deps.settings.missing_appraisals,
            unit_closed_on=await read_models.unit_closed_on(conn, state.to_unit_id),
        )
        current = await read_models.position(conn, employee["position_id"])
        facts = dataclasses.replace(facts, fit=fit_facts(employee, current, target))
        command = ApproveMutation(
            actor=cause.actor,
            facts=facts,
            fit_override=fit_override,
            reasons=reasons,
            min_years_exception=min_years_exception,
            minister_approval_ref=minister_approval_ref,
            minister_approval_date=minister_approval_date,
            policy=deps.settings.process_policy(),
        )
        events = mutation_decider.decide(command, state)
        return await deps.store.append([StreamWrite(sid, version, events)], cause, conn=conn)


def fit_facts(
    employee: dict[str, Any], current: dict[str, Any] | None, target: dict[str, Any]
) -> FitFacts:
    """The employee against the target post and the post they hold, from the read models."""
    return FitFacts(
        grade=employee["grade"],
        education=tuple((e["level"], e["field"]) for e in _education(employee)),
        current_type=current["jabatan_type"] if current else target["jabatan_type"],
        target_type=target["jabatan_type"],
        target_grade_min=target["grade_min"],
        target_grade_max=target["grade_max"],
        current_grade_max=current["grade_max"] if current else None,
        required_levels=tuple(target["required_education_levels"]),
        required_fields=tuple(target["required_education_fields"]),
    )


def _education(employee: dict[str, Any]) -> list[dict[str, Any]]:
    raw = employee.get("education") or []
    return json.loads(raw) if isinstance(raw, str) else list(raw)


async def decree_mutation(
    deps: Deps,
    mutation_id: str,
    *,
    cause: Cause,
    sk_number: str,
    sk_date: date,
    tmt: date,
    retroactive_reason: str | None = None,
    minister_approval_ref: str | None = None,
    minister_approval_date: date | None = None,
) -> list[Recorded]:
    """Record the SK under a per-number lock, so one SK number names one transfer; the
    facts (status, blackout on the SK date, numbers in use) as of now."""
    sid = stream_id(mutation_id)
    async with deps.pool.acquire() as conn, conn.transaction():
        state = await existing(deps, sid, conn)
        await write_facts.lock(conn, f"mutation.sk:{sk_number.strip().upper()}")
        employee = await read_models.employee(conn, state.nip)
        target = await read_models.position(conn, state.to_position_id)
        post_type = target["jabatan_type"] if target else None
        facts = DecreeFacts(
            today=deps.today(),
            sk_number_used_by=await write_facts.sk_number_used_by(
                conn, sk_number, exclude=mutation_id
            ),
            blackout=find_blackout(deps.blackouts, sk_date, post_type=post_type, kind=state.kind),
            employee_status=employee["status"] if employee else "ACTIVE",
            unit_closed_on=await read_models.unit_closed_on(conn, state.to_unit_id),
            retroactive_tmt_max_days=deps.settings.retroactive_tmt_max_days,
            tmt_horizon_days=deps.settings.tmt_horizon_days,
        )
        command = DecreeMutation(
            actor=cause.actor,
            sk_number=sk_number,
            sk_date=sk_date,
            tmt=tmt,
            facts=facts,
            retroactive_reason=retroactive_reason,
            minister_approval_ref=minister_approval_ref,
            minister_approval_date=minister_approval_date,
            policy=deps.settings.process_policy(),
        )
        return await execute(deps.store, sid, mutation_decider, command, cause, conn=conn)


async def tmt_facts(deps: Deps, state: MutationState) -> tuple[str, date | None]:
    """The facts the TMT guards need: the employee's status, the target unit's closure."""
    employee = await read_models.employee(deps.pool, state.nip)
    closed_on = await read_models.unit_closed_on(deps.pool, state.to_unit_id)
    return (employee["status"] if employee else "ACTIVE"), closed_on


async def release_hold(
    deps: Deps, mutation_id: str, *, cause: Cause, reason: str
) -> list[Recorded]:
    """Release a held transfer once its guards pass again (the decider re-checks them)."""
    sid = stream_id(mutation_id)
    state = await existing(deps, sid)
    status, closed_on = await tmt_facts(deps, state)
    command = ReleaseHold(
        actor=cause.actor, reason=reason, employee_status=status, unit_closed_on=closed_on
    )
    return await execute(deps.store, sid, mutation_decider, command, cause)


async def run_command(
    deps: Deps, mutation_id: str, command: Command, cause: Cause
) -> list[Recorded]:
    """Any lifecycle step that needs no outside facts: load, decide, append."""
    sid = stream_id(mutation_id)
    await existing(deps, sid)
    return await execute(deps.store, sid, mutation_decider, command, cause)


async def existing(deps: Deps, sid: str, conn: asyncpg.Connection | None = None) -> MutationState:
    state, _ = await load_state(deps.store, sid, mutation_decider, conn=conn)
    if state.status is None:
        raise NotFound(f"unknown transfer {sid.removeprefix('mutation-')}")
    return state
