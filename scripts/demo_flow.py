"""Drive the walking skeleton by hand against a running system and say how long each
service took to follow the transfer (scripts/up.sh first).

Registers two schools, a head of school and a teacher, and walks a transfer through the full
process (the default policy): proposal, documents check, the TPK's sidang, the PPK's
approval, socialisation, the teacher's acknowledgement, and the decree with TMT today; the
mutation service's scheduler makes it effective. Then it
prints, counted from the `MutationEffective` event's time, when the employee is at the new
school in personnel's read model, when monitoring is scheduled in evaluation's, and when
the notice is in the employee's inbox.
"""

from __future__ import annotations

import os
import random
import sys
import time
import uuid
from datetime import UTC, date, datetime
from typing import Any

import httpx

from rangkui_eventkit.testing.auth import acting

PERSONNEL = os.environ.get("RANGKUI_PERSONNEL_URL", "http://127.0.0.1:8101")
MUTATION = os.environ.get("RANGKUI_MUTATION_URL", "http://127.0.0.1:8102")
EVALUATION = os.environ.get("RANGKUI_EVALUATION_URL", "http://127.0.0.1:8103")
NOTIFICATION = os.environ.get("RANGKUI_NOTIFICATION_URL", "http://127.0.0.1:8104")
# Development tokens: the services `scripts/up.sh` starts trust them (development mode).
OPERATOR = acting("operator.bkd", "bkd_operator")
PPK = acting("ppk.gubernur", "ppk")
VERIFIER = acting("verifikator.bkd", "bkd_operator")
TPK_MEMBERS = ["tpk.sekda", "tpk.inspektur", "tpk.kepala-bkd"]
TPK = acting(TPK_MEMBERS[0], "tpk_member")
DOCUMENTS = (
    "REQUEST_LETTER",
    "ORIGIN_APPROVAL_LETTER",
    "JOB_AND_WORKLOAD_ANALYSIS",
    "LATEST_RANK_SK",
    "PERFORMANCE_APPRAISALS",
    "DISCIPLINE_STATEMENT",
    "STUDY_OBLIGATION_STATEMENT",
    "CLEAN_AUDIT_CERTIFICATE",
)
READER = acting("demo.reader", "bkd_operator", "auditor")


def random_nip(gender: str) -> str:
    """A valid NIP: birth date, appointment month after the 18th birthday, gender, sequence."""
    year = random.randint(1970, 1995)
    birth = date(year, random.randint(1, 12), random.randint(1, 28))
    appointed = f"{year + random.randint(22, 28)}{random.randint(1, 12):02d}"
    return f"{birth:%Y%m%d}{appointed}{'1' if gender == 'M' else '2'}{random.randint(1, 999):03d}"


def post(client: httpx.Client, url: str, body: dict[str, Any], headers: dict[str, str]) -> Any:
    response = client.post(url, json=body, headers=headers)
    if response.status_code >= 400:
        sys.exit(f"{url}: {response.status_code} {response.text}")
    return response.json()


def wait_for(what: str, check: Any, deadline_s: float = 30) -> float:
    """Poll until `check()` is truthy; the wall-clock time it became so."""
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        if check():
            return time.time()
        time.sleep(0.02)
    sys.exit(f"{what}: not seen within {deadline_s} s")


def register(client: httpx.Client, name: str, gender: str, unit: str, position: str) -> str:
    nip = random_nip(gender)
    birth = f"{nip[0:4]}-{nip[4:6]}-{nip[6:8]}"
    post(
        client,
        f"{PERSONNEL}/employees",
        {
            "nip": nip,
            "name": name,
            "gender": gender,
            "birth_date": birth,
            "grade": "III/b",
            "unit_id": unit,
            "position_id": position,
            "tmt_position": "2018-01-02",
            "education": [{"level": "S1", "field": "Pendidikan Matematika"}],
            "contact": {"email": f"{nip}@mail.rangkuiprov.go.id"},
        },
        OPERATOR,
    )
    return nip


