"""`rangkui-personnel`: run the service and operate it.

rangkui-personnel serve                 run HTTP + consumers (port from PERSONNEL_HTTP_PORT)
rangkui-personnel migrate               apply the database migrations and exit
rangkui-personnel rebuild <projection>  empty a projection; the running service replays it
rangkui-personnel audit-verify          check the hash chain of the event store
rangkui-personnel rotate-keys           re-wrap the data keys under the current key-encryption
                                        key and re-publish them under the current transport key
rangkui-personnel issue-keys            give a data key to employees registered before sealing
rangkui-personnel import FILE|--resume  import a SIMPEG-shaped export
rangkui-personnel demo --out FILE       write the deterministic demo province
rangkui-personnel topics                create the contract topics that are missing
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence
from pathlib import Path

from rangkui_eventkit.cli import ServiceCli, Verb
from rangkui_eventkit.context import Cause
from rangkui_eventkit.db import create_pool
from rangkui_eventkit.errors import DomainError
from rangkui_eventkit.migrations import migrate
from rangkui_eventkit.store import PostgresEventStore
from rangkui_personnel.adapters import import_jobs
from rangkui_personnel.bootstrap import (
    MIGRATIONS,
    build_service,
    build_vault,
    create_app,
    handlers,
)
from rangkui_personnel.service_layer.imports import ImportRunner, stage_import
from rangkui_personnel.service_layer.key_rotation import (
    issue_missing_keys,
    republish_keys,
    rewrap_at_rest,
)
from rangkui_personnel.settings import PersonnelSettings


def _rotate_arguments(rotate: argparse.ArgumentParser) -> None:
    rotate.add_argument("--dry-run", action="store_true", help="count, change nothing")
    rotate.add_argument("--batch-size", type=int, default=1000, help="keys per transaction")
    rotate.add_argument(
        "--no-republish", action="store_true", help="only the key-encryption key rotates"
    )


def _issue_arguments(issue: argparse.ArgumentParser) -> None:
    issue.add_argument("--dry-run", action="store_true", help="count, change nothing")
    issue.add_argument("--batch-size", type=int, default=1000, help="employees per transaction")


def _import_arguments(imp: argparse.ArgumentParser) -> None:
    imp.add_argument("file", nargs="?", help="the export file")
    imp.add_argument("--format", choices=("json", "csv"), help="default: from the extension")
    imp.add_argument(
        "--section",
        choices=("units", "positions", "employees"),
        default="employees",
        help="for CSV: which section the file holds",
    )
    imp.add_argument("--resume", metavar="JOB", help="resume an interrupted import job")
    imp.add_argument("--actor", default="cli", help="who imports (recorded on every event)")


def _demo_arguments(demo: argparse.ArgumentParser) -> None:
    demo.add_argument("--employees", type=int, default=25_000)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--out", required=True, help="the JSON import file to write")


def _run_import(settings: PersonnelSettings, args: argparse.Namespace) -> int:
    if bool(args.file) == bool(args.resume):
        print("rangkui-personnel import: give a FILE or --resume JOB", file=sys.stderr)
        return 2
    return asyncio.run(_import(settings, args))


CLI = ServiceCli(
    prog="rangkui-personnel",
    description="Units, posts and formasi, employees and their history, imports.",
    settings=PersonnelSettings,
    migrations=MIGRATIONS,
    handlers=lambda settings: handlers(build_service(settings)),
    app=create_app,
    verbs={
        "rotate-keys": Verb(
            "re-wrap the data keys under the current key-encryption key, and re-publish "
            "them under the current transport key (docs/operations.md, Rotating the keys)",
            lambda settings, args: asyncio.run(_rotate_keys(settings, args)),
            _rotate_arguments,
        ),
        "issue-keys": Verb(
            "give a data key to every employee registered before personal data was sealed "
            "(their objections and evaluators' notes can then be sealed)",
            lambda settings, args: asyncio.run(_issue_keys(settings, args)),
            _issue_arguments,
        ),
        "import": Verb(
            "import a SIMPEG-shaped export (JSON or CSV)", _run_import, _import_arguments
        ),
        "demo": Verb(
            "write the deterministic demo province",
            lambda _, args: _demo(args.employees, args.seed, args.out),
            _demo_arguments,
            needs_settings=False,
        ),
    },
)


def main(argv: Sequence[str] | None = None) -> int:
    return CLI.main(argv)


def _demo(employees: int, seed: int, out: str) -> int:
    import json

    from rangkui_personnel.demo import generate

    doc = generate(employees=employees, seed=seed)
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, separators=(",", ":"))
    print(
        f"{out}: {len(doc['units'])} units, {len(doc['positions'])} posts, "
        f"{len(doc['employees'])} employees (seed {seed})"
    )
    return 0


async def _import(settings: PersonnelSettings, args: argparse.Namespace) -> int:
    vault = build_vault(settings)  # refuse before touching anything without the keys
    pool = await create_pool(settings.database_url, max_size=2)
    try:
        async with pool.acquire() as conn:
            await migrate(conn, MIGRATIONS)
        store = PostgresEventStore(pool, f"/rangkui/{settings.service_name}", settings.topic_prefix)
        if args.resume:
            job_id = args.resume
            if await import_jobs.job(pool, job_id) is None:
                print(f"rangkui-personnel import: no job {job_id}", file=sys.stderr)
                return 2
            await import_jobs.reopen(pool, job_id)
        else:
            fmt = args.format or ("csv" if args.file.lower().endswith(".csv") else "json")
            try:  # read row by row as it is stored: the file is never in memory whole
                job_id = await stage_import(
                    pool,
                    Path(args.file),
                    fmt=fmt,
                    section=args.section,
                    source_name=args.file,
                    cause=Cause.new(args.actor),
                )
            except DomainError as exc:
                print(f"rangkui-personnel import: {exc.message}", file=sys.stderr)
                return 2
        print(f"import job {job_id}", file=sys.stderr)
        runner = ImportRunner(
            pool,
            store,
            vault,
            chunk_size=settings.import_chunk_size,
            on_progress=_show_progress,
        )
        job = await runner.run(job_id)
        problems = await import_jobs.problems(pool, job_id, limit=10_000)
    finally:
        await pool.close()
    print(
        f"\n{job_id}: {job['status']}; {job['applied_rows']} applied, "
        f"{job['unchanged_rows']} unchanged, {job['rejected_rows']} refused, "
        f"{job['events_written']} events"
    )
    for p in problems:
        print(f"{p['section']} row {p['row']}: {p['field']}: {p['reason']}")
    return 1 if job["rejected_rows"] else 0


def _show_progress(job: dict[str, object]) -> None:
    total = int(str(job["total_rows"])) or 1
    done = int(str(job["processed_rows"]))
    print(f"\r{done}/{total} rows ({100 * done // total}%)", end="", file=sys.stderr, flush=True)


async def _rotate_keys(settings: PersonnelSettings, args: argparse.Namespace) -> int:
    pool = await create_pool(settings.database_url, max_size=2)
    try:
        report = await rewrap_at_rest(
            pool,
            settings.key_encryption_keys(),
            batch_size=args.batch_size,
            dry_run=args.dry_run,
        )
        queued = None if args.no_republish else await republish_keys(pool, dry_run=args.dry_run)
    finally:
        await pool.close()
    prefix = "dry run, nothing changed: " if args.dry_run else ""
    for line in report.lines():
        print(prefix + line)
    if queued is not None:
        print(f"{prefix}data keys queued to be published under the current transport key: {queued}")
    if report.unreadable:
        print(
            "rangkui-personnel rotate-keys: some data keys open with no configured "
            "key-encryption key; is a previous key missing from "
            "PERSONNEL_PREVIOUS_KEY_ENCRYPTION_KEYS?",
            file=sys.stderr,
        )
        return 1
    return 0


async def _issue_keys(settings: PersonnelSettings, args: argparse.Namespace) -> int:
    pool = await create_pool(settings.database_url, max_size=2)
    try:
        issued = await issue_missing_keys(
            pool, build_vault(settings), batch_size=args.batch_size, dry_run=args.dry_run
        )
    finally:
        await pool.close()
    prefix = "dry run, nothing changed: " if args.dry_run else ""
    print(f"{prefix}employees given a data key: {issued} (the running service publishes them)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
