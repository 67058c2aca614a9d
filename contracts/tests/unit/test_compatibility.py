"""The compatibility rule: what may change under one CloudEvents type, and what needs a new one.

Each breaking case asserts the problem names the property; each compatible case asserts no
problem at all: either direction fails if the rule is wrong.
"""

from __future__ import annotations

import json
from typing import Any, Literal

import pytest
from pydantic import BaseModel, Field

from rangkui_contracts import REGISTRY
from rangkui_contracts.compatibility import compatibility_problems
from rangkui_contracts.schema_gen import Layout, event_schema

pytestmark = pytest.mark.unit


def obj(required: tuple[str, ...] = ("name",), **properties: dict[str, Any]) -> dict[str, Any]:
    """An object schema shaped like pydantic's output."""
    return {"type": "object", "properties": properties, "required": list(required)}


STRING: dict[str, Any] = {"type": "string"}
NULLABLE_STRING: dict[str, Any] = {"anyOf": [{"type": "string"}, {"type": "null"}], "default": None}


# ------------------------------------------------------ the checked-in contracts
@pytest.mark.parametrize("ce_type", sorted(REGISTRY))
def test_current_model_is_compatible_with_its_checked_in_schema(
    ce_type: str, layout: Layout
) -> None:
    checked_in = json.loads(layout.schema_path(ce_type).read_text("utf-8"))

    assert compatibility_problems(checked_in, event_schema(REGISTRY[ce_type])) == []


# ------------------------------------------------------------------ breaking
def test_removing_a_property_is_breaking() -> None:
    old = obj(name=STRING, region=STRING, required=("name", "region"))
    new = obj(name=STRING)

    assert compatibility_problems(old, new) == [
        "property 'region': removed; consumers of the old version may rely on it"
    ]


def test_removing_an_optional_property_is_breaking() -> None:
    problems = compatibility_problems(obj(name=STRING, note=NULLABLE_STRING), obj(name=STRING))

    assert problems == ["property 'note': removed; consumers of the old version may rely on it"]


def test_adding_a_required_property_is_breaking() -> None:
    problems = compatibility_problems(
        obj(name=STRING), obj(name=STRING, region=STRING, required=("name", "region"))
    )

    assert problems == ["property 'region': new required property; old payloads lack it"]


def test_making_an_optional_property_required_is_breaking() -> None:
    old = obj(name=STRING, region=STRING)
    new = obj(name=STRING, region=STRING, required=("name", "region"))

    assert compatibility_problems(old, new) == [
        "property 'region': became required; old payloads may omit it"
    ]


def test_making_a_required_property_optional_is_breaking() -> None:
    old = obj(name=STRING, region=STRING, required=("name", "region"))
    new = obj(name=STRING, region=STRING)

    assert compatibility_problems(old, new) == [
        "property 'region': no longer required; consumers of the old version rely on it "
        "being present"
    ]


@pytest.mark.parametrize(
    ("old_type", "new_type", "expected"),
    [
        ({"type": "string"}, {"type": "integer"}, "type changed from string to integer"),
        ({"type": "integer"}, {"type": "number"}, "type changed from integer to number"),
        ({"type": "string"}, NULLABLE_STRING, "type changed from string to null|string"),
        (NULLABLE_STRING, {"type": "string"}, "type changed from null|string to string"),
        ({"type": "string", "format": "date"}, {"type": "array"}, "from string to array"),
    ],
)
def test_changing_a_property_type_is_breaking(
    old_type: dict[str, Any], new_type: dict[str, Any], expected: str
) -> None:
    problems = compatibility_problems(obj(x=old_type, required=()), obj(x=new_type, required=()))

    assert len(problems) == 1
    assert problems[0].startswith("property 'x': ")
    assert expected in problems[0]


def test_narrowing_an_enum_is_breaking() -> None:
    old = obj(kind={"type": "string", "enum": ["OPD", "UPT", "RSUD"]}, required=("kind",))
    new = obj(kind={"type": "string", "enum": ["OPD", "UPT"]}, required=("kind",))

    assert compatibility_problems(old, new) == ["property 'kind': no longer allows \"RSUD\""]


