"""A service's rules as one catalogue, and the one way to refuse with them.

Each service keeps its own rules (id, kind of answer, the Indonesian message a person reads,
the English text for operators' logs, the legal basis) and builds a `RuleCatalogue` over
them: `violation` fills a rule's two messages with the facts of the case (dates written the
Indonesian way in the one, ISO in the other), `refuse` raises one `RuleViolated` that lists
every failing rule at once. Pure: standard library and the kit's error model only, so a
service's domain may use it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Protocol

from rangkui_eventkit.errors import ErrorKind, RuleViolated, Violation
from rangkui_eventkit.indonesian import tanggal


class CataloguedRule(Protocol):
    """What the catalogue reads of a rule (a service's rule type may hold more)."""

    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> ErrorKind: ...
    @property
    def pesan(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def legal_basis(self) -> str | None: ...


class _Facts(dict[str, object]):
    """Formats a template, leaving a missing fact visible instead of failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def shown(value: object, *, indonesian: bool) -> object:
    """A fact as a message shows it: a date as "1 Juni 2025" (or ISO), a decimal with a
    comma (or a point)."""
    if isinstance(value, date):
        return tanggal(value) if indonesian else value.isoformat()
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",") if indonesian else f"{value:g}"
    return value


class RuleCatalogue:
    """Refusals from `rules`; `prepare` may add facts a service derives (in place)."""

    def __init__(
        self,
        rules: Mapping[str, CataloguedRule],
        *,
        prepare: Callable[[dict[str, object]], None] | None = None,
    ) -> None:
        self.rules = rules
        self._prepare = prepare

    def violation(
        self,
        rule_id: str,
        *,
        details: Mapping[str, object] | None = None,
        legal_basis: str | None = None,
        **facts: object,
    ) -> Violation:
        """The rule `rule_id`, its messages filled with `facts`; `legal_basis` names a more
        precise basis than the rule's own where the case has one."""
        rule = self.rules[rule_id]
        if self._prepare is not None:
            self._prepare(facts)
        en = _Facts({k: shown(v, indonesian=False) for k, v in facts.items()})
        id_ = _Facts({k: shown(v, indonesian=True) for k, v in facts.items()})
        return Violation(
            rule=rule.id,
            message=rule.message.format_map(en),
            pesan=rule.pesan.format_map(id_),
            legal_basis=legal_basis or rule.legal_basis,
            details=dict(details or {}),
        )

    def refusal(self, violations: Iterable[Violation]) -> RuleViolated:
        """One error for every failing rule; its kind is theirs when they agree, else
        REFUSED."""
        found = list(violations)
        kinds = {self.rules[v.rule].kind for v in found if v.rule in self.rules}
        return RuleViolated.of(found, kind=kinds.pop() if len(kinds) == 1 else ErrorKind.REFUSED)

    def refuse(self, violations: Iterable[Violation | None]) -> None:
        """Raise one `RuleViolated` listing every violation, or return when there is none."""
        found = [v for v in violations if v is not None]
        if found:
            raise self.refusal(found)

    def rule_error(
        self, rule_id: str, *, details: Mapping[str, object] | None = None, **facts: object
    ) -> RuleViolated:
        """The error of one failing rule (for a step where one rule decides alone)."""
        return self.refusal([self.violation(rule_id, details=details, **facts)])
