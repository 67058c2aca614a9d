"""The console's end-to-end story in a real Chromium: the four services as processes on
real Kafka and PostgreSQL, the console server in front of them (one origin, development
sign-in), and `console/e2e/story.mjs` clicking through each role in turn the full process
main requires (documents, the TPK's sidang with its quorum and berita acara, the PPK who did
not sit in it, socialisation with its objection window, the employee's acknowledgement, one
decree for the transfer issued on the Keputusan page, its PDF and the employee's petikan
downloaded and its public verification page opened, a checkpoint), with a screenshot and an
axe-core check at every step (kept in `console/test-results/`)."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import IO, Any

import httpx
import pytest

from rangkui_eventkit.clock import PROVINCE_TIMEZONE
from rangkui_eventkit.testing.infra import Infra
from rangkui_eventkit.testing.plugin import eventually
from rangkui_eventkit.testing.system import SERVICES, System, free_port, province_today

from .conftest import OPERATOR, TPK_MEMBERS, Province

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
CONSOLE = REPO / "console"
RESULTS = CONSOLE / "test-results" / "story"
CANDIDATE = "198403152009011002"  # S1 Pendidikan Matematika at SMA 1: the top candidate
STUDYING = "198607202010012003"  # same degree, on study assignment: excluded by rule
HEAD = "197505102000031001"  # Kepala Sekolah of SMA 2: evaluates who arrives there
SIDANG = ("tpk.anggota", *TPK_MEMBERS[:2])  # the signed-in member and the two others
OBJECTION_WINDOW = timedelta(days=14)  # the default policy's window


@pytest.fixture
async def system(
    infra: Infra, topic_prefix: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[System]:
    """The four services as processes. The story's evaluator records the first checkpoint
    on the TMT day ("later" is not waited for): the province's policy here opens checkpoints
    early enough for that (`EVALUATION_CHECKPOINT_EARLY_DAYS`, as the erasure story does)."""
    monkeypatch.setenv("EVALUATION_CHECKPOINT_EARLY_DAYS", "92")
    system = System(infra, topic_prefix, tmp_path)
    try:
        await system.start()
        yield system
    finally:
        await system.close()


def chromium() -> str:
    found = os.environ.get("RANGKUI_CHROMIUM") or shutil.which("chromium")
    if not found:
        pytest.fail("Chromium is missing: apt-get install -y chromium (scripts/test.sh does)")
    return found


def built_console() -> Path:
    """`console/dist`, built now when it is missing or older than the sources."""
    dist = CONSOLE / "dist" / "index.html"
    sources = [p for p in (CONSOLE / "src").rglob("*") if p.is_file()]
    newest = max(p.stat().st_mtime for p in sources)
    if not (CONSOLE / "node_modules").is_dir():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=CONSOLE, check=True)
    if not dist.is_file() or dist.stat().st_mtime < newest:
        subprocess.run(["npm", "run", "build"], cwd=CONSOLE, check=True)
    return dist.parent


@pytest.fixture
async def console_url(system: System, tmp_path: Path) -> AsyncIterator[str]:
    dist = built_console()
    port = free_port()
    upstreams = [f"--upstream={name}={system.url(name)}" for name in SERVICES]
    log_path = tmp_path / "console.log"
    server = await asyncio.create_subprocess_exec(
        sys.executable,
        str(REPO / "scripts" / "console_server.py"),
        f"--port={port}",
        *upstreams,
        "--development-mode",
        f"--dist={dist}",
        stdout=(log := open_log(log_path)),
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:

        async def up() -> bool:
            if server.returncode is not None:
                raise RuntimeError(f"the console server exited; see {log_path}")
            try:
                async with httpx.AsyncClient() as c:
                    return (await c.get(f"{url}/config.json", timeout=2)).status_code == 200
            except httpx.HTTPError:
                return False

        await eventually(up, timeout=30)
        yield url
    finally:
        server.terminate()
        await asyncio.wait_for(server.wait(), timeout=15)
        log.close()


def open_log(path: Path) -> IO[bytes]:
    return path.open("ab")


def read_report() -> dict[str, Any]:
    """The story's report, each step with the size of its screenshot."""
    report: dict[str, Any] = json.loads((RESULTS / "report.json").read_text())
    for step in report["steps"]:
        step["bytes"] = Path(step["screenshot"]).stat().st_size
    return report


async def seed(p: Province) -> None:
    """A mathematics teacher at SMA 1, one on study assignment, and SMA 2's head; SMA 2 is
    short of four mathematics teachers (the `province` fixture seeded the schools)."""
    await p.register(CANDIDATE, "Budi Santoso", "sma-1", "guru-mat-1")
    await p.register(STUDYING, "Siti Rahmawati", "sma-1", "guru-mat-1")
    await p.register(HEAD, "Drs. Hendra Wijaya", "sma-2", "kepsek-2")
    r = await p.client.post(
        f"{p.system.url('personnel')}/employees/{STUDYING}/status",
        json={"status": "STUDY_ASSIGNMENT", "since": "2024-08-01", "reason": "tugas belajar S2"},
        headers=OPERATOR,
    )
    assert r.status_code in (200, 201), r.text
    mutation = p.system.url("mutation")

    async def suggested() -> bool:
        r = await p.client.get(f"{mutation}/needs/suggestions", params={"title": "Matematika"})
        return r.status_code == 200 and any(
            s["position_id"] == p.id("guru-mat-2") for s in r.json()
        )

    async def studying_known() -> bool:  # mutation's read model has all three
        r = await p.client.get(f"{mutation}/employees/{STUDYING}", headers=OPERATOR)
        return r.status_code == 200 and r.json().get("status") == "STUDY_ASSIGNMENT"

    await eventually(suggested, timeout=60)
    await eventually(studying_known, timeout=60)