def test_restricting_a_free_value_to_an_enum_is_breaking() -> None:
    old = obj(kind=STRING, required=("kind",))
    new = obj(kind={"type": "string", "enum": ["OPD"]}, required=("kind",))

    assert compatibility_problems(old, new) == ["property 'kind': now restricted to \"OPD\""]


def test_changing_a_const_is_breaking() -> None:
    old = obj(v={"const": "A", "type": "string"}, required=("v",))
    new = obj(v={"const": "B", "type": "string"}, required=("v",))

    assert compatibility_problems(old, new) == ["property 'v': no longer allows \"A\""]


@pytest.mark.parametrize(
    ("old_constraints", "new_constraints", "expected"),
    [
        ({}, {"minLength": 1}, "adds minLength 1"),
        ({"minLength": 1}, {"minLength": 3}, "minLength raised from 1 to 3"),
        ({}, {"maxLength": 40}, "adds maxLength 40"),
        ({"maxLength": 40}, {"maxLength": 20}, "maxLength lowered from 40 to 20"),
        ({}, {"pattern": r"^\d{18}$"}, r"adds pattern '^\\d{18}$'"),
        (
            {"pattern": "^[0-9]+$"},
            {"pattern": "^[0-9]{18}$"},
            "pattern changed from '^[0-9]+$' to '^[0-9]{18}$'",
        ),
        ({}, {"format": "email"}, "adds format 'email'"),
    ],
)
def test_adding_or_tightening_a_string_constraint_is_breaking(
    old_constraints: dict[str, Any], new_constraints: dict[str, Any], expected: str
) -> None:
    old = obj(s={"type": "string", **old_constraints}, required=("s",))
    new = obj(s={"type": "string", **new_constraints}, required=("s",))

    assert compatibility_problems(old, new) == [f"property 's': {expected}"]


@pytest.mark.parametrize(
    ("old_constraints", "new_constraints", "expected"),
    [
        ({}, {"minimum": 0}, "adds minimum 0"),
        ({"minimum": 0}, {"minimum": 1}, "minimum raised from 0 to 1"),
        ({"maximum": 2100}, {"maximum": 2030}, "maximum lowered from 2100 to 2030"),
        ({}, {"exclusiveMinimum": 0}, "adds exclusiveMinimum 0"),
        ({}, {"exclusiveMaximum": 10}, "adds exclusiveMaximum 10"),
        ({}, {"multipleOf": 5}, "must now be a multiple of 5"),
        ({"multipleOf": 5}, {"multipleOf": 2}, "must now be a multiple of 2"),
    ],
)
def test_adding_or_tightening_a_number_constraint_is_breaking(
    old_constraints: dict[str, Any], new_constraints: dict[str, Any], expected: str
) -> None:
    old = obj(n={"type": "integer", **old_constraints}, required=("n",))
    new = obj(n={"type": "integer", **new_constraints}, required=("n",))

    assert compatibility_problems(old, new) == [f"property 'n': {expected}"]


@pytest.mark.parametrize(
    ("old_constraints", "new_constraints", "expected"),
    [
        ({}, {"minItems": 1}, "adds minItems 1"),
        ({"maxItems": 10}, {"maxItems": 5}, "maxItems lowered from 10 to 5"),
        ({}, {"uniqueItems": True}, "items must now be unique"),
    ],
)
def test_adding_or_tightening_an_array_constraint_is_breaking(
    old_constraints: dict[str, Any], new_constraints: dict[str, Any], expected: str
) -> None:
    old = obj(a={"type": "array", "items": STRING, **old_constraints}, required=("a",))
    new = obj(a={"type": "array", "items": STRING, **new_constraints}, required=("a",))

    assert compatibility_problems(old, new) == [f"property 'a': {expected}"]


def test_changing_a_default_is_breaking() -> None:
    old = obj(status={"type": "string", "default": "ACTIVE"}, required=())
    new = obj(status={"type": "string", "default": "ON_LEAVE"}, required=())

    assert compatibility_problems(old, new) == [
        'property \'status\': default changed from "ACTIVE" to "ON_LEAVE"; old payloads that '
        "omit it would read differently"
    ]


