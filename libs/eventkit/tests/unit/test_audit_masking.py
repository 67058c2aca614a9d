"""The audit API's masking of personal fields that older events hold in plaintext."""

import pytest

from rangkui_contracts.classification import PLAINTEXT_EXCEPTIONS
from rangkui_contracts.events.evaluation import EvaluationRecorded, EvaluationRecordedV2
from rangkui_contracts.events.personnel import EmployeeRegistered, EmployeeRegisteredV2
from rangkui_eventkit.audit.masking import MASKED_PATHS, mask_personal

pytestmark = pytest.mark.unit

CHECKLIST = {"understands_new_duties": True, "works_with_team": False, "needs_training": True}


def test_every_listed_plaintext_exception_is_masked() -> None:
    listed = {(cls.ce_type(), path) for cls, path in PLAINTEXT_EXCEPTIONS}
    masked = {(t, path) for t, paths in MASKED_PATHS.items() for path in paths}
    assert masked == listed


def test_a_nested_field_is_masked_and_its_siblings_stay() -> None:
    data = {"evaluation_id": "e-1", "adaptation": {**CHECKLIST, "notes": "izin sakit"}}

    shown, masked = mask_personal(EvaluationRecorded.ce_type(), data)

    assert shown == {"evaluation_id": "e-1", "adaptation": {**CHECKLIST, "notes": None}}
    assert masked == ["adaptation.notes"]
    assert data["adaptation"]["notes"] == "izin sakit"  # the stored event is not changed


def test_fields_without_a_value_and_current_versions_are_left_alone() -> None:
    empty = {"evaluation_id": "e-1", "adaptation": {**CHECKLIST, "notes": ""}}
    assert mask_personal(EvaluationRecorded.ce_type(), empty) == (empty, [])
    sealed = {"evaluation_id": "e-1", "adaptation_notes": {"key_id": "dk-1"}}
    assert mask_personal(EvaluationRecordedV2.ce_type(), sealed) == (sealed, [])
    v2 = {"nip": "199003152015032001", "personal": {"key_id": "dk-1"}}
    assert mask_personal(EmployeeRegisteredV2.ce_type(), v2) == (v2, [])


def test_a_v1_registration_shows_who_but_not_birth_date_gender_or_contact() -> None:
    data = {
        "nip": "199003152015032001",
        "name": "Siti",
        "birth_date": "1990-03-15",
        "gender": "F",
        "contact": {"email": "siti@example.id"},
    }

    shown, masked = mask_personal(EmployeeRegistered.ce_type(), data)

    assert shown["nip"] == data["nip"]
    assert (shown["birth_date"], shown["gender"], shown["contact"]) == (None, None, None)
    assert sorted(masked) == ["birth_date", "contact", "gender"]
