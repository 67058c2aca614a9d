"""The claims that bound what a caller sees are read strictly: a wrong shape is a 401."""

import pytest

from rangkui_eventkit.auth.principal import Role
from rangkui_eventkit.auth.verifier import TokenVerifier
from rangkui_eventkit.errors import Unauthenticated

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