def test_a_breaking_change_inside_a_nested_model_is_found_through_its_ref() -> None:
    old = {
        **obj(contact={"$ref": "#/$defs/Contact"}, required=("contact",)),
        "$defs": {"Contact": obj(email=STRING, phone=STRING, required=("email",))},
    }
    new = {
        **obj(contact={"$ref": "#/$defs/Contact"}, required=("contact",)),
        "$defs": {"Contact": obj(email={"type": "string", "format": "email"}, required=("email",))},
    }

    assert compatibility_problems(old, new) == [
        "property 'contact.email': adds format 'email'",
        "property 'contact.phone': removed; consumers of the old version may rely on it",
    ]


def test_a_breaking_change_inside_array_items_is_found() -> None:
    def schema(field: dict[str, Any]) -> dict[str, Any]:
        items = {"type": "array", "items": {"$ref": "#/$defs/Education"}}
        return {
            **obj(education=items, required=()),
            "$defs": {"Education": obj(level=field, required=("level",))},
        }

    old = schema({"type": "string", "enum": ["SMA", "D3", "S1"]})
    new = schema({"type": "string", "enum": ["S1"]})

    assert compatibility_problems(old, new) == [
        'property \'education[].level\': no longer allows "SMA", "D3"'
    ]


def test_a_nullable_nested_model_is_compared_field_by_field() -> None:
    def schema(year: dict[str, Any]) -> dict[str, Any]:
        optional = {"anyOf": [{"$ref": "#/$defs/E"}, {"type": "null"}], "default": None}
        return {**obj(e=optional, required=()), "$defs": {"E": obj(year=year, required=())}}

    old = schema({"type": "integer", "minimum": 1950})
    new = schema({"type": "integer", "minimum": 1990})

    assert compatibility_problems(old, new) == [
        "property 'e.year': minimum raised from 1950 to 1990"
    ]


def test_removing_the_only_property_of_the_payload_names_it() -> None:
    assert compatibility_problems(obj(name=STRING), obj(required=())) == [
        "property 'name': removed; consumers of the old version may rely on it"
    ]


def test_a_breaking_change_of_a_mapping_value_type_is_found() -> None:
    old = obj(scores={"type": "object", "additionalProperties": {"type": "integer"}})
    new = obj(scores={"type": "object", "additionalProperties": {"type": "string"}})

    assert compatibility_problems(old, new) == [
        "property 'scores.*': type changed from integer to string"
    ]


# ----------------------------------------------------------------- compatible
def test_an_identical_schema_is_compatible() -> None:
    schema = obj(name={"type": "string", "minLength": 1}, note=NULLABLE_STRING)

    assert compatibility_problems(schema, json.loads(json.dumps(schema))) == []


def test_adding_an_optional_property_is_compatible() -> None:
    assert compatibility_problems(obj(name=STRING), obj(name=STRING, note=NULLABLE_STRING)) == []


def test_widening_an_enum_is_compatible() -> None:
    old = obj(kind={"type": "string", "enum": ["OPD", "UPT"]}, required=("kind",))
    new = obj(kind={"type": "string", "enum": ["OPD", "UPT", "RSUD"]}, required=("kind",))

    assert compatibility_problems(old, new) == []


def test_replacing_a_const_by_an_enum_that_contains_it_is_compatible() -> None:
    old = obj(v={"const": "A", "type": "string"}, required=("v",))
    new = obj(v={"enum": ["A", "B"], "type": "string"}, required=("v",))

    assert compatibility_problems(old, new) == []


@pytest.mark.parametrize(
    ("old_constraints", "new_constraints"),
    [
        ({"minLength": 3}, {"minLength": 1}),
        ({"minLength": 1}, {}),
        ({"maxLength": 20}, {"maxLength": 40}),
        ({"pattern": r"^\d{18}$"}, {}),
        ({"format": "email"}, {}),
    ],
)
def test_loosening_a_string_constraint_is_compatible(
    old_constraints: dict[str, Any], new_constraints: dict[str, Any]
) -> None:
    old = obj(s={"type": "string", **old_constraints}, required=("s",))
    new = obj(s={"type": "string", **new_constraints}, required=("s",))

    assert compatibility_problems(old, new) == []


