"""How far an evaluator reaches: the transfers into their units, and the plans they were
assigned to evaluate (the head of a unit may also be named evaluator elsewhere)."""

from __future__ import annotations

from typing import Any

from rangkui_evaluation.adapters.monitoring_queries import Reach
from rangkui_evaluation.domain.rules import rule_error
from rangkui_eventkit.auth import Access


def in_reach(access: Access, plan: dict[str, Any]) -> bool:
    """Whether the caller may see a plan: everyone the table lets in, except that an
    evaluator sees the plans of their units and the ones they were assigned."""
    if access.units is None:
        return True
    return plan.get("unit_id") in access.units or (
        plan.get("evaluator_nip") is not None and plan.get("evaluator_nip") == access.principal.nip
    )


def reach_of(access: Access) -> Reach | None:
    """The same rule for the list queries, which apply it in SQL (before their limit)."""
    if access.units is None:
        return None
    return sorted(access.units), access.principal.nip


def require_reach(access: Access, plan: dict[str, Any]) -> None:
    if not in_reach(access, plan):
        raise rule_error("plan_outside_reach")
