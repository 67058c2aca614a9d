"""The upload endpoints read files the OpenAPI description cannot describe, so the fuzzer
hardly reaches their parsers: hostile files, sent on purpose, get a 4xx that says why (or
are accepted as a job that reports its bad rows), never a server error."""

from __future__ import annotations

from typing import Protocol

import httpx
import pytest

pytestmark = pytest.mark.integration

EMPLOYEE_HEADER = b"nip,nama,jenis_kelamin,tanggal_lahir,gol_ruang,unor_id,jabatan_id,tmt_jabatan\n"
APPRAISAL_HEADER = b"nip,tahun,hasil_kerja,perilaku_kerja\n"

HOSTILE_FILES: dict[str, tuple[str, bytes]] = {
    "csv with a bare carriage return": ("text/csv", EMPLOYEE_HEADER + b"1\r2,a,L\n"),
    "csv with a NUL byte": ("text/csv", EMPLOYEE_HEADER + b"1\x002,a,L\n"),
    "csv with a field over the csv module's limit": (
        "text/csv",
        EMPLOYEE_HEADER + b'"' + b"x" * 200_000 + b'",a\n',
    ),
    "not UTF-8": ("text/csv", b"\xff\xfe\x00n\x00i\x00p"),
    "json nested a hundred thousand deep": ("application/json", b"[" * 100_000),
    "json of the wrong shape": ("application/json", b'{"employees": "all of them"}'),
    "json rows of the wrong types": (
        "application/json",
        b'{"employees": [{"nip": {"a": 1}, "nama": [1, 2], "formasi": 1e999}]}',
    ),
    "json with NUL characters": ("application/json", b'{"employees": [{"nip": "1\\u0000"}]}'),
    "json with half a surrogate pair": (
        "application/json",
        b'{"employees": [{"nama": "\\ud800"}]}',
    ),
    "json with more after the document": ("application/json", b'{"employees": []} {"units": []}'),
}


UPLOADS = {"personnel": "/imports", "evaluation": "/evaluations/annual/import"}


class Served(Protocol):
    name: str
    url: str
    headers: dict[str, str]


def as_appraisals(body: bytes) -> bytes:
    return body.replace(EMPLOYEE_HEADER, APPRAISAL_HEADER)


@pytest.mark.parametrize("service", ["personnel", "evaluation"], indirect=True)
async def test_hostile_files_are_refused_or_reported_never_a_server_error(
    service: Served,
) -> None:
    answers: dict[str, int] = {}
    async with httpx.AsyncClient(base_url=service.url, headers=service.headers) as client:
        for name, (content_type, body) in HOSTILE_FILES.items():
            if service.name == "evaluation":
                if content_type != "text/csv":
                    continue  # the annual import reads CSV only
                body = as_appraisals(body)
            r = await client.post(
                UPLOADS[service.name], content=body, headers={"content-type": content_type}
            )
            answers[name] = r.status_code
            if r.status_code >= 400:
                assert r.json().get("message"), f"{name}: {r.status_code} without a reason"
    server_errors = {name: status for name, status in answers.items() if status >= 500}
    assert not server_errors, f"server errors: {server_errors} (all answers: {answers})"
    assert any(400 <= s < 500 for s in answers.values())  # some were refused, not all ignored
