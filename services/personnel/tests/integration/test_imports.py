"""Bulk import against the real database and broker: per-row report, batched appends,
idempotent re-import, only the changes for changed rows, and resuming after a crash."""

from __future__ import annotations

import copy
import json
from typing import Any

import asyncpg
import httpx
import pytest

from rangkui_eventkit.context import Cause
from rangkui_eventkit.db import create_pool
from rangkui_eventkit.migrations import migrate
from rangkui_eventkit.store import PostgresEventStore
from rangkui_eventkit.testing.plugin import eventually, serve_in_process
from rangkui_personnel.adapters.import_files import read_export, to_csv
from rangkui_personnel.adapters.personal_data import PersonalDataVault
from rangkui_personnel.bootstrap import MIGRATIONS, create_app
from rangkui_personnel.service_layer.imports import ImportRunner, create_import

pytestmark = pytest.mark.integration
VAULT = PersonalDataVault(b"k" * 32, b"t" * 32)


def person(n: int, unit: str = "sma-1", **overrides: Any) -> dict[str, Any]:
    birth_year = 1980 + n % 15
    return {
        "nip": f"{birth_year}0{1 + n % 9}1{n % 9}2015{(n % 12) + 1:02d}{1 + n % 2}{n:03d}",
        "nama": f"Pegawai {n}",
        "jenis_kelamin": "L" if n % 2 == 0 else "P",
        "tanggal_lahir": f"{birth_year}-0{1 + n % 9}-1{n % 9}",
        "status_pegawai": "AKTIF",
        "gol_ruang": "III/a",
        "unor_id": unit,
        "jabatan_id": f"{unit}-guru-mat",
        "tmt_jabatan": "2015-01-01",
        "pendidikan_tingkat": "S1",
        "pendidikan_jurusan": "Pendidikan Matematika",
        "email": f"p{n}@example.org",
    } | overrides


def export(employees: int = 6) -> dict[str, Any]:
    return {
        "units": [
            # the child first: the import places parents first whatever the file's order
            {
                "unor_id": "sma-1",
                "nama_unor": "SMA Negeri 1",
                "jenis_unor": "SMA",
                "wilayah": "Kota Rangkui",
                "induk_unor_id": "disdik",
            },
            {
                "unor_id": "disdik",
                "nama_unor": "Dinas Pendidikan",
                "jenis_unor": "OPD",
                "wilayah": "Kota Rangkui",
            },
        ],
        "positions": [
            {
                "jabatan_id": "sma-1-guru-mat",
                "unor_id": "sma-1",
                "nama_jabatan": "Guru Matematika",
                "jenis_jabatan": "FUNGSIONAL",
                "formasi": 4,
                "syarat_pendidikan_tingkat": "S1",
                "syarat_pendidikan_jurusan": "Pendidikan Matematika;Matematika",
            },
        ],
        "employees": [person(n) for n in range(1, employees + 1)],
    }


async def run_import(client: httpx.AsyncClient, poll: Any, doc: Any, **params: str) -> Any:
    if isinstance(doc, str):
        r = await client.post(
            "/imports", content=doc, params=params, headers={"Content-Type": "text/csv"}
        )
    else:
        r = await client.post("/imports", json=doc, params=params)
    assert r.status_code == 202, r.text
    job_id = r.json()["job_id"]
    return await poll(f"/imports/{job_id}", lambda j: j["status"] == "DONE")


async def count_events(client: httpx.AsyncClient) -> int:
    service = client._transport.app.state.service  # type: ignore[attr-defined]
    return await service.pool.fetchval("SELECT count(*) FROM events")  # type: ignore[no-any-return]


