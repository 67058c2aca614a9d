"""The transfer policy as effective-dated events: an administrator records a change
(`MutationPolicyChanged`) effective from a day that is not in the past, and every decision
applies the change in force on its decision day (or the configured baseline before any),
recording the values and their version. No restart: the policy stream is read at each
decision, in the decision's transaction.

Pure: a decider over one stream (`POLICY_STREAM`) and the selection of the policy in force.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rangkui_contracts import DomainEvent
from rangkui_contracts.events.mutation import MutationPolicyChanged, PolicyApplied, PolicyValues
from rangkui_eventkit.decider import Decider
from rangkui_mutation.domain.mutation import ProcessPolicy
from rangkui_mutation.domain.rules import refuse, violation

# Not `mutation-...`: that prefix names the streams of transfers.
POLICY_STREAM = "mutation_policy"


@dataclass(frozen=True)
class PolicyChange:
    values: PolicyValues
    effective_from: date
    basis: str
    number: int  # its place in the stream: 1 for the first change


@dataclass(frozen=True)
class PolicyHistory:
    changes: tuple[PolicyChange, ...] = ()


@dataclass(frozen=True)
class ChangePolicy:
    values: PolicyValues
    effective_from: date
    basis: str
    actor: str
    today: date


def evolve(state: PolicyHistory, event: DomainEvent) -> PolicyHistory:
    if isinstance(event, MutationPolicyChanged):
        change = PolicyChange(
            event.values, event.effective_from, event.basis, len(state.changes) + 1
        )
        return PolicyHistory((*state.changes, change))
    return state


def decide(command: ChangePolicy, state: PolicyHistory) -> Sequence[DomainEvent]:
    """A change takes effect today or later, never before: decisions already taken stay
    under the policy they applied. Skipping steps needs the regulation that allows it."""
    values = command.values
    refuse(
        [
            violation(
                "policy_effective_in_past",
                effective_from=command.effective_from,
                today=command.today,
            )
            if command.effective_from < command.today
            else None,
            violation("policy_skip_needs_basis")
            if values.skip_steps and not (values.skip_steps_basis or "").strip()
            else None,
        ]
    )
    return [
        MutationPolicyChanged(
            values=values,
            effective_from=command.effective_from,
            basis=command.basis.strip(),
            changed_by=command.actor,
        )
    ]


policy_decider: Decider[ChangePolicy, PolicyHistory] = Decider(
    initial_state=PolicyHistory(), evolve=evolve, decide=decide
)


def in_force(history: PolicyHistory, day: date) -> PolicyChange | None:
    """The change in force on `day`: the latest effective on or before it (of two effective
    the same day, the later recorded)."""
    due = [c for c in history.changes if c.effective_from <= day]
    return max(due, key=lambda c: (c.effective_from, c.number), default=None)


def version_of(values: PolicyValues, change: PolicyChange | None) -> str:
    """A digest of the values, prefixed by the change's number when one is in force."""
    digest = hashlib.sha256(
        json.dumps(values.model_dump(mode="json"), sort_keys=True).encode()
    ).hexdigest()[:12]
    return digest if change is None else f"v{change.number}-{digest}"


def process_policy(
    values: PolicyValues, change: PolicyChange | None = None, extra_digest: str = ""
) -> ProcessPolicy:
    """The policy the deciders apply, with every value recorded on the decisions."""
    version = version_of(values, change)
    if extra_digest and change is None:
        version = extra_digest
    applied = PolicyApplied(
        version=version,
        min_years_in_post=values.min_years_in_post,
        max_years_in_post=values.max_years_in_post,
        tpk_quorum=values.tpk_quorum,
        objection_window_days=values.objection_window_days,
        missing_appraisals=values.missing_appraisals,
        skip_steps=sorted(values.skip_steps),
        skip_steps_basis=(values.skip_steps_basis or "").strip() or None,
        effective_from=change.effective_from if change else None,
        retroactive_tmt_max_days=values.retroactive_tmt_max_days,
        tmt_horizon_days=values.tmt_horizon_days,
    )
    return ProcessPolicy(
        skip_steps=frozenset(values.skip_steps),
        basis=(values.skip_steps_basis or "").strip(),
        tpk_quorum=values.tpk_quorum,
        objection_window_days=values.objection_window_days,
        applied=applied,
    )
