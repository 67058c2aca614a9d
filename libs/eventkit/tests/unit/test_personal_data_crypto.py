"""Sealing and key wrapping: what opens, and everything that must not."""

from __future__ import annotations

from datetime import date

import pytest

from rangkui_contracts.events.common import Sealed
from rangkui_eventkit.personal_data import (
    DEVELOPMENT_TRANSPORT_KEY,
    CannotOpen,
    MissingKey,
    PersonalDataTransportSettings,
    WrappingKeys,
    b64u_encode,
    decode_key,
    new_data_key,
    new_key_id,
    open_sealed,
    resolve_key,
    seal,
    unwrap_key,
    wrap_key,
)

pytestmark = pytest.mark.unit

NIP = "199003152015032001"
OTHER_NIP = "198609262015051001"
FIELDS = {
    "birth_date": date(1990, 3, 15),
    "gender": "F",
    "contact": {"email": "siti.rahma@example.test", "phone": "+62 812 555 0101"},
}


def test_sealed_fields_open_with_the_same_key_for_the_same_nip() -> None:
    key, key_id = new_data_key(), new_key_id()

    sealed = seal(key, key_id, NIP, FIELDS)

    assert open_sealed(key, sealed, NIP) == {**FIELDS, "birth_date": "1990-03-15"}
    assert sealed.key_id == key_id
    assert sealed.alg == "A256GCM"


def test_a_sealed_value_shows_none_of_its_plaintext() -> None:
    sealed = seal(new_data_key(), new_key_id(), NIP, FIELDS)

    text = sealed.model_dump_json()
    for secret in ("siti.rahma", "555 0101", "1990-03-15", '"F"'):
        assert secret not in text


def test_sealing_twice_gives_different_blobs() -> None:
    key = new_data_key()
    assert seal(key, "k", NIP, FIELDS).ciphertext != seal(key, "k", NIP, FIELDS).ciphertext


def test_a_blob_does_not_open_with_another_key_another_nip_or_another_key_id() -> None:
    key = new_data_key()
    sealed = seal(key, "dk-1", NIP, FIELDS)

    with pytest.raises(CannotOpen):
        open_sealed(new_data_key(), sealed, NIP)
    with pytest.raises(CannotOpen):
        open_sealed(key, sealed, OTHER_NIP)
    with pytest.raises(CannotOpen):
        open_sealed(key, sealed.model_copy(update={"key_id": "dk-2"}), NIP)


def test_an_altered_blob_does_not_open() -> None:
    key = new_data_key()
    sealed = seal(key, "dk-1", NIP, FIELDS)
    flipped = sealed.ciphertext[:-2] + ("A" if sealed.ciphertext[-2] != "A" else "B")
    flipped += sealed.ciphertext[-1]

    with pytest.raises(CannotOpen):
        open_sealed(key, Sealed(**{**sealed.model_dump(), "ciphertext": flipped}), NIP)


def test_a_wrapped_key_unwraps_only_with_its_wrapping_key_and_binding() -> None:
    kek, data_key = new_data_key(), new_data_key()

    wrapped = wrap_key(kek, data_key, nip=NIP, key_id="dk-1")

    assert len(wrapped) == 60
    assert data_key not in wrapped
    assert unwrap_key(kek, wrapped, nip=NIP, key_id="dk-1") == data_key
    for wrong in (
        {"wrapping_key": new_data_key(), "nip": NIP, "key_id": "dk-1"},
        {"wrapping_key": kek, "nip": OTHER_NIP, "key_id": "dk-1"},
        {"wrapping_key": kek, "nip": NIP, "key_id": "dk-2"},
    ):
        with pytest.raises(CannotOpen):
            unwrap_key(wrong["wrapping_key"], wrapped, nip=wrong["nip"], key_id=wrong["key_id"])


def test_keys_must_have_32_bytes() -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        seal(b"short", "dk-1", NIP, FIELDS)


def test_a_configured_key_is_decoded_from_standard_or_url_safe_base64() -> None:
    raw = bytes(range(250, 256)) + bytes(26)
    assert decode_key(b64u_encode(raw), "K") == raw
    import base64

    assert decode_key(base64.b64encode(raw).decode(), "K") == raw
    with pytest.raises(MissingKey, match="32 bytes"):
        decode_key(b64u_encode(b"x" * 16), "K")
    with pytest.raises(MissingKey, match="base64"):
        decode_key("not base64 at all!", "K")


