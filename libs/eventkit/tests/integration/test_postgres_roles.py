"""Each service's PostgreSQL role, as deploy/local/infra.sh creates it (and CloudNativePG in
production): it owns its own database, holds no cluster-wide privilege, and cannot even
connect to another service's database."""

import asyncpg
import pytest

from rangkui_contracts.services import SERVICES

pytestmark = pytest.mark.integration


def other_database(url: str, database: str) -> str:
    base, _, _ = url.rpartition("/")
    return f"{base}/{database}"


@pytest.mark.parametrize("service", SERVICES)
async def test_a_service_role_owns_its_database_and_nothing_more(
    service_database_urls: dict[str, str], service: str
) -> None:
    conn = await asyncpg.connect(service_database_urls[service])
    try:
        role = await conn.fetchrow(
            """SELECT rolname, rolsuper, rolcreatedb, rolcreaterole, rolreplication,
                      rolbypassrls
               FROM pg_roles WHERE rolname = current_user"""
        )
        owner = await conn.fetchval(
            """SELECT pg_get_userbyid(datdba) FROM pg_database
               WHERE datname = current_database()"""
        )
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await conn.execute(f'CREATE DATABASE "{service}_copy"')
    finally:
        await conn.close()
    assert dict(role) == {
        "rolname": service,
        "rolsuper": False,
        "rolcreatedb": False,
        "rolcreaterole": False,
        "rolreplication": False,
        "rolbypassrls": False,
    }
    assert owner == service


@pytest.mark.parametrize("service", SERVICES)
async def test_a_service_role_cannot_connect_to_another_services_database(
    service_database_urls: dict[str, str], service: str
) -> None:
    url = service_database_urls[service]
    for other in SERVICES:
        if other == service:
            continue
        with pytest.raises(asyncpg.InsufficientPrivilegeError, match="permission denied"):
            await connect_and_close(other_database(url, other))


async def connect_and_close(url: str) -> None:
    conn = await asyncpg.connect(url)
    await conn.close()
