"""Given/When/Then for personal data in the employee decider: what sealed registrations and
opened personal data give the state, and what an erasure allows afterwards."""

from datetime import UTC, date, datetime
from typing import Any

import pytest

from rangkui_contracts import DomainEvent
from rangkui_contracts.events.common import Sealed
from rangkui_contracts.events.personnel import (
    Contact,
    EmployeeContactChanged,
    EmployeePersonalDataErased,
    EmployeeRegisteredV2,
    EmployeeStatusChanged,
    PersonalData,
)
from rangkui_eventkit.errors import RuleViolated, http_status
from rangkui_personnel.domain.employee import (
    ChangeContact,
    ChangeStatus,
    EraseEmployeePersonalData,
    PersonalDataOpened,
    RegisterEmployee,
    SyncEmployee,
    employee_decider,
)

pytestmark = pytest.mark.unit

NIP = "198609262015051001"
NOW = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)
SEALED = Sealed(key_id="dk-1", alg="A256GCM", nonce="bm9uY2U", ciphertext="Y2lwaGVy")
CONTACT = Contact(email="budi@example.org", phone="0812")
REGISTERED = EmployeeRegisteredV2(
    nip=NIP,
    name="Budi Santoso",
    grade="III/b",
    unit_id="rsud-a",
    position_id="rsud-a-perawat",
    tmt_position=date(2019, 1, 1),
    personal=SEALED,
)
OPENED = PersonalDataOpened(
    NIP, PersonalData(birth_date=date(1986, 9, 26), gender="M", contact=CONTACT)
)
ERASED = EmployeePersonalDataErased(nip=NIP, key_id="dk-1", erased_at=NOW, reason="UU 27/2022")


def given_when(given: list[Any], command: Any) -> list[DomainEvent]:
    return list(employee_decider.decide(command, employee_decider.fold(given)))


def erase(reason: str = "permintaan pegawai") -> EraseEmployeePersonalData:
    return EraseEmployeePersonalData(NIP, reason, NOW, key_id="dk-new")


def record(**overrides: Any) -> RegisterEmployee:
    data: dict[str, Any] = {
        "nip": NIP,
        "name": "Budi Santoso",
        "gender": "M",
        "birth_date": date(1986, 9, 26),
        "grade": "III/b",
        "unit_id": "rsud-a",
        "position_id": "rsud-a-perawat",
        "tmt_position": date(2019, 1, 1),
        "contact": CONTACT,
    }
    return RegisterEmployee(**(data | overrides))


def test_a_sealed_registration_gives_the_personal_data_only_once_opened() -> None:
    sealed_only = employee_decider.fold([REGISTERED])
    opened = employee_decider.fold([REGISTERED, OPENED])

    assert (sealed_only.gender, sealed_only.birth_date, sealed_only.key_id) == ("", None, "dk-1")
    assert (opened.gender, opened.birth_date, opened.contact) == ("M", date(1986, 9, 26), CONTACT)


def test_the_same_contact_changes_nothing_once_opened() -> None:
    assert given_when([REGISTERED, OPENED], ChangeContact(NIP, CONTACT)) == []
    assert given_when([REGISTERED, OPENED], ChangeContact(NIP, Contact(phone="0813"))) == [
        EmployeeContactChanged(nip=NIP, contact=Contact(phone="0813"))
    ]


def test_an_erasure_names_the_key_that_sealed_the_data() -> None:
    assert given_when([REGISTERED, OPENED], erase()) == [
        EmployeePersonalDataErased(
            nip=NIP, key_id="dk-1", erased_at=NOW, reason="permintaan pegawai"
        )
    ]


def test_an_employee_who_never_had_a_key_is_erased_under_the_key_id_given() -> None:
    legacy = REGISTERED.model_copy(update={"personal": None})
    (event,) = given_when([legacy], erase())
    assert isinstance(event, EmployeePersonalDataErased)
    assert event.key_id == "dk-new"


def test_an_erasure_needs_a_reason_and_happens_once() -> None:
    with pytest.raises(RuleViolated, match="memerlukan alasan"):
        given_when([REGISTERED], erase(reason="  "))
    with pytest.raises(RuleViolated, match="cannot be erased twice") as refused:
        given_when([REGISTERED, ERASED], erase())
    assert http_status(refused.value) == 409


def test_after_an_erasure_the_state_forgets_and_contact_changes_are_refused() -> None:
    state = employee_decider.fold([REGISTERED, OPENED, ERASED, OPENED])

    assert (state.gender, state.birth_date, state.contact) == ("", None, Contact())
    assert state.personal_erased
    with pytest.raises(RuleViolated, match="was erased") as refused:
        given_when([REGISTERED, ERASED], ChangeContact(NIP, CONTACT))
    assert (refused.value.rule, http_status(refused.value)) == ("personal_data_erased", 409)


def test_public_changes_still_work_after_an_erasure() -> None:
    assert given_when([REGISTERED, ERASED], ChangeStatus(NIP, "ON_LEAVE", date(2027, 1, 1))) == [
        EmployeeStatusChanged(
            nip=NIP, previous_status="ACTIVE", status="ON_LEAVE", since=date(2027, 1, 1)
        )
    ]


def test_a_reimport_after_an_erasure_is_not_an_identity_change_but_stores_no_contact() -> None:
    sync_without_contact = SyncEmployee(record(contact=Contact()), as_of=date(2026, 11, 28))
    assert given_when([REGISTERED, ERASED], sync_without_contact) == []
    with pytest.raises(RuleViolated, match="was erased"):
        given_when([REGISTERED, ERASED], SyncEmployee(record(), as_of=date(2026, 11, 28)))
    with pytest.raises(RuleViolated, match="identity corrections"):
        given_when([REGISTERED, OPENED], SyncEmployee(record(gender="F"), as_of=date(2026, 11, 28)))