async def test_imports_good_rows_and_reports_each_bad_one(
    client: httpx.AsyncClient, poll: Any
) -> None:
    doc = export()
    good = doc["employees"][0]["nip"]
    doc["employees"] += [
        person(7, nip="198613262015051007"),  # impossible embedded month
        person(8, unor_id="nowhere", jabatan_id="nowhere-guru"),
        person(9, tanggal_lahir="1999-01-01"),  # contradicts the NIP
        person(1, nama="Someone Else"),  # a NIP already given in row 1
        person(10, gol_ruang="III/e", jenis_kelamin="X"),
    ]
    job = await run_import(client, poll, doc, name="simpeg.json")
    assert (job["applied_rows"], job["rejected_rows"], job["total_rows"]) == (9, 5, 14)
    assert job["events_written"] == 9
    report = {(p["section"], p["row"], p["field"]): p["reason"] for p in job["problems"]}
    assert "digits 1-8 (19861326) are not a real birth date" in report[("employees", 7, "nip")]
    assert report[("employees", 8, "unor_id")] == "unit nowhere is not a registered unit"
    assert report[("employees", 8, "jabatan_id")] == "post nowhere-guru is not an established post"
    assert "contradicts the NIP" in report[("employees", 9, "tanggal_lahir")]
    assert report[("employees", 10, "nip")] == "duplicate of row 1 of employees in this file"
    assert "is not a golongan/ruang" in report[("employees", 11, "gol_ruang")]
    assert "'X' is not one of" in report[("employees", 11, "jenis_kelamin")]

    shown = await poll(f"/employees/{good}")
    assert (shown["unit_id"], shown["contact"]["email"]) == ("sma-1", "p1@example.org")
    # Staffing and the organisation tree are separate consumers: wait for both.
    rows = await poll(
        "/staffing", lambda rows: rows and rows[0]["bezetting"] == 6 and rows[0]["agency_id"]
    )
    assert (rows[0]["formasi"], rows[0]["gap"], rows[0]["agency_id"]) == (4, -2, "disdik")

    before = await count_events(client)
    again = await run_import(client, poll, doc)
    assert (again["applied_rows"], again["unchanged_rows"], again["rejected_rows"]) == (0, 9, 5)
    assert await count_events(client) == before


async def test_a_changed_row_writes_only_what_changed(client: httpx.AsyncClient, poll: Any) -> None:
    doc = export()
    await run_import(client, poll, doc)
    changed = copy.deepcopy(doc)
    changed["positions"][0]["formasi"] = 7
    changed["employees"][2]["gol_ruang"] = "III/b"
    changed["employees"][3]["status_pegawai"] = "PENSIUN"
    job = await run_import(client, poll, changed)
    assert (job["applied_rows"], job["unchanged_rows"], job["events_written"]) == (3, 6, 3)
    nip = doc["employees"][2]["nip"]
    shown = await poll(f"/employees/{nip}", lambda e: e["grade"] == "III/b")
    assert [h["grade"] for h in shown["history"] if h["kind"] == "GRADE"] == ["III/a", "III/b"]
    rows = await poll("/staffing", lambda rows: rows and rows[0]["formasi"] == 7)
    rows = await poll("/staffing", lambda rows: rows[0]["bezetting"] == 5)
    assert rows[0]["gap"] == 2


async def test_imports_a_csv_of_one_section(client: httpx.AsyncClient, poll: Any) -> None:
    doc = export()
    await run_import(client, poll, {"units": doc["units"], "positions": doc["positions"]})
    csv_text = to_csv([person(n) for n in range(20, 25)], "employees", delimiter=";")
    job = await run_import(client, poll, csv_text, section="employees", name="pegawai.csv")
    assert (job["applied_rows"], job["rejected_rows"]) == (5, 0)
    await poll("/employees", lambda page: page["total"] == 5)


class Crash(BaseException):
    """Stands for the process dying between two chunks."""


@pytest.fixture
async def pool(database_url: str) -> Any:
    pool = await create_pool(database_url, max_size=4)
    async with pool.acquire() as conn:
        await migrate(conn, MIGRATIONS)
    yield pool
    await pool.close()


async def test_an_interrupted_import_resumes_without_losing_or_doubling_a_row(
    pool: asyncpg.Pool,
) -> None:
    store = PostgresEventStore(pool, "/rangkui/personnel")
    rows = read_export(json.dumps(export(employees=40)).encode(), "json")
    job_id = await create_import(
        pool, rows, source_name="big.json", fmt="json", cause=Cause.new("tester")
    )

    def crash_after_second_chunk(chunk: int) -> None:
        if chunk == 2:
            raise Crash()

    with pytest.raises(Crash):
        await ImportRunner(pool, store, VAULT, chunk_size=10, fault=crash_after_second_chunk).run(
            job_id
        )
    halfway = await pool.fetchrow("SELECT * FROM import_jobs WHERE job_id = $1", job_id)
    assert (halfway["status"], halfway["processed_rows"]) == ("RUNNING", 20)
    assert await pool.fetchval("SELECT count(*) FROM events") == halfway["events_written"]

    appends: list[int] = []
    original = store.append

    async def counting_append(writes: Any, cause: Any, *, conn: Any = None) -> Any:
        appends.append(sum(len(w.events) for w in writes))
        return await original(writes, cause, conn=conn)

    store.append = counting_append  # type: ignore[method-assign]
    done = await ImportRunner(pool, store, VAULT, chunk_size=10).run(job_id)
    assert (done["status"], done["processed_rows"], done["applied_rows"]) == ("DONE", 43, 43)
    assert appends == [10, 10, 3]  # one append per chunk of rows, not one per row
    assert await pool.fetchval("SELECT count(*) FROM events") == 43
    assert await pool.fetchval("SELECT count(DISTINCT stream_id) FROM events") == 43


