"""Staffing needs: identify (confirm a suggested shortage), close, and rank candidates."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from rangkui_contracts.events.mutation import NeedPriority
from rangkui_eventkit.context import Cause
from rangkui_eventkit.errors import NotFound
from rangkui_eventkit.pipeline import UnitOfWork
from rangkui_mutation.adapters import candidates as candidate_queries
from rangkui_mutation.domain.matching import MatchPolicy, MatchResult, PostProfile, match
from rangkui_mutation.domain.need import (
    CloseNeed,
    IdentifyNeed,
    NeedState,
    need_decider,
    need_stream_id,
)
from rangkui_mutation.domain.rules import rule_error
from rangkui_mutation.service_layer.commands import Deps


async def identify_need(
    deps: Deps,
    *,
    unit_id: str,
    position_id: str,
    count: int,
    reason: str,
    priority: NeedPriority,
    cause: Cause,
    required_competencies: tuple[str, ...] = (),
    need_id: str | None = None,
) -> str:
    need_id = need_id or str(uuid.uuid4())
    command = IdentifyNeed(
        need_id=need_id,
        unit_id=unit_id,
        position_id=position_id,
        count=count,
        reason=reason,
        priority=priority,
        actor=cause.actor,
        required_competencies=required_competencies,
    )

    async def handler(uow: UnitOfWork) -> None:
        post = await deps.facts(uow).position(position_id)
        if post is None:
            raise NotFound(f"unknown post {position_id}: no such post has been established")
        if post["unit_id"] != unit_id:
            raise rule_error(
                "post_not_in_unit",
                position_id=position_id,
                actual_unit_id=post["unit_id"],
                unit_id=unit_id,
            )
        await uow.decide(need_decider, need_stream_id(need_id), command)

    await deps.pipeline.run(handler, cause)
    return need_id


async def close_need(deps: Deps, need_id: str, *, reason: str, cause: Cause) -> int:
    """Close the need; returns its stream's version once closed."""
    command = CloseNeed(reason=reason, actor=cause.actor)
    sid = need_stream_id(need_id)

    async def handler(uow: UnitOfWork) -> int:
        folded = await uow.state(need_decider, sid)
        uow.stage(sid, need_decider.decide(command, _existing(folded.state, need_id)))
        return folded.version

    outcome = await deps.pipeline.run(handler, cause)
    return outcome.recorded[-1].version if outcome.recorded else outcome.value


def _existing(state: NeedState, need_id: str) -> NeedState:
    if state.status is None:
        raise NotFound(f"unknown staffing need {need_id}")
    return state


async def _need(deps: Deps, need_id: str) -> NeedState:
    folded = await deps.pipeline.state(need_decider, need_stream_id(need_id))
    return _existing(folded.state, need_id)


@dataclass(frozen=True)
class NeedCandidates:
    need: NeedState
    result: MatchResult


def _policy(deps: Deps) -> MatchPolicy:
    s = deps.settings
    return MatchPolicy(deps.clock.today(), s.min_years_in_post, s.max_years_in_post)


async def rank_candidates(deps: Deps, need_id: str, *, limit: int) -> NeedCandidates:
    need = await _need(deps, need_id)
    post = await candidate_queries.post_profile(
        deps.pool, need.position_id, need.required_competencies
    )
    if post is None:
        raise NotFound(f"the post {need.position_id} of need {need_id} is not known")
    rows = await candidate_queries.candidate_rows(deps.pool)
    result = await deps.off_loop(_rank, rows, post, _policy(deps), limit)
    return NeedCandidates(need, result)


def _rank(
    rows: candidate_queries.CandidateRows, post: PostProfile, policy: MatchPolicy, limit: int
) -> MatchResult:
    return match(candidate_queries.build_facts(rows), post, policy, limit=limit)


def _eligible_counts(
    rows: candidate_queries.CandidateRows, posts: list[PostProfile | None], policy: MatchPolicy
) -> list[int | None]:
    """How many employees each post's need could take: one build of the candidates for all."""
    people = candidate_queries.build_facts(rows)
    return [None if p is None else match(people, p, policy, limit=0).eligible_count for p in posts]


async def dashboard(
    deps: Deps, status: str | None, need_id: str | None = None
) -> list[dict[str, Any]]:
    """Needs with their share fulfilled and how many eligible candidates are available (the
    matching of every open need in one call off the event loop)."""
    rows = await candidate_queries.needs(deps.pool, status, need_id)
    for row in rows:
        row["share_fulfilled"] = round(row["filled"] / row["count"], 4)
        row["candidates_available"] = None
    open_rows = [row for row in rows if row["status"] == "OPEN"]
    if not open_rows:
        return rows
    posts: list[PostProfile | None] = []
    for row in open_rows:
        state = await _need(deps, row["need_id"])
        posts.append(
            await candidate_queries.post_profile(
                deps.pool, row["position_id"], state.required_competencies
            )
        )
    people = await candidate_queries.candidate_rows(deps.pool)
    counts = await deps.off_loop(_eligible_counts, people, posts, _policy(deps))
    for row, count in zip(open_rows, counts, strict=True):
        row["candidates_available"] = count
    return rows
