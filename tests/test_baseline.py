"""Baselines: record every finding, match them across edits that move text, list stale entries.

The unit tests run the engine on copies of the example repository and of the
rule fixtures; the report tests validate the JSON report and SARIF's
``baselineState`` against their schemas.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from checker import baseline
from checker.baseline import Baseline, Entry
from checker.engine import Result, run
from checker.findings import Finding, Location, Severity, Subject
from checker.project import find_project
from checker.reporters import json_report, sarif
from checker.reporters.base import Report
from checker.reporting import build
from tests.conftest import REPO
from tests.test_fingerprints import EDITS, _projects, edit_project
from tests.test_reporters import _json_validator, _sarif_validator

TEN_DAYS = "claims/rferl-kunbolatuly-10-days.yaml"
FIFTEEN_DAYS = "claims/rferl-kunbolat-15-days.yaml"
SEED_SUMMARY = "0 errors, 3 warnings, 18 info, 0 waived in 2 files (80 claims)"


def example_copy(tmp_path: Path) -> Path:
    """The example repository's claims/ and sources/ under ``tmp_path``, with a checker.yaml marker."""
    root = tmp_path / "repo"
    for folder in ("claims", "sources"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "checker.yaml").write_text("# a copy of the example repository\n", encoding="utf-8")
    return root


def check(
    root: Path, known: Baseline | None = None, *, select: set[str] | None = None, schema_only: bool = False
) -> Result:
    targets = [root / "claims"]
    return run(targets, find_project(targets), baseline=known, select=select, schema_only=schema_only)