async def test_each_role_clicks_through_a_transfer_in_chromium(
    province: Province, console_url: str
) -> None:
    await seed(province)
    shutil.rmtree(RESULTS, ignore_errors=True)
    RESULTS.mkdir(parents=True)
    today = province_today()  # the services run on the system clock, in the province
    deadline = today + OBJECTION_WINDOW
    env = {
        **os.environ,
        "BASE_URL": console_url,
        "EMPLOYEE_NIP": CANDIDATE,
        "EVALUATOR_NIP": HEAD,
        "EVALUATOR_UNIT": province.id("sma-2"),
        "TARGET_UNIT": "SMA Negeri 2 Tanjung Batu",
        "TPK_MEMBERS": ",".join(SIDANG[1:]),
        "OBJECTION_DEADLINE": deadline.isoformat(),
        "TIMEZONE": PROVINCE_TIMEZONE,
        "OUT_DIR": str(RESULTS),
        "CHROMIUM": chromium(),
    }
    story = await asyncio.create_subprocess_exec(
        "node",
        str(CONSOLE / "e2e" / "story.mjs"),
        cwd=CONSOLE,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    try:
        out, _ = await asyncio.wait_for(story.communicate(), timeout=300)
    except TimeoutError:
        story.kill()
        raise
    text = out.decode()
    assert story.returncode == 0, text[-6000:]

    report = read_report()
    assert report["ok"] is True
    steps = [s["step"] for s in report["steps"]]
    assert steps[0] == "operator-kebutuhan"
    for expected in (
        "operator-berkas",
        "tpk-kuorum-ditolak",
        "tpk-sidang",
        "ppk-setuju",
        "operator-sosialisasi",
        "pegawai-terima",
        "keputusan-formulir",
        "keputusan-ditolak",
        "keputusan-terbit",
        "verifikasi-publik",
        "keputusan-daftar",
        "operator-sk",
        "pegawai-petikan",
    ):
        assert expected in steps, steps
    assert steps[-1] == "penilai-tersimpan"
    assert all(s["bytes"] > 0 for s in report["steps"])
    blocking = [
        (a["step"], f["id"])
        for a in report["accessibility"]
        for f in a["findings"]
        if f["impact"] in ("serious", "critical")
    ]
    assert blocking == []

    # What the browser did is what the services recorded.
    mutation_id = report["mutation_id"]
    r = await province.client.get(f"{province.system.url('mutation')}/mutations/{mutation_id}")
    view = r.json()
    assert view["nip"] == CANDIDATE
    steps_seen = {s["step"]: s for s in view["timeline"]}
    timeline = [s["step"] for s in view["timeline"]]
    assert timeline[:6] == [
        "PROPOSED",
        "DOCUMENTS_CHECKED",
        "REVIEWED",
        "APPROVED",
        "SOCIALIZED",
        "ACKNOWLEDGED",
    ], timeline
    assert "DECREED" in timeline
    sidang = steps_seen["REVIEWED"]
    assert sorted(sidang["details"]["members_present"]) == sorted(SIDANG)
    assert sidang["details"]["berita_acara_ref"] == f"BA/TPK/{mutation_id[:6]}/2026"
    assert steps_seen["APPROVED"]["actor"] == "ppk.gubernur"
    assert steps_seen["SOCIALIZED"]["details"]["objection_deadline"] == deadline.isoformat()
    assert steps_seen["DECREED"]["actor"] == "kabid.mutasi.bkd"
    assert view["sk_number"] == f"800/{mutation_id[:6]}/BKD/2026"
    assert view["sk_date"] == today.isoformat()
    assert view["tmt"] == today.isoformat()
    # One decree (Keputusan) with this transfer as its only row, as the browser issued it.
    decree_id = view["decree_id"]
    assert decree_id
    assert decree_id == report["decree_id"]
    r = await province.client.get(
        f"{province.system.url('mutation')}/decrees/{decree_id}", headers=OPERATOR
    )
    assert r.status_code == 200, r.text
    decree = r.json()
    assert decree["sk_number"] == view["sk_number"]
    assert [(row["nip"], row["remarks"]) for row in decree["rows"]] == [
        (CANDIDATE, "Pemenuhan kebutuhan guru matematika")
    ]
    assert decree["issued_by"] == "kabid.mutasi.bkd"
    assert report["decree"]["document_bytes"] > 0
    assert report["petikan"]["bytes"] > 0
    plans = await province.plans(CANDIDATE)
    checkpoints = [c for plan in plans for c in plan["checkpoints"]]
    assert any(c.get("predikat") == "BAIK" for c in checkpoints), plans
