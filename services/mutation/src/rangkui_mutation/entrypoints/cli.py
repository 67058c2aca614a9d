"""`rangkui-mutation serve | migrate | rebuild <projection> | audit-verify`."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence

from rangkui_eventkit.audit.cli import add_verify_arguments, run_verify
from rangkui_eventkit.migrations import migrate_as_owner
from rangkui_eventkit.runtime import serve
from rangkui_eventkit.settings import load_settings


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="rangkui-mutation", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("serve", help="run the HTTP API, the consumers and the scheduler")
    commands.add_parser("migrate", help="apply the database migrations and exit")
    rebuild = commands.add_parser("rebuild", help="empty a projection and replay its topics")
    rebuild.add_argument("projection")
    add_verify_arguments(commands.add_parser("audit-verify", help="verify the events' hash chain"))
    args = parser.parse_args(argv)

    from rangkui_mutation.bootstrap import MIGRATIONS, build_service, create_app
    from rangkui_mutation.settings import MutationSettings

    settings = load_settings(MutationSettings)
    if args.command == "audit-verify":
        return run_verify(settings.database_url, args, service=settings.service_name)
    if args.command == "serve":
        serve(create_app(settings), settings)
        return 0
    if args.command == "migrate":
        # As the owner (`DATABASE_OWNER_URL`) where one is set, then the runtime role's grants.
        owner = settings.database_owner_url
        applied = asyncio.run(migrate_as_owner(settings.database_url, owner, MIGRATIONS))
        print("applied:", ", ".join(applied) or "nothing")
        return 0

    async def _rebuild() -> None:
        quiet = {"run_consumers": False, "run_relay": False, "run_scheduler": False}
        service = build_service(settings.model_copy(update=quiet))
        await service.start()
        try:
            await service.rebuild(args.projection)
        finally:
            await service.stop()

    try:
        asyncio.run(_rebuild())
    except KeyError:
        print(f"no projection named {args.projection!r}", file=sys.stderr)
        return 1
    print(f"{args.projection}: emptied; it replays when the service runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
