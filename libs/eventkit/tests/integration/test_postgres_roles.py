"""Each service's PostgreSQL roles, as deploy/local/infra.sh creates them (and CloudNativePG
in production): an owner role that owns the database (migrations run as it) and a runtime
role that the service connects as, which owns nothing; neither holds a cluster-wide
privilege, and neither can even connect to another service's database."""

import asyncpg
import pytest

from rangkui_contracts.services import SERVICES
from rangkui_eventkit.migrations import migrate_as_owner

pytestmark = pytest.mark.integration

NO_PRIVILEGE = {
    "rolsuper": False,
    "rolcreatedb": False,
    "rolcreaterole": False,
    "rolreplication": False,
    "rolbypassrls": False,
}


def other_database(url: str, database: str) -> str:
    base, _, _ = url.rpartition("/")
    return f"{base}/{database}"


async def role_and_owner(url: str) -> tuple[dict[str, object], str, int]:
    conn = await asyncpg.connect(url)
    try:
        role = await conn.fetchrow(
            """SELECT rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls
               FROM pg_roles WHERE rolname = current_user"""
        )
        owner = await conn.fetchval(
            """SELECT pg_get_userbyid(datdba) FROM pg_database
               WHERE datname = current_database()"""
        )
        owned = await conn.fetchval(
            """SELECT (SELECT count(*) FROM pg_class WHERE relowner = current_user::regrole)
                    + (SELECT count(*) FROM pg_proc WHERE proowner = current_user::regrole)"""
        )
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await conn.execute("CREATE DATABASE copy_of_it")
    finally:
        await conn.close()
    assert role is not None
    return dict(role), str(owner), int(owned)


@pytest.mark.parametrize("service", SERVICES)
async def test_the_owner_role_owns_the_database_and_the_runtime_role_owns_nothing(
    service_database_urls: dict[str, str], service_owner_urls: dict[str, str], service: str
) -> None:
    await migrate_as_owner(service_database_urls[service], service_owner_urls[service])
    runtime, owner_of_database, owned_by_runtime = await role_and_owner(
        service_database_urls[service]
    )
    owner, _, _ = await role_and_owner(service_owner_urls[service])
    assert runtime == owner == NO_PRIVILEGE
    assert owner_of_database == f"{service}_owner"
    assert owned_by_runtime == 0


@pytest.mark.parametrize("service", SERVICES)
async def test_the_runtime_role_may_only_read_and_append_to_events(
    service_database_urls: dict[str, str], service_owner_urls: dict[str, str], service: str
) -> None:
    await migrate_as_owner(service_database_urls[service], service_owner_urls[service])
    conn = await asyncpg.connect(service_database_urls[service])
    try:
        rights = {
            right: await conn.fetchval(
                "SELECT has_table_privilege(current_user, 'public.events', $1)", right
            )
            for right in ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "TRIGGER")
        }
        may_create = await conn.fetchval(
            "SELECT has_schema_privilege(current_user, 'public', 'CREATE')"
        )
    finally:
        await conn.close()
    assert rights == {
        "SELECT": True,
        "INSERT": True,
        "UPDATE": False,
        "DELETE": False,
        "TRUNCATE": False,
        "TRIGGER": False,
    }
    assert not may_create


@pytest.mark.parametrize("service", SERVICES)
async def test_a_service_role_cannot_connect_to_another_services_database(
    service_database_urls: dict[str, str], service_owner_urls: dict[str, str], service: str
) -> None:
    for url in (service_database_urls[service], service_owner_urls[service]):
        for other in SERVICES:
            if other == service:
                continue
            with pytest.raises(asyncpg.InsufficientPrivilegeError, match="permission denied"):
                await connect_and_close(other_database(url, other))


async def connect_and_close(url: str) -> None:
    conn = await asyncpg.connect(url)
    await conn.close()
