"""The models, the schemas generated from them, and located schema errors."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from ruamel.yaml import YAML

from checker import schemas
from checker.findings import Finding
from checker.loader import LoadFailed, Mark, load_file, load_yaml
from checker.models import DOCUMENT_MODELS, ClaimFile, QuantityValue, RelativeDate, StrictModel, kind_of
from tests.conftest import REPO, check_project, write_project


@pytest.mark.parametrize("kind", sorted(DOCUMENT_MODELS))
def test_committed_schemas_match_the_models(kind: str) -> None:
    committed = (REPO / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert committed == schemas.render(kind), "schemas/ is stale: run `checker schema`"


@pytest.mark.parametrize("kind", sorted(DOCUMENT_MODELS))
def test_schemas_are_valid_json_schema(kind: str) -> None:
    Draft202012Validator.check_schema(json.loads(schemas.render(kind)))


@pytest.mark.parametrize("kind", sorted(DOCUMENT_MODELS))
def test_kind_of_reads_the_document_models_backwards(kind: str) -> None:
    assert kind_of(DOCUMENT_MODELS[kind]) == kind


def test_kind_of_an_unpublished_model() -> None:
    with pytest.raises(KeyError):
        kind_of(StrictModel)


def _dump(data: object) -> str:
    yaml = YAML(typ="safe", pure=True)
    yaml.allow_unicode = True
    yaml.width = 10**6
    buffer = StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("path", sorted((REPO / "claims").glob("*.yaml")), ids=lambda p: p.name)
def test_repo_files_round_trip(path: Path) -> None:
    catalogues = {"entities.yaml": "entities-file", "properties.yaml": "properties-file"}
    kind = catalogues.get(path.name, "claim-file")
    model, problems = schemas.validate(kind, load_file(path))
    assert problems == [] and model is not None
    dumped = model.model_dump(mode="json", exclude_none=True)
    again, problems = schemas.validate(kind, load_yaml(_dump(dumped)))
    assert problems == []
    assert again == model


def test_values_and_dates_parse_to_their_kinds() -> None:
    model = ClaimFile.model_validate(
        {
            "source": {
                "id": "s",
                "title": "T",
                "outlet": "O",
                "published": "2021-02",
                "language": "kk-Cyrl",
                "text": "sources/s.txt",
                "sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            },
            "claims": [
                {
                    "id": "crowd",
                    "subject": "protesters",
                    "property": "protest-size",
                    "value": {"amount": 30, "unit": "person", "approx": "about"},
                    "date": {"relative_to": "published", "offset": "-2 days"},
                    "quote": "Around 30 protesters",
                }
            ],
        }
    )
    claim = model.claims[0]
    assert isinstance(claim.value, QuantityValue) and claim.value.amount == 30
    assert isinstance(claim.date, RelativeDate) and claim.date.offset_parts() == (-2, "day")
    assert model.source.publisher_name == "O"


SOURCE = (
    'source: {id: s, title: T, outlet: O, published: "2021-02-10", language: en, text: sources/s.txt,\n'
    "         sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}\n"
)
CLAIM = "claims:\n  - id: c\n    subject: S\n    property: p\n    quote: q\n"

# (claim-file text, code, line, column, words the message must contain)
SCHEMA_ERRORS = [
    (SOURCE + CLAIM + "    value: {amount: 10, unit: day}\n    qoute: x\n", "S001", 9, 5, ["qoute", "quote"]),
    (SOURCE + CLAIM.replace("    quote: q\n", "") + "    value: {text: x}\n", "S001", 4, 5, ["quote"]),
    (SOURCE + CLAIM + "    value: {amount: ten, unit: day}\n", "S001", 8, 21, ["number"]),
    (SOURCE + CLAIM + "    value: {amount: 1, unit: day, approx: aboot}\n", "S001", 8, 43, ["about"]),
    (SOURCE + CLAIM + "    value: {text: x}\n    date: 10 February 2021\n", "S001", 9, 11, ["ISO 8601"]),
    (SOURCE + CLAIM + "    value: {text: x}\n    date: 2021-02-30\n", "S002", 9, 11, ["calendar"]),
    (SOURCE + CLAIM + "    value: {min: 5, max: 1, unit: day}\n", "S002", 8, 12, ["greater"]),
    (SOURCE + CLAIM + "    value: {amount: 5, min: 1, unit: day}\n", "S001", 8, 12, ["amount", "min"]),
    (SOURCE + CLAIM + "    value: {text: x}\n    id: d\n", "L004", 9, 5, ["duplicate"]),
    (SOURCE.replace("sha256: e3b0", "sha256: 0e3b0"), "S001", 2, 18, ["sha256"]),
    (SOURCE + CLAIM + "    value: {text: x}\n    qualifiers: {Charge: x}\n", "S001", 9, 18, ["Charge"]),
]


@pytest.mark.parametrize(("text", "code", "line", "column", "words"), SCHEMA_ERRORS)
def test_schema_errors_are_located(text: str, code: str, line: int, column: int, words: list[str]) -> None:
    try:
        problems = schemas.validate("claim-file", load_yaml(text))[1]
        found = [(p.code, p.mark, p.message) for p in problems]
    except LoadFailed as failure:
        found = [(p.code, p.mark, p.message) for p in failure.problems]
    assert found, "expected a problem"
    first_code, first_mark, message = found[0]
    assert (first_code, first_mark) == (code, Mark(line, column)), found
    for word in words:
        assert word in message, message


def _every_yaml_document() -> list[tuple[str, Any]]:
    """Claim files from the repository, the rule fixtures and the schema-error table."""
    found: list[tuple[str, Any]] = []
    for path in sorted([*REPO.glob("claims/*.yaml"), *REPO.glob("tests/fixtures/rules/*/claims/*.yaml")]):
        kinds = {"entities.yaml": "entities-file", "properties.yaml": "properties-file"}
        try:
            found.append((kinds.get(path.name, "claim-file"), load_file(path).data))
        except LoadFailed:
            continue
    for text, *_ in SCHEMA_ERRORS:
        try:
            found.append(("claim-file", load_yaml(text).data))
        except LoadFailed:
            continue
    return found


def test_fast_validator_agrees_with_jsonschema() -> None:
    """jsonschema-rs answers valid/invalid; it must never pass what jsonschema would reject."""
    documents = _every_yaml_document()
    assert len(documents) > 50
    for kind, data in documents:
        fast = schemas._fast_check(kind)(data)
        slow = not any(True for _ in schemas._validator(kind).iter_errors(data))
        assert fast == slow, (kind, data)


def test_schema_problem_is_about_a_claim_by_its_id() -> None:
    """Key path and detail, not the message (it names list indexes), are what a finding is about."""
    text = (
        SOURCE + CLAIM + "    value: {text: x}\n  - {id: d, subject: S, property: p, value: 10, quote: q}\n"
    )
    problems = schemas.validate("claim-file", load_yaml(text))[1]
    assert [(p.code, p.key_path, p.detail) for p in problems] == [
        ("S001", ("claims", "id=d", "value"), ("type",))
    ]
    assert "claims[1]" in problems[0].message


def _many_schema_problems(project: Path, count: int) -> list[Finding]:
    claims = "".join(
        f"  - {{id: c{n}, subject: S, property: p, value: {{text: x}}, quote: q, extra: {n}}}\n"
        for n in range(count)
    )
    write_project(project, [("claims/many.yaml", SOURCE + "claims:\n" + claims)])
    return [f for f in check_project(project, schema_only=True).findings if f.code.startswith("S")]


def test_schema_problems_past_the_limit_are_counted(tmp_path: Path) -> None:
    found = _many_schema_problems(tmp_path / "a", 150)
    assert len(found) == schemas.MAX_PROBLEMS + 1
    *first, rest = found
    assert all("unknown key 'extra'" in f.message for f in first)
    assert [f.location.line for f in first] == list(range(4, 4 + schemas.MAX_PROBLEMS))
    assert rest.code == "S001" and rest.message == "and 50 more schema problems in this file"
    # At the first problem left out: the key 'extra' of the 101st claim.
    line = SOURCE.count("\n") + 2 + schemas.MAX_PROBLEMS
    text = (tmp_path / "a" / "claims" / "many.yaml").read_text(encoding="utf-8").splitlines()[line - 1]
    assert (rest.location.line, rest.location.column) == (line, text.index("extra") + 1)
    # The count is in the message, not the fingerprint: fixing one of the rest keeps it.
    [again] = [f for f in _many_schema_problems(tmp_path / "b", 149) if "more" in f.message]
    assert again.message == "and 49 more schema problems in this file"
    assert again.fingerprint == rest.fingerprint


def test_schema_problems_up_to_the_limit_are_all_reported(tmp_path: Path) -> None:
    found = _many_schema_problems(tmp_path, schemas.MAX_PROBLEMS)
    assert len(found) == schemas.MAX_PROBLEMS and not any("more" in f.message for f in found)
