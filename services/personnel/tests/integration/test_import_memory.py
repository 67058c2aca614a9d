"""A 64 MiB import (CSV, or JSON) stays within a memory bound: the importing process (its
own, measured from /proc) stays under 200 MiB, and grows by less than that, while it stores
every row of the file and applies the first chunks. The file is read row by row (a JSON
file once per section) and written with COPY a chunk at a time; the runner holds one chunk;
repeated keys are found by PostgreSQL, not by a set in memory. (The upload holding the file
four times over peaked at 1.1 GiB on a 64 MiB CSV, 630 MiB on a JSON file.)

Memory is asserted, time is not. Only the first chunks are applied: each chunk is the same
work on the same amount of memory, and all of the 150,000 to 300,000 employees would take
minutes."""

from __future__ import annotations

import asyncio
import csv
import json
import os
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

MiB = 1024 * 1024
FILE_BYTES = 64 * MiB  # the upload limit (http_max_upload_bytes)
GROWTH_LIMIT = 200 * MiB
CHUNKS_APPLIED = 4
CHUNK_ROWS = 500

CHILD = r"""
import asyncio, gc, json, sys
from pathlib import Path

from rangkui_eventkit.context import Cause
from rangkui_eventkit.db import create_pool
from rangkui_eventkit.migrations import migrate
from rangkui_eventkit.store import PostgresEventStore
from rangkui_personnel.adapters.personal_data import PersonalDataVault
from rangkui_personnel.bootstrap import MIGRATIONS
from rangkui_personnel.service_layer.imports import ImportRunner, stage_import


def status(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    raise LookupError(field)


class Enough(Exception):
    pass


async def main(url, org, big, fmt, chunks, chunk_rows):
    pool = await create_pool(url, max_size=2)
    async with pool.acquire() as conn:
        await migrate(conn, MIGRATIONS)
    store = PostgresEventStore(pool, "/rangkui/personnel")
    vault = PersonalDataVault(b"k" * 32, b"t" * 32)
    cause = Cause.new("memory-test")
    org_job = await stage_import(pool, Path(org), fmt="json", source_name="org", cause=cause)
    await ImportRunner(pool, store, vault).run(org_job)
    gc.collect()
    baseline = status("VmRSS")
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")  # the peak (VmHWM) from here on
    job = await stage_import(
        pool, Path(big), fmt=fmt, section="employees", source_name="big", cause=cause
    )
    staged = status("VmHWM")

    def enough(chunk):
        if chunk == chunks:
            raise Enough()

    try:
        await ImportRunner(pool, store, vault, chunk_size=chunk_rows, fault=enough).run(job)
    except Enough:
        pass
    row = await pool.fetchrow("SELECT * FROM import_jobs WHERE job_id = $1", job)
    await pool.close()
    print(json.dumps({
        "baseline": baseline, "staged_peak": staged, "peak": status("VmHWM"),
        "total_rows": row["total_rows"], "processed_rows": row["processed_rows"],
        "applied_rows": row["applied_rows"], "rejected_rows": row["rejected_rows"],
    }))


asyncio.run(main(*sys.argv[1:5], int(sys.argv[5]), int(sys.argv[6])))
"""


def write_organisation(path: Path) -> None:
    path.write_text(
        json.dumps(
            {
                "units": [
                    {
                        "unor_id": "sma-1",
                        "nama_unor": "SMA Negeri 1",
                        "jenis_unor": "SMA",
                        "wilayah": "Kota Rangkui",
                    }
                ],
                "positions": [
                    {
                        "jabatan_id": "sma-1-guru",
                        "unor_id": "sma-1",
                        "nama_jabatan": "Guru",
                        "jenis_jabatan": "FUNGSIONAL",
                        "formasi": 1000,
                        "syarat_pendidikan_tingkat": "S1",
                    }
                ],
            }
        )
    )


def employee(n: int) -> dict[str, str]:
    """A valid employee, distinct for each `n`, with two columns the parser does not read."""
    birth = date(1970, 1, 1) + timedelta(days=n // 999)
    gender = 1 + n % 2
    return {
        "nip": f"{birth:%Y%m%d}201501{gender}{n % 999 + 1:03d}",
        "nama": f"Pegawai Nomor {n}",
        "jenis_kelamin": "L" if gender == 1 else "P",
        "tanggal_lahir": birth.isoformat(),
        "status_pegawai": "AKTIF",
        "gol_ruang": "III/a",
        "unor_id": "sma-1",
        "jabatan_id": "sma-1-guru",
        "tmt_jabatan": "2015-01-01",
        "pendidikan_tingkat": "S1",
        "pendidikan_jurusan": "Pendidikan Matematika",
        "email": f"pegawai{n}@example.org",
        "nik": f"3273{n:012d}",  # not a column of the parser: dropped as it is read
        "alamat": f"Jl. Merdeka No. {n % 500}, Kota Rangkui",
    }


def write_employees(path: Path, size: int, fmt: str) -> int:
    """Employees until the file is about `size` bytes (CSV, or JSON); how many rows."""
    n = 0
    with path.open("w", encoding="utf-8", newline="") as f:
        if fmt == "csv":
            writer = csv.DictWriter(f, fieldnames=list(employee(0)))
            writer.writeheader()
        else:
            f.write('{"format": "simpeg", "employees": [')
        while n % 1000 or f.tell() < size - 512 * 1000:
            if fmt == "csv":
                writer.writerow(employee(n))
            else:
                f.write(("," if n else "") + json.dumps(employee(n)))
            n += 1
        if fmt == "json":
            f.write("]}")
    assert path.stat().st_size <= size
    return n


@pytest.mark.parametrize("fmt", ["csv", "json"])
async def test_a_64_mib_import_keeps_the_importing_process_under_200_mib(
    database_url: str, tmp_path: Path, fmt: str
) -> None:
    org, big = tmp_path / "org.json", tmp_path / f"pegawai.{fmt}"
    write_organisation(org)
    rows = await asyncio.to_thread(write_employees, big, FILE_BYTES, fmt)
    assert big.stat().st_size > FILE_BYTES - MiB

    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        CHILD,
        database_url,
        str(org),
        str(big),
        fmt,
        str(CHUNKS_APPLIED),
        str(CHUNK_ROWS),
        env=os.environ | {"PERSONNEL_LOG_LEVEL": "WARNING"},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(proc.communicate(), timeout=600)
    assert proc.returncode == 0, err.decode()[-4000:]
    measured = json.loads(out.decode().strip().splitlines()[-1])
    print(f"\n{rows} rows, {big.stat().st_size / MiB:.1f} MiB: {measured}")

    # Every row of the file is stored, and the first chunks are applied.
    assert measured["total_rows"] == rows
    assert measured["processed_rows"] == CHUNKS_APPLIED * CHUNK_ROWS
    assert (measured["applied_rows"], measured["rejected_rows"]) == (CHUNKS_APPLIED * CHUNK_ROWS, 0)
    assert measured["peak"] < GROWTH_LIMIT, f"peak {measured['peak'] / MiB:.0f} MiB"
    growth = measured["peak"] - measured["baseline"]
    assert growth < GROWTH_LIMIT, (
        f"importing a {FILE_BYTES // MiB} MiB file grew the process by {growth / MiB:.0f} MiB "
        f"(peak {measured['peak'] / MiB:.0f} MiB, while storing the rows "
        f"{measured['staged_peak'] / MiB:.0f} MiB)"
    )
