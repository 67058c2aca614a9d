"""Bulk import: a SIMPEG-shaped export becomes events, chunk by chunk, resumably.

Guarantees:
- a row is applied whole or not at all: all its events are in the same append as the rest
  of its chunk (one event-store call per chunk, not per row);
- re-importing the same facts writes no events, and a changed row writes only the events for
  what changed (the `Sync*` commands of the deciders);
- progress is stored in the same transaction as the chunk's events, so a runner killed at any
  point resumes at the first unprocessed row: nothing lost, nothing doubled. A row lock on the
  job keeps two runners (two replicas, or the CLI and the service) from applying one chunk
  twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import uuid
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg

from rangkui_contracts import DomainEvent
from rangkui_eventkit.clock import Clock, SystemClock
from rangkui_eventkit.context import Cause
from rangkui_eventkit.decider import Decider
from rangkui_eventkit.errors import DomainError
from rangkui_eventkit.logging import get_logger
from rangkui_eventkit.pipeline import PoolPipeline, RetryPolicy, UnitOfWork
from rangkui_eventkit.store import EventStore, StreamWrite
from rangkui_personnel.adapters import import_jobs
from rangkui_personnel.adapters.import_files import FileFormat, Rows, export_sections
from rangkui_personnel.adapters.personal_data import PersonalDataVault, VaultCodec
from rangkui_personnel.domain.employee import (
    RegisterEmployee,
    SyncEmployee,
    employee_decider,
)
from rangkui_personnel.domain.position import (
    EstablishPosition,
    PositionState,
    SyncPosition,
    position_decider,
)
from rangkui_personnel.domain.simpeg import (
    COLUMNS,
    KEY_COLUMNS,
    SECTIONS,
    ParsedRow,
    Problem,
    Section,
    key_of,
    parse,
)
from rangkui_personnel.domain.unit import SyncUnit, UnitState, unit_decider

log = get_logger(__name__)

DECIDERS: dict[str, Decider[Any, Any]] = {
    "unit": unit_decider,
    "position": position_decider,
    "employee": employee_decider,
}
_CHUNK_RETRY = RetryPolicy(attempts=5)


class Interrupted(Exception):
    """Another runner has taken this job over; this one stops."""


Planned = import_jobs.Planned


def plan_sections(
    sections: Iterable[tuple[Section, Iterable[dict[str, Any]]]],
) -> Iterator[Planned]:
    """Rows in processing order (units parents-first, then posts, then employees), each with
    the stream it is about. Only the columns the parser knows are kept: an export's other
    columns (NIK, address, birthplace) are never stored. Lazy: posts and employees pass
    through one at a time; units are ordered in memory (a province has a few thousand).
    Rows repeating a key given earlier are refused once all are stored
    (`import_jobs.refuse_repeated_keys`), so no set of every key is held here."""
    for section, items in sections:
        known = COLUMNS[section]
        numbered: Iterable[tuple[int, dict[str, Any]]] = (
            (n, {k: v for k, v in data.items() if k in known})
            for n, data in enumerate(items, start=1)
        )
        if section == "units":
            numbered = _parents_first(list(numbered))
        for number, data in numbered:
            yield (section, number, data, key_of(section, data))


def _parents_first(numbered: list[tuple[int, dict[str, Any]]]) -> list[tuple[int, dict[str, Any]]]:
    by_id = {str(d.get("unor_id", "")).strip(): (n, d) for n, d in numbered}
    ordered: list[tuple[int, dict[str, Any]]] = []
    placed: set[int] = set()

    def place(n: int, d: dict[str, Any], depth: int = 0) -> None:
        if n in placed:
            return
        parent = str(d.get("induk_unor_id") or "").strip()
        if parent in by_id and depth < 50 and by_id[parent][0] != n:
            place(*by_id[parent], depth=depth + 1)
        if n not in placed:
            placed.add(n)
            ordered.append((n, d))

    for n, d in numbered:
        place(n, d)
    return ordered


async def create_import(
    pool: asyncpg.Pool, rows: Rows, *, source_name: str, fmt: str, cause: Cause
) -> str:
    """Store a new import job with its rows (already in memory); the runner applies them."""
    planned = plan_sections((s, rows.get(s, [])) for s in SECTIONS)
    return await _create(pool, planned, source_name=source_name, fmt=fmt, cause=cause)


async def stage_import(
    pool: asyncpg.Pool,
    path: Path,
    *,
    fmt: FileFormat,
    section: Section = "employees",
    source_name: str,
    cause: Cause,
) -> str:
    """Store a new import job with the rows of an export file on disk, read and written
    `STAGE_CHUNK_ROWS` rows at a time (COPY), so that a CSV file is never in memory whole.
    The file is read in a worker thread (the event loop keeps serving); the job and all its
    rows commit together, so a file found unreadable at its last row leaves no job behind
    (`RuleViolated("readable_file")`)."""
    planned = plan_sections(export_sections(path, fmt, section))
    try:
        return await _create(pool, planned, source_name=source_name, fmt=fmt, cause=cause)
    finally:
        with contextlib.suppress(ValueError):  # still running in a cancelled worker thread
            planned.close()


STAGE_CHUNK_ROWS = 5000


async def _create(
    pool: asyncpg.Pool, planned: Iterable[Planned], *, source_name: str, fmt: str, cause: Cause
) -> str:
    job_id = f"imp-{uuid.uuid4().hex[:12]}"
    rows = iter(planned)

    async def chunks() -> AsyncIterator[list[Planned]]:
        while chunk := await asyncio.to_thread(_take, rows, STAGE_CHUNK_ROWS):
            yield chunk

    async with pool.acquire() as conn:
        await import_jobs.create_job(
            conn,
            job_id=job_id,
            source_name=source_name,
            fmt=fmt,
            actor=cause.actor,
            correlation_id=cause.correlation_id,
            chunks=chunks(),
            key_columns=KEY_COLUMNS,
        )
    return job_id


def _take(rows: Iterator[Planned], n: int) -> list[Planned]:
    return list(itertools.islice(rows, n))


@dataclass
class _Stream:
    kind: str
    state: Any
    version: int
    new: list[DomainEvent] = field(default_factory=list)


@dataclass
class _Chunk:
    """Working state of one chunk: the streams it touches, folded as rows decide."""

    streams: dict[str, _Stream]
    outcomes: list[import_jobs.RowOutcome] = field(default_factory=list)

    def writes(self) -> list[StreamWrite]:
        return [
            StreamWrite(sid, s.version, list(s.new)) for sid, s in self.streams.items() if s.new
        ]


ProgressFn = Callable[[dict[str, Any]], None]


class ImportRunner:
    """Applies an import job's remaining rows, `chunk_size` rows per event-store append."""

    def __init__(
        self,
        pool: asyncpg.Pool,
        store: EventStore,
        vault: PersonalDataVault,
        *,
        chunk_size: int = 500,
        clock: Clock | None = None,
        on_progress: ProgressFn | None = None,
        fault: Callable[[int], None] | None = None,
    ) -> None:
        self.pool = pool
        self.pipeline = PoolPipeline(pool, store, codec=VaultCodec(vault), retry=_CHUNK_RETRY)
        self.chunk_size = chunk_size
        self.clock = clock or SystemClock()
        self.on_progress = on_progress
        self.fault = fault

    async def run(self, job_id: str) -> dict[str, Any]:
        job = await import_jobs.job(self.pool, job_id)
        if job is None:
            raise KeyError(job_id)
        cause = Cause(job["actor"], job["correlation_id"], f"import:{job_id}")
        chunk_no = 0
        while job["status"] == "RUNNING":
            rows = await import_jobs.rows(self.pool, job_id, job["processed_rows"], self.chunk_size)
            if not rows:
                await import_jobs.finish(self.pool, job_id)
                break
            await self._apply_chunk(job_id, job["processed_rows"], rows, cause)
            chunk_no += 1
            if self.fault is not None:
                self.fault(chunk_no)
            job = await import_jobs.job(self.pool, job_id) or job
            log.info(
                "import.progress",
                job_id=job_id,
                processed=job["processed_rows"],
                total=job["total_rows"],
            )
            if self.on_progress is not None:
                self.on_progress(job)
        return job

    async def _apply_chunk(
        self, job_id: str, start: int, rows: Sequence[import_jobs.StoredRow], cause: Cause
    ) -> None:
        """One chunk in one unit of work: its rows' events and the job's progress commit
        together (a crash keeps all of it or none); a lost race decides the chunk again."""
        parsed = [
            (r, parse(r.section, r.row_number, r.data) if r.outcome is None else None) for r in rows
        ]

        async def handler(uow: UnitOfWork) -> None:
            if await import_jobs.lock_progress(uow.conn, job_id) != start:
                raise Interrupted(f"import {job_id} is being applied by another runner")
            chunk = await self._decide(uow, job_id, parsed)
            for write in chunk.writes():
                uow.stage(write.stream_id, write.events)
            await import_jobs.record_chunk(
                uow.conn,
                job_id,
                chunk.outcomes,
                rows[-1].seq + 1,
                sum(len(w.events) for w in uow.staged),
                start=start,
            )

        await self.pipeline.run(handler, cause)

    async def _decide(
        self,
        uow: UnitOfWork,
        job_id: str,
        parsed: list[tuple[import_jobs.StoredRow, ParsedRow | None]],
    ) -> _Chunk:
        wanted = {p.key for _, p in parsed if p and p.command} | {
            s for _, p in parsed if p and p.command for _, s in p.refs
        }
        opened = await uow.load(sorted(wanted))
        streams: dict[str, _Stream] = {}
        for sid in wanted:
            kind = sid.split("-", 1)[0]
            version = len(uow.history(sid))
            streams[sid] = _Stream(kind, DECIDERS[kind].fold(opened[sid]), version)
        chunk = _Chunk(streams)
        for stored, row in parsed:
            if row is None:
                continue  # refused before the run (a duplicate key in the file)
            problems = list(row.problems) or self._reference_problems(row, streams)
            events: list[DomainEvent] = []
            if not problems:
                try:
                    events = self._decide_row(job_id, row, streams)
                except DomainError as exc:
                    problems = [Problem(_field_of(exc, row.section), exc.message)]
            if problems:
                outcome = import_jobs.RowOutcome(
                    stored.seq,
                    "REJECTED",
                    0,
                    [{"field": p.field, "reason": p.reason} for p in problems],
                )
            else:
                outcome = import_jobs.RowOutcome(
                    stored.seq, "APPLIED" if events else "UNCHANGED", len(events), []
                )
            chunk.outcomes.append(outcome)
        return chunk

    def _decide_row(
        self, job_id: str, row: ParsedRow, streams: dict[str, _Stream]
    ) -> list[DomainEvent]:
        stream = streams[row.key]
        command: Any
        match row.command:
            case SyncUnit():
                command = row.command
            case EstablishPosition():
                command = SyncPosition(row.command, reason=f"import {job_id}")
            case RegisterEmployee():
                command = SyncEmployee(row.command, as_of=self.clock.today())
            case _:
                return []
        decider = DECIDERS[stream.kind]
        events = list(decider.decide(command, stream.state))
        for event in events:
            stream.state = decider.evolve(stream.state, event)
        stream.new.extend(events)
        return events

    @staticmethod
    def _reference_problems(row: ParsedRow, streams: dict[str, _Stream]) -> list[Problem]:
        """Units and posts a row names must exist (possibly from earlier rows of the file)."""
        problems: list[Problem] = []
        for column, sid in row.refs:
            state = streams[sid].state
            ref_id = sid.split("-", 1)[1]
            if isinstance(state, UnitState):
                if not state.registered:
                    problems.append(Problem(column, f"unit {ref_id} is not a registered unit"))
                elif state.closed:
                    problems.append(Problem(column, f"unit {ref_id} is closed"))
            elif isinstance(state, PositionState):
                if not state.established:
                    problems.append(Problem(column, f"post {ref_id} is not an established post"))
                elif row.command is not None and state.unit_id != getattr(
                    row.command, "unit_id", state.unit_id
                ):
                    problems.append(
                        Problem(
                            column,
                            f"post {ref_id} belongs to unit {state.unit_id}, "
                            f"not to unit {getattr(row.command, 'unit_id', '')}",
                        )
                    )
        return problems


