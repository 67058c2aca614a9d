"""`rangkui-mutation serve | migrate | rebuild <projection> | audit-verify | topics`."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from rangkui_eventkit.cli import ServiceCli
from rangkui_mutation.bootstrap import MIGRATIONS, build_handlers, create_app
from rangkui_mutation.settings import MutationSettings

CLI = ServiceCli(
    prog="rangkui-mutation",
    description="Staffing needs, candidate matching and the transfer lifecycle.",
    settings=MutationSettings,
    migrations=MIGRATIONS,
    handlers=build_handlers,
    app=create_app,
)


def main(argv: Sequence[str] | None = None) -> int:
    return CLI.main(argv)


if __name__ == "__main__":
    sys.exit(main())
