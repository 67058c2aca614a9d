"""One decree for several transfers over HTTP, against the real Kafka and PostgreSQL: issued
with its document, verified publicly (a changed byte is told apart), fetched as one person's
petikan, and effective row by row on the TMT, a row whose guard fails held alone."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

import httpx
import pytest

from rangkui_contracts.events.personnel import EmployeeStatusChanged
from rangkui_eventkit.testing.auth import acting
from rangkui_eventkit.testing.plugin import eventually, serve_in_process
from rangkui_mutation.bootstrap import create_app
from rangkui_mutation.settings import MutationSettings

from .conftest import TODAY, Clock, Publish, answered, employee, post, ready_for_decision, unit
from .test_process_guards import OPERATOR, PPK, event_count, ok, propose

pytestmark = pytest.mark.integration

NIPS = ("199003152015032001", "198807122012031003", "198705052011012003")


async def seed(publish: Publish) -> None:
    await publish(
        [
            unit("sma-1", "SMA Negeri 1 Rangkui"),
            unit("sma-2", "SMA Negeri 2 Tanjung Batu"),
            post("guru-mat-1", "sma-1", 3),
            post("guru-mat-2", "sma-2", 5),
            *(employee(nip, "sma-1", "guru-mat-1") for nip in NIPS),
        ]
    )


async def ready_for_its_decree(client: httpx.AsyncClient, nip: str) -> str:
    mutation_id = await propose(client, nip)
    await ready_for_decision(client, mutation_id)
    await ok(client, f"/mutations/{mutation_id}/approve", {"reasons": "sesuai kebutuhan"}, PPK)
    await answered(client, mutation_id, nip)
    return mutation_id


async def status_of(client: httpx.AsyncClient, mutation_id: str) -> str:
    r = await client.get(f"/mutations/{mutation_id}", headers=OPERATOR)
    assert r.status_code == 200, r.text
    return str(r.json()["status"])


async def test_a_decree_for_three_transfers_is_issued_verified_and_takes_effect_row_by_row(
    settings: MutationSettings, publish_personnel: Publish, clock: Clock
) -> None:
    await seed(publish_personnel)
    tmt = TODAY + timedelta(days=5)
    async with serve_in_process(create_app(settings, clock=clock)) as client:
        ids = [await ready_for_its_decree(client, nip) for nip in NIPS]
        body = {
            "mutation_ids": ids,
            "sk_number": "800/21/BKD/2026",
            "sk_date": TODAY.isoformat(),
            "tmt": tmt.isoformat(),
            "remarks": {ids[0]: "Mengisi kekurangan guru matematika"},
        }

        r = await client.post("/decrees", json=body, headers=PPK)

        assert r.status_code == 201, r.text
        decree: dict[str, Any] = r.json()
        assert [row["nip"] for row in decree["rows"]] == list(NIPS)
        assert decree["rows"][0]["to_unit"] == "SMA Negeri 2 Tanjung Batu"
        assert decree["rows"][0]["remarks"] == "Mengisi kekurangan guru matematika"

        async def decreed() -> bool:
            return all([await status_of(client, m) == "DECREED" for m in ids])

        await eventually(decreed, timeout=15)
        again = await client.get(f"/decrees/{decree['decree_id']}", headers=OPERATOR)
        assert again.json()["document_sha256"] == decree["document_sha256"]

        # The register and the transfer list follow (read models, eventually).
        async def registered() -> dict[str, Any] | None:
            page = (await client.get("/decrees", headers=OPERATOR)).json()
            found = [x for x in page["items"] if x["decree_id"] == decree["decree_id"]]
            return found[0] if found else None

        listed = await eventually(registered, timeout=15)
        assert (listed["sk_number"], listed["rows"]) == ("800/21/BKD/2026", 3)

        async def rows_listed() -> list[str] | None:
            r = await client.get(
                "/mutations", params={"decree_id": decree["decree_id"]}, headers=OPERATOR
            )
            page = r.json()
            return sorted(m["mutation_id"] for m in page["items"]) if page["total"] == 3 else None

        assert await eventually(rows_listed, timeout=15) == sorted(ids)

        async def total(**params: str) -> int:
            r = await client.get("/mutations", params=params, headers=OPERATOR)
            assert r.status_code == 200, r.text
            return int(r.json()["total"])

        assert await total(nip=NIPS[1], decree_id=decree["decree_id"]) == 1
        assert await total(kind="ROTATION", decree_id=decree["decree_id"]) == 0
        assert await total(kind="NEED_BASED", decree_id=decree["decree_id"]) == 3
        assert await total(proposed_from="1900-01-01", decree_id=decree["decree_id"]) == 3
        assert await total(proposed_to="1900-01-02", decree_id=decree["decree_id"]) == 0

        # The document as stored is the one whose hash the decree recorded.
        pdf = await client.get(decree["document_url"], headers=OPERATOR)
        assert pdf.status_code == 200
        assert pdf.headers["content-type"] == "application/pdf"
        assert hashlib.sha256(pdf.content).hexdigest() == decree["document_sha256"]

        # Anyone may verify, without signing in: the file, its hash, or the QR's page.
        genuine = await client.post(decree["verify_url"], content=pdf.content)
        changed = bytearray(pdf.content)
        changed[len(changed) // 3] ^= 0x20
        forged = await client.post(decree["verify_url"], content=bytes(changed))
        assert genuine.status_code == forged.status_code == 200, forged.text
        assert (genuine.json()["genuine"], genuine.json()["status"]) == (True, "BERLAKU")
        assert forged.json()["genuine"] is False
        assert "TIDAK sesuai" in forged.json()["pesan"]
        assert "rows" in genuine.json()
        assert "nip" not in genuine.text
        by_hash = await client.get(
            decree["verify_url"], params={"sha256": decree["document_sha256"]}
        )
        assert by_hash.json()["matched"] == "DOCUMENT"
        unknown = await client.get(
            "/decrees/no-such-decree/verify", params={"sha256": "0" * 64}
        )
        assert unknown.status_code == 404
        assert unknown.json()["rule"] == "unknown_decree"

        # The copy signed outside the system (TTE) is recorded, and then verifies too.
        signed = pdf.content + b"\n%% TTE BSrE: tanda tangan elektronik\n"
        upload = f"/decrees/{decree['decree_id']}/signed-copies"
        r = await client.post(upload, content=signed, headers=PPK, params={"signature": "TTE"})
        assert r.status_code == 201, r.text
        assert (r.json()["recorded"], r.json()["media_type"]) == (True, "application/pdf")
        not_a_copy = await client.post(upload, content=b"GIF89a....", headers=PPK)
        assert not_a_copy.status_code == 422
        assert not_a_copy.json()["rule"] == "signed_copy_type"
        as_signed = await client.post(decree["verify_url"], content=signed)
        assert as_signed.json()["matched"] == "SIGNED_COPY"

        # Each person fetches their own petikan, not another's.
        own = acting(NIPS[1], "employee")
        mine = await client.get(f"/decrees/{decree['decree_id']}/petikan/{NIPS[1]}", headers=own)
        theirs = await client.get(f"/decrees/{decree['decree_id']}/petikan/{NIPS[0]}", headers=own)
        assert mine.status_code == 200
        assert mine.content.startswith(b"%PDF-")
        assert theirs.status_code == 403

        # Before the TMT the third person comes under disciplinary proceedings: their row
        # is held on the TMT, the other two take effect.
        await publish_personnel(
            [
                (
                    f"employee-{NIPS[2]}",
                    EmployeeStatusChanged(
                        nip=NIPS[2], previous_status="ACTIVE", status="DISCIPLINARY", since=TODAY
                    ),
                )
            ]
        )

        async def disciplined() -> bool:
            r = await client.get(f"/employees/{NIPS[2]}", headers=OPERATOR)
            return r.status_code == 200 and r.json()["status"] == "DISCIPLINARY"

        await eventually(disciplined, timeout=15)
        clock.set(tmt)

        async def settled() -> list[str] | None:
            found = [await status_of(client, m) for m in ids]
            return found if "DECREED" not in found else None

        assert await eventually(settled, timeout=20) == ["EFFECTIVE", "EFFECTIVE", "HELD"]


async def test_a_decree_with_a_refused_row_decrees_nobody_and_names_the_row(
    settings: MutationSettings, publish_personnel: Publish, clock: Clock
) -> None:
    await seed(publish_personnel)
    async with serve_in_process(create_app(settings, clock=clock)) as client:
        ready = await ready_for_its_decree(client, NIPS[0])
        undecided = await propose(client, NIPS[1])
        body = {
            "mutation_ids": [ready, undecided],
            "sk_number": "800/22/BKD/2026",
            "sk_date": TODAY.isoformat(),
            "tmt": (TODAY + timedelta(days=5)).isoformat(),
        }

        rows = [f"mutation-{ready}", f"mutation-{undecided}"]
        before = [await event_count(settings, row) for row in rows]

        r = await client.post("/decrees", json=body, headers=PPK)

        assert r.status_code in (409, 422), r.text
        assert [await event_count(settings, row) for row in rows] == before  # nobody decreed
        error = r.json()
        assert {v["details"]["row"] for v in error["violations"]} == {2}, error
        assert error["message"].startswith("Baris 2")


async def test_a_revoking_decree_of_the_ppk_revokes_one_effective_row(
    settings: MutationSettings, publish_personnel: Publish, clock: Clock
) -> None:
    await seed(publish_personnel)
    tmt = TODAY + timedelta(days=2)
    async with serve_in_process(create_app(settings, clock=clock)) as client:
        ids = [await ready_for_its_decree(client, nip) for nip in NIPS[:2]]
        body = {"mutation_ids": ids, "sk_number": "800/23/BKD/2026",
                "sk_date": TODAY.isoformat(), "tmt": tmt.isoformat()}  # fmt: skip
        decree = (await client.post("/decrees", json=body, headers=PPK)).json()
        clock.set(tmt)

        async def effective() -> bool:
            return [await status_of(client, m) for m in ids] == ["EFFECTIVE", "EFFECTIVE"]

        await eventually(effective, timeout=20)
        path = f"/decrees/{decree['decree_id']}/revoke"
        revoke = {
            "sk_number": "800/24/BKD/2026",
            "sk_date": tmt.isoformat(),
            "reason": "Penempatan tidak sesuai formasi",
            "mutation_ids": [ids[0]],
        }

        by_bkd = await client.post(path, json=revoke, headers=OPERATOR)
        by_ppk = await client.post(path, json=revoke, headers=PPK)

        assert by_bkd.status_code == 403, by_bkd.text
        assert by_bkd.json()["rule"] == "revoke_by_ppk_only"
        assert by_ppk.status_code == 200, by_ppk.text
        assert by_ppk.json()["status"] == "DIBATALKAN SEBAGIAN"

        async def settled() -> list[str] | None:
            found = [await status_of(client, m) for m in ids]
            return found if found[0] != "EFFECTIVE" else None

        assert await eventually(settled, timeout=15) == ["REVOKED", "EFFECTIVE"]
        shown = await client.get(
            decree["verify_url"], params={"sha256": decree["document_sha256"]}
        )
        assert shown.json()["status"] == "DIBATALKAN SEBAGIAN"
        assert "800/24/BKD/2026" in shown.json()["pesan"]


async def test_the_induction_follows_the_decree_and_a_late_one_is_flagged(
    settings: MutationSettings, publish_personnel: Publish, clock: Clock
) -> None:
    await seed(publish_personnel)
    watched = settings.model_copy(update={"induction_watch_interval_s": 0.2})
    async with serve_in_process(create_app(watched, clock=clock)) as client:
        done_id, late_id = [await ready_for_its_decree(client, nip) for nip in NIPS[:2]]
        body = {"mutation_ids": [done_id, late_id], "sk_number": "800/25/BKD/2026",
                "sk_date": TODAY.isoformat(), "tmt": TODAY.isoformat()}  # fmt: skip
        assert (await client.post("/decrees", json=body, headers=PPK)).status_code == 201

        async def scheduled(mutation_id: str) -> dict[str, Any] | None:
            r = await client.get(f"/mutations/{mutation_id}/induction", headers=OPERATOR)
            return r.json() if r.status_code == 200 else None

        first = await eventually(lambda: scheduled(done_id), timeout=15)
        assert (first["status"], first["swearing_in_required"]) == ("DUE", False)  # FUNGSIONAL
        assert first["due_by"] > TODAY.isoformat()
        spmt = {"spmt_number": "800/SPMT/7/2026", "duty_from": TODAY.isoformat()}
        r = await client.post(f"/mutations/{done_id}/spmt", json=spmt, headers=OPERATOR)
        assert r.status_code == 200, r.text
        assert r.json()["status"] == "DONE"

        await eventually(lambda: scheduled(late_id), timeout=15)
        clock.set(TODAY + timedelta(days=60))

        async def flagged() -> bool:
            found = await scheduled(late_id)
            return found is not None and found["status"] == "OVERDUE"

        await eventually(flagged, timeout=20)
        assert (await scheduled(done_id))["status"] == "DONE"  # type: ignore[index]
