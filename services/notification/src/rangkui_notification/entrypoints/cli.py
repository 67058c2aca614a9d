"""`rangkui-notification serve | migrate | rebuild <projection> | audit-verify`."""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Sequence

from rangkui_eventkit.audit.cli import add_verify_arguments, run_verify
from rangkui_eventkit.db import create_pool
from rangkui_eventkit.migrations import migrate_as_owner
from rangkui_eventkit.runtime import serve
from rangkui_eventkit.settings import load_settings
from rangkui_notification.settings import NotificationSettings


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="rangkui-notification")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("serve", help="run the HTTP API, the consumers and the relay")
    commands.add_parser("migrate", help="apply the database migrations and exit")
    rebuild = commands.add_parser("rebuild", help="replay one projection from the beginning")
    rebuild.add_argument("projection", help="personal_data_keys | directory | inbox | delivery_log")
    add_verify_arguments(commands.add_parser("audit-verify", help="verify the events' hash chain"))
    args = parser.parse_args(argv)
    settings = load_settings(NotificationSettings)
    if args.command == "audit-verify":
        return run_verify(settings.database_url, args, service=settings.service_name)
    if args.command == "serve":
        from rangkui_notification.bootstrap import create_app

        serve(create_app(settings), settings)
    elif args.command == "migrate":
        asyncio.run(_migrate(settings))
    else:
        asyncio.run(_rebuild(settings, args.projection))
    return 0


async def _migrate(settings: NotificationSettings) -> None:
    """As the owner (`DATABASE_OWNER_URL`) where one is set, then the runtime role's grants."""
    from rangkui_notification.bootstrap import MIGRATIONS

    await migrate_as_owner(settings.database_url, settings.database_owner_url, MIGRATIONS)


async def _rebuild(settings: NotificationSettings, projection: str) -> None:
    """Reset the projection in the database; a running service notices and replays it."""
    from rangkui_eventkit.consumer import reset_consumer
    from rangkui_notification.bootstrap import build_handlers

    handlers = {h.name: h for h in build_handlers(settings) if h.rebuildable}
    if projection not in handlers:
        raise SystemExit(f"no projection named {projection!r}; known: {', '.join(handlers)}")
    pool = await create_pool(settings.database_url, min_size=1, max_size=1)
    try:
        await reset_consumer(pool, handlers[projection])
    finally:
        await pool.close()


if __name__ == "__main__":
    raise SystemExit(main())
