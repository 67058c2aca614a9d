"""An evaluator is matched to evaluations by NIP only: a token without one matches none."""

import pytest

from rangkui_evaluation.entrypoints.http import made_by_caller
from rangkui_eventkit.auth import Access, Role, Scope
from rangkui_eventkit.auth.principal import Principal

pytestmark = pytest.mark.unit
HEAD = "197501012000031002"


def _evaluator(nip: str | None) -> Access:
    principal = Principal(
        subject="kepsek", issuer="iss", roles=frozenset({Role.EVALUATOR}), nip=nip,
        units=frozenset({"SMA-2"}), username="kepsek.sma2",
    )  # fmt: skip
    return Access(principal, Scope.UNITS)


def test_an_evaluator_with_a_nip_matches_their_own_evaluations_only() -> None:
    assert made_by_caller(_evaluator(HEAD), HEAD)
    assert not made_by_caller(_evaluator(HEAD), "198001012005011001")
    assert not made_by_caller(_evaluator(HEAD), None)


def test_a_token_without_nip_matches_no_evaluation_not_even_one_without_an_evaluator() -> None:
    assert not made_by_caller(_evaluator(None), None)
    assert not made_by_caller(_evaluator(None), HEAD)
