"""`rangkui-evaluation serve | migrate | rebuild <projection> | audit-verify`."""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Sequence

from rangkui_evaluation.bootstrap import MIGRATIONS, build_handlers, create_app
from rangkui_evaluation.settings import EvaluationSettings
from rangkui_eventkit.audit.cli import add_verify_arguments, run_verify
from rangkui_eventkit.consumer import reset_consumer
from rangkui_eventkit.db import create_pool
from rangkui_eventkit.logging import configure_logging
from rangkui_eventkit.migrations import migrate, migrate_as_owner
from rangkui_eventkit.runtime import serve
from rangkui_eventkit.settings import load_settings


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="rangkui-evaluation", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("serve", help="run the service (HTTP, consumers, scheduler)")
    commands.add_parser("migrate", help="apply the database migrations and exit")
    rebuild = commands.add_parser("rebuild", help="empty a projection; it replays on next start")
    rebuild.add_argument("projection")
    add_verify_arguments(commands.add_parser("audit-verify", help="verify the events' hash chain"))
    args = parser.parse_args(argv)
    settings = load_settings(EvaluationSettings)
    if args.command == "audit-verify":
        return run_verify(settings.database_url, args, service=settings.service_name)
    if args.command == "serve":
        serve(create_app(settings), settings)
        return 0
    configure_logging(settings.service_name, settings.log_level, settings.log_json)
    if args.command == "migrate":
        asyncio.run(_migrate(settings))
        return 0
    return asyncio.run(_rebuild(settings, args.projection))


async def _migrate(settings: EvaluationSettings) -> None:
    """As the owner (`DATABASE_OWNER_URL`) where one is set, then the runtime role's grants."""
    await migrate_as_owner(settings.database_url, settings.database_owner_url, MIGRATIONS)


async def _rebuild(settings: EvaluationSettings, name: str) -> int:
    handler = next((h for h in build_handlers(settings) if h.name == name), None)
    if handler is None or not handler.rebuildable:
        print(f"rangkui-evaluation: no projection named {name!r}")
        return 2
    pool = await create_pool(settings.database_url, min_size=1, max_size=2)
    try:
        async with pool.acquire() as conn:
            await migrate(conn, MIGRATIONS)
        await reset_consumer(pool, handler)
    finally:
        await pool.close()
    print(f"projection {name} emptied; it replays from the beginning when the service runs")
    return 0
