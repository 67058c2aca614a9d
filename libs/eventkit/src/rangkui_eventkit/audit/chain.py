"""Verification of the events' hash chain, and seals that anchor it outside the database.

The database chains every event to its predecessor in the same stream (`sql/0002`):
`hash = sha256(prev_hash || content)`. `verify` recomputes every event's canonical bytes and
hash here, in Python (`canonical_content`), never with the database's own functions: whoever
owns the database can replace those (and disable the trigger), so a check that trusts them
proves nothing against its owner. The session pins `search_path` to `pg_catalog`, reads the
table by its qualified name and the JSON through the built-in text output, and first checks
that `public.events` is still a plain table with its guard triggers enabled. Walking each
stream in version order, it detects any altered, removed, inserted or reordered event
*inside* a stream. What a chain cannot show is that the
newest events of a stream were removed (the shortened chain is still consistent), nor that a
whole stream was rewritten with recomputed hashes: a `Seal` (every stream's head and one digest
over them), kept outside the database, is the anchor against which `verify` detects both.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import AsyncIterator, Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

import asyncpg

from rangkui_eventkit.clock import SYSTEM_CLOCK

ProblemKind = Literal[
    "altered",  # the stored hash is not the hash of the stored content
    "broken_link",  # prev_hash is not the predecessor's hash: an event removed or reordered
    "gap",  # versions missing in a stream
    "bad_start",  # a stream does not start at version 1 with no predecessor
    "head_changed",  # the event at a sealed head has another hash than sealed
    "head_regressed",  # a stream is shorter than when sealed: its newest events were removed
    "stream_missing",  # a sealed stream has no events any more
    "seal_invalid",  # the seal's digest does not match its heads: the seal itself was altered
    "guard_off",  # an append-only or chaining trigger is disabled, or events is no plain table
]

SEAL_FORMAT = "rangkui-audit-seal/1"
_PAGE = 5_000  # rows per fetch from the server-side cursor

# Read with the built-in jsonb text output (pg_catalog's, which a database owner cannot
# replace): jsonb's text form is canonical, and it is the form the trigger hashes.
_WALK = """
SELECT global_position, stream_id, version, event_id, event_type,
       data::pg_catalog.text AS data, metadata::pg_catalog.text AS metadata, recorded_at,
       prev_hash, hash
FROM public.events
{where}
ORDER BY stream_id, version
"""

_HEADS = """
SELECT DISTINCT ON (stream_id) stream_id, version, hash
FROM public.events ORDER BY stream_id, version DESC
"""

# The guards `sql/0002` installs: an owner who switches one off (ALTER TABLE ... DISABLE
# TRIGGER) is seen at once, before any row is read.
_GUARDS = ("events_audit_chain", "events_append_only", "events_no_truncate")
_TABLE_STATE = """
SELECT c.relkind::pg_catalog.text AS relkind,
       coalesce((SELECT pg_catalog.array_agg(t.tgname::pg_catalog.text
                                             ORDER BY t.tgname)
                 FROM pg_catalog.pg_trigger t
                 WHERE t.tgrelid = c.oid AND t.tgenabled IN ('O', 'A')), '{}') AS enabled
FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relname = 'events'
"""


def canonical_content(
    global_position: int,
    stream_id: str,
    version: int,
    event_id: Any,
    event_type: str,
    data_text: str,
    metadata_text: str,
    recorded_at: datetime,
) -> bytes:
    """The canonical bytes of one event, exactly as `audit_event_content` (sql/0002) defines
    them: the text form of a jsonb array of its fields. `data_text` and `metadata_text` are
    jsonb's own text output; strings are escaped as jsonb escapes them (`"`, `\\`, the
    control characters; everything else verbatim UTF-8)."""
    stamp = recorded_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    fields = (
        str(int(global_position)),
        _jsonb_string(stream_id),
        str(int(version)),
        _jsonb_string(str(event_id)),
        _jsonb_string(event_type),
        data_text,
        metadata_text,
        _jsonb_string(stamp),
    )
    return ("[" + ", ".join(fields) + "]").encode("utf-8")


def event_hash(prev_hash: bytes | None, content: bytes) -> bytes:
    """sha256 of the predecessor's hash (nothing for version 1) then the content."""
    return hashlib.sha256((prev_hash or b"") + content).digest()


def _jsonb_string(value: str) -> str:
    # PostgreSQL's escape_json: the same escapes as json.dumps without ensure_ascii.
    return json.dumps(value, ensure_ascii=False)