def _field_of(exc: DomainError, section: Section) -> str:
    message = exc.message
    if section == "employees":
        for word, column in (
            ("name", "nama"),
            ("gender", "jenis_kelamin"),
            ("birth date", "tanggal_lahir"),
            ("grade", "gol_ruang"),
            ("NIP", "nip"),
        ):
            if message.startswith(word):
                return column
        return "row"
    if section == "units":
        return "jenis_unor" if "kind" in message else "unor_id"
    return "unor_id" if "belongs to unit" in message else "formasi"


class ImportWorker:
    """Runs import jobs in the background of the service process, one task per job, and on
    start resumes the jobs an earlier process left unfinished."""

    def __init__(
        self,
        pool: asyncpg.Pool,
        store: EventStore,
        vault: PersonalDataVault,
        *,
        chunk_size: int,
        clock: Clock | None = None,
        concurrent_uploads: int = 2,
        spool_dir: str | None = None,
    ) -> None:
        self.runner = ImportRunner(pool, store, vault, chunk_size=chunk_size, clock=clock)
        self.pool = pool
        self.uploads = asyncio.Semaphore(concurrent_uploads)
        """Uploads spooled to disk at once (each up to the upload limit)."""
        self.spool_dir = spool_dir
        self._tasks: dict[str, asyncio.Task[Any]] = {}

    def start(self, job_id: str) -> bool:
        """Run the job unless this process already runs it; True if a run was started."""
        task = self._tasks.get(job_id)
        if task is not None and not task.done():
            return False
        self._tasks[job_id] = asyncio.create_task(self._run(job_id), name=f"import:{job_id}")
        return True

    async def _run(self, job_id: str) -> None:
        try:
            await self.runner.run(job_id)
        except Interrupted as exc:
            log.info("import.interrupted", job_id=job_id, reason=str(exc))
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.error("import.failed", job_id=job_id, error=repr(exc))
            await import_jobs.fail(self.pool, job_id, f"{type(exc).__name__}: {exc}")

    async def run(self, stop: asyncio.Event) -> None:
        """The service's worker loop: resume unfinished jobs, then serve until stopped."""
        await self.resume_unfinished()
        try:
            await stop.wait()
        finally:
            await self.stop()

    async def resume_unfinished(self) -> list[str]:
        job_ids = await import_jobs.unfinished(self.pool)
        for job_id in job_ids:
            self.start(job_id)
        return job_ids

    async def wait(self, job_id: str) -> None:
        task = self._tasks.get(job_id)
        if task is not None:
            await task

    async def stop(self) -> None:
        """Cancel running imports: the chunk in flight rolls back; a restart resumes it."""
        for task in self._tasks.values():
            task.cancel()
        for task in self._tasks.values():
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._tasks.clear()
