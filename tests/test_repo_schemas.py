"""``checker schema --repo``: schemas that offer a repository's own names, and reject nothing new.

The repository schema must (1) accept every file the published schema
accepts (the seed's files, a claim naming an entity nobody catalogued yet),
(2) offer the catalogue's property ids, units, entity names and aliases and
event ids as an ``enum`` branch, which is where yaml-language-server
collects value completions from, and (3) still reject what the published
schema rejects: offering must never loosen a field.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from checker import repo_schemas, scaffold, schemas
from checker.loader import load_bytes, load_file
from checker.project import find_project
from tests.conftest import REPO, example_copy, write_project
from tests.test_cli import run_cli
from tests.test_schema_docs import documentation_gaps

KINDS = ("claim-file", "config-file", "entities-file", "properties-file")


def repo_schema(root: Path, kind: str) -> dict[str, Any]:
    project = find_project([root / "claims"])
    texts = repo_schemas.for_repository(*repo_schemas.catalogues(project))
    loaded: dict[str, Any] = json.loads(texts[f"{kind}.schema.json"])
    return loaded


def offered(schema: dict[str, Any], model: str, field: str, *, items: bool = False) -> list[str]:
    """The values a schema offers a field as completions: its enum branch."""
    node = schema["$defs"][model]["properties"][field]
    node = node["items"] if items else node
    return [value for branch in node.get("anyOf", []) for value in branch.get("enum", [])]


def errors(schema: dict[str, Any], data: Any) -> list[str]:
    return [error.message for error in Draft202012Validator(schema).iter_errors(data)]


@pytest.fixture(scope="module")
def seed_claim_schema() -> dict[str, Any]:
    return repo_schema(REPO, "claim-file")


def test_seed_files_fit_the_repository_schemas() -> None:
    claim_schema = repo_schema(REPO, "claim-file")
    claim_files = sorted(
        p for p in (REPO / "claims").glob("*.yaml") if p.name not in {"entities.yaml", "properties.yaml"}
    )
    assert claim_files
    for path in claim_files:
        assert errors(claim_schema, load_file(path).data) == [], path
    assert errors(repo_schema(REPO, "entities-file"), load_file(REPO / "claims" / "entities.yaml").data) == []
    properties = load_file(REPO / "claims" / "properties.yaml").data
    assert errors(repo_schema(REPO, "properties-file"), properties) == []
    for kind in KINDS:
        Draft202012Validator.check_schema(repo_schema(REPO, kind))


def test_the_init_templates_fit_the_repository_schemas(tmp_path: Path) -> None:
    root = tmp_path / "new"
    texts = scaffold.rendered()
    for target, text in texts.items():
        (root / target).parent.mkdir(parents=True, exist_ok=True)
        (root / target).write_text(text, encoding="utf-8")
    for kind, target in [
        ("config-file", "checker.yaml"),
        ("entities-file", "claims/entities.yaml"),
        ("properties-file", "claims/properties.yaml"),
    ]:
        assert errors(repo_schema(root, kind), load_bytes(texts[target].encode()).data) == [], target


def test_seed_names_ids_and_units_are_offered(seed_claim_schema: dict[str, Any]) -> None:
    subjects = offered(seed_claim_schema, "Claim", "subject")
    assert {"Baibolat Kunbolatuly", "Kunbolatuly", "Baibolat Kunbolat", "Tokayev", "Alma-Ata"} <= set(
        subjects
    )
    assert offered(seed_claim_schema, "EntityValue", "entity") == subjects
    assert subjects == sorted(subjects, key=lambda v: (v.casefold(), v))
    properties = offered(seed_claim_schema, "Claim", "property")
    seed_ids = [entry["id"] for entry in load_file(REPO / "claims" / "properties.yaml").data["properties"]]
    assert properties == sorted(seed_ids)
    units = offered(seed_claim_schema, "QuantityValue", "unit")
    assert {"day", "month", "year", "person", "people", "usd", "km"} <= set(units)


def test_each_offer_is_documented(seed_claim_schema: dict[str, Any]) -> None:
    field = seed_claim_schema["$defs"]["Claim"]["properties"]["subject"]
    choices = field["anyOf"][0]
    described = dict(zip(choices["enum"], choices["enumDescriptions"], strict=True))
    assert described["Baibolat Kunbolatuly"] == "person, id baibolat-kunbolatuly"
    assert described["Kunbolatuly"] == "alias of Baibolat Kunbolatuly, person, id baibolat-kunbolatuly"
    assert "other values are accepted too" in field["description"]
    assert field["examples"] == choices["enum"][:3]
    jail = seed_claim_schema["$defs"]["Claim"]["properties"]["property"]["anyOf"][0]
    assert dict(zip(jail["enum"], jail["enumDescriptions"], strict=True))["jail-sentence"].startswith(
        "Jail sentence (quantity, duration)"
    )


@pytest.mark.parametrize("kind", KINDS)
def test_repository_schemas_document_every_field(kind: str) -> None:
    assert documentation_gaps(repo_schema(REPO, kind)) == []


def _claim_file(**claim: Any) -> dict[str, Any]:
    source = json.loads(schemas.render("claim-file"))["properties"]["source"]["examples"][0]
    base: dict[str, Any] = {"id": "new", "subject": "Baibolat Kunbolatuly", "property": "jail-sentence"}
    base |= {"value": {"amount": 10, "unit": "day"}, "quote": "q"}
    return {"source": source, "claims": [{**base, **claim}]}


@pytest.mark.parametrize(
    "claim",
    [
        {"subject": "Someone Nobody Catalogued"},
        {"value": {"entity": "A Place Not Yet Listed"}},
        {"property": "new-property"},
        {"value": {"amount": 3, "unit": "protesters"}},
        {"event": "an-event-not-declared"},
    ],
    ids=["new-subject", "new-entity-value", "new-property", "new-unit", "new-event"],
)
def test_names_not_yet_catalogued_are_accepted(
    seed_claim_schema: dict[str, Any], claim: dict[str, Any]
) -> None:
    assert errors(seed_claim_schema, _claim_file(**claim)) == []


@pytest.mark.parametrize(
    "claim",
    [
        {"subject": ""},
        {"property": "Jail Sentence"},
        {"value": {"amount": 3, "unit": ""}},
        {"event": "Not An Id"},
        {"subject": 12},
    ],
    ids=["empty-subject", "property-not-an-id", "empty-unit", "event-not-an-id", "subject-a-number"],
)
def test_what_the_published_schema_rejects_stays_rejected(
    seed_claim_schema: dict[str, Any], claim: dict[str, Any]
) -> None:
    published = json.loads(schemas.render("claim-file"))
    assert errors(published, _claim_file(**claim)) != []
    assert errors(seed_claim_schema, _claim_file(**claim)) != []


ENTITIES = """\
entities:
  - {id: jane-doe, name: Jane Doe, type: person, aliases: [J. Doe]}
  - {id: exampleton, name: Exampleton, type: place}
