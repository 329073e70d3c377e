"""Fixture directories: one small claims project per rule case, with its expected findings.

Each directory under tests/fixtures/rules/ is named ``CODE-what-it-shows`` (for
example ``V001-same-event-is-error``) and holds a project (claims/,
sources/, checker.yaml ...) and ``expected.txt``: the text report of the
findings with that code, exactly. An empty ``expected.txt`` asserts the rule
stays silent. Set UPDATE_GOLDEN=1 to rewrite the expected files after a
deliberate change, then review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.reporters.text import render_findings
from checker.rules import RULES
from tests.conftest import check_project
from tests.golden import assert_golden

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
CASES = sorted(p for p in FIXTURES.iterdir() if p.is_dir()) if FIXTURES.is_dir() else []


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_rule_fixture(case: Path) -> None:
    code = case.name.split("-", 1)[0]
    findings = [f for f in check_project(case).findings if f.code == code]
    actual = render_findings(findings)
    assert_golden(case / "expected.txt", actual)


def test_every_corpus_and_waiver_rule_has_a_fixture() -> None:
    """Load and schema rules are covered by the tables in test_loader.py and test_models.py."""
    covered = {case.name.split("-", 1)[0] for case in CASES}
    needed = {rule.code for rule in RULES if rule.stage in {"corpus", "waiver"}}
    assert needed <= covered, sorted(needed - covered)
