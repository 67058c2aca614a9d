"""Who may call what: one declarative table per service, read by a single dependency.

A table maps `"METHOD /path/template"` to a `Rule`: the roles granted and how far each
reaches. `ALL` reaches everything the endpoint serves. `OWN` reaches only the caller's own
records: when the rule names the path parameter that identifies the person, the check is
made here; otherwise the handler checks the resource it loads (`Access.require_person`).
`UNITS` reaches the records of the caller's units (an evaluator), which the handler
filters with `Access.units`. Everything here is pure; `dependencies.py` wires it to requests.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import IntEnum

from rangkui_eventkit.auth.principal import Principal, Role
from rangkui_eventkit.errors import Forbidden


class Scope(IntEnum):
    """How far a grant reaches; a larger value reaches further."""

    OWN = 1
    UNITS = 2
    ALL = 3


@dataclass(frozen=True)
class Grant:
    role: Role
    scope: Scope = Scope.ALL


def own(role: Role) -> Grant:
    """`role` reaches only the caller's own records."""
    return Grant(role, Scope.OWN)


def in_units(role: Role) -> Grant:
    """`role` reaches only records of the caller's units."""
    return Grant(role, Scope.UNITS)


@dataclass(frozen=True)
class Rule:
    """The grants of one endpoint; `person` names the path parameter holding a NIP, and
    `mailboxes` the shared recipient a role reaches besides its own NIP (e.g. the PPK's)."""

    grants: Mapping[Role, Scope]
    person: str | None = None
    mailboxes: Mapping[Role, str] = field(default_factory=dict)

    def scope_for(self, roles: Iterable[Role]) -> Scope | None:
        scopes = [self.grants[r] for r in roles if r in self.grants]
        return max(scopes) if scopes else None


def rule(
    *grants: Role | Grant, person: str | None = None, mailboxes: Mapping[Role, str] | None = None
) -> Rule:
    """`rule(Role.PPK, own(Role.EMPLOYEE), person="nip")`: PPK everything, employees theirs."""
    table: dict[Role, Scope] = {}
    for g in grants:
        grant = g if isinstance(g, Grant) else Grant(g)
        table[grant.role] = max(table.get(grant.role, grant.scope), grant.scope)
    return Rule(table, person, dict(mailboxes or {}))


@dataclass(frozen=True)
class Access:
    """What the current request may reach; handlers use it for checks the table can't make."""

    principal: Principal
    scope: Scope
    roles: frozenset[Role] = field(default_factory=frozenset)

    @property
    def units(self) -> frozenset[str] | None:
        """The units the caller is limited to, or None when not limited."""
        return self.principal.units if self.scope == Scope.UNITS else None

    @property
    def person(self) -> str | None:
        """The NIP the caller is limited to, or None when not limited."""
        return self.principal.nip if self.scope == Scope.OWN else None

    def require_person(self, nip: str | None) -> None:
        if self.scope == Scope.OWN and (not nip or nip != self.principal.nip):
            raise _own_records_only()

    def require_unit(self, unit_ids: Iterable[str | None]) -> None:
        if self.scope == Scope.UNITS and not any(u in self.principal.units for u in unit_ids if u):
            raise Forbidden(
                "this record belongs to a unit you are not responsible for",
                pesan="Data ini milik unit kerja yang bukan tanggung jawab Anda.",
                rule="unit_out_of_scope",
            )


class AccessTable(Mapping[str, Rule]):
    """The declared rules of a service, keyed `"METHOD /path/{param}"`."""

    def __init__(self, rules: Mapping[str, Rule]) -> None:
        for key in rules:
            method, _, path = key.partition(" ")
            if method != method.upper() or not path.startswith("/"):
                raise ValueError(f"access table key {key!r} must look like 'GET /path'")
        self._rules = dict(rules)

    def __getitem__(self, key: str) -> Rule:
        return self._rules[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._rules)

    def __len__(self) -> int:
        return len(self._rules)

    def __or__(self, other: Mapping[str, Rule]) -> AccessTable:
        overlap = set(self._rules) & set(other)
        if overlap:
            raise ValueError(f"endpoints declared twice: {sorted(overlap)}")
        return AccessTable({**self._rules, **other})

    def decide(
        self, method: str, path: str, principal: Principal, path_params: Mapping[str, str]
    ) -> Access:
        """The caller's access to one request, or `Forbidden` saying why not."""
        declared = self._rules.get(f"{method} {path}")
        if declared is None:  # fail closed: an endpoint nobody declared is nobody's
            raise Forbidden(
                f"{method} {path} is not open to any role",
                pesan="Layanan ini tidak dibuka untuk peran mana pun.",
                rule="endpoint_closed",
            )
        scope = declared.scope_for(principal.roles)
        if scope is None:
            needed = ", ".join(sorted(r.value for r in declared.grants)) or "nobody"
            held = ", ".join(sorted(r.value for r in principal.roles)) or "no role"
            raise Forbidden(
                f"this needs one of the roles: {needed} (you have: {held})",
                pesan=f"Permintaan ini memerlukan salah satu peran: {needed} (peran Anda: "
                f"{held}). Mintalah peran yang sesuai kepada pengelola akun.",
                rule="role_required",
            )
        if scope == Scope.OWN and declared.person:
            wider = [r for r in principal.roles if declared.grants.get(r, 0) > Scope.OWN]
            target = path_params.get(declared.person)
            shared = {declared.mailboxes.get(r) for r in principal.roles} - {None}
            if not wider and target != principal.nip and target not in shared:
                raise _own_records_only()
        return Access(principal, scope, frozenset(principal.roles & set(declared.grants)))


def _own_records_only() -> Forbidden:
    return Forbidden(
        "you may only see or act on your own records",
        pesan="Anda hanya dapat melihat atau menanggapi data Anda sendiri.",
        rule="own_records_only",
    )
