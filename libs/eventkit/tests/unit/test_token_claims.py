"""The claims that bound what a caller sees are read strictly: a wrong shape is a 401; only
access tokens (`typ`), of an accepted client (`azp`), with roles of this service's own
client open the API."""

import pytest
from pydantic import ValidationError

from rangkui_eventkit.auth.principal import Role
from rangkui_eventkit.auth.verifier import TokenVerifier
from rangkui_eventkit.errors import Forbidden, Unauthenticated, http_status
from rangkui_eventkit.settings import ServiceSettings

pytestmark = pytest.mark.unit
BASE = {"sub": "u-1", "iss": "https://sso.example/realms/asn", "roles": ["evaluator"]}


def test_units_as_a_list_bound_the_caller() -> None:
    principal = TokenVerifier._principal({**BASE, "units": ["SMA-1", "SMA-2"]}, "roles")
    assert principal.units == frozenset({"SMA-1", "SMA-2"})
    assert principal.roles == frozenset({Role.EVALUATOR})


@pytest.mark.parametrize("units", ["SMA-1", {"SMA-1": True}, ["SMA-1", 7]])
def test_units_of_another_shape_are_refused(units: object) -> None:
    with pytest.raises(Unauthenticated, match="units"):
        TokenVerifier._principal({**BASE, "units": units}, "roles")


@pytest.mark.parametrize("nip", [199107292015032001, "1991072920150320", "19910729201503200x"])
def test_a_nip_that_is_no_nip_is_refused(nip: object) -> None:
    with pytest.raises(Unauthenticated, match="nip"):
        TokenVerifier._principal({**BASE, "nip": nip}, "roles")


def test_a_token_without_nip_or_units_is_read_as_such() -> None:
    principal = TokenVerifier._principal(BASE, "roles")
    assert (principal.nip, principal.units) == (None, frozenset())


# ----------------------------------------------------------- an access token, for us
KEYCLOAK = "resource_access.rangkui.roles"


def test_the_roles_of_this_services_own_client_are_read() -> None:
    claims = {**BASE, "roles": None, "resource_access": {"rangkui": {"roles": ["ppk"]}}}
    assert TokenVerifier._principal(claims, KEYCLOAK).roles == frozenset({Role.PPK})


@pytest.mark.parametrize(
    ("claims", "where"),
    [
        ({"resource_access": {"simpeg": {"roles": ["ppk", "manage-account"]}}}, "simpeg"),
        ({"realm_access": {"roles": ["ppk", "offline_access"]}}, "realm_access.roles"),
        ({"roles": ["bkd_operator"]}, "`roles`"),
    ],
)
def test_roles_granted_for_another_client_or_the_realm_are_refused_saying_so(
    claims: dict[str, object], where: str
) -> None:
    with pytest.raises(Forbidden, match=f"no role of this service in `{KEYCLOAK}`") as refused:
        TokenVerifier._principal({**BASE, "roles": None, **claims}, KEYCLOAK)
    assert where in refused.value.message
    assert http_status(refused.value) == 403


def test_a_token_without_any_role_is_read_as_roleless_for_the_access_table_to_refuse() -> None:
    claims = {**BASE, "roles": None, "resource_access": {"account": {"roles": ["view-profile"]}}}
    assert TokenVerifier._principal(claims, KEYCLOAK).roles == frozenset()


@pytest.mark.parametrize("roles", ["ppk", {"ppk": True}, ["ppk", 7]])
def test_a_roles_claim_of_another_shape_is_refused(roles: object) -> None:
    with pytest.raises(Unauthenticated, match="list of roles"):
        TokenVerifier._principal({**BASE, "roles": roles}, "roles")


@pytest.mark.parametrize(
    ("header", "claims"),
    [
        ({"typ": "JWT"}, {"typ": "Bearer"}),  # Keycloak's access token
        ({"typ": "at+jwt"}, {}),  # RFC 9068
        ({"typ": "application/at+jwt"}, {"typ": "Bearer"}),
    ],
)
def test_access_tokens_are_accepted(header: dict[str, str], claims: dict[str, str]) -> None:
    TokenVerifier.check_access_token(header, claims, strict=True)


@pytest.mark.parametrize(
    ("header", "claims", "expected"),
    [
        ({"typ": "JWT"}, {"typ": "ID"}, "type 'ID', not an access token"),
        ({"typ": "JWT"}, {"typ": "Refresh"}, "type 'Refresh'"),
        ({"typ": "logout+jwt"}, {}, "header says type 'logout\\+jwt'"),
        ({"typ": "JWT"}, {"typ": ["Bearer"]}, "not an access token"),
        ({"typ": "JWT"}, {}, "does not say it is an access token"),
    ],
)
def test_tokens_that_are_not_access_tokens_are_refused_with_401(
    header: dict[str, str], claims: dict[str, object], expected: str
) -> None:
    with pytest.raises(Unauthenticated, match=expected):
        TokenVerifier.check_access_token(header, claims, strict=True)


def test_a_development_token_without_typ_is_accepted_but_not_one_of_the_wrong_type() -> None:
    TokenVerifier.check_access_token({"typ": "JWT"}, {}, strict=False)
    with pytest.raises(Unauthenticated, match="type 'ID'"):
        TokenVerifier.check_access_token({"typ": "JWT"}, {"typ": "ID"}, strict=False)


def test_the_authorised_party_is_checked() -> None:
    allowed = frozenset({"rangkui-console", "simpeg-sync"})
    assert TokenVerifier.check_party({"azp": "simpeg-sync"}, allowed, strict=True) == "simpeg-sync"
    assert TokenVerifier.check_party({"azp": "anything"}, frozenset(), strict=True) == "anything"
    with pytest.raises(Forbidden, match="issued to client 'other-app'") as refused:
        TokenVerifier.check_party({"azp": "other-app"}, allowed, strict=True)
    assert http_status(refused.value) == 403
    with pytest.raises(Unauthenticated, match="no authorised party"):
        TokenVerifier.check_party({}, frozenset(), strict=True)
    with pytest.raises(Unauthenticated, match="disagree"):
        TokenVerifier.check_party({"azp": "a", "client_id": "b"}, frozenset(), strict=True)
    with pytest.raises(Unauthenticated, match="must be a client id"):
        TokenVerifier.check_party({"azp": ["a"]}, frozenset(), strict=True)
    assert TokenVerifier.check_party({}, frozenset(), strict=False) is None


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("realm_access.roles", "realm-wide roles"),
        ("resource_access.simpeg.roles", "resource_access.rangkui.roles"),
        ("resource_access.rangkui", "resource_access.rangkui.roles"),
    ],
)
def test_settings_refuse_a_roles_claim_that_is_not_this_clients(claim: str, expected: str) -> None:
    with pytest.raises(ValidationError, match=expected):
        ServiceSettings(
            service_name="x", auth_issuer="https://sso.example/realms/asn", auth_roles_claim=claim
        )
    settings = ServiceSettings(
        service_name="x",
        auth_issuer="https://sso.example/realms/asn",
        auth_roles_claim=KEYCLOAK,
        auth_allowed_clients="rangkui-console, simpeg-sync,",
    )
    assert settings.allowed_clients() == ["rangkui-console", "simpeg-sync"]