def recorded(result: Result) -> Baseline:
    return baseline.record(result.findings, result.analysis.corpus if result.analysis else None)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the example repository, never edited, for the tests that only read it."""
    return example_copy(tmp_path_factory.mktemp("example"))


# -- recording and reading ---------------------------------------------------------------------


def test_round_trip(example: Path, tmp_path: Path) -> None:
    result = check(example)
    written = recorded(result)
    assert sum(e.count for e in written.entries) == len(result.findings) == 21
    text = baseline.dumps(written)
    path = tmp_path / "b.json"
    path.write_text(text, encoding="utf-8")
    assert baseline.load(path) == written
    assert baseline.dumps(baseline.load(path)) == text
    assert baseline.dumps(recorded(check(example))) == text, "not deterministic"
    doc = json.loads(text)
    assert doc["version"] == 1 and set(doc) == {"version", "entries"}  # no timestamp, no tool version
    assert doc["entries"] == sorted(doc["entries"], key=lambda e: (e["path"], e["code"], e["fingerprint"]))
    v001 = next(e for e in doc["entries"] if e["code"] == "V001")
    assert v001 == {
        "code": "V001",
        "fingerprint": "58cc2efd1618204f",
        "content": v001["content"],
        "count": 1,
        "severity": "warning",
        "path": FIFTEEN_DAYS,
        "claims": ["rferl-kunbolat-15-days/sentence", "rferl-kunbolatuly-10-days/sentence"],
        "message": v001["message"],
    }
    assert v001["message"].startswith("Jail sentence of Baibolat Kunbolat: 15 days")
    assert len(v001["message"]) == baseline.MESSAGE_LIMIT and v001["message"].endswith("\u2026")


def test_the_same_run_is_all_baselined(example: Path) -> None:
    known = recorded(check(example))
    result = check(example, known)
    assert result.findings == [] and result.stale == []
    assert result.baselined is not None and len(result.baselined) == 21
    assert check(example).baselined is None  # no baseline: nothing is said about one


@pytest.mark.parametrize("name", sorted(EDITS))
def test_moved_text_keeps_every_entry(name: str, tmp_path: Path) -> None:
    """Comment and blank lines above each claim, or the claims reversed: every finding still matches.

    Over the example repository, every rule fixture and the bad-input projects
    of the fingerprint tests, so every family of findings is covered.
    """
    projects = [example_copy(tmp_path / "example"), *_projects(tmp_path / "fixtures")]
    before = {project: recorded(check(project)) for project in projects}
    assert sum(len(b.entries) for b in before.values()) > 100
    for project in projects:
        edit_project(project, EDITS[name])
    for project, known in before.items():
        result = check(project, known)
        assert [(f.code, str(f.location)) for f in result.findings] == [], project.name
        assert result.stale == [], project.name


def test_a_claim_added_above_keeps_a_name_finding(tmp_path: Path) -> None:
    """N001 shows the first claim of each source writing a spelling; one added above it changes no name."""
    root = example_copy(tmp_path)
    known = recorded(check(root))
    first_claim = "claims:\n  # -- the man -----"
    added = (
        "claims:\n  - {id: supporters, subject: Baibolat Kunbolat, property: name,"
        ' value: {text: Baibolat Kunbolat}, quote: "in support of Baibolat Kunbolat"}\n\n  # -- the man -----'
    )
    edit(root / FIFTEEN_DAYS, first_claim, added)
    result = check(root, known)
    (n001,) = [f for f in (result.baselined or []) if f.code == "N001"]
    assert "rferl-kunbolat-15-days/supporters" in n001.subject.claims  # the claims it shows did change
    assert "N001" not in {f.code for f in result.findings} | {e.code for e in result.stale}


def test_a_note_is_a_comment(tmp_path: Path) -> None:
    root = example_copy(tmp_path)
    known = recorded(check(root))
    edit(root / FIFTEEN_DAYS, "note: \"Lede; 'a man'", "note: \"Reviewed 2025-06-01. Lede; 'a man'")
    result = check(root, known)
    assert result.findings == [] and result.stale == []


def test_changing_a_value_brings_its_findings_back(tmp_path: Path) -> None:
    root = example_copy(tmp_path)
    known = recorded(check(root))
    (c001,) = [e for e in known.entries if e.code == "C001" and e.path == FIFTEEN_DAYS]
    assert "rferl-kunbolat-15-days/rally-size" in c001.claims
    edit(
        root / FIFTEEN_DAYS,
        "value: {amount: 30, unit: person, approx: about}",
        "value: {amount: 35, unit: person, approx: about}",
    )
    result = check(root, known)
    # The same finding by its fingerprint, but about a claim that no longer says what was reviewed.
    assert [f.fingerprint for f in result.findings if f.code == "C001"] == [c001.fingerprint]
    assert result.stale == [c001]
    assert result.baselined is not None and len(result.baselined) == 20
    # Changed back, it matches again.
    edit(root / FIFTEEN_DAYS, "amount: 35", "amount: 30")
    again = check(root, known)
    assert again.findings == [] and again.stale == []


def test_a_partial_run_lists_only_what_it_could_judge(example: Path) -> None:
    known = recorded(check(example))
    result = check(example, known, select={"D001"})
    assert result.findings == [] and result.stale == []
    assert result.baselined is not None and [f.code for f in result.baselined] == ["D001"]
    assert check(example, known, schema_only=True).stale == []


def _finding(message: str = "same", path: str = "claims/a.yaml") -> Finding:
    return Finding(
        "R001", "unknown-entity", Severity.INFO, message, Location(path), subject=Subject(claims=("a/x",))
    )


def test_entries_are_a_multiset() -> None:
    """Findings with one code, fingerprint and content are one entry with a count, matched that often."""
    two = baseline.record([_finding("first", "claims/b.yaml"), _finding("second")], None)
    (entry,) = two.entries
    assert entry.count == 2 and entry.message == "second" and entry.path == "claims/a.yaml"

    three = baseline.apply([_finding(), _finding(), _finding()], two, None)
    assert (len(three.findings), len(three.baselined), three.stale) == (1, 2, ())

    one = baseline.apply([_finding()], two, None)
    assert (len(one.findings), len(one.baselined)) == (0, 1)
    assert one.stale == (Entry(**{**entry.__dict__, "count": 1}),)

    other = Finding(
        "R001",
        "unknown-entity",
        Severity.INFO,
        "m",
        Location("claims/a.yaml"),
        subject=Subject(claims=("a/y",)),
    )
    assert baseline.apply([other], two, None).findings == (other,)


def test_duplicate_entries_in_a_file_add_up(tmp_path: Path) -> None:
    entry = baseline.record([_finding()], None).entries[0].doc()
    path = tmp_path / "b.json"
    path.write_text(json.dumps({"version": 1, "entries": [entry, {**entry, "count": 2}]}), encoding="utf-8")
    (loaded,) = baseline.load(path).entries
    assert loaded.count == 3


# -- reports -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def changed_report(tmp_path_factory: pytest.TempPathFactory) -> Callable[[bool], Report]:
    """The example with one value changed, checked against the original's baseline (or without one)."""
    root = example_copy(tmp_path_factory.mktemp("changed"))
    known = recorded(check(root))
    edit(root / FIFTEEN_DAYS, "amount: 30, unit: person", "amount: 35, unit: person")
    with_baseline = build(check(root, known))
    without = build(check(root))
    return lambda given: with_baseline if given else without