def test_the_development_default_is_used_only_in_development_mode() -> None:
    default = b"d" * 32
    assert resolve_key(None, setting="K", development_mode=True, development_default=default) == (
        default
    )
    with pytest.raises(MissingKey, match="K is not set"):
        resolve_key(None, setting="K", development_mode=False, development_default=default)
    configured = b64u_encode(b"c" * 32)
    assert (
        resolve_key(configured, setting="K", development_mode=False, development_default=default)
        == b"c" * 32
    )


def test_the_transport_key_setting_comes_from_the_shared_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Settings(PersonalDataTransportSettings):
        development_mode: bool = False

    monkeypatch.delenv("RANGKUI_PERSONAL_DATA_TRANSPORT_KEY", raising=False)
    with pytest.raises(MissingKey):
        Settings().transport_key()
    assert Settings(development_mode=True).transport_key() == DEVELOPMENT_TRANSPORT_KEY
    monkeypatch.setenv("RANGKUI_PERSONAL_DATA_TRANSPORT_KEY", b64u_encode(b"t" * 32))
    assert Settings().transport_key() == b"t" * 32
    assert "t" * 8 not in repr(Settings())


def test_during_a_rotation_keys_wrapped_under_the_old_key_still_unwrap() -> None:
    old, new, data_key = b"o" * 32, b"n" * 32, new_data_key()
    under_old = wrap_key(old, data_key, nip=NIP, key_id="dk-1")
    rotating = WrappingKeys(new, (old,))

    assert rotating.unwrap(under_old, nip=NIP, key_id="dk-1") == data_key
    rewrapped = rotating.rewrapped(under_old, nip=NIP, key_id="dk-1")
    assert rewrapped is not None
    assert unwrap_key(new, rewrapped, nip=NIP, key_id="dk-1") == data_key
    assert rotating.rewrapped(rewrapped, nip=NIP, key_id="dk-1") is None  # already current
    assert unwrap_key(new, rotating.wrap(data_key, nip=NIP, key_id="dk-1"), nip=NIP,
                      key_id="dk-1") == data_key  # fmt: skip
    with pytest.raises(CannotOpen):
        WrappingKeys(new).unwrap(under_old, nip=NIP, key_id="dk-1")  # the old key retired
    with pytest.raises(CannotOpen):
        rotating.unwrap(under_old, nip=OTHER_NIP, key_id="dk-1")  # the binding still holds
    with pytest.raises(ValueError, match="32 bytes"):
        WrappingKeys(new, (b"short",))


def test_previous_transport_keys_come_from_a_comma_separated_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Settings(PersonalDataTransportSettings):
        development_mode: bool = False

    monkeypatch.setenv("RANGKUI_PERSONAL_DATA_TRANSPORT_KEY", b64u_encode(b"t" * 32))
    monkeypatch.delenv("RANGKUI_PERSONAL_DATA_PREVIOUS_TRANSPORT_KEYS", raising=False)
    assert Settings().transport_keys() == WrappingKeys(b"t" * 32)
    monkeypatch.setenv(
        "RANGKUI_PERSONAL_DATA_PREVIOUS_TRANSPORT_KEYS",
        f"{b64u_encode(b'a' * 32)}, {b64u_encode(b'b' * 32)}",
    )
    assert Settings().transport_keys() == WrappingKeys(b"t" * 32, (b"a" * 32, b"b" * 32))
    monkeypatch.setenv("RANGKUI_PERSONAL_DATA_PREVIOUS_TRANSPORT_KEYS", "not-a-key")
    with pytest.raises(MissingKey, match="RANGKUI_PERSONAL_DATA_PREVIOUS_TRANSPORT_KEYS"):
        Settings().transport_keys()


async def test_a_key_ring_opens_copies_under_the_current_or_a_previous_transport_key() -> None:
    from rangkui_eventkit.personal_data import KeyRing

    old, new, data_key = b"o" * 32, b"n" * 32, new_data_key()
    sealed = seal(data_key, "dk-1", NIP, FIELDS)
    copy = wrap_key(old, data_key, nip=NIP, key_id="dk-1")

    class Row:  # what the keyring table holds: a copy received before the rotation
        async def fetchrow(self, query: str, *args: object) -> dict[str, object]:
            return {"key_id": "dk-1", "wrapped_key": copy}

    assert await KeyRing(WrappingKeys(new, (old,))).open_for(Row(), sealed, NIP) == (
        open_sealed(data_key, sealed, NIP)
    )
    with pytest.raises(CannotOpen):
        await KeyRing(new).open_for(Row(), sealed, NIP)
