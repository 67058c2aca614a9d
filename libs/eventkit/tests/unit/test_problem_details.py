"""Errors answer as RFC 9457 problem details, documented from the operation's shape."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI

from rangkui_eventkit.api_types import DateQuery, NipPath
from rangkui_eventkit.errors import Forbidden, NotFound, RuleViolated, Violation
from rangkui_eventkit.http import CorrelationMiddleware, install_error_handlers
from rangkui_eventkit.problems import documented_statuses, errors, problem_body

pytestmark = pytest.mark.unit


def _app() -> FastAPI:
    app = FastAPI()
    app.add_middleware(CorrelationMiddleware)
    install_error_handlers(app)

    @app.get("/employees/{nip}")
    async def employee(nip: NipPath, as_of: DateQuery = None) -> dict[str, str]:
        """One employee."""
        raise NotFound(f"no employee {nip}")

    @app.post("/refuse", openapi_extra=errors(404))
    async def refuse() -> None:
        """Always refused."""
        raise RuleViolated.of(
            [
                Violation("min_years_in_post", "too early", "belum 2 tahun", "PP 11/2017"),
                Violation("performance_below_baik", "performance", "kinerja kurang"),
            ]
        )

    @app.get("/mine")
    async def mine() -> None:
        """Refused by the access table's own-records rule."""
        raise Forbidden(
            "you may only see or act on your own records",
            pesan="Anda hanya dapat melihat atau menanggapi data Anda sendiri.",
            rule="own_records_only",
        )

    @app.get("/down")
    async def down() -> None:
        """Needs a database that is not there."""
        raise ConnectionRefusedError("connection refused")

    return app


async def _call(method: str, path: str, **kwargs: object) -> httpx.Response:
    transport = httpx.ASGITransport(app=_app(), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        return await client.request(method, path, **kwargs)  # type: ignore[arg-type]


async def test_a_domain_error_is_a_problem_that_keeps_the_fields_clients_read() -> None:
    r = await _call(
        "GET",
        "/employees/198609262015051001",
        headers={"X-Correlation-ID": "8d7e7c0e-2f1a-4a39-9a55-6b1f0d2c0001"},
    )
    assert r.status_code == 404
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json() == {
        "type": "urn:rangkui:problem:not_found",
        "title": "Tidak ditemukan",
        "status": 404,
        "detail": "no employee 198609262015051001",
        "instance": "/employees/198609262015051001",
        "error": "not_found",
        "message": "no employee 198609262015051001",
        "correlation_id": "8d7e7c0e-2f1a-4a39-9a55-6b1f0d2c0001",
    }


async def test_a_refusal_with_an_indonesian_text_shows_it_and_keeps_the_english_beside() -> None:
    body = (await _call("GET", "/mine")).json()
    assert (body["status"], body["error"], body["rule"]) == (403, "forbidden", "own_records_only")
    assert body["message"] == "Anda hanya dapat melihat atau menanggapi data Anda sendiri."
    assert body["message_en"] == "you may only see or act on your own records"


async def test_every_failing_rule_is_in_the_problem_with_its_indonesian_text() -> None:
    body = (await _call("POST", "/refuse")).json()
    assert body["status"] == 422
    assert body["detail"] == "belum 2 tahun"
    assert body["message_en"] == "too early"
    assert body["legal_basis"] == "PP 11/2017"
    assert [v["rule"] for v in body["violations"]] == [
        "min_years_in_post",
        "performance_below_baik",
    ]


@pytest.mark.parametrize(
    ("path", "field", "words"),
    [
        ("/employees/12345", "path.nip", "18 digits"),
        ("/employees/198609262015051001?as_of=0", "query.as_of", "YYYY-MM-DD"),
        ("/employees/198609262015051001?as_of=9999-01-01", "query.as_of", "between 1900"),
    ],
)
async def test_a_parameter_of_the_wrong_shape_is_a_422_naming_it(
    path: str, field: str, words: str
) -> None:
    r = await _call("GET", path)
    assert r.status_code == 422
    [problem] = r.json()["problems"]
    assert problem["field"] == field
    assert words in problem["message"]


async def test_an_unreachable_dependency_is_a_503_with_retry_after_not_a_500() -> None:
    r = await _call(
        "GET", "/down", headers={"X-Correlation-ID": "8d7e7c0e-2f1a-4a39-9a55-6b1f0d2c0002"}
    )
    assert r.status_code == 503
    assert r.headers["content-type"] == "application/problem+json"
    assert r.headers["retry-after"] == "2"
    assert r.headers["x-correlation-id"] == "8d7e7c0e-2f1a-4a39-9a55-6b1f0d2c0002"
    assert r.json()["correlation_id"] == "8d7e7c0e-2f1a-4a39-9a55-6b1f0d2c0002"


async def test_a_wrong_method_is_a_405_that_names_every_method_of_the_path() -> None:
    r = await _call("DELETE", "/refuse")
    assert r.status_code == 405
    assert r.headers["allow"] == "POST"
    assert r.json()["error"] == "method_not_allowed"


async def test_an_answer_its_operation_does_not_document_is_logged_as_a_defect(
    capsys: pytest.CaptureFixture[str],
) -> None:
    app = _app()

    @app.get("/units/{unit_id}/secret", openapi_extra={"responses": {}})
    async def secret(unit_id: str) -> None:
        """Answers 403, which its shape (no token needed) does not imply."""
        from rangkui_eventkit.errors import Forbidden

        raise Forbidden("no")

    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        assert (await client.get("/units/u/secret")).status_code == 403
        assert (await client.get("/employees/198609262015051001")).status_code == 404
    captured = capsys.readouterr()
    logged = captured.out + captured.err  # wherever logging is configured to write
    assert "http.undocumented_status" in logged
    assert "/units/{unit_id}/secret" in logged
    assert "/employees/{nip}" not in logged


def test_the_document_lists_the_statuses_of_each_operation_with_the_problem_schema() -> None:
    document = _app().openapi()
    get = document["paths"]["/employees/{nip}"]["get"]["responses"]
    assert sorted(get) == ["200", "400", "404", "422", "503"]
    post = document["paths"]["/refuse"]["post"]["responses"]
    assert sorted(post) == ["200", "404", "409", "422", "503"]
    assert "x-rangkui-errors" not in document["paths"]["/refuse"]["post"]
    not_found = document["components"]["responses"]["NotFound"]
    schema = not_found["content"]["application/problem+json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/Problem"}
    assert "HTTPValidationError" not in document["components"]["schemas"]


def test_statuses_follow_from_the_shape_of_an_operation() -> None:
    assert documented_statuses(
        "GET", secured=True, has_path_params=True, has_input=True, has_body=False
    ) == [400, 401, 403, 404, 422, 503]
    assert documented_statuses(
        "POST", secured=False, has_path_params=False, has_input=True, has_body=True
    ) == [400, 409, 413, 422, 503]


def test_a_problem_leaves_out_what_it_does_not_have() -> None:
    body = problem_body(409, "already_exists", "sudah ada", instance="/units", rule=None)
    assert "rule" not in body
    assert "correlation_id" not in body
    assert body["title"] == "Bertentangan dengan keadaan saat ini"
