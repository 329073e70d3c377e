"""Every field of every published schema explains itself to an editor: a description and examples.

Editors meet the schemas in their YAML editor (hover text, completion), not
in the code, so a field without a description or an example is a field they
have to guess. The examples must also be right: each one is validated
against its own field's schema.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from tests.conftest import REPO

SCHEMA_FILES = sorted((REPO / "schemas").glob("*.schema.json"))

# Keywords whose value is one subschema, a list of subschemas, or a mapping of names to subschemas.
_ONE = ("items", "additionalProperties", "not", "if", "then", "else", "propertyNames", "contains")
_MANY = ("anyOf", "oneOf", "allOf", "prefixItems")
_NAMED = ("$defs", "patternProperties", "dependentSchemas")


def fields(schema: Any, where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every field (an entry of a ``properties`` mapping) in a schema, with a readable path."""
    if not isinstance(schema, dict):
        return
    for name, field in sorted(schema.get("properties", {}).items()):
        yield f"{where}.{name}", field
        yield from fields(field, f"{where}.{name}")
    for keyword in _ONE:
        yield from fields(schema.get(keyword), f"{where}/{keyword}")
    for keyword in _MANY:
        for index, sub in enumerate(schema.get(keyword, [])):
            yield from fields(sub, f"{where}/{keyword}[{index}]")
    for keyword in _NAMED:
        for name, sub in sorted(schema.get(keyword, {}).items()):
            yield from fields(sub, f"{where}/{keyword}/{name}")


def documentation_gaps(schema: dict[str, Any]) -> list[str]:
    """The fields without a description or examples, and the examples their field rejects."""
    gaps = []
    for where, field in fields(schema):
        if not str(field.get("description", "")).strip():
            gaps.append(f"{where}: no description")
        examples = field.get("examples")
        if not isinstance(examples, list) or not examples:
            gaps.append(f"{where}: no examples")
            continue
        own = Draft202012Validator({"$defs": schema.get("$defs", {}), **field})
        for example in examples:
            for error in own.iter_errors(example):
                gaps.append(f"{where}: example {example!r} does not fit: {error.message}")
    return gaps


def test_every_schema_is_walked() -> None:
    names = {path.name for path in SCHEMA_FILES}
    assert {"claim-file.schema.json", "entities-file.schema.json", "properties-file.schema.json"} <= names
    assert "report.schema.json" in names and "config-file.schema.json" in names


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=[p.name for p in SCHEMA_FILES])
def test_every_field_has_a_description_and_fitting_examples(path: Path) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert list(fields(schema)), "no fields found: the walker is broken"
    assert documentation_gaps(schema) == []


def test_a_field_without_description_or_examples_is_caught() -> None:
    schema = {
        "properties": {
            "good": {"type": "string", "description": "fine", "examples": ["x"]},
            "bare": {"type": "string"},
            "wrong": {"type": "integer", "description": "a count", "examples": ["many"]},
            "nested": {
                "description": "holds more",
                "examples": [{}],
                "type": "object",
                "properties": {"inner": {"type": "string", "description": "d"}},
            },
        },
        "$defs": {"Thing": {"properties": {"deep": {"examples": [1]}}}},
    }
    assert documentation_gaps(schema) == [
        ".bare: no description",
        ".bare: no examples",
        ".nested.inner: no examples",
        ".wrong: example 'many' does not fit: 'many' is not of type 'integer'",
        "/$defs/Thing.deep: no description",
    ]