events:
  - {id: council-vote, name: Council budget vote, date: "2024-03-12", place: Exampleton}
"""
PROPERTIES = """\
units:
  - {name: protester, dimension: count}
  - {name: furlong, dimension: length, factor: 201.168}
properties:
  - {id: crowd-size, label: Crowd size, kind: quantity, dimension: count}
"""


def test_events_catalogue_units_judgement_ids_and_rules_are_offered(tmp_path: Path) -> None:
    root = write_project(
        tmp_path, [("claims/entities.yaml", ENTITIES), ("claims/properties.yaml", PROPERTIES)]
    )
    claim_schema = repo_schema(root, "claim-file")
    assert offered(claim_schema, "Claim", "event") == ["council-vote"]
    event = claim_schema["$defs"]["Claim"]["properties"]["event"]["anyOf"]
    assert event[0]["enumDescriptions"] == ["Council budget vote (2024-03-12, Exampleton)"]
    assert {"type": "null"} in event  # still optional
    assert {"protester", "furlong", "day"} <= set(offered(claim_schema, "QuantityValue", "unit"))
    assert offered(claim_schema, "Claim", "subject") == ["Exampleton", "J. Doe", "Jane Doe"]
    entities_schema = repo_schema(root, "entities-file")
    assert offered(entities_schema, "Judgement", "entities", items=True) == ["exampleton", "jane-doe"]
    dimensions = offered(repo_schema(root, "properties-file"), "Property", "dimension")
    assert {"count", "duration", "length", "money", "money-usd"} <= set(dimensions)
    config_schema = repo_schema(root, "config-file")
    keys = config_schema["properties"]["rules"]["properties"]
    assert {"R001", "unknown-entity", "V001", "value-conflict"} <= set(keys)
    assert keys["R001"]["description"].startswith("R001 unknown-entity: ")
    assert errors(config_schema, {"rules": {"R001": "warning", "not-a-rule": "off"}}) == []
    assert errors(config_schema, {"rules": {"R001": "loud"}}) != []


def test_an_empty_repository_offers_the_units_and_keeps_the_published_fields(tmp_path: Path) -> None:
    root = write_project(tmp_path, [])
    claim_schema = repo_schema(root, "claim-file")
    published = json.loads(schemas.render("claim-file"))
    for model, field in [("Claim", "subject"), ("Claim", "property"), ("Claim", "event")]:
        assert (
            claim_schema["$defs"][model]["properties"][field]
            == published["$defs"][model]["properties"][field]
        )
    assert "day" in offered(claim_schema, "QuantityValue", "unit")


def test_schema_repo_writes_to_the_git_ignored_folder_at_the_root(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = example_copy(tmp_path)
    monkeypatch.chdir(root / "claims")
    code, out, err = run_cli(["schema", "--repo"], capsys)
    assert (code, err) == (0, "")
    folder = root / ".checker" / "schemas"
    assert out.splitlines() == [f"wrote {os.path.relpath(folder / f'{k}.schema.json')}" for k in KINDS]
    first = {path.name: path.read_bytes() for path in folder.iterdir()}
    assert sorted(first) == [f"{kind}.schema.json" for kind in KINDS]
    assert run_cli(["schema", "--repo"], capsys)[1] == ""  # unchanged: nothing rewritten
    assert run_cli(["schema", "--repo", "--check"], capsys)[0] == 0
    assert {path.name: path.read_bytes() for path in folder.iterdir()} == first
    entities = root / "claims" / "entities.yaml"
    entities.write_text(
        entities.read_text(encoding="utf-8").replace("Alma-Ata", "Alma Ata"), encoding="utf-8"
    )
    code, out, err = run_cli(["schema", "--repo", "--check"], capsys)
    assert (code, out) == (1, "")
    assert (
        err
        == f"{os.path.relpath(folder / 'claim-file.schema.json')}: out of date; run `checker schema --repo`\n"
    )
    assert ".checker/" in (REPO / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert ".checker/" in scaffold.rendered()[".gitignore"].splitlines()


def test_schema_repo_output_is_the_same_whatever_the_hash_seed(tmp_path: Path) -> None:
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-m", "checker", "schema", "--repo", "-o", str(out)],
            cwd=REPO,
            env=env,
            check=True,
            capture_output=True,
        )
        outputs.append({path.name: path.read_bytes() for path in out.iterdir()})
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        (
            "entities.yaml",
            "entities:\n  - id: x\n    name: [unclosed\n",
            "claims/entities.yaml:4:1: L003 error ",
        ),
        (
            "entities.yaml",
            "entities:\n  - {id: x, name: X, type: persn}\n",
            "claims/entities.yaml:2:28: S001 error ",
        ),
        ("properties.yaml", "properties: {}\n", "claims/properties.yaml:1:13: S001 error "),
    ],
    ids=["syntax", "entities-schema", "properties-schema"],
)
def test_an_unreadable_catalogue_stops_it_with_the_location(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    text: str,
    where: str,
) -> None:
    root = write_project(tmp_path, [(f"claims/{name}", text)])
    monkeypatch.chdir(root)
    code, out, err = run_cli(["schema", "--repo"], capsys)
    assert (code, out) == (2, "")
    head, *problems = err.splitlines()
    assert head == "checker: error: the catalogues cannot be read, so no repository schema was written:"
    assert len(problems) == 1 and problems[0].startswith(where), problems
    assert not (root / ".checker").exists()