async def test_the_service_resumes_an_unfinished_import_when_it_starts(
    pool: asyncpg.Pool, settings: Any, poll: Any
) -> None:
    rows = read_export(json.dumps(export(employees=12)).encode(), "json")
    job_id = await create_import(pool, rows, source_name="x", fmt="json", cause=Cause.new("t"))
    async with serve_in_process(create_app(settings)) as client:
        r = await client.get(f"/imports/{job_id}")
        assert r.status_code == 200
        job = await poll_client(client, f"/imports/{job_id}")
        assert (job["applied_rows"], job["rejected_rows"]) == (15, 0)


async def poll_client(client: httpx.AsyncClient, url: str) -> Any:
    async def done() -> Any:
        body = (await client.get(url)).json()
        return body if body["status"] == "DONE" else None

    return await eventually(done, timeout=60)


async def test_an_import_keeps_no_unknown_column_and_no_row_data_once_done(
    client: httpx.AsyncClient, poll: Any
) -> None:
    """An export carries more than the parser reads (NIK, address, birthplace): none of it is
    stored, and once the job is done only the report remains, not what the file said."""
    doc = export(employees=3)
    for n, employee in enumerate(doc["employees"]):
        employee |= {
            "nik": f"32730112345600{n:02d}",
            "alamat": "Jl. Rahasia 7",
            "tempat_lahir": "Bandung",
        }
    doc["employees"].append(person(9, tanggal_lahir="1999-01-01"))  # refused: still reported
    job = await run_import(client, poll, doc)
    assert (job["applied_rows"], job["rejected_rows"]) == (6, 1)
    service = client._transport.app.state.service  # type: ignore[attr-defined]
    stored = await service.pool.fetch(
        "SELECT data::text AS data, outcome FROM import_rows WHERE job_id = $1", job["job_id"]
    )
    assert len(stored) == 7
    assert {r["data"] for r in stored} == {"{}"}
    everything = await service.pool.fetchval("SELECT string_agg(data::text, ' ') FROM import_rows")
    for secret in ("3273011234560", "Rahasia", "Bandung", "p1@example.org"):
        assert secret not in (everything or "")
    report = {(p["row"], p["field"]) for p in job["problems"]}
    assert (4, "tanggal_lahir") in report


async def test_an_upload_over_the_limit_is_refused_with_413_and_leaves_no_job(
    settings: Any, poll: Any
) -> None:
    settings = settings.model_copy(update={"http_max_upload_bytes": 4096})
    csv_text = to_csv([person(n) for n in range(1, 60)], "employees")
    assert len(csv_text.encode()) > 4096

    async def chunks() -> Any:  # no Content-Length: counted while it streams in
        for start in range(0, len(csv_text), 1000):
            yield csv_text[start : start + 1000].encode()

    async with serve_in_process(create_app(settings)) as client:
        for body in (csv_text.encode(), chunks()):
            r = await client.post("/imports", content=body, headers={"Content-Type": "text/csv"})
            assert r.status_code == 413, r.text
        assert (await client.get("/imports")).json() == []
        small = to_csv([person(n) for n in range(1, 3)], "employees")
        r = await client.post("/imports", content=small, headers={"Content-Type": "text/csv"})
        assert r.status_code == 202, r.text
        assert r.json()["total_rows"] == 2


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        ('{"employees": [{"nip": "1", "nama": "\\ud800"}]}', "application/json", "surrogate"),
        ('{"employees": [{"nip": "1"}], "alamat": []}', "application/json", "unknown sections"),
        ('{"employees": [{"nip": "1"}, {"nilai": NaN}]}', "application/json", "not valid JSON"),
        ("nip;nama\n1;a\n", "text/csv", "lacks the columns"),
    ],
)
async def test_an_unreadable_upload_is_refused_with_422_and_leaves_no_job(
    client: httpx.AsyncClient, body: str, content_type: str, expected: str
) -> None:
    """Found at any row, however far into the file: the job and the rows stored before it
    are rolled back together."""
    r = await client.post("/imports", content=body, headers={"Content-Type": content_type})
    assert r.status_code == 422, r.text
    assert r.json()["rule"] == "readable_file"
    assert expected in r.text
    assert (await client.get("/imports")).json() == []
