"""The checked-in OpenAPI documents are what the services serve (clients are generated
from them: a stale document is a bug in every client)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from rangkui_contracts.services import SERVICES

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "openapi.py"


def _openapi_script():
    spec = importlib.util.spec_from_file_location("rangkui_openapi_script", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.unit
def test_checked_in_documents_match_the_services() -> None:
    assert _openapi_script().drift() == []


@pytest.mark.unit
def test_a_changed_document_is_reported_as_drift(tmp_path: Path) -> None:
    script = _openapi_script()
    for name in SERVICES:
        (tmp_path / f"{name}.json").write_text(
            (script.DOCUMENTS / f"{name}.json").read_text(encoding="utf-8"), encoding="utf-8"
        )
    (tmp_path / "mutation.json").write_text("{}\n", encoding="utf-8")
    script.DOCUMENTS = tmp_path
    assert script.drift() == ["mutation"]
