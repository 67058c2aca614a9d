"""`rangkui-audit`: check a service's event store and anchor it outside the database.

rangkui-audit verify --database-url URL [--against SEAL | --anchored --service NAME
                     --public-key PEM] [--json]                  exit 1 on any problem
rangkui-audit seal   --database-url URL > SEAL                      every stream's head
rangkui-audit seal   --database-url URL --service NAME --signing-key PEM --anchor
                                       verify against the latest anchored seal, then sign a
                                       new seal and publish it to rangkui.audit.seals
rangkui-audit keygen --private PEM --public PEM                     a new Ed25519 key pair

Each service CLI has the same check as `rangkui-<service> audit-verify`, with the service's
own database settings (`add_verify_arguments` and `run_verify` below). Kafka is reached
through the shared variables (`KAFKA_BOOTSTRAP_SERVERS`, `KAFKA_SECURITY_PROTOCOL`, ...,
`RANGKUI_TOPIC_PREFIX`). The sealing job alone holds the private key; `verify --anchored`
needs only the public one, and fails when no genuine seal is anchored (it never passes for
want of a seal).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import asyncpg

from rangkui_eventkit.audit import anchor
from rangkui_eventkit.audit.chain import Seal, VerifyReport, format_report, seal, verify
from rangkui_eventkit.db import connect
from rangkui_eventkit.settings import ServiceSettings, kafka_security_options


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="rangkui-audit", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    v = sub.add_parser("verify", help="check every stream's hash chain (and against a seal)")
    v.add_argument("--database-url", required=True, help="the service's PostgreSQL URL")
    v.add_argument("--service", help="whose anchored seal to check against (with --anchored)")
    add_verify_arguments(v)
    s = sub.add_parser("seal", help="take a seal: print it, or sign and anchor it")
    s.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL"),
        required="DATABASE_URL" not in os.environ,
        help="the service's PostgreSQL URL (env DATABASE_URL; the runtime role suffices)",
    )
    s.add_argument("--service", help="the service whose store this is (with --anchor)")
    s.add_argument(
        "--signing-key",
        default=os.environ.get("RANGKUI_AUDIT_SIGNING_KEY_FILE"),
        help="the sealing job's Ed25519 private key (PEM; env RANGKUI_AUDIT_SIGNING_KEY_FILE)",
    )
    s.add_argument(
        "--anchor", action="store_true", help="verify, sign and publish to rangkui.audit.seals"
    )
    k = sub.add_parser("keygen", help="write a new Ed25519 key pair for signing seals")
    k.add_argument("--private", required=True, type=Path)
    k.add_argument("--public", required=True, type=Path)
    args = parser.parse_args(argv)
    if args.command == "keygen":
        return _keygen(args.private, args.public)
    if args.command == "seal":
        if args.anchor:
            return _seal_and_anchor(args.database_url, args.service, args.signing_key)
        return asyncio.run(_seal(args.database_url))
    return run_verify(args.database_url, args, service=args.service)


def add_verify_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of a verify command (shared with the services' `audit-verify`)."""
    parser.add_argument(
        "--against", metavar="SEAL", help="a seal file written earlier by `rangkui-audit seal`"
    )
    parser.add_argument(
        "--anchored",
        action="store_true",
        help="check against the latest signed seal on rangkui.audit.seals",
    )
    parser.add_argument(
        "--public-key",
        default=os.environ.get("RANGKUI_AUDIT_PUBLIC_KEY_FILE"),
        help="the sealing key's public half (PEM; env RANGKUI_AUDIT_PUBLIC_KEY_FILE)",
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")


def _fail(message: str) -> int:
    print(f"rangkui-audit: {message}", file=sys.stderr)
    return 2


def run_verify(database_url: str, args: argparse.Namespace, *, service: str | None = None) -> int:
    """Verify and print; 0 when clean, 1 when problems were found, 2 for an unreadable seal
    (or, with `--anchored`, no genuine anchored seal at all)."""
    against: Seal | None = None
    if args.against:
        try:
            against = Seal.from_json(json.loads(Path(args.against).read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            return _fail(f"cannot read the seal {args.against}: {exc}")
    elif args.anchored:
        if not service or not args.public_key:
            return _fail("--anchored needs the service and --public-key")
        try:
            public = anchor.load_public_key(args.public_key)
        except (OSError, ValueError) as exc:
            return _fail(f"cannot read the public key {args.public_key}: {exc}")
        against = asyncio.run(_latest(service, public))
        if against is None:
            return _fail(f"no genuine seal of {service} is anchored on rangkui.audit.seals")
    try:
        report = asyncio.run(_verify(database_url, against))
    except (asyncpg.UndefinedFunctionError, asyncpg.UndefinedColumnError) as exc:
        return _fail(f"this database has no hash chain yet (migrate it first): {exc}")
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
    else:
        print(format_report(report))
    return 0 if report.ok else 1


def _kafka() -> tuple[str, str, dict[str, object]]:
    settings = ServiceSettings()
    return (
        settings.kafka_bootstrap_servers,
        settings.topic_prefix,
        kafka_security_options(settings),
    )


async def _latest(service: str, public: anchor.Ed25519PublicKey) -> Seal | None:
    bootstrap, prefix, connection = _kafka()
    return await anchor.latest(bootstrap, service, public, prefix=prefix, **connection)


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


def _seal_and_anchor(database_url: str, service: str | None, signing_key: str | None) -> int:
    """Seal only a store that verifies against its last anchored seal: a seal taken over a
    rewritten store would bless the rewrite. Exit 1 (and anchor nothing) on any problem."""
    if not service or not signing_key:
        return _fail("--anchor needs --service and --signing-key")
    try:
        private = anchor.load_private_key(signing_key)
    except (OSError, ValueError) as exc:
        return _fail(f"cannot read the signing key {signing_key}: {exc}")
    return asyncio.run(_anchor(database_url, service, private))


async def _anchor(database_url: str, service: str, private: anchor.Ed25519PrivateKey) -> int:
    bootstrap, prefix, connection = _kafka()
    previous = await anchor.latest(
        bootstrap, service, private.public_key(), prefix=prefix, **connection
    )
    conn = await connect(database_url)
    try:
        report = await verify(conn, against=previous)
        if not report.ok:
            print(format_report(report))
            print("rangkui-audit: not sealed: the store does not verify", file=sys.stderr)
            return 1
        taken = await seal(conn)
    finally:
        await conn.close()
    parts = anchor.sign_parts(taken, service, private)
    await anchor.publish(bootstrap, parts, prefix=prefix, **connection)
    print(
        f"anchored a seal of {service}: {len(taken.heads)} streams, digest {taken.digest}, "
        f"{len(parts)} part(s)",
        file=sys.stderr,
    )
    return 0


def _keygen(private_path: Path, public_path: Path) -> int:
    private, public = anchor.generate_key_pair()
    private_path.touch(mode=0o600, exist_ok=False)
    private_path.write_bytes(private)
    public_path.write_bytes(public)
    print(f"wrote {private_path} (keep it with the sealing job only) and {public_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
