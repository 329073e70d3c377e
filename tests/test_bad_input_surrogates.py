"""Lone surrogates: YAML's "\\uD800" escape reads as a string UTF-8 cannot hold.

Found by the fuzz suite (tests/fuzz). In a key, such a string reached
jsonschema-rs (which cannot read it) and the fingerprint hash (which
encoded it as UTF-8): an internal error instead of a located finding. Now it
is a schema finding at its key, and every report renders it escaped.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.findings import Subject, make_fingerprint
from checker.reporters import REPORTERS, Options
from checker.reporting import build
from tests.conftest import check_project, write_project

SOURCE = """\
source:
  id: s
  title: t
  outlet: o
  published: "2021-02-10"
  language: en
  text: sources/s.txt
  sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
"""


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('claims: []\nsource:\n  id: s\n  "\\uD800": x\n', "claims/a.yaml:4:3"),
        (SOURCE + '  "\\uDC00\\u202e": x\nclaims: []\n', "claims/a.yaml:9:3"),
        (
            SOURCE + "claims:\n  - {id: c, subject: A, property: p, value: {text: x}, quote: q,"
            ' qualifiers: {"\\uD800": x}}\n',
            "claims/a.yaml:10:",
        ),
    ],
)
def test_a_lone_surrogate_in_a_key_is_a_schema_finding(tmp_path: Path, text: str, where: str) -> None:
    root = write_project(tmp_path / "repo", [("claims/a.yaml", text), ("sources/s.txt", "")])
    result = check_project(root)
    unknown = [f for f in result.findings if f.code in {"S001", "S002"} and str(f.location).startswith(where)]
    assert unknown, [str(f.location) + " " + f.message for f in result.findings]
    report = build(result)
    for name, reporter in REPORTERS.items():
        out = reporter.render(report, Options())
        out.encode("utf-8")  # shown as an escape, never raw
        assert "\\ud800" in out.lower() or "\\udc00" in out.lower() or name == "html", name
    assert json.loads(REPORTERS["json"].render(report, Options()))["findings"]


def test_a_fingerprint_takes_a_lone_surrogate() -> None:
    one = make_fingerprint("S001", Subject(file="a.yaml", key_path=("source", "\ud800")))
    other = make_fingerprint("S001", Subject(file="a.yaml", key_path=("source", "\udc00")))
    assert len(one) == 16 and one != other
