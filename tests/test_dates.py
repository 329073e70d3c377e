"""Claim dates as news gives them: absolute, partial, relative, weekdays, spans, chains of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.analysis import Analysis
from checker.engine import load_corpus
from checker.intervals import describe_dates
from checker.models import Claim
from checker.project import find_project
from tests.conftest import write_project

HEAD = (
    "source: {id: s, title: T, outlet: O, published: '2022-01-06', language: en, text: sources/s.txt,"
    " sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}\nclaims:\n"
)


def dates_of(tmp_path: Path, claims: list[str]) -> dict[str, str | None]:
    """Each claim's resolved date, as text (2022-01-06 is a Thursday)."""
    body = "".join(
        f"  - {{id: c{i}, subject: S, property: p, value: {{text: t}}, quote: q, {c}}}\n"
        for i, c in enumerate(claims)
    )
    root = write_project(tmp_path / "repo", [("claims/s.yaml", HEAD + body)])
    targets = [root / "claims"]
    corpus, problems = load_corpus(targets, find_project(targets))
    assert problems == []
    return {
        f.ref.claim.id: describe_dates(f.date) if f.date is not None else None for f in Analysis(corpus).facts
    }


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("date: '2022-01-04'", "2022-01-04"),
        ("date: '2022-01'", "2022-01"),
        ("date: {weekday: tuesday}", "2022-01-04"),  # the Tuesday before a Thursday publication
        ("date: {weekday: thursday}", "2022-01-06"),  # on the day itself
        ("date: {weekday: friday}", "2021-12-31"),
        ("date: {weekday: monday, direction: after}", "2022-01-10"),
        ("date: {weekday: tuesday, date: '2022-01-04'}", "2022-01-04"),
        ("date: {from: '2022-01-02', to: '2022-01-05'}", "2022-01-02..2022-01-05"),
        ("date: {from: '2021-12', to: '2022-01'}", "2021-12-01..2022-01-31"),
        ("date: {relative_to: published, offset: '-2 days'}", "2022-01-04"),
    ],
)
def test_one_date(tmp_path: Path, written: str, expected: str) -> None:
    assert dates_of(tmp_path, [written])["c0"] == expected


def test_chains_pass_through_weekdays_and_offsets(tmp_path: Path) -> None:
    found = dates_of(
        tmp_path,
        [
            "date: {weekday: tuesday}",  # 2022-01-04
            "date: {relative_to: c0, offset: '-1 day'}",  # "a day earlier": Monday 3
            "date: {weekday: friday, relative_to: c1}",  # "the Friday before": 2021-12-31
            "date: {relative_to: c3, offset: '+1 day'}",  # a circle: no date
        ],
    )
    assert found == {"c0": "2022-01-04", "c1": "2022-01-03", "c2": "2021-12-31", "c3": None}


def test_a_long_chain_needs_no_recursion(tmp_path: Path) -> None:
    chain = ["date: '2022-01-06'", *(f"date: {{relative_to: c{i}, offset: '-1 day'}}" for i in range(1500))]
    assert dates_of(tmp_path, chain)["c1500"] == "2017-11-28"


@pytest.mark.parametrize(
    ("date", "problem"),
    [
        ({"weekday": "tuesday", "date": "2022-01"}, "must be a full date"),
        ({"weekday": "someday"}, "Input should be"),
        ({"from": "2022-01-05", "to": "2022-01-02"}, r"ends \(2022-01-02\) before it starts"),
        ({"from": "2022-02-30", "to": "2022-03-02"}, "not a calendar date"),
    ],
)
def test_bad_new_forms_are_refused(date: object, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        Claim.model_validate(
            {"id": "a", "subject": "S", "property": "p", "value": {"text": "t"}, "quote": "q", "date": date}
        )
