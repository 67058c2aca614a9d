"""Command handlers of the transfer lifecycle: gather the facts the rules need, let the pure
decider decide, and leave the append to the kit's pipeline (one unit of work per command,
a lost race decided again).

Facts come from two places: the event store itself (other transfers of the employee, places
already held in the target post: write-side truth, serialised by transaction-scoped locks
per employee and per post) and the `MutationFacts` port (read models followed from
personnel and evaluation).
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from rangkui_contracts.events.mutation import MutationApproved, MutationProposed, PolicyValues
from rangkui_eventkit.clock import Clock
from rangkui_eventkit.context import Cause
from rangkui_eventkit.errors import NotFound
from rangkui_eventkit.personal_data import KeyRing
from rangkui_eventkit.pipeline import Pipeline, UnitOfWork
from rangkui_eventkit.store import Recorded
from rangkui_mutation.domain.mutation import (
    HOLDS_PLACE,
    ApprovalFacts,
    ApproveMutation,
    CancelMutation,
    CheckDocuments,
    Command,
    DecreeFacts,
    DecreeMutation,
    MutationState,
    ProposeMutation,
    RejectMutation,
    ReleaseHold,
    ResolveObjection,
    ReviewMutation,
    SocializeMutation,
    Status,
    mutation_decider,
    stream_id,
)
from rangkui_mutation.domain.need import NeedStatus, need_decider, need_stream_id
from rangkui_mutation.domain.rules import (
    Blackout,
    FitFacts,
    appraisal_window_start,
    find_blackout,
    rule_error,
)
from rangkui_mutation.service_layer.offloop import OffLoop
from rangkui_mutation.service_layer.policy import policy_on
from rangkui_mutation.service_layer.ports import DecreeRenderer, DocumentStore, MutationFacts
from rangkui_mutation.settings import MutationSettings

T = TypeVar("T")


@dataclass(frozen=True)
class Deps:
    """What the handlers need; built by the bootstrap from the running service (or, in unit
    tests, from an in-memory pipeline and facts)."""

    pipeline: Pipeline
    settings: MutationSettings
    clock: Clock
    facts: Callable[[UnitOfWork], MutationFacts]  # bound to the unit of work's connection
    keyring: KeyRing | None = None  # employees' data keys: objection reasons are sealed
    pool: Any = None  # read models for the HTTP layer's queries (None in unit tests)
    documents: Callable[[Any], DocumentStore] | None = None  # bound to a connection (or pool)
    renderer: DecreeRenderer | None = None  # the SK document
    # Candidate matching off the event loop (None: on the caller's loop, in unit tests).
    matching: OffLoop | None = None

    async def off_loop(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """`fn(*args, **kwargs)` beside the event loop when the service has a pool for it."""
        if self.matching is None:
            return fn(*args, **kwargs)
        return await self.matching.run(fn, *args, **kwargs)

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
    minister_approval_ref: str | None = None,
    minister_approval_date: date | None = None,
) -> str:
    """Propose a transfer from the employee's current post (as the read model knows it),
    under a per-employee lock so that two proposals cannot both be the open one; a blackout
    window covering today refuses it unless the Minister's approval is recorded."""
    mutation_id = mutation_id or str(uuid.uuid4())

    async def handler(uow: UnitOfWork) -> None:
        facts = deps.facts(uow)
        employee = await facts.employee(nip)
        if employee is None:
            raise NotFound(
                f"unknown employee {nip}: no employee with this NIP has been registered "
                "(or the registration has not reached the mutation service yet)"
            )
        target = await facts.position(to_position_id)
        if target is None:
            raise NotFound(f"unknown post {to_position_id}: no such post has been established")
        if target["unit_id"] != to_unit_id:
            raise rule_error(
                "post_not_in_unit",
                position_id=to_position_id,
                actual_unit_id=target["unit_id"],
                unit_id=to_unit_id,
            )
        closed_on = await facts.unit_closed_on(to_unit_id)
        if closed_on is not None:
            raise rule_error("unit_closed", unit_id=to_unit_id, closed_on=closed_on)
        if need_id is not None:
            await _check_need(uow, need_id, to_position_id)
        await uow.lock(f"mutation.employee:{nip}")
        held = await places_held(uow, facts, to_position_id, exclude="")
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
            open_transfer_id=await open_transfer_of(uow, nip),
            free_places=target["formasi"] - await facts.occupancy(to_position_id) - held,
            blackout=find_blackout(
                deps.blackouts, deps.clock.today(), post_type=target["jabatan_type"], kind=kind
            ),
            minister_approval_ref=minister_approval_ref,
            minister_approval_date=minister_approval_date,
            relatives=await facts.relatives(nip),
            target_head=await facts.head_of_unit(to_unit_id),
        )
        await uow.decide(mutation_decider, stream_id(mutation_id), command)

    await deps.pipeline.run(handler, cause)
    return mutation_id


