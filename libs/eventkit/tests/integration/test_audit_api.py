"""`/audit`: the audit query API over a real event store, mounted on a bare FastAPI app."""

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime
from types import SimpleNamespace
from typing import Any

import asyncpg
import httpx
import pytest
from fastapi import FastAPI

from rangkui_contracts.events.mutation import (
    MutationCancelled,
    MutationProposed,
    StaffingNeedFulfilled,
)
from rangkui_eventkit.audit.http import audit_router
from rangkui_eventkit.context import Cause
from rangkui_eventkit.db import connect
from rangkui_eventkit.http import install_error_handlers
from rangkui_eventkit.store import PostgresEventStore, StreamWrite
from rangkui_eventkit.testing.store_contract import unit_event

pytestmark = pytest.mark.integration

NIP_A = "198001012005011001"
NIP_B = "199002022010012002"


@pytest.fixture
async def client(pool: asyncpg.Pool) -> AsyncIterator[httpx.AsyncClient]:
    app = FastAPI()
    app.state.service = SimpleNamespace(pool=pool)
    install_error_handlers(app)
    app.include_router(audit_router())
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://service"
    ) as c:
        yield c


def proposed(mutation_id: str, nip: str) -> MutationProposed:
    return MutationProposed(
        mutation_id=mutation_id,
        nip=nip,
        from_unit_id="u-1",
        from_position_id="p-1",
        to_unit_id="u-2",
        to_position_id="p-2",
        kind="OWN_REQUEST",
        reason="mengikuti suami",
        proposed_by="operator-1",
    )


@dataclass(frozen=True)
class History:
    m1: str
    m2: str
    need: str
    second_append_at: datetime


async def history(pool: asyncpg.Pool) -> History:
    """Two transfers (employees A and B), a decision on A's transfer that names no NIP (a unit
    event, standing in for one), and a staffing need fulfilled by A's transfer."""
    store = PostgresEventStore(pool, "/rangkui/mutation")
    m1, m2 = f"m-{uuid.uuid4().hex[:6]}", f"m-{uuid.uuid4().hex[:6]}"
    need = f"need-{uuid.uuid4().hex[:6]}"
    operator = Cause.new("operator-1")
    await store.append(
        [
            StreamWrite(f"mutation-{m1}", 0, [proposed(m1, NIP_A)]),
            StreamWrite(f"mutation-{m2}", 0, [proposed(m2, NIP_B)]),
        ],
        operator,
    )
    second = await store.append(
        [StreamWrite(f"mutation-{m1}", 1, [unit_event("decision without a NIP")])],
        Cause.new("ppk-1"),
    )
    await store.append(
        [
            StreamWrite(
                need,
                0,
                [
                    StaffingNeedFulfilled(
                        need_id=need, unit_id="u-2", position_id="p-2", count=1, mutation_ids=[m1]
                    )
                ],
            ),
            StreamWrite(
                f"mutation-{m2}",
                1,
                [MutationCancelled(mutation_id=m2, nip=NIP_B, reason="batal", cancelled_by="x")],
            ),
        ],
        operator,
    )
    return History(m1, m2, need, second[0].envelope.time)


