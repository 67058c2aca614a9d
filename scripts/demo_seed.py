"""Load the demo province into a running system (called by scripts/up.sh).

Generates the deterministic demo province with `rangkui-personnel demo` and imports it
through personnel's HTTP API, the way a BKD moves in, showing the import's progress. A
second run imports the same file again, which writes no new events.

Settings (environment): RANGKUI_DEMO_EMPLOYEES (default 25000), RANGKUI_DEMO_SEED (default
2026), RANGKUI_PERSONNEL_URL (default http://127.0.0.1:8101).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from rangkui_eventkit.auth.dev import mint_token

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    employees = int(os.environ.get("RANGKUI_DEMO_EMPLOYEES", "25000"))
    seed = os.environ.get("RANGKUI_DEMO_SEED", "2026")
    personnel = os.environ.get("RANGKUI_PERSONNEL_URL", "http://127.0.0.1:8101")
    demo_file = ROOT / ".local" / f"demo-province-{employees}-{seed}.json"
    demo_file.parent.mkdir(parents=True, exist_ok=True)
    if not demo_file.exists():
        print(f"[demo] generating a province of {employees} employees (seed {seed})")
        subprocess.run(
            [
                str(Path(sys.executable).parent / "rangkui-personnel"),
                "demo",
                "--employees",
                str(employees),
                "--seed",
                seed,
                "--out",
                str(demo_file),
            ],
            check=True,
        )
    # A development token: the services scripts/up.sh starts are in development mode.
    token = mint_token(roles=["bkd_operator"], username="demo.loader")
    with httpx.Client(
        base_url=personnel, timeout=120, headers={"Authorization": f"Bearer {token}"}
    ) as client:
        started = time.monotonic()
        response = client.post(
            "/imports",
            content=demo_file.read_bytes(),
            params={"name": demo_file.name},
            headers={"Content-Type": "application/json"},
        )
        response.raise_for_status()
        job = response.json()
        job_id = job["job_id"]
        while job["status"] == "RUNNING":
            print(
                f"\r[demo] importing: {job['processed_rows']}/{job['total_rows']} rows",
                end="",
                flush=True,
            )
            time.sleep(1)
            job = client.get(f"/imports/{job_id}", params={"limit": 20}).json()
        print(
            f"\r[demo] import {job['status'].lower()}: {job['processed_rows']} rows, "
            f"{job['events_written']} events written, "
            f"{job['unchanged_rows']} unchanged, {job['rejected_rows']} rows refused, "
            f"{time.monotonic() - started:.1f} s"
        )
        return 0 if job["status"] == "DONE" else 1


if __name__ == "__main__":
    sys.exit(main())
