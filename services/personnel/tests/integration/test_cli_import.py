"""`rangkui-personnel import` as a process against the real database: progress, the
per-row report, and a second run that changes nothing."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path

import asyncpg
import pytest

pytestmark = pytest.mark.integration


async def run_cli(database_url: str, *args: str) -> tuple[int, str, str]:
    env = os.environ | {
        "PERSONNEL_DATABASE_URL": database_url,
        "PERSONNEL_LOG_LEVEL": "WARNING",
        "PERSONNEL_DEVELOPMENT_MODE": "true",  # the development keys of personal data
    }
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "rangkui_personnel.entrypoints.cli",
        *args,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(proc.communicate(), timeout=120)
    return proc.returncode or 0, out.decode(), err.decode()


async def test_imports_a_file_from_the_command_line_and_reimports_it_without_events(
    database_url: str, tmp_path: Path
) -> None:
    from rangkui_personnel.demo import generate

    doc = generate(employees=150, seed=9)
    doc["employees"][0]["gol_ruang"] = "V/a"
    path = tmp_path / "simpeg.json"
    path.write_text(json.dumps(doc))

    code, out, err = await run_cli(database_url, "import", str(path))
    assert code == 1, err
    assert "rows (100%)" in err
    assert "employees row 1: gol_ruang: grade 'V/a' is not a golongan/ruang" in out
    conn = await asyncpg.connect(database_url)
    try:
        events = await conn.fetchval("SELECT count(*) FROM events")
        total = len(doc["units"]) + len(doc["positions"]) + len(doc["employees"]) - 1
        assert events == total
        code, out, _ = await run_cli(database_url, "import", str(path))
        assert f"0 applied, {total} unchanged, 1 refused, 0 events" in out
        assert await conn.fetchval("SELECT count(*) FROM events") == events
    finally:
        await conn.close()
