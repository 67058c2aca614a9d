"""`rangkui-audit`: check a service's event store and anchor it outside the database.

rangkui-audit verify --database-url URL [--against SEAL] [--json]   exit 1 on any problem
rangkui-audit seal   --database-url URL > SEAL                      every stream's head

Each service CLI has the same check as `rangkui-<service> audit-verify`, with the service's
own database settings (`add_verify_arguments` and `run_verify` below).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import asyncpg

from rangkui_eventkit.audit.chain import Seal, VerifyReport, format_report, seal, verify
from rangkui_eventkit.db import connect


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="rangkui-audit", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    v = sub.add_parser("verify", help="check every stream's hash chain (and against a seal)")
    v.add_argument("--database-url", required=True, help="the service's PostgreSQL URL")
    add_verify_arguments(v)
    s = sub.add_parser("seal", help="print every stream's head and their digest as JSON")
    s.add_argument("--database-url", required=True, help="the service's PostgreSQL URL")
    args = parser.parse_args(argv)
    if args.command == "seal":
        return asyncio.run(_seal(args.database_url))
    return run_verify(args.database_url, args)


def add_verify_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of a verify command (shared with the services' `audit-verify`)."""
    parser.add_argument(
        "--against", metavar="SEAL", help="a seal file written earlier by `rangkui-audit seal`"
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")


def run_verify(database_url: str, args: argparse.Namespace) -> int:
    """Verify and print; 0 when clean, 1 when problems were found, 2 for an unreadable seal."""
    against: Seal | None = None
    if args.against:
        try:
            against = Seal.from_json(json.loads(Path(args.against).read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            print(f"rangkui-audit: cannot read the seal {args.against}: {exc}", file=sys.stderr)
            return 2
    try:
        report = asyncio.run(_verify(database_url, against))
    except (asyncpg.UndefinedFunctionError, asyncpg.UndefinedColumnError) as exc:
        print(
            f"rangkui-audit: this database has no hash chain yet (migrate it first): {exc}",
            file=sys.stderr,
        )
        return 2
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
    else:
        print(format_report(report))
    return 0 if report.ok else 1


async def _verify(database_url: str, against: Seal | None) -> VerifyReport:
    conn = await connect(database_url)
    try:
        return await verify(conn, against=against)
    finally:
        await conn.close()


async def _seal(database_url: str) -> int:
    conn = await connect(database_url)
    try:
        result = await seal(conn)
    finally:
        await conn.close()
    json.dump(result.to_json(), sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")
    print(
        f"sealed {len(result.heads)} streams, digest {result.digest}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
