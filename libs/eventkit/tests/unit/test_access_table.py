"""The access table's decisions, without HTTP: roles, scopes, and failing closed."""

import pytest

from rangkui_eventkit.auth import AccessTable, Principal, Role, Scope, in_units, own, rule
from rangkui_eventkit.errors import Forbidden

pytestmark = pytest.mark.unit

NIP = "198503152010011001"
OTHER = "197001012000031002"
TABLE = AccessTable(
    {
        "GET /employees/{nip}": rule(Role.BKD_OPERATOR, own(Role.EMPLOYEE), person="nip"),
        "GET /plans": rule(Role.BKD_OPERATOR, in_units(Role.EVALUATOR)),
        "POST /mutations/{mutation_id}/approve": rule(Role.PPK),
    }
)


def caller(*roles: Role, nip: str | None = None, units: tuple[str, ...] = ()) -> Principal:
    return Principal("u1", "iss", frozenset(roles), nip=nip, units=frozenset(units))


def test_a_role_the_rule_grants_gets_its_scope() -> None:
    access = TABLE.decide("GET", "/plans", caller(Role.EVALUATOR, units=("U1",)), {})
    assert access.scope == Scope.UNITS
    assert access.units == frozenset({"U1"})


def test_a_role_the_rule_does_not_grant_is_refused_with_the_roles_it_needs() -> None:
    with pytest.raises(Forbidden, match="needs one of the roles: ppk") as refused:
        TABLE.decide("POST", "/mutations/{mutation_id}/approve", caller(Role.TPK_MEMBER), {})
    assert refused.value.rule == "role_required"
    assert refused.value.pesan is not None
    assert "memerlukan salah satu peran: ppk" in refused.value.pesan


def test_an_employee_reaches_their_own_record_and_not_another() -> None:
    me = caller(Role.EMPLOYEE, nip=NIP)
    assert TABLE.decide("GET", "/employees/{nip}", me, {"nip": NIP}).person == NIP
    with pytest.raises(Forbidden, match="your own records"):
        TABLE.decide("GET", "/employees/{nip}", me, {"nip": OTHER})


def test_the_widest_role_of_a_caller_wins() -> None:
    both = caller(Role.EMPLOYEE, Role.BKD_OPERATOR, nip=NIP)
    access = TABLE.decide("GET", "/employees/{nip}", both, {"nip": OTHER})
    assert access.scope == Scope.ALL
    assert access.person is None


def test_an_endpoint_missing_from_the_table_is_closed_to_everyone() -> None:
    with pytest.raises(Forbidden, match="not open to any role"):
        TABLE.decide("DELETE", "/employees/{nip}", caller(*Role), {"nip": NIP})


def test_handler_checks_hold_a_scoped_caller_to_their_person_and_units() -> None:
    access = TABLE.decide("GET", "/plans", caller(Role.EVALUATOR, units=("U1",)), {})
    access.require_unit(["U1", None])
    with pytest.raises(Forbidden):
        access.require_unit(["U2"])
    mine = TABLE.decide("GET", "/employees/{nip}", caller(Role.EMPLOYEE, nip=NIP), {"nip": NIP})
    mine.require_person(NIP)
    with pytest.raises(Forbidden):
        mine.require_person(OTHER)


def test_tables_refuse_malformed_keys_and_double_declarations() -> None:
    with pytest.raises(ValueError, match="must look like"):
        AccessTable({"get /x": rule(Role.PPK)})
    with pytest.raises(ValueError, match="declared twice"):
        _ = TABLE | {"GET /plans": rule(Role.PPK)}