async def _check_need(uow: UnitOfWork, need_id: str, to_position_id: str) -> None:
    need = (await uow.state(need_decider, need_stream_id(need_id))).state
    if need.status is None:
        raise NotFound(f"unknown staffing need {need_id}")
    if need.status != NeedStatus.OPEN:
        raise rule_error("need_not_open", need_id=need_id, status=need.status.value)
    if need.position_id != to_position_id:
        raise rule_error(
            "need_other_post",
            need_id=need_id,
            need_position_id=need.position_id,
            position_id=to_position_id,
        )


async def open_transfer_of(uow: UnitOfWork, nip: str) -> str | None:
    """The id of the employee's open transfer (not rejected, effective or cancelled), if any,
    from the event store itself (every decision already committed counts)."""
    streams = await uow.store.find_streams(MutationProposed.ce_type(), "nip", nip, conn=uow.conn)
    for folded in (await uow.states(mutation_decider, streams)).values():
        if folded.state.is_open:
            return folded.state.mutation_id
    return None


async def places_held(
    uow: UnitOfWork, facts: MutationFacts, position_id: str, *, exclude: str
) -> int:
    """Transfers approved into the post that still hold a place the occupancy does not show:
    approved but not yet effective, or effective but not yet reassigned in personnel."""
    streams = await uow.store.find_streams(
        MutationApproved.ce_type(), "to_position_id", position_id, conn=uow.conn
    )
    held = 0
    for folded in (await uow.states(mutation_decider, streams)).values():
        state = folded.state
        if state.mutation_id == exclude:
            continue
        if state.status in HOLDS_PLACE:
            held += 1
        elif state.status == Status.EFFECTIVE and state.nip is not None:
            held += 0 if await facts.holds_post(state.nip, position_id) else 1
    return held


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

    async def handler(uow: UnitOfWork) -> None:
        state = await existing(uow, sid)
        nip, position_id = state.nip or "", state.to_position_id or ""
        await uow.lock(f"mutation.position:{position_id}")
        facts = deps.facts(uow)
        target = await facts.position(position_id)
        employee = await facts.employee(nip)
        if target is None or employee is None:
            raise NotFound("the employee or the target post is no longer known")
        held = await places_held(uow, facts, position_id, exclude=mutation_id)
        today = deps.clock.today()
        policy = await policy_on(deps, uow, today)
        current = await facts.position(employee["position_id"])
        approval = ApprovalFacts(
            today=today,
            free_places=target["formasi"] - await facts.occupancy(position_id) - held,
            tmt_position=employee["tmt_position"],
            min_years_in_post=policy.values.min_years_in_post,
            blackout=find_blackout(
                deps.blackouts, today, post_type=target["jabatan_type"], kind=state.kind
            ),
            employee_status=employee["status"],
            recent_annual_predikat=await facts.recent_annual_predikat(
                nip, since=appraisal_window_start(today)
            ),
            missing_appraisals=policy.values.missing_appraisals,
            unit_closed_on=await facts.unit_closed_on(state.to_unit_id or ""),
            fit=fit_facts(employee, current, target),
        )
        command = ApproveMutation(
            actor=cause.actor,
            facts=approval,
            fit_override=fit_override,
            reasons=reasons,
            min_years_exception=min_years_exception,
            minister_approval_ref=minister_approval_ref,
            minister_approval_date=minister_approval_date,
            policy=policy.process,
            relatives=await facts.relatives(nip),
            target_head=await facts.head_of_unit(state.to_unit_id or ""),
        )
        # Decided on the state loaded before the lock: if the stream moved meanwhile, the
        # append conflicts and the pipeline decides again (the places are read under the lock).
        uow.stage(sid, mutation_decider.decide(command, state))

    return (await deps.pipeline.run(handler, cause)).recorded


