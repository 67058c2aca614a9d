"""The services' OpenAPI documents, checked in under `contracts/openapi/`.

Clients (the console, provincial systems) are generated from these files, so they must be
what the services serve: `write` regenerates them, `check` exits 1 naming each document that
differs from its service (the test suite runs it). The apps are built in development mode
with no connection made: building an app opens no pool.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ROOT / "contracts" / "openapi"


def _apps() -> dict[str, Callable[[], Any]]:
    from rangkui_evaluation.bootstrap import create_app as evaluation
    from rangkui_evaluation.settings import EvaluationSettings
    from rangkui_mutation.bootstrap import create_app as mutation
    from rangkui_mutation.settings import MutationSettings
    from rangkui_notification.bootstrap import create_app as notification
    from rangkui_notification.settings import NotificationSettings
    from rangkui_personnel.bootstrap import create_app as personnel
    from rangkui_personnel.settings import PersonnelSettings

    dev = {"development_mode": True}
    return {
        "personnel": lambda: personnel(PersonnelSettings(**dev)),
        "mutation": lambda: mutation(MutationSettings(**dev)),
        "evaluation": lambda: evaluation(EvaluationSettings(**dev)),
        "notification": lambda: notification(NotificationSettings(**dev)),
    }


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def documents() -> dict[str, str]:
    """Each service's OpenAPI document as it is served, rendered as checked in."""
    return {name: render(factory().openapi()) for name, factory in _apps().items()}


def drift() -> list[str]:
    """The names of the checked-in documents that differ from their services."""
    return [
        name
        for name, text in documents().items()
        if not (DOCUMENTS / f"{name}.json").is_file()
        or (DOCUMENTS / f"{name}.json").read_text(encoding="utf-8") != text
    ]


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "write":
        DOCUMENTS.mkdir(parents=True, exist_ok=True)
        for name, text in documents().items():
            (DOCUMENTS / f"{name}.json").write_text(text, encoding="utf-8")
            print(f"wrote contracts/openapi/{name}.json")
        return 0
    if command == "check":
        stale = drift()
        for name in stale:
            print(
                f"contracts/openapi/{name}.json differs from the {name} service: "
                "run `.venv/bin/python scripts/openapi.py write`",
                file=sys.stderr,
            )
        return 1 if stale else 0
    print("usage: openapi.py [write|check]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
