"""Every HTTP operation of every service, fuzzed from its own OpenAPI description
(schemathesis): valid and invalid requests alike must never get a server error (5xx).

Each service runs from its bootstrap on real PostgreSQL and Kafka, served over HTTP by
uvicorn; the fuzzer runs in a worker thread (it is synchronous) while the service answers on
the test's event loop. Generation is derandomized, so a failure repeats on the next run.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

import hypothesis
import hypothesis.errors
import pytest
import requests
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, Phase
from pydantic import BaseModel
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.errors import FailureGroup

pytestmark = [
    pytest.mark.integration,
    pytest.mark.slow,
    # schemathesis' own strategies use `random`; not ours to fix
    pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisDeprecationWarning"),
]

EXAMPLES_PER_MODE = 12  # per operation, once with valid and once with invalid data
POISONED_EXAMPLES = 4  # per operation, valid data with a NUL character in every string


@dataclass
class Findings:
    """What the run saw: server errors (the failures) and how much it exercised."""

    server_errors: dict[str, str] = field(default_factory=dict)  # "METHOD path" -> reproducer
    calls: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    operations: list[str] = field(default_factory=list)
    nothing_to_negate: list[str] = field(default_factory=list)


class Served(Protocol):
    """A service under test (see conftest): where it answers, what records it holds."""

    name: str
    url: str
    headers: dict[str, str]
    known: dict[str, str]


@dataclass
class Target:
    """Where and how the fuzzer sends its requests, and what it saw."""

    base_url: str
    headers: dict[str, str]
    session: requests.Session = field(default_factory=requests.Session)
    findings: Findings = field(default_factory=Findings)


def fuzz(base_url: str, headers: dict[str, str], known: dict[str, str] | None = None) -> Findings:
    """Run every operation of the service at `base_url`: valid requests, invalid ones, and
    valid ones with a NUL character in every string (no table can store it); operations whose
    path parameters are all `known` once more on those records."""
    schema = schemathesis.openapi.from_url(f"{base_url}/openapi.json", headers=headers)
    target = Target(base_url, headers)
    for result in schema.get_all_operations():
        operation = result.ok()
        target.findings.operations.append(f"{operation.method.upper()} {operation.path}")
        names = [p.name for p in operation.path_parameters]
        fixed: list[dict[str, str] | None] = [None]
        if known and names and all(n in known for n in names):
            fixed.append({n: known[n] for n in names})
        for path_parameters in fixed:
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                _fuzz_operation(target, operation, mode, path_parameters)
        _fuzz_operation(target, operation, GenerationMode.POSITIVE, None, poison=True)
    return target.findings


def _fuzz_operation(
    target: Target,
    operation: schemathesis.APIOperation,
    mode: GenerationMode,
    path_parameters: dict[str, str] | None,
    *,
    poison: bool = False,
) -> None:
    findings, headers = target.findings, target.headers
    label = f"{operation.method.upper()} {operation.path}"
    strategy = operation.as_strategy(
        generation_mode=mode, headers=headers, path_parameters=path_parameters
    )

    @hypothesis.settings(
        max_examples=POISONED_EXAMPLES if poison else EXAMPLES_PER_MODE,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @hypothesis.given(case=strategy)
    def run(case: schemathesis.Case) -> None:
        if poison:
            _poison(case)
        response = case.call(
            base_url=target.base_url, headers=headers, session=target.session, timeout=30
        )
        findings.calls += 1
        findings.statuses[response.status_code] = findings.statuses.get(response.status_code, 0) + 1
        try:
            case.validate_response(response, checks=[not_a_server_error], headers=headers)
        except (AssertionError, FailureGroup) as exc:  # a single failure, or several
            findings.server_errors.setdefault(
                f"{label}{' (NUL)' if poison else ''} -> {response.status_code}",
                f"{case.as_curl_command(headers=headers)}\n{response.text[:500]}\n{exc}"[:2000],
            )

    try:
        run()
    except hypothesis.errors.Unsatisfiable:
        if mode is not GenerationMode.NEGATIVE:
            raise
        findings.nothing_to_negate.append(label)  # no parameter or body that could be invalid


def _poison(case: schemathesis.Case) -> None:
    """Put a NUL character into every string of the path, query and body of `case`."""

    def spoil(value: object) -> object:
        if isinstance(value, str):
            return value + "\x00"
        if isinstance(value, dict):
            return {k: spoil(v) for k, v in value.items()}
        if isinstance(value, list):
            return [spoil(v) for v in value]
        return value

    if case.path_parameters:
        case.path_parameters = {k: spoil(v) for k, v in case.path_parameters.items()}
    if case.query:
        case.query = {k: spoil(v) for k, v in case.query.items()}
    if isinstance(case.body, dict | list | str):
        case.body = spoil(case.body)


async def test_no_operation_answers_with_a_server_error(service: Served) -> None:
    findings = await asyncio.to_thread(fuzz, service.url, service.headers, service.known)
    print(  # shown with -s or on failure: what the run exercised
        f"{len(findings.operations)} operations, {findings.calls} calls, "
        f"statuses {dict(sorted(findings.statuses.items()))}, "
        f"nothing to negate: {findings.nothing_to_negate}"
    )
    assert findings.operations, "the service describes no operation"
    assert findings.calls >= len(findings.operations), "the fuzzer made (almost) no request"
    assert not findings.server_errors, "\n\n".join(
        f"{where}:\n{detail}" for where, detail in findings.server_errors.items()
    )


class Fraction(BaseModel):
    numerator: int
    denominator: int


async def test_the_fuzzer_reports_a_server_error_where_there_is_one(
    serve: Callable[[FastAPI], contextlib.AbstractAsyncContextManager[str]],
) -> None:
    """The harness can fail: an app that divides by a number it never checks gets caught."""
    app = FastAPI()

    @app.post("/fractions")
    async def evaluate(body: Fraction) -> dict[str, float]:
        return {"value": body.numerator / body.denominator}

    async with serve(app) as url:
        findings = await asyncio.to_thread(fuzz, url, {})
    assert "POST /fractions -> 500" in findings.server_errors
    assert all("/fractions" in where for where in findings.server_errors)
