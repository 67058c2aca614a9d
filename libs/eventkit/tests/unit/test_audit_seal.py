from rangkui_eventkit.audit import Seal
from rangkui_eventkit.audit.chain import Head


def test_a_seal_whose_heads_were_edited_is_not_intact() -> None:
    heads = {"s-1": Head(2, "ab" * 32), "s-2": Head(1, "cd" * 32)}
    sealed = Seal.from_json(
        {
            "format": "rangkui-audit-seal/1",
            "taken_at": "2026-01-01T00:00:00+00:00",
            "digest": Seal.digest_of(heads),
            "heads": {s: {"version": h.version, "hash": h.hash} for s, h in heads.items()},
        }
    )
    assert sealed.intact
    edited = Seal(sealed.taken_at, {**sealed.heads, "s-1": Head(1, "ab" * 32)}, sealed.digest)
    assert not edited.intact


def test_a_seal_round_trips_through_json() -> None:
    heads = {"s-1": Head(3, "01" * 32)}
    sealed = Seal(Seal.from_json(_doc()).taken_at, heads, Seal.digest_of(heads))
    assert Seal.from_json(sealed.to_json()) == sealed


def test_the_digest_does_not_depend_on_the_order_of_the_heads() -> None:
    one = {"a": Head(1, "00" * 32), "b": Head(2, "11" * 32)}
    assert Seal.digest_of(one) == Seal.digest_of(dict(reversed(one.items())))


def _doc() -> dict[str, object]:
    return {
        "format": "rangkui-audit-seal/1",
        "taken_at": "2026-01-01T00:00:00+00:00",
        "digest": "",
        "heads": {},
    }
