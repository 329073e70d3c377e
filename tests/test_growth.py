"""Findings are about facts: their number does not grow with the number of claims stating one.

Generated facts of 4 ... 5,000 claims (100 claims a file, every value stated
by two outlets of different publishers, so corroboration rules have nothing
to say) must give the same handful of findings at every size.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from checker.engine import run
from checker.project import find_project
from tests.conftest import write_project

SIZES = (4, 50, 500, 5000)  # from two values, each stated twice
PER_FILE = 100
CATALOGUES = [
    ("claims/entities.yaml", "entities:\n  - {id: k, name: Baibolat Kunbolatuly, type: person}\n"),
    (
        "claims/properties.yaml",
        "properties:\n"
        "  - {id: jail-sentence, label: jail sentence, kind: quantity, dimension: duration}\n"
        "  - {id: picketed, label: picketed, kind: text, single_valued: false}\n"
        "  - {id: toll, label: death toll, kind: quantity, dimension: count, time_series: true,"
        " monotonic: increasing}\n",
    ),
]


def generate(root: Path, n: int, claim: Callable[[int], str]) -> Path:
    """A project of ``n`` claims (``claim(i)`` gives the fields of claim i), 100 a file at most.

    Claims 2k and 2k + 1 are stated by two different sources, so the cases
    below can state every value twice without one source saying it twice.
    """
    by_file: dict[int, list[str]] = {}
    for i in range(n):
        number = i % 2 + 2 * (i // (2 * PER_FILE))
        by_file.setdefault(number, []).append(
            f"  - {{id: c{i}, subject: Baibolat Kunbolatuly, {claim(i)}, quote: 'q'}}"
        )
    files = list(CATALOGUES)
    for number, claims in by_file.items():
        head = (
            f"source: {{id: s{number}, title: T, outlet: Outlet {number}, published: '2021-02-10',"
            " language: en, text: sources/none.txt, sha256: "
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}"
        )
        files.append((f"claims/f{number:03d}.yaml", "\n".join([head, "claims:", *claims]) + "\n"))
    return write_project(root, files)


def day(n: int) -> str:
    """The n-th day from 2000-01-01, as an ISO date."""
    return (dt.date(2000, 1, 1) + dt.timedelta(days=n)).isoformat()


def counts(root: Path) -> Counter[str]:
    targets = [root / "claims"]
    result = run(targets, find_project(targets), select=("V001", "V002", "D001", "C001", "C002"))
    return Counter(f.code for f in result.findings)


def sentence(value: Callable[[int], int]) -> Callable[[int], str]:
    return lambda i: f"property: jail-sentence, value: {{amount: {value(i)}, unit: day}}"


CASES: dict[str, tuple[Callable[[int], str], dict[str, int]]] = {
    # every value stated twice (claims 2k and 2k + 1), and no two values alike
    "distinct values": (sentence(lambda i: i // 2 + 1), {"V001": 1}),
    "one value": (sentence(lambda i: 10), {}),
    "two camps": (sentence(lambda i: 10 + 5 * (i // 2 % 2)), {"V001": 1}),
    "one act dated apart": (
        lambda i: f"property: picketed, value: {{text: the consulate}}, date: '{day(i // 2 % 28)}'",
        {"D001": 1},
    ),
    "a falling toll": (
        lambda i: (
            f"property: toll, value: {{amount: {100_000 - i // 2}, unit: person}}, as_of: '{day(i // 2)}'"
        ),
        {"V002": 1},
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_finding_count_does_not_grow_with_the_cluster(tmp_path: Path, case: str) -> None:
    claim, expected = CASES[case]
    for size in SIZES:
        found = counts(generate(tmp_path / f"n{size}", size, claim))
        assert dict(found) == expected, (case, size, found)
