"""Identity and access: bearer tokens from the province's identity provider, roles, scopes
and the per-service access table."""

from rangkui_eventkit.auth.access import (
    Access,
    AccessTable,
    Grant,
    Rule,
    Scope,
    in_units,
    own,
    rule,
)
from rangkui_eventkit.auth.dependencies import authorize, current_principal
from rangkui_eventkit.auth.principal import ALL_ROLES, Principal, Role

__all__ = [
    "ALL_ROLES",
    "Access",
    "AccessTable",
    "Grant",
    "Principal",
    "Role",
    "Rule",
    "Scope",
    "authorize",
    "current_principal",
    "in_units",
    "own",
    "rule",
]
