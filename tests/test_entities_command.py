"""``checker entities``: the listing as text and as JSON, an empty catalogue, and bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, write_project
from tests.golden import assert_golden
from tests.test_cli import run_cli

GOLDEN = REPO / "tests" / "golden"

CLAIM_FILE = """\
source:
  id: gazette
  title: "A story"
  outlet: "The Gazette"
  published: "2024-03-12"
  language: en
  text: sources/gazette.txt
  sha256: c37251a098d0f2c4d5a4f07b988496c8a4eabdb68bcb7f308d5abc4ce8f19351
claims:
  - id: age
    subject: "{subject}"
    property: age
    value: {{amount: 52, unit: year}}
    quote: "52"
"""


def entities(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    return run_cli(["entities", *args], capsys)


@pytest.fixture
def in_seed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


@pytest.mark.usefixtures("in_seed")
def test_seed_listing_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = entities([], capsys)
    assert (code, err) == (0, "")
    assert_golden(GOLDEN / "seed-entities.txt", out)
    assert entities(["--format", "text"], capsys)[1] == out  # text is the default


@pytest.mark.usefixtures("in_seed")
def test_seed_listing_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = entities(["--format", "json"], capsys)
    assert (code, err) == (0, "")
    assert_golden(GOLDEN / "seed-entities.json", out)
    doc = json.loads(out)
    assert doc["version"] == 1
    assert doc["summary"] == {"entities": len(doc["entities"]), "unjudged_variants": 1}
    labels = [entity["label"] for entity in doc["entities"]]
    assert labels == sorted(labels, key=lambda label: (label.casefold(), label))
    text = entities([], capsys)[1]
    assert [line for line in text.splitlines() if line and not line.startswith(" ")][:-1] == [
        f"{e['label']}  {e['type']}" for e in doc["entities"]
    ]
    man = next(e for e in doc["entities"] if e["label"] == "Baibolat Kunbolat")
    assert [(i["id"], i["relation"], i["why"]) for i in man["identities"]] == [
        ("baibolat-kunbolat", None, None),
        ("baibolat-kunbolatuly", "likely", "suffix -uly dropped"),
    ]
    assert man["identities"][1]["names"] == [
        {"written": "Baibolat Kunbolatuly", "sources": [{"source": "rferl-kunbolatuly-10-days", "count": 12}]}
    ]


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_the_listing_does_not_depend_on_the_hash_seed(fmt: str, tmp_path: Path) -> None:
    outputs = {
        subprocess.run(
            [sys.executable, "-m", "checker", "entities", "--format", fmt],
            cwd=REPO,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("0", "1")
    }
    assert len(outputs) == 1


EMPTY_JSON: dict[str, Any] = {
    "version": 1,
    "entities": [],
    "summary": {"entities": 0, "unjudged_variants": 0},
}


@pytest.mark.parametrize(
    "catalogue", [None, "entities: []\nevents: []\njudgements: []\n"], ids=["none", "empty"]
)
def test_an_empty_catalogue_and_no_claims(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], catalogue: str | None
) -> None:
    root = write_project(tmp_path, [("claims/entities.yaml", catalogue)] if catalogue else [])
    assert entities([str(root / "claims")], capsys) == (0, "0 entities, 0 unjudged name variants\n", "")
    code, out, err = entities([str(root / "claims"), "--format", "json"], capsys)
    assert (code, err) == (0, "")
    assert json.loads(out) == EMPTY_JSON


def test_names_no_catalogue_carries_are_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hostile = "Jane\u202eDoe"  # a right-to-left override inside the name
    root = write_project(
        tmp_path,
        [
            ("claims/entities.yaml", "entities: []\n"),
            ("claims/gazette.yaml", CLAIM_FILE.format(subject=hostile)),
        ],
    )
    code, out, err = entities([str(root / "claims")], capsys)
    assert (code, err) == (0, "")
    assert "\u202e" not in out
    assert out.splitlines()[1] == "  [not in claims/entities.yaml]"
    code, out, err = entities([str(root / "claims"), "--format", "json"], capsys)
    (entity,) = json.loads(out)["entities"]
    assert entity["label"] == hostile and entity["type"] is None
    (identity,) = entity["identities"]
    assert identity["catalogued"] is False and identity["id"].startswith("name:")
    assert identity["names"] == [{"written": hostile, "sources": [{"source": "gazette", "count": 1}]}]


@pytest.mark.parametrize("fmt", ["text", "json"])
@pytest.mark.parametrize(
    ("name", "content", "where"),
    [
        (
            "entities.yaml",
            b"entities:\n  - id: x\n    name: [unclosed\n",
            "claims/entities.yaml:4:1: L003 error ",
        ),
        (
            "entities.yaml",
            b"entities:\n  - {id: x, name: X, type: persn}\n",
            "claims/entities.yaml:2:28: S001 error ",
        ),
        ("entities.yaml", b"entities: []\n# caf\xe9\n", "claims/entities.yaml:2:6: L002 error "),
        ("properties.yaml", b"properties: {}\n", "claims/properties.yaml:1:13: S001 error "),
    ],
    ids=["syntax", "schema", "not-utf8", "properties"],
)
def test_an_unreadable_catalogue_exits_2_with_its_location(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, name: str, content: bytes, where: str
) -> None:
    root = write_project(tmp_path, [(f"claims/{name}", content)])
    code, out, err = entities([str(root / "claims"), "--format", fmt], capsys)
    assert (code, out) == (2, "")
    *problems, last = err.splitlines()
    assert len(problems) == 1 and problems[0].startswith(where), err
    assert last == "checker: error: the catalogues cannot be read; nothing is listed"


def test_an_unreadable_claim_file_is_left_out_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_project(
        tmp_path,
        [
            ("claims/gazette.yaml", CLAIM_FILE.format(subject="Jane Doe")),
            ("claims/broken.yaml", "source: [\n"),
        ],
    )
    code, out, err = entities([str(root / "claims"), "--format", "json"], capsys)
    assert code == 1
    assert [e["label"] for e in json.loads(out)["entities"]] == ["Jane Doe"]
    assert err.startswith("claims/broken.yaml:2:1: L003 error "), err