async def get_events(client: httpx.AsyncClient, **params: Any) -> dict[str, Any]:
    response = await client.get("/audit/events", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def streams_and_versions(body: dict[str, Any]) -> list[tuple[str, int]]:
    return [(e["stream_id"], e["version"]) for e in body["events"]]


async def test_by_employee_lists_every_event_of_their_streams_even_without_the_nip(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    h = await history(pool)
    body = await get_events(client, nip=NIP_A)
    assert streams_and_versions(body) == [(f"mutation-{h.m1}", 1), (f"mutation-{h.m1}", 2)]
    first, decision = body["events"]
    assert first["actor"] == "operator-1"
    assert decision["actor"] == "ppk-1"
    assert decision["prev_hash"] == first["hash"]
    assert first["prev_hash"] is None
    assert first["data"]["nip"] == NIP_A
    assert first["type"] == "rangkui.mutation.MutationProposed.v1"
    assert first["correlation_id"]
    assert body["next_after"] is None


async def test_by_transfer_lists_its_stream_and_the_events_naming_it(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    h = await history(pool)
    body = await get_events(client, mutation_id=h.m1)
    assert streams_and_versions(body) == [
        (f"mutation-{h.m1}", 1),
        (f"mutation-{h.m1}", 2),
        (h.need, 1),
    ]
    positions = [e["position"] for e in body["events"]]
    assert positions == sorted(positions)


async def test_by_actor_by_type_and_by_stream(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    h = await history(pool)
    assert streams_and_versions(await get_events(client, actor="ppk-1")) == [
        (f"mutation-{h.m1}", 2)
    ]
    cancelled = await get_events(client, event_type="rangkui.mutation.MutationCancelled.v1")
    assert streams_and_versions(cancelled) == [(f"mutation-{h.m2}", 2)]
    by_stream = await get_events(client, stream_id=f"mutation-{h.m2}", actor="operator-1")
    assert streams_and_versions(by_stream) == [(f"mutation-{h.m2}", 1), (f"mutation-{h.m2}", 2)]


async def test_by_period_from_is_inclusive_and_to_exclusive(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    h = await history(pool)
    at = h.second_append_at.isoformat()
    before = await get_events(client, to=at)
    since = await get_events(client, **{"from": at})
    assert sorted(streams_and_versions(before)) == sorted(
        [(f"mutation-{h.m1}", 1), (f"mutation-{h.m2}", 1)]
    )
    assert streams_and_versions(since)[0] == (f"mutation-{h.m1}", 2)
    assert len(since["events"]) == 3


async def test_pages_follow_each_other_without_overlap_until_next_after_is_null(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    await history(pool)
    everything = await get_events(client, limit=1000)
    seen: list[int] = []
    after = 0
    pages = 0
    while True:
        page = await get_events(client, limit=2, after=after)
        seen += [e["position"] for e in page["events"]]
        pages += 1
        if page["next_after"] is None:
            break
        after = page["next_after"]
    assert seen == [e["position"] for e in everything["events"]]
    assert len(seen) == 5
    assert pages == 3


@pytest.mark.parametrize(
    ("params", "field", "words"),
    [
        ({"nip": "12345"}, "query.nip", "18 digits"),
        ({"nip": "19800101200501100x"}, "query.nip", "18 digits"),
        (
            {"from": "2026-02-01T00:00:00Z", "to": "2026-01-01T00:00:00Z"},
            "query.from",
            "after its end",
        ),
        ({"limit": 0}, "query.limit", "greater than or equal to 1"),
        ({"limit": 1001}, "query.limit", "less than or equal to 1000"),
        ({"after": -1}, "query.after", "greater than or equal to 0"),
        ({"actor": "a\x00b"}, "query.actor", "NUL"),
        ({"to": "9999-12-31T23:59:59-14:00"}, "query.to", "range"),
    ],
)
async def test_invalid_filters_are_refused_with_a_message_naming_the_field(
    client: httpx.AsyncClient, params: dict[str, Any], field: str, words: str
) -> None:
    response = await client.get("/audit/events", params=params)
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "invalid_request"
    assert any(p["field"] == field and words in p["message"] for p in body["problems"]), body


async def test_the_stream_check_reports_an_altered_event(
    pool: asyncpg.Pool, client: httpx.AsyncClient, database_url: str
) -> None:
    h = await history(pool)
    stream = f"mutation-{h.m1}"
    clean = await client.get(f"/audit/streams/{stream}/verify")
    assert clean.status_code == 200
    assert clean.json() == {"stream_id": stream, "ok": True, "events": 2, "problems": []}
    evil = await connect(database_url)
    try:
        await evil.execute("SET session_replication_role = replica")
        await evil.execute(
            "UPDATE events SET metadata = jsonb_set(metadata, '{actor}', '\"nobody\"')"
            " WHERE stream_id = $1 AND version = 2",
            stream,
        )
    finally:
        await evil.close()
    broken = (await client.get(f"/audit/streams/{stream}/verify")).json()
    assert broken["ok"] is False
    assert [(p["kind"], p["version"]) for p in broken["problems"]] == [("altered", 2)]


async def test_the_stream_check_of_an_unknown_stream_is_not_found(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    response = await client.get("/audit/streams/nothing-here/verify")
    assert response.status_code == 404
    assert "nothing-here" in response.json()["message"]


async def test_plaintext_personal_fields_of_older_events_are_masked_and_named(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    """A v1 objection holds its reason in clear (recorded before sealing): the API shows the
    decision and who took it, not the reason; the stored event is untouched (its chain
    verifies), and a v2 objection's sealed reason is shown as it is."""
    from rangkui_contracts.events.common import Sealed
    from rangkui_contracts.events.mutation import MutationObjected, MutationObjectedV2

    m = f"m-{uuid.uuid4().hex[:6]}"
    sealed = Sealed(key_id="dk-1", alg="A256GCM", nonce="bm9uY2U", ciphertext="c2VjcmV0")
    store = PostgresEventStore(pool, "/rangkui/mutation")
    await store.append(
        [
            StreamWrite(
                f"mutation-{m}",
                0,
                [
                    proposed(m, NIP_A),
                    MutationObjected(
                        mutation_id=m, nip=NIP_A, reason="anak saya sakit", objected_by=NIP_A
                    ),
                    MutationObjectedV2(mutation_id=m, nip=NIP_A, reason=sealed, objected_by=NIP_A),
                ],
            )
        ],
        Cause.new(NIP_A),
    )

    body = await get_events(client, mutation_id=m)

    by_type = {e["type"].removeprefix("rangkui.mutation."): e for e in body["events"]}
    v1, v2 = by_type["MutationObjected.v1"], by_type["MutationObjected.v2"]
    assert (v1["data"]["reason"], v1["masked"]) == (None, ["reason"])
    assert (v1["actor"], v1["data"]["objected_by"]) == (NIP_A, NIP_A)
    assert "anak saya sakit" not in str(body)
    assert (v2["data"]["reason"], v2["masked"]) == (sealed.model_dump(), [])
    assert by_type["MutationProposed.v1"]["masked"] == []
    check = await client.get(f"/audit/streams/mutation-{m}/verify")
    assert check.json()["ok"] is True
