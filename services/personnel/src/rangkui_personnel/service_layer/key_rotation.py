"""Keeping the vault's keys: rotating its wrapping keys without downtime, and issuing data
keys to employees registered before personal data was sealed.

- Key-encryption key: the service runs with the new key as current and the old one as
  previous (`PERSONNEL_PREVIOUS_KEY_ENCRYPTION_KEYS`); `rewrap_at_rest` then re-wraps every
  stored data key under the current one, batch by batch, after which the old key retires.
- Transport key: the key holders (mutation, evaluation, notification) and personnel run with
  the new key as current and the old as previous; `republish_keys` queues every live data
  key for the key publisher, which sends it again under the current transport key, and the
  holders' key rings replace their copies as they consume.
- Employees registered before sealing have no data key, so nothing about them could be
  sealed (their objections and evaluators' notes were refused): `issue_missing_keys`.

Guarantee: none of this brings an erased key back. A re-wrap is a compare-and-set on the
wrapped bytes it read, so a key erased meanwhile stays erased; a republished key is built
from `personal_data_keys` when sent, and an erased one is not sent (key_publisher); an
erased employee keeps a key row (without key), so no new key is issued to them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import asyncpg

from rangkui_eventkit.logging import get_logger
from rangkui_eventkit.personal_data import CannotOpen, WrappingKeys
from rangkui_eventkit.store import EventStore, PostgresEventStore
from rangkui_personnel.adapters.personal_data import PersonalDataVault
from rangkui_personnel.domain.streams import employee_stream

log = get_logger(__name__)

_PAGE = """
    SELECT nip, key_id, wrapped_key FROM personal_data_keys
    WHERE wrapped_key IS NOT NULL AND nip > $1
    ORDER BY nip
    LIMIT $2
"""

_REWRAP = """
    UPDATE personal_data_keys k SET wrapped_key = u.new
    FROM unnest($1::text[], $2::bytea[], $3::bytea[]) AS u(nip, old, new)
    WHERE k.nip = u.nip AND k.wrapped_key = u.old
"""


@dataclass
class RewrapReport:
    """What `rewrap_at_rest` found: keys already current, re-wrapped, and unreadable."""

    checked: int = 0
    already_current: int = 0
    rewrapped: int = 0
    changed_meanwhile: int = 0  # erased (or re-wrapped by another run) between read and write
    unreadable: list[str] = field(default_factory=list)  # NIPs no configured key opens

    def lines(self) -> list[str]:
        return [
            f"data keys checked: {self.checked}",
            f"already under the current key-encryption key: {self.already_current}",
            f"re-wrapped under the current key-encryption key: {self.rewrapped}",
            f"changed by someone else meanwhile (left as they are): {self.changed_meanwhile}",
            f"unreadable with every configured key: {len(self.unreadable)}"
            + (f" (NIPs: {', '.join(self.unreadable[:20])})" if self.unreadable else ""),
        ]


async def rewrap_at_rest(
    pool: asyncpg.Pool, keys: WrappingKeys, *, batch_size: int = 1000, dry_run: bool = False
) -> RewrapReport:
    """Re-wrap every live data key under `keys.current`; one transaction per batch."""
    report = RewrapReport()
    after = ""
    while True:
        rows = await pool.fetch(_PAGE, after, batch_size)
        if not rows:
            return report
        after = rows[-1]["nip"]
        report.checked += len(rows)
        changes = _rewrapped(rows, keys, report)
        if changes and not dry_run:
            status = await pool.execute(_REWRAP, *map(list, zip(*changes, strict=True)))
            done = int(status.split()[-1])
            report.rewrapped += done
            report.changed_meanwhile += len(changes) - done
        elif dry_run:
            report.rewrapped += len(changes)
        log.info("keys.rewrap_batch", checked=report.checked, rewrapped=report.rewrapped)


def _rewrapped(
    rows: list[Any], keys: WrappingKeys, report: RewrapReport
) -> list[tuple[str, bytes, bytes]]:
    changes: list[tuple[str, bytes, bytes]] = []
    for r in rows:
        old = bytes(r["wrapped_key"])
        try:
            new = keys.rewrapped(old, nip=r["nip"], key_id=r["key_id"])
        except CannotOpen:
            report.unreadable.append(r["nip"])
            continue
        if new is None:
            report.already_current += 1
        else:
            changes.append((r["nip"], old, new))
    return changes


async def republish_keys(pool: asyncpg.Pool, *, dry_run: bool = False) -> int:
    """Queue every live data key for publishing again (under the current transport key)."""
    if dry_run:
        return int(
            await pool.fetchval(
                "SELECT count(*) FROM personal_data_keys WHERE wrapped_key IS NOT NULL"
            )
        )
    status = await pool.execute(
        """INSERT INTO personal_data_key_outbox (nip, kind)
           SELECT nip, 'ISSUED' FROM personal_data_keys
           WHERE wrapped_key IS NOT NULL ORDER BY nip"""
    )
    return int(status.split()[-1])


EMPLOYEE_PREFIX = employee_stream("")
_WITHOUT_KEY = """
    SELECT nip FROM unnest($1::text[]) AS n(nip)
    WHERE NOT EXISTS (SELECT 1 FROM personal_data_keys k WHERE k.nip = n.nip)
    ORDER BY nip
"""


async def issue_missing_keys(
    pool: asyncpg.Pool,
    vault: PersonalDataVault,
    *,
    batch_size: int = 1000,
    dry_run: bool = False,
    store: EventStore | None = None,
) -> int:
    """Give a data key to every employee registered before personal data was sealed (none
    was created for them then), so that their objections and evaluators' notes about them
    can be sealed: the key holders receive the keys through the key publisher. Employees
    whose data was erased keep no key. One transaction per batch; returns the count."""
    store = store or PostgresEventStore(pool, "/rangkui/personnel")
    issued, after = 0, ""
    while True:
        page = await store.stream_ids(EMPLOYEE_PREFIX, after=after, limit=batch_size)
        if not page:
            return issued
        after = page[-1]
        registered = [sid.removeprefix(EMPLOYEE_PREFIX) for sid in page]
        nips = [r["nip"] for r in await pool.fetch(_WITHOUT_KEY, registered)]
        if not nips:
            continue
        if dry_run:
            issued += len(nips)
            continue
        async with pool.acquire() as conn, conn.transaction():
            issued += len(await vault.issue_missing(conn, nips))
        vault.notify()
        log.info("keys.issued_batch", issued=issued)
