"""The policy in force on a decision day, and the administrator's command that changes it.

Read from the policy stream in the deciding unit of work (no restart, no cache to go
stale): the change in force on the day, or the configured baseline before any change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from rangkui_contracts.events.mutation import PolicyValues
from rangkui_eventkit.context import Cause
from rangkui_eventkit.pipeline import UnitOfWork
from rangkui_eventkit.store import Recorded
from rangkui_mutation.domain.mutation import ProcessPolicy
from rangkui_mutation.domain.policy import (
    POLICY_STREAM,
    ChangePolicy,
    PolicyChange,
    PolicyHistory,
    in_force,
    policy_decider,
    process_policy,
)

if TYPE_CHECKING:
    from rangkui_mutation.service_layer.commands import Deps


@dataclass(frozen=True)
class PolicyInForce:
    values: PolicyValues
    process: ProcessPolicy
    change: PolicyChange | None  # None: the configured baseline


async def history(uow: UnitOfWork) -> PolicyHistory:
    return (await uow.state(policy_decider, POLICY_STREAM)).state


async def policy_on(deps: Deps, uow: UnitOfWork, day: date) -> PolicyInForce:
    """The policy a decision taken on `day` applies."""
    change = in_force(await history(uow), day)
    if change is None:
        return PolicyInForce(deps.settings.policy_values(), deps.settings.process_policy(), None)
    return PolicyInForce(change.values, process_policy(change.values, change), change)


async def change_policy(
    deps: Deps, values: PolicyValues, effective_from: date, basis: str, cause: Cause
) -> list[Recorded]:
    """Record a policy change (MutationPolicyChanged), effective from a day not in the past."""

    async def handler(uow: UnitOfWork) -> None:
        command = ChangePolicy(values, effective_from, basis, cause.actor, deps.clock.today())
        await uow.decide(policy_decider, POLICY_STREAM, command)

    return (await deps.pipeline.run(handler, cause)).recorded
