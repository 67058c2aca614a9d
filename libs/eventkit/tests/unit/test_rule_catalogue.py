"""The kit's rule catalogue: messages filled with the facts, every failing rule at once."""

from dataclasses import dataclass
from datetime import date

import pytest

from rangkui_eventkit.catalogue import RuleCatalogue
from rangkui_eventkit.errors import ErrorKind, RuleViolated

pytestmark = pytest.mark.unit


@dataclass(frozen=True)
class Rule:
    id: str
    kind: ErrorKind
    pesan: str
    message: str
    legal_basis: str | None = None


RULES = {
    "too_early": Rule("too_early", ErrorKind.REFUSED, "Belum {years} tahun sejak {since}.",
                      "not {years} years since {since}", "PP 11/2017 Pasal 190"),
    "taken": Rule("taken", ErrorKind.CONFLICT, "Nomor {number} sudah dipakai ({langkah}).",
                  "number {number} is taken"),
}


def test_a_violation_shows_dates_and_decimals_each_language_its_way() -> None:
    v = RuleCatalogue(RULES).violation("too_early", years=1.5, since=date(2025, 6, 1))
    assert v.pesan == "Belum 1,5 tahun sejak 1 Juni 2025."
    assert v.message == "not 1.5 years since 2025-06-01"
    assert v.legal_basis == "PP 11/2017 Pasal 190"


def test_a_missing_fact_stays_visible_and_a_service_may_add_its_own() -> None:
    def prepare(facts: dict[str, object]) -> None:
        facts.setdefault("langkah", "menetapkan SK")

    v = RuleCatalogue(RULES, prepare=prepare).violation("taken")
    assert v.pesan == "Nomor {number} sudah dipakai (menetapkan SK)."


def test_every_failing_rule_at_once_with_the_kind_they_share_or_refused() -> None:
    catalogue = RuleCatalogue(RULES)
    with pytest.raises(RuleViolated) as one_kind:
        catalogue.refuse([None, catalogue.violation("taken", number="1")])
    with pytest.raises(RuleViolated) as two_kinds:
        catalogue.refuse(
            [catalogue.violation("taken", number="1"), catalogue.violation("too_early")]
        )
    assert one_kind.value.kind == ErrorKind.CONFLICT
    assert two_kinds.value.kind == ErrorKind.REFUSED
    assert [v.rule for v in two_kinds.value.violations] == ["taken", "too_early"]
    catalogue.refuse([None])  # nothing fails: nothing raised
