"""Candidate matching over a province does not stall the event loop: it runs beside it, in a
bounded pool of worker threads, and the loop keeps scheduling its other coroutines (the
HTTP requests and the consumers) meanwhile. Counted in loop ticks, never in time."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable
from datetime import date
from typing import Any, TypeVar

import pytest

from rangkui_mutation.domain.matching import MatchPolicy, PostProfile
from rangkui_mutation.service_layer import needs
from rangkui_mutation.service_layer.commands import Deps
from rangkui_mutation.service_layer.offloop import OffLoop

pytestmark = pytest.mark.unit
T = TypeVar("T")

POLICY = MatchPolicy(today=date(2026, 11, 28), min_years_in_post=2, max_years_in_post=5)
POSTS: list[PostProfile | None] = [
    PostProfile(
        "guru-mat-2",
        "Guru Matematika",
        required_levels=("S1",),
        required_fields=("Pendidikan Matematika",),
        grade_min="III/a",
        grade_max="IV/a",
        required_competencies=("kurikulum merdeka",),
    ),
    PostProfile("staf-1", "Pengadministrasi Umum"),
    None,  # a need whose post the read model does not know (yet)
]
GRADES = ("II/c", "III/a", "III/b", "III/c", "IV/a", "IV/b")


def province(employees: int = 25_000) -> Any:
    """The read-model rows `candidate_rows` fetches, for a province of `employees`."""
    rows = [
        {
            "nip": f"{n:018d}",
            "name": f"Pegawai {n}",
            "status": "RETIRED" if n % 97 == 0 else "ACTIVE",
            "grade": GRADES[n % len(GRADES)],
            "unit_id": f"unit-{n % 300}",
            "position_id": f"post-{n % 1200}",
            "tmt_position": date(2015 + n % 11, 1 + n % 12, 1),
            "education": [
                {
                    "level": ("S1", "D3", "S2")[n % 3],
                    "field": ("Pendidikan Matematika", "Hukum")[n % 2],
                }
            ],
            "competencies": ["Kurikulum Merdeka"] if n % 4 == 0 else [],
        }
        for n in range(employees)
    ]
    titles = {r["nip"]: ["Guru Matematika"] for r in rows[::5]}
    ratings = {r["nip"]: ["BAIK", "SANGAT_BAIK"] for r in rows[::2]}
    in_transfer = {r["nip"] for r in rows[::50]}
    surplus = {f"post-{p}": p % 3 - 1 for p in range(1200)}
    return rows, titles, ratings, in_transfer, surplus


def deps(matching: OffLoop | None) -> Deps:
    return Deps(pipeline=None, settings=None, clock=None, facts=None, matching=matching)  # type: ignore[arg-type]


async def ticks_while(work: Awaitable[T]) -> tuple[T, int]:
    """`work`'s result, and how many times another coroutine was scheduled until it ended."""
    task = asyncio.ensure_future(work)
    ticks = 0
    while not task.done():
        ticks += 1
        await asyncio.sleep(0)
    return task.result(), ticks


async def test_matching_a_province_leaves_the_loop_free_for_other_coroutines() -> None:
    rows = province()
    # On the loop (as before): nothing else runs from the moment the matching starts.
    inline, inline_ticks = await ticks_while(
        deps(None).off_loop(needs._eligible_counts, rows, POSTS, POLICY)
    )
    assert inline_ticks == 1  # the one tick before the matching began
    first, second, unknown = inline
    assert unknown is None
    assert first is not None
    assert second is not None
    assert 0 < first < second < 25_000

    pool = OffLoop(1)
    try:
        pooled, ticks = await ticks_while(
            deps(pool).off_loop(needs._eligible_counts, rows, POSTS, POLICY)
        )
    finally:
        pool.close()
    assert pooled == inline  # the same answer
    assert ticks >= 3, f"the loop ran only {ticks} times while 25,000 employees were matched"


async def test_the_loop_runs_while_a_matching_is_under_way() -> None:
    """Deterministic: the work cannot finish until the loop has ticked three more times,
    which it could never do if the work ran on the loop."""
    ticked = threading.Event()

    def waits_for_the_loop() -> bool:
        return ticked.wait(timeout=60)

    async def ticker() -> None:
        for _ in range(3):
            await asyncio.sleep(0)
        ticked.set()

    pool = OffLoop(1)
    try:
        done, _ = await asyncio.gather(pool.run(waits_for_the_loop), ticker())
    finally:
        pool.close()
    assert done is True


async def test_no_more_matchings_run_at_once_than_the_pool_allows() -> None:
    running = 0
    most = 0
    lock = threading.Lock()
    release = threading.Event()

    def matching(n: int) -> int:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        release.wait(timeout=60)
        with lock:
            running -= 1
        return n

    pool = OffLoop(2)
    try:
        work = [asyncio.ensure_future(pool.run(matching, n)) for n in range(6)]
        for _ in range(50):  # let every request reach the pool
            await asyncio.sleep(0)
        release.set()
        assert await asyncio.gather(*work) == list(range(6))
    finally:
        pool.close()
    assert most <= 2