def fit_facts(
    employee: dict[str, Any], current: dict[str, Any] | None, target: dict[str, Any]
) -> FitFacts:
    """The employee against the target post and the post they hold, from the read models."""
    return FitFacts(
        grade=employee["grade"],
        education=tuple((e["level"], e["field"]) for e in _education(employee)),
        current_type=current["jabatan_type"] if current else target["jabatan_type"],
        target_type=target["jabatan_type"],
        target_grade_min=target.get("grade_min"),
        target_grade_max=target.get("grade_max"),
        current_grade_max=current.get("grade_max") if current else None,
        required_levels=tuple(target.get("required_education_levels") or ()),
        required_fields=tuple(target.get("required_education_fields") or ()),
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

    async def handler(uow: UnitOfWork) -> None:
        state = await existing(uow, sid)
        await uow.lock(f"mutation.sk:{normalised_sk_number(sk_number)}")
        facts = deps.facts(uow)
        policy = await policy_on(deps, uow, deps.clock.today())
        decree = await decree_facts(deps, facts, state, sk_number, sk_date, policy.values, uow)
        command = DecreeMutation(
            actor=cause.actor,
            sk_number=sk_number,
            sk_date=sk_date,
            tmt=tmt,
            facts=decree,
            retroactive_reason=retroactive_reason,
            minister_approval_ref=minister_approval_ref,
            minister_approval_date=minister_approval_date,
            policy=policy.process,
            relatives=await facts.relatives(state.nip or ""),
            target_head=await facts.head_of_unit(state.to_unit_id or ""),
        )
        uow.stage(sid, mutation_decider.decide(command, state))

    return (await deps.pipeline.run(handler, cause)).recorded


async def decree_facts(
    deps: Deps,
    facts: MutationFacts,
    state: MutationState,
    sk_number: str,
    sk_date: date,
    policy: PolicyValues,
    uow: UnitOfWork,
) -> DecreeFacts:
    """The facts a decree of the transfer is decided on, as of today: the SK numbers in use
    (by other transfers), the blackout on the SK date, the employee's status, the target
    unit's closure, the places left in the target post (the formasi may have shrunk since
    the approval); the TMT bounds of the policy in force."""
    employee = await facts.employee(state.nip or "")
    target = await facts.position(state.to_position_id or "")
    post_type = target["jabatan_type"] if target else None
    free = None
    if target is not None:
        held = await places_held(uow, facts, state.to_position_id, exclude=state.mutation_id)
        free = target["formasi"] - await facts.occupancy(state.to_position_id) - held
    return DecreeFacts(
        today=deps.clock.today(),
        sk_number_used_by=await facts.sk_number_used_by(
            normalised_sk_number(sk_number), exclude=state.mutation_id
        ),
        blackout=find_blackout(deps.blackouts, sk_date, post_type=post_type, kind=state.kind),
        employee_status=employee["status"] if employee else "ACTIVE",
        unit_closed_on=await facts.unit_closed_on(state.to_unit_id or ""),
        retroactive_tmt_max_days=policy.retroactive_tmt_max_days,
        tmt_horizon_days=policy.tmt_horizon_days,
        free_places=free,
    )


def normalised_sk_number(sk_number: str) -> str:
    """An SK number as compared for uniqueness: case and surrounding spaces aside."""
    return sk_number.strip().upper()


async def tmt_facts(facts: MutationFacts, state: MutationState) -> tuple[str, date | None]:
    """The facts the TMT guards need: the employee's status, the target unit's closure."""
    employee = await facts.employee(state.nip or "")
    closed_on = await facts.unit_closed_on(state.to_unit_id or "")
    return (employee["status"] if employee else "ACTIVE"), closed_on


async def release_hold(
    deps: Deps, mutation_id: str, *, cause: Cause, reason: str
) -> list[Recorded]:
    """Release a held transfer once its guards pass again (the decider re-checks them)."""
    sid = stream_id(mutation_id)

    async def handler(uow: UnitOfWork) -> None:
        state = await existing(uow, sid)
        facts = deps.facts(uow)
        status, closed_on = await tmt_facts(facts, state)
        command = ReleaseHold(
            actor=cause.actor,
            reason=reason,
            employee_status=status,
            unit_closed_on=closed_on,
            relatives=await facts.relatives(state.nip or ""),
        )
        uow.stage(sid, mutation_decider.decide(command, state))

    return (await deps.pipeline.run(handler, cause)).recorded


# The steps run_command takes that check their actor against personnel's registry.
RELATIVES_CHECKED = (
    CheckDocuments,
    ReviewMutation,
    RejectMutation,
    ResolveObjection,
    SocializeMutation,
    CancelMutation,
)


async def run_command(
    deps: Deps, mutation_id: str, command: Command, cause: Cause
) -> list[Recorded]:
    """Any other lifecycle step: load, decide, (the pipeline) append. A step an officer
    takes on the file (documents, review, reject, resolve an objection, socialise, cancel)
    carries the employee's relatives from personnel's registry, so that no relative takes
    it; a step a policy
    shapes (documents, review, reject, socialise) applies the policy in force today."""
    sid = stream_id(mutation_id)

    async def handler(uow: UnitOfWork) -> None:
        state = await existing(uow, sid)
        decided = command
        if isinstance(command, RELATIVES_CHECKED):
            relatives = await deps.facts(uow).relatives(state.nip or "")
            decided = dataclasses.replace(decided, relatives=relatives)
        if isinstance(
            decided, CheckDocuments | ReviewMutation | RejectMutation | SocializeMutation
        ):
            policy = await policy_on(deps, uow, deps.clock.today())
            decided = dataclasses.replace(decided, policy=policy.process)
        uow.stage(sid, mutation_decider.decide(decided, state))

    return (await deps.pipeline.run(handler, cause)).recorded


async def existing(uow: UnitOfWork, sid: str) -> MutationState:
    state = (await uow.state(mutation_decider, sid)).state
    if state.status is None:
        raise NotFound(f"unknown transfer {sid.removeprefix('mutation-')}")
    return state
