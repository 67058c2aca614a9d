"""The command line's offline parts."""

import json
from pathlib import Path

import pytest

from rangkui_personnel.entrypoints.cli import main

pytestmark = pytest.mark.unit


def test_demo_writes_an_import_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "province.json"
    assert main(["demo", "--employees", "300", "--seed", "2", "--out", str(out)]) == 0
    doc = json.loads(out.read_text())
    assert len(doc["employees"]) == 300
    assert doc["format"] == "rangkui-simpeg-export/1"
    assert "300 employees (seed 2)" in capsys.readouterr().out


def test_import_needs_a_file_or_a_job_to_resume() -> None:
    assert main(["import"]) == 2