def test_json_report_counts_baselined_and_lists_stale(changed_report: Callable[[bool], Report]) -> None:
    doc = json.loads(json_report.render(changed_report(True)))
    _json_validator().validate(doc)
    assert doc["summary"]["baselined"] == 20 == len(doc["baselined"])
    assert [f["code"] for f in doc["findings"]] == ["C001", "Q003"]
    (stale,) = doc["stale_baseline"]
    assert (stale["code"], stale["fingerprint"], stale["count"]) == ("C001", "edbd4d5959433b0b", 1)
    plain = json.loads(json_report.render(changed_report(False)))
    assert "baselined" not in plain and "stale_baseline" not in plain and "baselined" not in plain["summary"]


def test_sarif_baseline_state(changed_report: Callable[[bool], Report]) -> None:
    log = json.loads(sarif.render(changed_report(True)))
    _sarif_validator().validate(log)
    results = log["runs"][0]["results"]
    states = [(r["ruleId"], r["baselineState"]) for r in results]
    assert sorted(s for _, s in states) == ["absent"] + ["new"] * 2 + ["unchanged"] * 20
    assert [rule for rule, state in states if state == "new"] == ["C001", "Q003"]
    (absent,) = [r for r in results if r["baselineState"] == "absent"]
    assert absent["partialFingerprints"] == {"claimcheck/v1": "edbd4d5959433b0b"}
    assert absent["level"] == "note" and absent["message"]["text"].startswith("21 of the 37 facts")
    assert absent["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == FIFTEEN_DAYS
    new = next(r for r in results if r["baselineState"] == "new" and r["ruleId"] == "C001")
    assert new["partialFingerprints"] == absent["partialFingerprints"]  # same alert, new content

    plain = json.loads(sarif.render(changed_report(False)))
    _sarif_validator().validate(plain)
    assert all("baselineState" not in r for r in plain["runs"][0]["results"])


def test_sarif_baseline_state_with_waived_findings_and_limits(tmp_path: Path) -> None:
    """Waived findings are new relative to a baseline; absent results are the first left out."""
    root = example_copy(tmp_path)
    known = recorded(check(root))
    (root / "checker.yaml").write_text(
        'waivers:\n  - {fingerprint: "54d512947ac58406", reason: "two pickets, both real"}\n',
        encoding="utf-8",
    )
    edit(root / FIFTEEN_DAYS, "amount: 30, unit: person", "amount: 35, unit: person")
    report = build(check(root, known))
    assert len(report.waived) == 1 and len(report.stale_baseline) == 2  # the C001, and the waived D001
    log = sarif.log(report)
    _sarif_validator().validate(log)
    waived = [r for r in log["runs"][0]["results"] if "suppressions" in r]
    assert [(r["ruleId"], r["baselineState"]) for r in waived] == [("D001", "new")]
    cut = sarif.log(report, max_results=22)["runs"][0]
    assert all(r["baselineState"] != "absent" for r in cut["results"]) and len(cut["results"]) == 22
    notice = cut["invocations"][0]["toolExecutionNotifications"][0]
    assert notice["properties"] == {"omitted": 2, "total": 24}
