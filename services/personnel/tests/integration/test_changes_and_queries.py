"""Changes after registration over HTTP, and the queries that follow them: units renamed,
moved and closed; formasi changed; status and grade changed; search and rolled-up staffing."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.integration


async def post(client: httpx.AsyncClient, url: str, body: Any, status: int = 201) -> Any:
    r = await client.post(url, json=body)
    assert r.status_code == status, r.text
    return r.json()


async def seed(client: httpx.AsyncClient) -> None:
    await post(
        client,
        "/units",
        {"unit_id": "disdik", "name": "Dinas Pendidikan", "kind": "OPD", "region": "Kota Rangkui"},
    )
    await post(
        client,
        "/units",
        {
            "unit_id": "cabdin-1",
            "name": "Cabang Dinas I",
            "kind": "UPT",
            "region": "Kota Rangkui",
            "parent_unit_id": "disdik",
        },
    )
    for n, region in ((1, "Kota Rangkui"), (2, "Kabupaten Hulu")):
        await post(
            client,
            "/units",
            {
                "unit_id": f"sma-{n}",
                "name": f"SMA Negeri {n}",
                "kind": "SMA",
                "region": region,
                "parent_unit_id": "cabdin-1",
            },
        )
        await post(
            client,
            "/positions",
            {
                "position_id": f"sma-{n}-mat",
                "unit_id": f"sma-{n}",
                "title": "Guru Matematika",
                "jabatan_type": "FUNGSIONAL",
                "formasi": 2,
            },
        )
    people = [
        (
            "198001012005011001",
            "M",
            "1980-01-01",
            "sma-1",
            "2010-07-01",
            "Pendidikan Matematika",
            "III/d",
        ),
        (
            "198502022010012002",
            "F",
            "1985-02-02",
            "sma-1",
            "2023-07-01",
            "Pendidikan Matematika",
            "III/b",
        ),
        ("199003032015031003", "M", "1990-03-03", "sma-1", "2024-01-01", "Matematika", "III/a"),
    ]
    for nip, gender, birth, unit, tmt, field, grade in people:
        await post(
            client,
            "/employees",
            {
                "nip": nip,
                "name": f"Guru {nip[-3:]}",
                "gender": gender,
                "birth_date": birth,
                "grade": grade,
                "unit_id": unit,
                "position_id": f"{unit}-mat",
                "tmt_position": tmt,
                "education": [{"level": "S1", "field": field}],
            },
        )


async def test_changes_to_units_posts_and_employees_show_in_the_read_models(
    client: httpx.AsyncClient, poll: Any
) -> None:
    await seed(client)
    await post(client, "/units/sma-2/rename", {"name": "SMAN 2 Hulu"}, 200)
    await post(
        client, "/units/sma-2/move", {"parent_unit_id": "disdik", "region": "Kabupaten Hilir"}, 200
    )
    r = await client.post("/units/sma-2/move", json={"parent_unit_id": "sma-2", "region": "X"})
    assert r.status_code == 422
    r = await client.post("/units/disdik/move", json={"parent_unit_id": "cabdin-1", "region": "X"})
    assert r.status_code == 422
    assert "below it" in r.json()["message"]
    unchanged = await post(client, "/units/sma-2/rename", {"name": "SMAN 2 Hulu"}, 200)
    assert unchanged["events"] == []

    await post(client, "/positions/sma-1-mat/formation", {"formasi": 4, "reason": "ABK 2026"}, 200)
    r = await client.post("/positions/sma-1-mat/formation", json={"formasi": 5, "reason": ""})
    assert r.status_code == 422

    nip = "198502022010012002"
    await post(
        client,
        f"/employees/{nip}/grade",
        {"grade": "III/c", "tmt": "2026-04-01", "sk_number": "SK-9"},
        200,
    )
    await post(
        client,
        f"/employees/{nip}/status",
        {"status": "STUDY_ASSIGNMENT", "since": "2026-09-01", "reason": "S2"},
        200,
    )
    r = await client.put(f"/employees/{nip}/contact", json={"email": "guru@localhost"})
    assert r.status_code == 422, r.text  # full validation where addresses enter the system
    assert "email" in r.json()["message"]
    r = await client.put(f"/employees/{nip}/contact", json={"email": "guru@example.org"})
    assert r.status_code == 200, r.text
    education = [
        {"level": "S1", "field": "Pendidikan Matematika", "institution": None, "year": None},
        {"level": "S2", "field": "Pendidikan Matematika", "institution": "UNRI", "year": 2027},
    ]
    r = await client.put(f"/employees/{nip}/education", json=education)
    assert r.json()["events"] == ["rangkui.personnel.EmployeeEducationUpdated.v1"]
    r = await client.put(f"/employees/{nip}/competencies", json=["olimpiade matematika"])
    assert r.status_code == 200, r.text
    r = await client.post(
        "/employees/199912312020121999/grade", json={"grade": "III/c", "tmt": "2026-04-01"}
    )
    assert r.status_code == 404

    shown = await poll(
        f"/employees/{nip}", lambda e: e["status"] == "STUDY_ASSIGNMENT" and e["contact"]["email"]
    )
    assert (shown["grade"], shown["rank_name"]) == ("III/c", "Penata")
    shown = await poll(f"/employees/{nip}", lambda e: e["competencies"])
    assert shown["education"] == education
    assert shown["competencies"] == ["olimpiade matematika"]
    grades = [(h["grade"], h["valid_to"]) for h in shown["history"] if h["kind"] == "GRADE"]
    assert grades == [("III/b", "2026-04-01"), ("III/c", None)]

    sma2 = await poll("/units/sma-2", lambda u: u["region"] == "Kabupaten Hilir")
    tree = await poll("/units/tree")
    assert [(u["unit_id"], [c["unit_id"] for c in u["children"]]) for u in tree] == [
        ("disdik", ["cabdin-1", "sma-2"])
    ]
    assert (sma2["name"], sma2["parent_unit_id"]) == ("SMAN 2 Hulu", "disdik")

    rows = await poll("/staffing?unit_id=sma-1", lambda rows: rows and rows[0]["formasi"] == 4)
    assert [(r["formasi"], r["bezetting"], r["gap"], r["agency_id"]) for r in rows] == [
        (4, 3, 1, "disdik")
    ]

    await post(
        client,
        "/units/sma-2/close",
        {"reason": "merged into SMA 1", "closed_on": "2026-11-01", "successor_unit_id": "sma-1"},
        200,
    )
    await poll("/units?kind=SMA", lambda us: any(u["closed"] for u in us))
    r = await client.post(
        "/positions",
        json={
            "position_id": "sma-2-fis",
            "unit_id": "sma-2",
            "title": "Guru Fisika",
            "jabatan_type": "FUNGSIONAL",
            "formasi": 1,
        },
    )
    assert r.status_code == 422
    assert "sma-2 is closed" in r.json()["message"]


async def test_searches_employees_and_rolls_staffing_up(
    client: httpx.AsyncClient, poll: Any
) -> None:
    await seed(client)
    everyone = await poll("/employees", lambda page: page["total"] == 3)
    assert [e["nip"] for e in everyone["items"]] == sorted(e["nip"] for e in everyone["items"])

    long_in_post = await poll("/employees?min_years_in_post=5&as_of=2026-11-28")
    assert [e["nip"] for e in long_in_post["items"]] == ["198001012005011001"]
    assert long_in_post["items"][0]["years_in_post"] == pytest.approx(16.4, abs=0.1)
    by_field = await poll("/employees?education_field=pendidikan matematika&grade=III/b")
    assert [e["nip"] for e in by_field["items"]] == ["198502022010012002"]
    by_agency = await poll(
        "/employees?agency_id=disdik&page=2&page_size=2", lambda page: page["total"] == 3
    )
    assert (by_agency["total"], len(by_agency["items"])) == (3, 1)
    none = await client.get("/employees?status=RETIRED")
    assert none.json()["total"] == 0

    by_agency_rollup = await poll(
        "/staffing/summary?by=agency",
        lambda rows: rows and rows[0]["formasi"] == 4 and rows[0]["bezetting"] == 3,
    )
    assert by_agency_rollup == [
        {
            "agency": "disdik",
            "agency_name": "Dinas Pendidikan",
            "formasi": 4,
            "bezetting": 3,
            "shortage": 2,
            "surplus": 1,
            "posts": 2,
        }
    ]
    by_region = await poll("/staffing/summary?by=region", lambda rows: len(rows) == 2)
    assert {r["region"]: (r["shortage"], r["surplus"]) for r in by_region} == {
        "Kabupaten Hulu": (2, 0),
        "Kota Rangkui": (0, 1),
    }


async def test_competencies_are_bounded_per_field_and_an_event_over_the_limit_is_a_413(
    settings: Any, poll: Any
) -> None:
    """Per-field limits keep requests small (422); and should a request still make an event
    over the store's limit, it is refused with 413 and nothing is written."""
    from rangkui_eventkit import bounds
    from rangkui_eventkit.testing.plugin import serve_in_process
    from rangkui_personnel.bootstrap import create_app

    app = create_app(settings.model_copy(update={"max_event_bytes": 2048}))
    nip = "198502022010012002"
    try:
        async with serve_in_process(app) as client:
            await seed(client)
            await poll(f"/employees/{nip}")
            too_long = await client.put(f"/employees/{nip}/competencies", json=["x" * 201])
            too_many = await client.put(f"/employees/{nip}/competencies", json=["k"] * 101)
            huge = await client.put(f"/employees/{nip}/competencies", json=["y" * 200] * 20)
            shown = await client.get(f"/employees/{nip}")
    finally:
        bounds.configure(bounds.DEFAULT_MAX_EVENT_BYTES)
    assert (too_long.status_code, too_many.status_code) == (422, 422)
    assert huge.status_code == 413, huge.text
    assert huge.json()["rule"] == "event_size_limit"
    assert huge.json()["message"].startswith("Data yang dikirim terlalu besar")
    assert shown.json()["competencies"] == []
