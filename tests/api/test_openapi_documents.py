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


def _operations(name: str):
    import json

    document = json.loads(
        (_openapi_script().DOCUMENTS / f"{name}.json").read_text(encoding="utf-8")
    )
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            yield document, f"{method.upper()} {path}", operation


def _resolve(document: dict, response: dict) -> dict:
    ref = response.get("$ref")
    if ref:
        return document["components"]["responses"][ref.rsplit("/", 1)[-1]]
    return response


@pytest.mark.unit
@pytest.mark.parametrize("name", ["personnel", "mutation", "evaluation", "notification"])
def test_every_operation_documents_the_errors_its_shape_can_give(name: str) -> None:
    """401/403 where authenticated, 404 where a path names a resource, 422 where it takes
    input, 409 for a command, 503 everywhere; each error as a problem (RFC 9457)."""
    missing = []
    for document, label, operation in _operations(name):
        responses = operation["responses"]
        wanted = {"503"}
        if operation.get("security"):
            wanted |= {"401", "403"}
        if any(p["in"] == "path" for p in operation.get("parameters", [])):
            wanted.add("404")
        if operation.get("parameters") or operation.get("requestBody"):
            wanted.add("422")
        if label.split()[0] in {"POST", "PUT", "DELETE", "PATCH"}:
            wanted.add("409")
        if wanted - set(responses):
            missing.append(f"{label}: {sorted(wanted - set(responses))}")
        for status, response in responses.items():
            content = _resolve(document, response).get("content", {})
            if status.startswith("4") and "application/problem+json" not in content:
                missing.append(f"{label}: {status} is not application/problem+json")
    assert not missing, "\n".join(missing)
