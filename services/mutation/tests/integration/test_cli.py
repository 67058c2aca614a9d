"""The kit's CLI skeleton, as mutation's command line (every service shares it)."""

from __future__ import annotations

import asyncio

import pytest

from rangkui_mutation.entrypoints.cli import main

pytestmark = pytest.mark.integration


async def test_migrate_then_rebuild_a_projection_and_refuse_an_unknown_one(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MUTATION_DATABASE_URL", database_url)
    monkeypatch.setenv("MUTATION_DEVELOPMENT_MODE", "true")
    monkeypatch.setenv("MUTATION_LOG_JSON", "false")
    # The CLI runs its own event loop: run it in a worker thread, as a shell would.
    assert await asyncio.to_thread(main, ["migrate"]) == 0
    assert "applied:" in capsys.readouterr().out
    assert await asyncio.to_thread(main, ["rebuild", "mutation_board"]) == 0
    assert "mutation_board: emptied" in capsys.readouterr().out
    assert await asyncio.to_thread(main, ["rebuild", "nothing_like_it"]) == 1
    err = capsys.readouterr().err
    assert "no projection named 'nothing_like_it'" in err
    assert "mutation_board" in err  # the known ones are listed
