"""The quality benchmark must not get worse: benchmarks/quality.py against its recorded floor.

benchmarks/quality/scores.json holds the figures of the last recorded run
(``python benchmarks/quality.py --record``, refused under CI). A change that
finds fewer must-flag items, hits more must-not-flag items or prints more
warnings and errors per article fails here; one that improves them should
record the new figures.
"""

from __future__ import annotations

import json
import sys

import pytest

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
import quality  # a script of benchmarks/, not a package

#: scores.json holds figures rounded to four places.
ROUNDING = 5e-5
FLOOR = json.loads((REPO / "benchmarks" / "quality" / "scores.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scores() -> quality.Scores:
    found, _ = quality.score(quality.case_dirs())
    return found


def test_the_benchmark_has_what_the_issue_asks_for() -> None:
    cases = quality.case_dirs()
    assert len(cases) >= 8
    articles = sum(len(list((case / "sources").glob("*.txt"))) for case in cases)
    assert articles >= 60
    languages: set[str] = set()
    for case in cases:
        for claims in (case / "claims").glob("*.yaml"):
            text = claims.read_text(encoding="utf-8")
            languages.update(
                line.split(":", 1)[1].strip()
                for line in text.splitlines()
                if line.strip().startswith("language:")
            )
    assert len(languages) >= 4, languages


def test_recall_does_not_fall(scores: quality.Scores) -> None:
    assert scores.recall >= FLOOR["recall"] - ROUNDING, scores.line()


def test_flagged_does_not_rise(scores: quality.Scores) -> None:
    assert scores.flagged <= FLOOR["flagged"] + ROUNDING, scores.line()


def test_noise_does_not_rise(scores: quality.Scores) -> None:
    assert scores.per_article <= FLOOR["per_article"] + ROUNDING, scores.line()


def test_the_summary_line_reads_as_specified(scores: quality.Scores) -> None:
    assert quality.re_summary.fullmatch(scores.line()), scores.line()
