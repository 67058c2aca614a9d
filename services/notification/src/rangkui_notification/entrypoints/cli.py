"""`rangkui-notification serve | migrate | rebuild <projection> | audit-verify | topics`."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from rangkui_eventkit.cli import ServiceCli
from rangkui_notification.bootstrap import MIGRATIONS, build_handlers, create_app
from rangkui_notification.settings import NotificationSettings

CLI = ServiceCli(
    prog="rangkui-notification",
    description="Notices in Bahasa Indonesia: inbox, e-mail and webhooks.",
    settings=NotificationSettings,
    migrations=MIGRATIONS,
    handlers=build_handlers,
    app=create_app,
)


def main(argv: Sequence[str] | None = None) -> int:
    return CLI.main(argv)


if __name__ == "__main__":
    sys.exit(main())