async def _pin(conn: asyncpg.Connection) -> None:
    """Resolve every name through pg_catalog first: no function, operator or cast the
    database's owner created can stand in for a built-in during verification."""
    await conn.execute("SET LOCAL search_path = pg_catalog, pg_temp")


@dataclass(frozen=True)
class Problem:
    """One finding: which stream, which version (and global position when the event exists)."""

    kind: ProblemKind
    stream_id: str
    version: int | None
    position: int | None
    detail: str

    def __str__(self) -> str:
        at = f" version {self.version}" if self.version is not None else ""
        pos = f" (position {self.position})" if self.position is not None else ""
        return f"{self.kind}: stream {self.stream_id}{at}{pos}: {self.detail}"


@dataclass
class VerifyReport:
    """What `verify` checked and found; `ok` when nothing was found."""

    events: int = 0
    streams: int = 0
    seconds: float = 0.0
    against_seal: bool = False
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def events_per_second(self) -> float:
        return self.events / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "events": self.events,
            "streams": self.streams,
            "seconds": round(self.seconds, 3),
            "against_seal": self.against_seal,
            "problems": [asdict(p) for p in self.problems],
        }


@dataclass(frozen=True)
class Head:
    version: int
    hash: str  # hex


@dataclass(frozen=True)
class Seal:
    """Every stream's head at one moment and one digest over them all.

    Kept outside the database (a file in the archive, a signed e-mail to the inspectorate),
    it is what proves that no stream lost its newest events since. The digest lets a reader
    check the seal itself and lets two parties compare seals by one value.
    """

    taken_at: datetime
    heads: Mapping[str, Head]
    digest: str

    @staticmethod
    def digest_of(heads: Mapping[str, Head]) -> str:
        canonical = json.dumps(
            [[s, heads[s].version, heads[s].hash] for s in sorted(heads)],
            separators=(",", ":"),
            ensure_ascii=False,
        )
        return hashlib.sha256(canonical.encode()).hexdigest()

    @property
    def intact(self) -> bool:
        return self.digest == self.digest_of(self.heads)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": SEAL_FORMAT,
            "taken_at": self.taken_at.isoformat(),
            "streams": len(self.heads),
            "digest": self.digest,
            "heads": {s: {"version": h.version, "hash": h.hash} for s, h in self.heads.items()},
        }

    @classmethod
    def from_json(cls, doc: Mapping[str, Any]) -> Seal:
        if doc.get("format") != SEAL_FORMAT:
            raise ValueError(f"not a seal of format {SEAL_FORMAT}: {doc.get('format')!r}")
        heads = {s: Head(int(h["version"]), str(h["hash"])) for s, h in doc["heads"].items()}
        return cls(datetime.fromisoformat(doc["taken_at"]), heads, str(doc["digest"]))


async def seal(conn: asyncpg.Connection) -> Seal:
    """The head (last version, hash) of every stream now, and their digest."""
    async with conn.transaction(isolation="repeatable_read", readonly=True):
        await _pin(conn)
        heads = {
            r["stream_id"]: Head(r["version"], r["hash"].hex()) async for r in _rows(conn, _HEADS)
        }
    return Seal(SYSTEM_CLOCK.now(), heads, Seal.digest_of(heads))


async def verify(conn: asyncpg.Connection, *, against: Seal | None = None) -> VerifyReport:
    """Walk every stream in (stream_id, version) order, in one consistent snapshot, and report
    every break in the chain; with `against`, also every sealed head that moved."""
    return await _verify(conn, None, against)


async def verify_stream(conn: asyncpg.Connection, stream_id: str) -> VerifyReport:
    """The same checks for one stream (no seal)."""
    return await _verify(conn, stream_id, None)


async def _verify(
    conn: asyncpg.Connection, stream_id: str | None, against: Seal | None
) -> VerifyReport:
    started = time.perf_counter()
    walker = _ChainWalker(against)
    where, args = ("WHERE stream_id = $1", [stream_id]) if stream_id is not None else ("", [])
    async with conn.transaction(isolation="repeatable_read", readonly=True):
        await _pin(conn)
        await _check_table(conn, walker)
        async for row in _rows(conn, _WALK.format(where=where), *args):
            walker.feed(row)
    walker.finish()
    report = walker.report
    report.seconds = time.perf_counter() - started
    return report


