"""Personnel refuses to start without its personal-data keys, unless in development mode."""

import pytest

from rangkui_eventkit.personal_data import MissingKey, b64u_encode
from rangkui_personnel.bootstrap import build_vault, create_app
from rangkui_personnel.settings import DEVELOPMENT_KEY_ENCRYPTION_KEY, PersonnelSettings

pytestmark = pytest.mark.unit


@pytest.fixture(autouse=True)
def no_keys_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("PERSONNEL_KEY_ENCRYPTION_KEY", "RANGKUI_PERSONAL_DATA_TRANSPORT_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("PERSONNEL_DEVELOPMENT_MODE", raising=False)


def test_the_service_is_not_built_without_its_keys_outside_development_mode() -> None:
    with pytest.raises(MissingKey, match="PERSONNEL_KEY_ENCRYPTION_KEY is not set"):
        create_app(PersonnelSettings(development_mode=False))


def test_the_transport_key_is_required_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PERSONNEL_KEY_ENCRYPTION_KEY", b64u_encode(b"k" * 32))
    with pytest.raises(MissingKey, match="RANGKUI_PERSONAL_DATA_TRANSPORT_KEY is not set"):
        build_vault(PersonnelSettings(development_mode=False))


def test_configured_keys_are_used_and_not_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PERSONNEL_KEY_ENCRYPTION_KEY", b64u_encode(b"k" * 32))
    monkeypatch.setenv("RANGKUI_PERSONAL_DATA_TRANSPORT_KEY", b64u_encode(b"t" * 32))
    settings = PersonnelSettings(development_mode=False)

    assert settings.kek() == b"k" * 32
    assert settings.transport_key() == b"t" * 32
    assert b64u_encode(b"k" * 32) not in repr(settings)


def test_development_mode_uses_the_public_development_keys() -> None:
    settings = PersonnelSettings(development_mode=True)
    assert settings.kek() == DEVELOPMENT_KEY_ENCRYPTION_KEY
    build_vault(settings)
