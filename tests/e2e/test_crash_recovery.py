"""Killing any service (SIGKILL, no goodbye) and starting it again loses and duplicates
nothing in its read models, whether it dies after a flow or in the middle of one."""

from __future__ import annotations

from typing import Any

import pytest

from rangkui_eventkit.testing.plugin import eventually
from rangkui_eventkit.testing.system import SERVICES, System

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

HEAD = "197501012000031002"
FIRST = "199003152015032001"
SECOND = "198609262015051001"


def transfers_in_history(employee: dict[str, Any]) -> set[str]:
    return {h["mutation_id"] for h in employee.get("history", []) if h.get("mutation_id")}


async def test_services_killed_and_restarted_lose_and_duplicate_nothing(
    system: System, province: Any
) -> None:
    p = province
    await p.register(HEAD, "Drs. Bambang Sutrisno", "sma-2", "kepsek-2")
    await p.register(FIRST, "Siti Rahmawati, S.Pd.", "sma-1", "guru-mat-1")
    await p.register(SECOND, "Agus Setiawan, S.Pd.", "sma-1", "guru-mat-1")

    first = await p.transfer(FIRST, "sma-2", "guru-mat-2")

    async def first_done() -> bool:
        return (
            (await p.employee(FIRST)).get("unit_id") == p.id("sma-2")
            and len(await p.plans(FIRST)) == 1
            and len(await p.inbox(FIRST)) >= 1
        )

    await eventually(first_done, timeout=30)
    notices_before = await p.inbox(FIRST)

    # Every service dies after the flow and comes back.
    for name in SERVICES:
        await system.restart(name, crash=True)

    # A second transfer, with personnel, evaluation and notification killed while it runs.
    second = await p.transfer(SECOND, "sma-2", "guru-mat-2")
    system.services["personnel"].kill()
    system.services["notification"].kill()
    system.services["evaluation"].kill()
    for name in ("personnel", "notification", "evaluation"):
        system.services[name].start()
    for name in ("personnel", "notification", "evaluation"):
        await system.services[name].wait_ready()

    async def second_done() -> bool:
        return (
            (await p.employee(SECOND)).get("unit_id") == p.id("sma-2")
            and len(await p.plans(SECOND)) == 1
            and len(await p.inbox(SECOND)) >= 1
        )

    await eventually(second_done, timeout=60)

    # Nothing doubled: one move per transfer in the history, one plan each, the first
    # employee's inbox unchanged by the restarts.
    assert transfers_in_history(await p.employee(FIRST)) == {first}
    assert transfers_in_history(await p.employee(SECOND)) == {second}
    assert len([h for h in (await p.employee(SECOND))["history"] if h.get("mutation_id")]) == len(
        [h for h in (await p.employee(FIRST))["history"] if h.get("mutation_id")]
    )
    assert [pl["mutation_id"] for pl in await p.plans(FIRST)] == [first]
    assert [pl["mutation_id"] for pl in await p.plans(SECOND)] == [second]
    # (Notices of the first transfer may still have been arriving when the snapshot was
    # taken: what was there must still be there, and no source event may show twice.)
    notices_after = await p.inbox(FIRST)
    after_ids = {n["notification_id"] for n in notices_after}
    assert {n["notification_id"] for n in notices_before} <= after_ids
    first_sources = [n["source_event_id"] for n in notices_after]
    assert len(first_sources) == len(set(first_sources))

    # Nothing lost: the head of the target school hears of both transfers, once each.
    async def head_heard_of_both() -> list[dict[str, Any]] | None:
        inbox = await p.inbox(HEAD)
        bodies = " ".join(n["body"] for n in inbox)
        return inbox if "Siti Rahmawati" in bodies and "Agus Setiawan" in bodies else None

    head_inbox = await eventually(head_heard_of_both, timeout=30)
    sources = [n["source_event_id"] for n in head_inbox]
    assert len(sources) == len(set(sources))