@pytest.mark.parametrize(
    ("old_constraints", "new_constraints"),
    [
        ({"minimum": 1}, {"minimum": 0}),
        ({"maximum": 2030}, {"maximum": 2100}),
        ({"maximum": 2030}, {}),
        ({"multipleOf": 10}, {"multipleOf": 5}),
        ({"exclusiveMinimum": 0}, {}),
    ],
)
def test_loosening_a_number_constraint_is_compatible(
    old_constraints: dict[str, Any], new_constraints: dict[str, Any]
) -> None:
    old = obj(n={"type": "integer", **old_constraints}, required=("n",))
    new = obj(n={"type": "integer", **new_constraints}, required=("n",))

    assert compatibility_problems(old, new) == []


def test_loosening_an_array_constraint_is_compatible() -> None:
    old = obj(a={"type": "array", "items": STRING, "minItems": 1, "uniqueItems": True})
    new = obj(a={"type": "array", "items": STRING})

    assert compatibility_problems(old, new) == []


def test_titles_descriptions_and_comments_may_change() -> None:
    old = obj(name={"type": "string", "title": "Name"})
    new = {
        **obj(name={"type": "string", "title": "Full name", "description": "as on the SK"}),
        "description": "now documented",
        "$comment": "regenerated",
    }

    assert compatibility_problems(old, new) == []


def test_a_renamed_definition_of_the_same_shape_is_compatible() -> None:
    old = {**obj(c={"$ref": "#/$defs/Contact"}), "$defs": {"Contact": obj(email=STRING)}}
    new = {**obj(c={"$ref": "#/$defs/ContactV1"}), "$defs": {"ContactV1": obj(email=STRING)}}

    assert compatibility_problems(old, new) == []


def test_additional_properties_false_does_not_make_an_added_optional_property_breaking() -> None:
    old = {**obj(name=STRING), "additionalProperties": False}
    new = {**obj(name=STRING, note=NULLABLE_STRING), "additionalProperties": False}

    assert compatibility_problems(old, new) == []


def test_recursive_models_terminate_and_changes_deep_inside_are_found() -> None:
    def tree(name: dict[str, Any]) -> dict[str, Any]:
        children = {"type": "array", "items": {"$ref": "#/$defs/Unit"}}
        unit = obj(name=name, children=children, required=("name",))
        return {"$ref": "#/$defs/Unit", "$defs": {"Unit": unit}}

    assert compatibility_problems(tree(STRING), tree(STRING)) == []
    assert compatibility_problems(tree(STRING), tree({"type": "string", "minLength": 2})) == [
        "property 'name': adds minLength 2"
    ]


# ---------------------------------------------------- through pydantic models
class UnitV1(BaseModel):
    unit_id: str = Field(min_length=1)
    kind: Literal["OPD", "UPT"]
    parent_unit_id: str | None = None


class UnitWithOptionalRegion(BaseModel):
    unit_id: str = Field(min_length=1)
    kind: Literal["OPD", "UPT", "RSUD"]
    parent_unit_id: str | None = None
    region: str | None = None


class UnitWithRequiredRegion(BaseModel):
    unit_id: str = Field(min_length=2)
    kind: Literal["OPD"]
    region: str


def test_pydantic_model_gaining_an_optional_field_and_enum_value_stays_compatible() -> None:
    old, new = UnitV1.model_json_schema(), UnitWithOptionalRegion.model_json_schema()

    assert compatibility_problems(old, new) == []


def test_pydantic_model_changed_incompatibly_lists_every_problem() -> None:
    old, new = UnitV1.model_json_schema(), UnitWithRequiredRegion.model_json_schema()

    assert compatibility_problems(old, new) == [
        "property 'unit_id': minLength raised from 1 to 2",
        "property 'kind': no longer allows \"UPT\"",
        "property 'parent_unit_id': removed; consumers of the old version may rely on it",
        "property 'region': new required property; old payloads lack it",
    ]
