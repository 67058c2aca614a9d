"""The console's API client is generated from the checked-in OpenAPI documents: the files
under console/src/api/generated are exactly what openapi-typescript makes of them, and a
document that changes without regenerating is caught."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

REPO = Path(__file__).resolve().parents[2]
CONSOLE = REPO / "console"
GENERATOR = CONSOLE / "scripts" / "generate-api.mjs"


def node(*args: str) -> subprocess.CompletedProcess[str]:
    if not shutil.which("node") or not (CONSOLE / "node_modules" / "openapi-typescript").is_dir():
        pytest.fail("the console's packages are missing: run `npm ci` in console/ (test.sh does)")
    return subprocess.run(
        ["node", *args], cwd=CONSOLE, capture_output=True, text=True, timeout=120, check=False
    )


def drifted(documents: Path) -> list[str]:
    script = (
        f"import({json.dumps(GENERATOR.as_uri())})"
        f".then(m => m.drifted({json.dumps(str(documents))}))"
        ".then(d => console.log(JSON.stringify(d)))"
    )
    done = node("--input-type=module", "-e", script)
    assert done.returncode == 0, done.stderr
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


def test_the_checked_in_client_is_what_the_documents_generate() -> None:
    done = node(str(GENERATOR), "check")
    assert done.returncode == 0, done.stderr + done.stdout


def test_a_document_changed_without_regenerating_the_client_is_caught(tmp_path: Path) -> None:
    documents = tmp_path / "openapi"
    shutil.copytree(REPO / "contracts" / "openapi", documents)
    assert drifted(documents) == []
    mutation = json.loads((documents / "mutation.json").read_text())
    mutation["paths"]["/mutations/{mutation_id}/withdraw"] = {
        "post": {"operationId": "withdraw", "responses": {"200": {"description": "ok"}}}
    }
    (documents / "mutation.json").write_text(json.dumps(mutation))
    assert drifted(documents) == ["mutation"]
