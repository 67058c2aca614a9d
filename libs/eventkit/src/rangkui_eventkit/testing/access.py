"""Walk a service's access table: every role against every endpoint, as declared.

For each secured route and each role, a request is made with a token holding only that
role (and an own NIP and unit, so that scoped grants can be exercised). A role the rule
does not grant must get 403; a granted role must get past authorisation (any status but
401/403, e.g. 404 for an id that does not exist or 422 for an empty body) and never a
server error; a request without a token must get 401. For rules that name the person
parameter, a scoped role asking about somebody else must get 403.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rangkui_eventkit.auth import AccessTable, Role, Scope
from rangkui_eventkit.auth.dependencies import secured_routes
from rangkui_eventkit.testing.auth import bearer
from rangkui_eventkit.testing.plugin import serve_in_process

OWN_NIP = "198001012005011001"
OTHER_NIP = "197501012000031002"
OWN_UNIT = "UNIT-OF-THE-CALLER"


@dataclass(frozen=True)
class Cell:
    method: str
    path: str
    role: str
    expected: str
    status: int
    detail: str = ""

    def __str__(self) -> str:
        return (
            f"{self.method} {self.path} as {self.role}: "
            f"expected {self.expected}, got {self.status} {self.detail}"
        )


def _fill(path: str, values: Mapping[str, str], person: str | None, nip: str) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(1).split(":")[0]
        if name == person:
            return nip
        return values.get(name, f"no-such-{name}")

    return re.sub(r"\{([^}]+)\}", value, path)


def _request(
    client: Any,
    method: str,
    path: str,
    values: Mapping[str, str],
    person: str | None,
    body: Any,
    headers: dict[str, str],
    nip: str,
) -> Any:
    url = _fill(path, values, person, nip)
    return client.request(method, url, headers=headers, json=body)


async def walk_access_table(
    client: Any, app: Any, *, path_values: Mapping[str, str] | None = None
) -> tuple[int, list[Cell]]:
    """Return how many cells were checked and the ones that are not as declared."""
    table: AccessTable = app.state.access_table
    values = dict(path_values or {})
    wrong: list[Cell] = []
    checked = 0
    for method, path in secured_routes(app.routes):
        declared = table[f"{method} {path}"]
        body = {} if method in {"POST", "PUT", "PATCH"} else None

        call = functools.partial(_request, client, method, path, values, declared.person, body)
        response = await call({"Authorization": ""}, OWN_NIP)
        checked += 1
        if response.status_code != 401:
            wrong.append(Cell(method, path, "no token", "401", response.status_code))
        for role in Role:
            headers = bearer(
                roles=[role.value], nip=OWN_NIP, units=[OWN_UNIT], sub=f"walker-{role}"
            )
            scope = declared.grants.get(role)
            response = await call(headers, OWN_NIP)
            checked += 1
            status = response.status_code
            if scope is None and status != 403:
                wrong.append(Cell(method, path, role.value, "403", status, response.text[:200]))
            elif scope is not None and (status in (401, 403) or status >= 500):
                wrong.append(Cell(method, path, role.value, "allowed", status, response.text[:200]))
            if scope == Scope.OWN and declared.person:
                other = await call(headers, OTHER_NIP)
                checked += 1
                if other.status_code != 403:
                    wrong.append(
                        Cell(
                            method, path, f"{role.value} (someone else's)", "403", other.status_code
                        )
                    )
    return checked, wrong


async def assert_access_table_holds(app: Any, **walk: Any) -> None:
    """Serve `app` in process, walk its whole access table, and fail naming every cell that
    is not as declared; also fail if fewer cells were checked than the table has rules."""
    async with serve_in_process(app) as client:
        checked, wrong = await walk_access_table(client, app, **walk)
    assert not wrong, "\n".join(str(c) for c in wrong)
    table: AccessTable = app.state.access_table
    assert checked >= len(table) * (len(Role) + 1), (checked, len(table))
