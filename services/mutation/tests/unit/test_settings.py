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
    assert settings.require_full_lifecycle is False
    assert settings.http_port == 8102
