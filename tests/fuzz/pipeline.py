"""Run the whole pipeline on a repository and check every report it renders."""

from __future__ import annotations

import json
import re
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from jsonschema import Draft202012Validator

from checker.config import ConfigError
from checker.engine import run
from checker.project import UsageError, find_project
from checker.reporters import REPORTERS, Options
from checker.reporting import build
from tests.conftest import REPO, write_project

# What text, github and markdown outputs may not show raw: C0/C1 controls (tab and newline aside),
# DEL, bidi controls, line and paragraph separators; and lone surrogates.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SCHEMA = json.loads((REPO / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
Draft202012Validator.check_schema(_SCHEMA)
REPORT_SCHEMA = Draft202012Validator(_SCHEMA)


def render_all(root: Path) -> dict[str, str] | None:
    """Every format's report of `checker check claims/` at ``root``; None on a documented usage error."""
    paths = [root / "claims"]
    try:
        result = run(paths, find_project(paths))
    except (UsageError, ConfigError):
        return None
    report = build(result)
    return {name: reporter.render(report, Options()) for name, reporter in REPORTERS.items()}


def check_outputs(out: dict[str, str]) -> None:
    """Each format parses and is free of raw control and bidi characters where it must be."""
    for name, text in out.items():
        text.encode("utf-8")  # no lone surrogate in any of them
        assert isinstance(text, str), name
    REPORT_SCHEMA.validate(json.loads(out["json"]))
    json.loads(out["sarif"])
    ET.fromstring(out["junit"].encode("utf-8"))
    for name in ("text", "github", "markdown"):
        bad = UNSAFE.search(out[name])
        assert bad is None, (
            f"{name}: raw {bad.group()!r} in {out[name][max(0, bad.start() - 80) : bad.end() + 80]!r}"
        )


def check_repository(files: dict[str, bytes]) -> None:
    """Write ``files`` into a fresh project, check it twice, and assert on both runs' reports."""
    with tempfile.TemporaryDirectory() as tmp:
        root = write_project(Path(tmp) / "repo", files.items())
        first = render_all(root)
        if first is None:
            return
        check_outputs(first)
        second = render_all(root)
        assert second == first, "the reports differ between two runs on the same input"
