"""One contract for the `MutationFacts` port, run against PostgreSQL (mutation's read
models) and the in-memory fake the handler unit tests use, so the fake cannot drift."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import date
from typing import Any

import asyncpg
import pytest

from rangkui_eventkit.db import create_pool
from rangkui_eventkit.migrations import migrate
from rangkui_mutation.adapters.facts import PostgresFacts
from rangkui_mutation.bootstrap import MIGRATIONS
from rangkui_mutation.service_layer.ports import InMemoryFacts, MutationFacts

NIP, RETIRED, OTHER = "199003152015032001", "196001011985031001", "198801012010011002"
HEAD, BROTHER = "197501012000031002", "199205052018031004"

# The facts every implementation is given: two posts, three employees, appraisals.
EMPLOYEES = [
    (NIP, "ACTIVE", "sma-1", "guru-mat-1", date(2020, 1, 2)),
    (RETIRED, "RETIRED", "sma-2", "guru-mat-2", date(2000, 1, 3)),
    (OTHER, "ACTIVE", "sma-2", "guru-mat-2", date(2019, 7, 1)),
    (HEAD, "ACTIVE", "sma-2", "kepsek-2", date(2021, 1, 4)),
]
POSITIONS = [("guru-mat-1", "sma-1", 3), ("guru-mat-2", "sma-2", 2)]
HEAD_POSTS = [("kepsek-2", "sma-2", 1)]
RELATIVES = [(NIP, HEAD, "SPOUSE"), (BROTHER, NIP, "SIBLING")]  # (declared for, relative, how)
ANNUAL = [
    (NIP, date(2023, 12, 31), "BAIK"),
    (NIP, date(2025, 12, 31), "KURANG"),
    (NIP, date(2024, 12, 31), "SANGAT_BAIK"),
]
CLOSED = [("sma-3", date(2026, 6, 30))]

Given = Callable[[], Awaitable[MutationFacts]]


class MutationFactsContract:
    async def test_an_employee_as_the_read_model_knows_them(self, given: Given) -> None:
        facts = await given()
        found = await facts.employee(NIP)
        assert found is not None
        assert (found["unit_id"], found["position_id"], found["status"]) == (
            "sma-1",
            "guru-mat-1",
            "ACTIVE",
        )
        assert found["tmt_position"] == date(2020, 1, 2)
        assert await facts.employee("197001011990011001") is None

    async def test_a_post_with_its_unit_and_formasi(self, given: Given) -> None:
        facts = await given()
        found = await facts.position("guru-mat-2")
        assert found is not None
        assert (found["unit_id"], found["formasi"]) == ("sma-2", 2)
        assert await facts.position("nope") is None

    async def test_occupancy_counts_holders_but_not_retired_ones(self, given: Given) -> None:
        facts = await given()
        assert await facts.occupancy("guru-mat-2") == 1
        assert await facts.occupancy("nope") == 0

    async def test_holds_post_says_where_personnel_shows_the_employee(self, given: Given) -> None:
        facts = await given()
        assert await facts.holds_post(NIP, "guru-mat-1")
        assert not await facts.holds_post(NIP, "guru-mat-2")
        assert not await facts.holds_post("197001011990011001", "guru-mat-1")

    async def test_a_closed_unit_has_its_date_an_open_one_none(self, given: Given) -> None:
        facts = await given()
        assert await facts.unit_closed_on("sma-3") == date(2026, 6, 30)
        assert await facts.unit_closed_on("sma-1") is None

    async def test_tmt_facts_for_a_chunk_in_one_call(self, given: Given) -> None:
        facts = await given()
        statuses, closed = await facts.tmt_facts_many(
            [NIP, RETIRED, "197001011990011001", NIP], ["sma-1", "sma-3", "nope", "sma-3"]
        )
        assert statuses == {NIP: "ACTIVE", RETIRED: "RETIRED"}
        assert closed == {"sma-3": date(2026, 6, 30)}
        assert await facts.tmt_facts_many([], []) == ({}, {})

    async def test_the_last_two_annual_ratings_most_recent_first(self, given: Given) -> None:
        facts = await given()
        since = date(2024, 1, 1)
        assert await facts.recent_annual_predikat(NIP, since) == ("KURANG", "SANGAT_BAIK")
        assert await facts.recent_annual_predikat(NIP, date(2025, 6, 1)) == ("KURANG",)
        assert await facts.recent_annual_predikat(OTHER, since) == ()

    async def test_an_sk_number_names_the_transfer_that_carries_it(self, given: Given) -> None:
        facts = await given()
        assert await facts.sk_number_used_by("800/12/BKD/2026", exclude="m9") == "m1"
        assert await facts.sk_number_used_by("800/12/BKD/2026", exclude="m1") is None
        assert await facts.sk_number_used_by("800/99/BKD/2026", exclude="m9") is None

    async def test_relatives_come_from_either_side_of_the_registry(self, given: Given) -> None:
        facts = await given()
        assert await facts.relatives(NIP) == ((HEAD, "SPOUSE"), (BROTHER, "SIBLING"))
        assert await facts.relatives(HEAD) == ((NIP, "SPOUSE"),)
        assert await facts.relatives(OTHER) == ()

    async def test_the_head_of_a_unit_holds_its_head_post(self, given: Given) -> None:
        facts = await given()
        assert await facts.head_of_unit("sma-2") == HEAD
        assert await facts.head_of_unit("sma-1") is None

    async def test_names_for_a_lampiran_in_one_look_up_each(self, given: Given) -> None:
        facts = await given()
        found = await facts.names([NIP, "197001011990011001"], ["guru-mat-1", "x"], ["sma-3"])
        assert dict(found.employees) == {NIP: ("x", "III/c")}
        assert dict(found.positions) == {"guru-mat-1": "Guru"}
        assert dict(found.units) == {"sma-3": "x"}


@pytest.mark.unit
class TestInMemoryFacts(MutationFactsContract):
    @pytest.fixture
    def given(self) -> Given:
        async def make() -> MutationFacts:
            facts = InMemoryFacts()
            for nip, status, unit, post, tmt in EMPLOYEES:
                facts.employees[nip] = {
                    "nip": nip,
                    "status": status,
                    "unit_id": unit,
                    "position_id": post,
                    "tmt_position": tmt,
                    "name": "x",
                    "grade": "III/c",
                }
            for post, unit, formasi in POSITIONS:
                facts.positions[post] = {
                    "position_id": post,
                    "unit_id": unit,
                    "formasi": formasi,
                    "title": "Guru",
                }
            for post, unit, formasi in HEAD_POSTS:
                facts.positions[post] = {
                    "position_id": post,
                    "unit_id": unit,
                    "formasi": formasi,
                    "is_head_of_unit": True,
                    "title": "Kepala",
                }
            for nip, other, relation in RELATIVES:
                facts.declared_relatives.setdefault(nip, {})[other] = relation
            for nip, period_end, predikat in ANNUAL:
                facts.annual_predikat.setdefault(nip, []).append((period_end, predikat))
            facts.closed_units.update(dict(CLOSED))
            facts.unit_names.update({unit: "x" for unit, _ in CLOSED})
            facts.sk_numbers["800/12/BKD/2026"] = "m1"
            return facts

        return make


@pytest.mark.integration
class TestPostgresFacts(MutationFactsContract):
    @pytest.fixture
    async def pool(self, database_url: str) -> AsyncIterator[asyncpg.Pool]:
        pool = await create_pool(database_url, max_size=2)
        async with pool.acquire() as conn:
            await migrate(conn, MIGRATIONS)
        yield pool
        await pool.close()

    @pytest.fixture
    def given(self, pool: asyncpg.Pool) -> Given:
        async def make() -> MutationFacts:
            rows: list[tuple[str, list[tuple[Any, ...]]]] = [
                (
                    "INSERT INTO employees (nip, name, status, grade, unit_id, position_id, "
                    "tmt_position) VALUES ($1, 'x', $2, 'III/c', $3, $4, $5)",
                    EMPLOYEES,
                ),
                (
                    "INSERT INTO positions (position_id, unit_id, title, jabatan_type, formasi) "
                    "VALUES ($1, $2, 'Guru', 'FUNGSIONAL', $3)",
                    POSITIONS,
                ),
                (
                    "INSERT INTO performance (evaluation_id, nip, kind, period_end, predikat) "
                    "VALUES (gen_random_uuid()::text, $1, 'ANNUAL', $2, $3)",
                    ANNUAL,
                ),
                (
                    "INSERT INTO units (unit_id, name, kind, region, closed_on) "
                    "VALUES ($1, 'x', 'SMA', 'Kota Rangkui', $2)",
                    CLOSED,
                ),
                (
                    "INSERT INTO positions (position_id, unit_id, title, jabatan_type, formasi, "
                    "is_head_of_unit) VALUES ($1, $2, 'Kepala', 'STRUKTURAL', $3, true)",
                    HEAD_POSTS,
                ),
                (
                    "INSERT INTO employee_relatives (nip, related_nip, relation) "
                    "VALUES ($1, $2, $3)",
                    RELATIVES,
                ),
                (
                    "INSERT INTO sk_numbers (sk_number, mutation_id) VALUES ($1, $2)",
                    [("800/12/BKD/2026", "m1")],
                ),
            ]
            for sql, values in rows:
                await pool.executemany(sql, values)
            return PostgresFacts(pool)

        return make
