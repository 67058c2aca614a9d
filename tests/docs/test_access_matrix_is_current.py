"""docs/access-matrix.md says what the services enforce: it is generated from their access
tables, and this fails when someone changes a table without regenerating it."""

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit
ROOT = Path(__file__).resolve().parents[2]


def test_the_access_matrix_document_matches_the_services_tables() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "access_matrix.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