async def _check_table(conn: asyncpg.Connection, walker: _ChainWalker) -> None:
    state = await conn.fetchrow(_TABLE_STATE)
    if state is None:
        walker.problem("guard_off", "", None, None, "there is no table public.events")
        return
    if state["relkind"] != "r":
        walker.problem(
            "guard_off", "", None, None, f"public.events is no plain table ({state['relkind']})"
        )
    for guard in sorted(set(_GUARDS) - set(state["enabled"])):
        walker.problem("guard_off", "", None, None, f"the trigger {guard} is disabled or gone")


async def _rows(conn: asyncpg.Connection, sql: str, *args: Any) -> AsyncIterator[Any]:
    """Stream a query through a server-side cursor: memory stays flat for a million rows."""
    async for row in conn.cursor(sql, *args, prefetch=_PAGE):
        yield row


class _ChainWalker:
    """Checks rows arriving in (stream_id, version) order, keeping only the previous row."""

    def __init__(self, against: Seal | None) -> None:
        self.seal = against
        self.report = VerifyReport(against_seal=against is not None)
        self._stream: str | None = None
        self._version = 0
        self._hash: bytes | None = None
        self._seen: set[str] = set()
        if against is not None and not against.intact:
            self.problem(
                "seal_invalid", "", None, None, "the seal's digest does not match its heads"
            )

    def problem(
        self, kind: ProblemKind, stream: str, version: int | None, pos: int | None, detail: str
    ) -> None:
        self.report.problems.append(Problem(kind, stream, version, pos, detail))

    def feed(self, row: Any) -> None:
        stream, version, pos = row["stream_id"], row["version"], row["global_position"]
        prev_hash: bytes | None = row["prev_hash"]
        self.report.events += 1
        if stream != self._stream:
            self._end_stream()
            self._stream = stream
            self.report.streams += 1
            if version != 1:
                self.problem(
                    "bad_start", stream, version, pos, f"the stream starts at version {version}"
                )
            elif prev_hash is not None:
                self.problem(
                    "bad_start", stream, version, pos, "version 1 names a predecessor hash"
                )
        else:
            if version != self._version + 1:
                missing = _span(self._version + 1, version - 1)
                self.problem("gap", stream, self._version + 1, None, f"{missing} missing")
            if prev_hash != self._hash:
                self.problem(
                    "broken_link",
                    stream,
                    version,
                    pos,
                    f"prev_hash is not the hash of version {self._version}",
                )
        content = canonical_content(
            pos,
            stream,
            version,
            row["event_id"],
            row["event_type"],
            row["data"],
            row["metadata"],
            row["recorded_at"],
        )
        if event_hash(prev_hash, content) != row["hash"]:
            self.problem(
                "altered", stream, version, pos, "the stored hash is not the hash of the content"
            )
        if self.seal is not None:
            head = self.seal.heads.get(stream)
            if head is not None and head.version == version and head.hash != row["hash"].hex():
                self.problem(
                    "head_changed", stream, version, pos, "the sealed head has another hash now"
                )
        self._version = version
        self._hash = row["hash"]

    def _end_stream(self) -> None:
        if self._stream is None:
            return
        self._seen.add(self._stream)
        head = self.seal.heads.get(self._stream) if self.seal is not None else None
        if head is not None and self._version < head.version:
            self.problem(
                "head_regressed",
                self._stream,
                head.version,
                None,
                f"sealed at version {head.version}, now ends at version {self._version}",
            )

    def finish(self) -> None:
        self._end_stream()
        self._stream = None
        if self.seal is None:
            return
        for stream in sorted(set(self.seal.heads) - self._seen):
            head = self.seal.heads[stream]
            self.problem(
                "stream_missing",
                stream,
                head.version,
                None,
                f"sealed at version {head.version}, now has no events",
            )


def _span(first: int, last: int) -> str:
    return f"version {first}" if first == last else f"versions {first}-{last}"


def format_report(report: VerifyReport) -> str:
    """Human-readable: one line per problem, then a summary."""
    lines = [str(p) for p in report.problems]
    verdict = "OK" if report.ok else f"{len(report.problems)} PROBLEM(S)"
    seal = ", against the seal" if report.against_seal else ""
    lines.append(
        f"{verdict}: {report.events} events in {report.streams} streams checked{seal} "
        f"in {report.seconds:.1f} s ({report.events_per_second:,.0f} events/s)"
    )
    return "\n".join(lines)
