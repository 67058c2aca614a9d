"""Development mode trusts a public signing key: it refuses to run anywhere but here."""

import pytest

from rangkui_eventkit.settings import ServiceSettings, load_settings

pytestmark = pytest.mark.unit


def test_development_mode_with_a_real_issuer_is_refused() -> None:
    with pytest.raises(ValueError, match="may not run with a real issuer configured"):
        ServiceSettings(development_mode=True, auth_issuer="https://sso.rangkui.go.id/realms/asn")


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "10.1.2.3", "sso.example"])
def test_development_mode_beyond_loopback_is_refused(host: str) -> None:
    with pytest.raises(ValueError, match="may listen on loopback only"):
        ServiceSettings(development_mode=True, http_host=host)


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "localhost", "127.0.0.2"])
def test_development_mode_on_loopback_is_allowed(host: str) -> None:
    assert ServiceSettings(development_mode=True, http_host=host).development_mode


def test_a_container_only_this_machine_reaches_may_listen_on_all_interfaces() -> None:
    settings = ServiceSettings(development_mode=True, http_host="0.0.0.0", http_local_only=True)
    assert settings.http_host == "0.0.0.0"


def test_production_settings_are_untouched() -> None:
    settings = ServiceSettings(http_host="0.0.0.0", auth_issuer="https://sso.example/realms/asn")
    assert not settings.development_mode


def test_a_service_cli_exits_saying_why(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DEVELOPMENT_MODE", "true")
    monkeypatch.setenv("RANGKUI_AUTH_ISSUER", "https://sso.rangkui.go.id/realms/asn")
    with pytest.raises(SystemExit) as exited:
        load_settings(ServiceSettings)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "development mode trusts the public development signing key" in err
    assert "Traceback" not in err
