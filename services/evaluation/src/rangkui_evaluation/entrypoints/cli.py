"""`rangkui-evaluation serve | migrate | rebuild <projection> | audit-verify | topics`."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from rangkui_evaluation.bootstrap import MIGRATIONS, build_handlers, create_app
from rangkui_evaluation.settings import EvaluationSettings
from rangkui_eventkit.cli import ServiceCli

CLI = ServiceCli(
    prog="rangkui-evaluation",
    description="Monitoring and evaluation after a transfer.",
    settings=EvaluationSettings,
    migrations=MIGRATIONS,
    handlers=build_handlers,
    app=create_app,
)


def main(argv: Sequence[str] | None = None) -> int:
    return CLI.main(argv)


if __name__ == "__main__":
    sys.exit(main())
