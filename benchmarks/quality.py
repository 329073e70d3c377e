"""Score the checker on benchmarks/quality/cases: does it flag what matters, and only that?

    python benchmarks/quality.py [-v] [--record]

Each case is a claims repository with an ``expected.yaml`` of must-flag and
must-not-flag items (see benchmarks/quality/README.md). A must-flag item is
*found* when one warning or error finding involves at least two of its
claims — sets them against each other, when the finding says which claims
state what (``Subject.sides``) — and a must-not-flag item is *hit* the same
way. The last line reads::

    quality: recall R (found/total), flagged F (hit/total), W warnings+errors per article

``-v`` lists every item missed or hit with the findings involved;
``--allow-unloaded`` scores items whose claims did not load as missed or
spared, to measure a checker that cannot read every case (an older one);
``--record`` writes the figures to benchmarks/quality/scores.json, the
floor tests/test_quality_benchmark.py holds the checker to (never under CI).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from checker.engine import run
from checker.findings import Finding, Severity
from checker.loader import LoadFailed, load_file
from checker.project import find_project

#: The last line, as the issue specifies it.
re_summary = re.compile(
    r"quality: recall \d+\.\d+ \(\d+/\d+\), flagged \d+\.\d+ \(\d+/\d+\), "
    r"\d+\.\d+ warnings\+errors per article"
)
HERE = Path(__file__).resolve().parent / "quality"
CASES = HERE / "cases"
SCORES = HERE / "scores.json"


@dataclass(frozen=True)
class Item:
    """One reviewer's judgement: these claims must (or must not) be flagged together."""

    case: str
    id: str
    claims: frozenset[str]
    why: str


@dataclass
class CaseResult:
    """What the checker said about one case, scored."""

    name: str
    articles: int
    noisy: list[Finding]  # warnings and errors
    found: list[Item] = field(default_factory=list)
    missed: list[Item] = field(default_factory=list)
    hit: list[tuple[Item, list[Finding]]] = field(default_factory=list)
    spared: list[Item] = field(default_factory=list)


@dataclass(frozen=True)
class Scores:
    """The benchmark's three figures and what they are made of."""

    found: int
    must_flag: int
    hit: int
    must_not_flag: int
    noisy: int
    articles: int

    @property
    def recall(self) -> float:
        return self.found / self.must_flag if self.must_flag else 1.0

    @property
    def flagged(self) -> float:
        return self.hit / self.must_not_flag if self.must_not_flag else 0.0

    @property
    def per_article(self) -> float:
        return self.noisy / self.articles if self.articles else 0.0

    def line(self) -> str:
        return (
            f"quality: recall {self.recall:.2f} ({self.found}/{self.must_flag}), "
            f"flagged {self.flagged:.2f} ({self.hit}/{self.must_not_flag}), "
            f"{self.per_article:.2f} warnings+errors per article"
        )


class BenchmarkError(Exception):
    """The benchmark's own data is wrong (an item naming a claim that does not exist)."""


def items(case: Path, kind: str) -> list[Item]:
    """The items of ``kind`` (must_flag or must_not_flag) in a case's expected.yaml."""
    try:
        data = load_file(case / "expected.yaml").data
    except LoadFailed as failure:
        problem = failure.problems[0]
        raise BenchmarkError(f"{case.name}/expected.yaml:{problem.mark.line}: {problem.message}") from None
    found = []
    for entry in data.get(kind) or []:
        found.append(Item(case.name, str(entry["id"]), frozenset(entry["claims"]), str(entry.get("why", ""))))
    return found


def involved(item: Item, finding: Finding) -> bool:
    """Whether ``finding`` sets at least two of the item's claims against each other.

    A finding that groups its claims into sides (what each states) involves
    two claims when they stand on different sides: two sources agreeing on
    one value of a disputed fact are not said to disagree. Otherwise, any
    two of its claims.
    """
    if finding.subject.sides:
        touched = [side for side in finding.subject.sides if item.claims & set(side)]
        return len(touched) >= 2
    return len(item.claims & set(finding.subject.claims)) >= 2


def score_case(case: Path, *, strict: bool = True) -> CaseResult:
    """Score one case; ``strict``: an item naming a claim that did not load is a data error."""
    targets = [case / "claims"]
    result = run(targets, find_project(targets))
    known = {ref.key for ref in result.analysis.corpus.claims()} if result.analysis else set()
    noisy = [f for f in result.findings if f.severity >= Severity.WARNING]
    scored = CaseResult(case.name, len(result.analysis.corpus.files) if result.analysis else 0, noisy)
    for kind in ("must_flag", "must_not_flag"):
        for item in items(case, kind):
            unknown = sorted(item.claims - known)
            if (unknown and strict) or len(item.claims) < 2:
                raise BenchmarkError(f"{case.name}: item {item.id} names unknown claims {unknown}")
            about = [f for f in noisy if involved(item, f)]
            if kind == "must_flag":
                (scored.found if about else scored.missed).append(item)
            elif about:
                scored.hit.append((item, about))
            else:
                scored.spared.append(item)
    return scored


def score(cases: list[Path], *, strict: bool = True) -> tuple[Scores, list[CaseResult]]:
    results = [score_case(case, strict=strict) for case in cases]
    return (
        Scores(
            found=sum(len(r.found) for r in results),
            must_flag=sum(len(r.found) + len(r.missed) for r in results),
            hit=sum(len(r.hit) for r in results),
            must_not_flag=sum(len(r.hit) + len(r.spared) for r in results),
            noisy=sum(len(r.noisy) for r in results),
            articles=sum(r.articles for r in results),
        ),
        results,
    )


def case_dirs(root: Path = CASES) -> list[Path]:
    return sorted(p for p in root.iterdir() if (p / "expected.yaml").is_file()) if root.is_dir() else []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("-v", "--verbose", action="store_true", help="list the items missed and hit")
    parser.add_argument("--record", action="store_true", help="write the figures to scores.json")
    parser.add_argument(
        "--allow-unloaded",
        action="store_true",
        help="score items whose claims did not load as missed (for a checker that cannot read every case)",
    )
    args = parser.parse_args(argv)
    try:
        scores, results = score(case_dirs(), strict=not args.allow_unloaded)
    except BenchmarkError as error:
        print(f"quality: benchmark data error: {error}", file=sys.stderr)
        return 2
    for r in results:
        print(
            f"{r.name}: {len(r.found)}/{len(r.found) + len(r.missed)} found, "
            f"{len(r.hit)}/{len(r.hit) + len(r.spared)} wrongly flagged, "
            f"{len(r.noisy)} warnings+errors in {r.articles} articles"
        )
        if args.verbose:
            for item in r.missed:
                print(f"  missed {item.id}: {item.why}")
            for item, about in r.hit:
                print(f"  flagged {item.id}: {item.why}")
                for finding in about:
                    print(
                        f"    {finding.location}: {finding.code} {finding.severity} {finding.message[:200]}"
                    )
    if args.record:
        if os.environ.get("CI"):
            print("quality: --record refused under CI", file=sys.stderr)
            return 2
        figures = {"recall": round(scores.recall, 4), "flagged": round(scores.flagged, 4)}
        figures["per_article"] = round(scores.per_article, 4)
        SCORES.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(scores.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