def main() -> None:
    run = uuid.uuid4().hex[:6]
    with httpx.Client(timeout=10, headers=READER) as client:
        schools = {"from": f"sma-demo-a-{run}", "to": f"sma-demo-b-{run}"}
        post(
            client,
            f"{PERSONNEL}/units",
            {
                "unit_id": schools["from"],
                "name": f"SMA Negeri Contoh A {run}",
                "kind": "SMA",
                "region": "Kota Rangkui",
            },
            OPERATOR,
        )
        post(
            client,
            f"{PERSONNEL}/units",
            {
                "unit_id": schools["to"],
                "name": f"SMA Negeri Contoh B {run}",
                "kind": "SMA",
                "region": "Kabupaten Tanjung Batu",
            },
            OPERATOR,
        )
        posts = {"from": f"guru-mat-a-{run}", "to": f"guru-mat-b-{run}", "head": f"kepsek-b-{run}"}
        for key, unit, title, formasi, head in (
            ("from", schools["from"], "Guru Matematika", 3, False),
            ("to", schools["to"], "Guru Matematika", 3, False),
            ("head", schools["to"], "Kepala Sekolah", 1, True),
        ):
            post(
                client,
                f"{PERSONNEL}/positions",
                {
                    "position_id": posts[key],
                    "unit_id": unit,
                    "title": title,
                    "jabatan_type": "FUNGSIONAL",
                    "formasi": formasi,
                    "is_head_of_unit": head,
                },
                OPERATOR,
            )
        head = register(client, "Drs. Hendra Gunawan", "M", schools["to"], posts["head"])
        teacher = register(client, "Rina Marlina, S.Pd.", "F", schools["from"], posts["from"])
        print(f"teacher {teacher} at {schools['from']}, head of {schools['to']}: {head}")

        def propose() -> Any:
            r = client.post(
                f"{MUTATION}/mutations",
                json={
                    "nip": teacher,
                    "to_unit_id": schools["to"],
                    "to_position_id": posts["to"],
                    "kind": "NEED_BASED",
                    "reason": "Kekurangan guru matematika",
                },
                headers=OPERATOR,
            )
            return r.json() if r.status_code == 201 else None

        proposed = None
        end = time.monotonic() + 30
        while proposed is None and time.monotonic() < end:
            proposed = propose()
            time.sleep(0.05)
        if proposed is None:
            sys.exit("the mutation service did not learn of the teacher within 30 s")
        mutation_id = proposed["mutation_id"]
        transfer = f"{MUTATION}/mutations/{mutation_id}"
        items = [{"code": c, "present": True, "reference": f"B-{c}"} for c in DOCUMENTS]
        post(client, f"{transfer}/documents", {"items": items}, VERIFIER)
        sidang = {
            "recommended": True,
            "notes": "kompetensi sesuai, formasi tersedia",
            "members_present": TPK_MEMBERS,
            "berita_acara_ref": f"BA/TPK/{run}/2026",
        }
        post(client, f"{transfer}/review", sidang, TPK)
        post(client, f"{transfer}/approve", {"reasons": "sesuai rekomendasi TPK"}, PPK)
        explained = {"message": "SMA Negeri Contoh B kekurangan guru matematika"}
        post(client, f"{transfer}/socialize", explained, OPERATOR)
        post(client, f"{transfer}/acknowledge", {}, acting(teacher, "employee"))
        today = date.today().isoformat()
        post(
            client,
            f"{transfer}/decree",
            {"sk_number": f"800/{run}/BKD/2026", "sk_date": today, "tmt": today},
            PPK,
        )

        def effective_at() -> datetime | None:
            body = client.get(f"{MUTATION}/mutations/{mutation_id}").json()
            for step in body.get("timeline", []):
                if step["event_type"] == "MutationEffective":
                    return datetime.fromisoformat(step["at"])
            return None

        wait_for("MutationEffective", effective_at)
        effective = effective_at()
        assert effective is not None
        moved = wait_for(
            "employee moved",
            lambda: (
                client.get(f"{PERSONNEL}/employees/{teacher}").json().get("unit_id")
                == schools["to"]
            ),
        )
        planned = wait_for(
            "monitoring scheduled",
            lambda: client.get(f"{EVALUATION}/monitoring/plans", params={"nip": teacher}).json(),
        )
        notified = wait_for(
            "notice in the inbox", lambda: client.get(f"{NOTIFICATION}/inbox/{teacher}").json()
        )
        base = effective.astimezone(UTC).timestamp()
        print(f"transfer {mutation_id} effective at {effective.isoformat()}")
        print(f"  personnel: employee at the new school  +{(moved - base) * 1000:.0f} ms")
        print(f"  evaluation: monitoring scheduled       +{(planned - base) * 1000:.0f} ms")
        print(f"  notification: notice in the inbox     +{(notified - base) * 1000:.0f} ms")
        print("  (times include this script's polling, every 20 ms)")


if __name__ == "__main__":
    main()
