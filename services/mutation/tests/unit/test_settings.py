"""Policies come from the environment, including the blackout calendar as JSON."""

from __future__ import annotations

from datetime import date

import pytest

from rangkui_mutation.settings import MutationSettings

pytestmark = pytest.mark.unit


def test_policies_and_the_blackout_calendar_are_read_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MUTATION_MIN_YEARS_IN_POST", "0.5")
    monkeypatch.setenv(
        "MUTATION_BLACKOUT_WINDOWS",
        '[{"start": "2026-06-01", "end": "2027-01-31", "reason": "pilkada"}]',
    )
    settings = MutationSettings()
    assert settings.min_years_in_post == 0.5
    assert settings.blackout_windows[0].start == date(2026, 6, 1)
    assert settings.http_port == 8102


def test_the_full_process_is_the_default_policy() -> None:
    policy = MutationSettings().process_policy()
    assert policy.skip_steps == frozenset()
    assert (policy.tpk_quorum, policy.objection_window_days) == (3, 14)


def test_skipping_a_step_needs_the_regulation_that_allows_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MUTATION_SKIP_STEPS", '["TPK_REVIEW"]')
    with pytest.raises(ValueError, match="MUTATION_SKIP_STEPS_BASIS"):
        MutationSettings()
    monkeypatch.setenv("MUTATION_SKIP_STEPS_BASIS", "Pergub Rangkui 7/2026 Pasal 3")
    policy = MutationSettings().process_policy()
    assert policy.skip_steps == frozenset({"TPK_REVIEW"})
    assert policy.basis == "Pergub Rangkui 7/2026 Pasal 3"


def test_the_policy_values_are_recorded_with_a_version_that_follows_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = MutationSettings().process_policy().applied
    assert before is not None
    assert (before.min_years_in_post, before.tpk_quorum, before.objection_window_days) == (
        2.0,
        3,
        14,
    )
    assert MutationSettings().process_policy().applied == before  # same values, same version
    monkeypatch.setenv("MUTATION_MIN_YEARS_IN_POST", "0.5")
    after = MutationSettings().process_policy().applied
    assert after is not None
    assert after.min_years_in_post == 0.5
    assert after.version != before.version
