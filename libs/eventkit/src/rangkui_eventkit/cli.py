"""The one CLI skeleton of every service: `rangkui-<service> serve | migrate | rebuild
<projection> | audit-verify | topics`, plus the verbs a service adds (personnel's `import`,
`rotate-keys`, ...). Knowing one service's command line is knowing all four."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rangkui_eventkit.audit.cli import add_verify_arguments, run_verify
from rangkui_eventkit.consumer import reset_consumer
from rangkui_eventkit.db import create_pool
from rangkui_eventkit.handlers import Handler
from rangkui_eventkit.logging import configure_logging
from rangkui_eventkit.migrations import ensure_migrated, migrate_as_owner
from rangkui_eventkit.settings import ServiceSettings, kafka_security_options, load_settings


@dataclass(frozen=True)
class Verb:
    """A service's own command: its help, its arguments, and what it does."""

    help: str
    run: Callable[[Any, argparse.Namespace], int]  # (settings, arguments) -> exit code
    arguments: Callable[[argparse.ArgumentParser], None] = lambda _: None
    needs_settings: bool = True  # False for a verb that reads no environment (e.g. `demo`)


@dataclass(frozen=True)
class ServiceCli:
    """What a service's command line needs to know about the service."""

    prog: str
    description: str
    settings: Callable[[], ServiceSettings]
    migrations: Path
    handlers: Callable[[Any], Sequence[Handler]]  # (settings) -> the service's consumers
    app: Callable[[Any], Any]  # (settings) -> the FastAPI app that `serve` runs
    verbs: Mapping[str, Verb] = field(default_factory=dict)

    def parser(self) -> argparse.ArgumentParser:
        parser = argparse.ArgumentParser(prog=self.prog, description=self.description)
        sub = parser.add_subparsers(dest="command", required=True)
        sub.add_parser("serve", help="run the HTTP API, the consumers and the workers")
        sub.add_parser("migrate", help="apply the database migrations and exit")
        rebuild = sub.add_parser("rebuild", help="empty a projection; the service replays it")
        rebuild.add_argument("projection")
        add_verify_arguments(sub.add_parser("audit-verify", help="verify the events' hash chain"))
        sub.add_parser("topics", help="create the contract topics that are missing")
        for name, verb in self.verbs.items():
            verb.arguments(sub.add_parser(name, help=verb.help))
        return parser

    def main(self, argv: Sequence[str] | None = None) -> int:
        args = self.parser().parse_args(argv)
        verb = self.verbs.get(args.command)
        if verb is not None and not verb.needs_settings:
            return verb.run(None, args)
        settings = load_settings(self.settings)  # exits 2, saying why, on a refused setting
        if args.command == "serve":
            from rangkui_eventkit.runtime import serve

            serve(self.app(settings), settings)
            return 0
        if args.command == "audit-verify":
            return run_verify(settings.database_url, args, service=settings.service_name)
        configure_logging(settings.service_name, settings.log_level, settings.log_json)
        if args.command == "migrate":
            applied = asyncio.run(self._migrate(settings))
            print("applied: " + (", ".join(applied) or "nothing (up to date)"))
            return 0
        if args.command == "rebuild":
            return asyncio.run(self._rebuild(settings, args.projection))
        if args.command == "topics":
            return asyncio.run(_topics(settings))
        assert verb is not None  # argparse accepts only the verbs declared above
        return verb.run(settings, args)

    async def _migrate(self, settings: ServiceSettings) -> list[str]:
        """As the owner (`DATABASE_OWNER_URL`) where one is set, then the runtime role's
        grants; the running service itself only checks that the schema is current."""
        return await migrate_as_owner(
            settings.database_url, settings.database_owner_url, self.migrations
        )

    async def _rebuild(self, settings: ServiceSettings, name: str) -> int:
        projections = [h for h in self.handlers(settings) if h.rebuildable]
        handler = next((h for h in projections if h.name == name), None)
        if handler is None:
            known = ", ".join(h.name for h in projections)
            print(f"{self.prog}: no projection named {name!r} (known: {known})", file=sys.stderr)
            return 1
        pool = await create_pool(settings.database_url, min_size=1, max_size=2)
        try:
            async with pool.acquire() as conn:
                await ensure_migrated(conn, self.migrations)
            await reset_consumer(pool, handler)
        finally:
            await pool.close()
        print(f"{name}: emptied; the running service replays it from the beginning")
        return 0


async def _topics(settings: ServiceSettings) -> int:
    from rangkui_eventkit.kafka import ensure_topics

    created = await ensure_topics(
        settings.kafka_bootstrap_servers, settings.topic_prefix, **kafka_security_options(settings)
    )
    print(f"topics created: {', '.join(created) if created else 'none (all exist)'}")
    return 0
