"""Who reaches which inbox: an employee their own, the PPK theirs and the PPK mailbox, BKD
operators every one (the access table's decisions, without HTTP)."""

import pytest

from rangkui_eventkit.auth import Principal, Role, Scope
from rangkui_eventkit.errors import Forbidden
from rangkui_notification.entrypoints.access import access_for
from rangkui_notification.settings import NotificationSettings

pytestmark = pytest.mark.unit

NIP, OTHER = "198001012005011001", "197501012000031002"
TABLE = access_for(NotificationSettings(development_mode=True, ppk_mailbox="PPK-RANGKUI"))
INBOX = ("GET", "/inbox/{recipient}")


def caller(role: Role, nip: str | None = NIP) -> Principal:
    return Principal("u", "iss", frozenset({role}), nip=nip)


@pytest.mark.parametrize("recipient", [NIP, "PPK-RANGKUI"])
def test_the_ppk_reads_their_own_inbox_and_the_ppk_mailbox(recipient: str) -> None:
    access = TABLE.decide(*INBOX, caller(Role.PPK), {"recipient": recipient})
    assert access.scope == Scope.OWN


@pytest.mark.parametrize(
    ("role", "recipient"),
    [(Role.PPK, "BKD"), (Role.PPK, OTHER), (Role.EMPLOYEE, "PPK-RANGKUI"), (Role.EMPLOYEE, OTHER)],
)
def test_nobody_else_reads_a_mailbox_that_is_not_theirs(role: Role, recipient: str) -> None:
    with pytest.raises(Forbidden):
        TABLE.decide(*INBOX, caller(role), {"recipient": recipient})


def test_bkd_operators_read_every_inbox() -> None:
    for recipient in ("BKD", "PPK-RANGKUI", OTHER):
        access = TABLE.decide(*INBOX, caller(Role.BKD_OPERATOR, nip=None), {"recipient": recipient})
        assert access.scope == Scope.ALL
