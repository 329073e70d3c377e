"""README shows real output: its quoted seed findings and summary match the golden file."""

from __future__ import annotations

import re

from checker import REPOSITORY_URL, __version__
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
GOLDEN = (REPO / "tests" / "golden" / "seed-check.txt").read_text(encoding="utf-8")


def test_summary_lines_match_the_seed_run() -> None:
    summary = GOLDEN.splitlines()[-1]
    shown = re.findall(r"^\d+ errors?, .* in 2 files \(80 claims\)$", README, re.MULTILINE)
    assert shown and all(line == summary for line in shown)


def test_quoted_seed_findings_are_real() -> None:
    section = README.split("On the example repository", 1)[1].split("\n```\n", 2)[1]
    quoted = [line for line in section.splitlines() if line.startswith(("claims/", "    claims/"))]
    assert quoted
    golden_lines = set(GOLDEN.splitlines())
    for line in quoted:
        assert line in golden_lines, line


def test_release_pins_name_this_version() -> None:
    pins = re.findall(r"newsroom-claimcheck==([0-9][^\"'\s]*)", README)
    revs = re.findall(r"^\s*rev: v(\S+)", README, re.MULTILINE)
    versions = re.findall(r"checker \(newsroom-claimcheck\) (\S+)`", README)
    assert pins and revs and versions
    assert set(pins) | set(revs) | set(versions) == {__version__}
    assert "<URL of this repository>" not in README and REPOSITORY_URL in README
