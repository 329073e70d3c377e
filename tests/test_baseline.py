"""Baselines: record every finding, match them across edits that move text, list stale entries.

The unit tests run the engine on copies of the example repository and of the
rule fixtures; the report tests validate the JSON report and SARIF's
``baselineState`` against their schemas; the CLI tests run the issue's "done
when" sequence (``checker check --write-baseline b.json && checker check
--baseline b.json --fail-on info``) and check that unusable baseline files
are clear errors.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from checker import baseline, cli
from checker.baseline import Baseline, Entry
from checker.engine import Result, run
from checker.findings import Finding, Location, Severity, Subject
from checker.project import find_project
from checker.reporters import json_report, sarif
from checker.reporters.base import Report
from checker.reporting import build
from tests.conftest import example_copy
from tests.test_fingerprints import EDITS, _projects, edit_project
from tests.test_reporters import _json_validator, _sarif_validator

TEN_DAYS = "claims/rferl-kunbolatuly-10-days.yaml"
FIFTEEN_DAYS = "claims/rferl-kunbolat-15-days.yaml"
SEED_SUMMARY = "0 errors, 3 warnings, 18 info, 0 waived in 2 files (80 claims)"


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


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(args)
    out, err = capsys.readouterr()
    return code, out, err


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
    assert notice["properties"] == {
        "omitted": 2,
        "total": 24,
        "omittedBySeverity": {"error": 0, "warning": 0, "info": 0},
    }
    assert "2 absent baseline entries" in notice["message"]["text"]


# -- the command line --------------------------------------------------------------------------


def test_done_when(tmp_path: Path) -> None:
    """The issue's sequence, with the console script's module in fresh processes."""
    root = example_copy(tmp_path)

    def checker(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "checker", *args]
        return subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)

    wrote = checker("check", "--write-baseline", "b.json")
    assert wrote.returncode == 0, wrote.stderr
    assert wrote.stdout.splitlines()[-1] == SEED_SUMMARY  # the report as usual
    assert wrote.stderr == "checker: wrote baseline b.json: 21 findings in 21 entries\n"
    checked = checker("check", "--baseline", "b.json", "--fail-on", "info")
    assert (checked.returncode, checked.stderr) == (0, "")
    assert checked.stdout == "0 errors, 0 warnings, 0 info, 0 waived, 21 baselined in 2 files (80 claims)\n"

    edit(
        root / FIFTEEN_DAYS,
        "value: {amount: 30, unit: person, approx: about}",
        "value: {amount: 35, unit: person, approx: about}",
    )
    changed = checker("check", "--baseline", "b.json", "--fail-on", "info")
    assert changed.returncode == 1
    assert (
        changed.stdout.splitlines()[-1]
        == "0 errors, 1 warning, 1 info, 0 waived, 20 baselined in 2 files (80 claims)"
    )
    assert "C001 info" in changed.stdout and "Q003 warning" in changed.stdout
    assert changed.stderr.startswith(
        "checker: note: 1 entry of the baseline b.json matches no finding (fixed, or their claims changed);"
    )
    assert f"    {FIFTEEN_DAYS}: C001 edbd4d5959433b0b: 21 of the 37 facts" in changed.stderr


def test_write_baseline_exits_0_and_check_fails_only_on_new(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = example_copy(tmp_path)
    monkeypatch.chdir(root)
    edit(root / TEN_DAYS, "property: jail-sentence", "property: jail-sentense")  # an R002 error
    assert run_cli(["check"], capsys)[0] == 1
    assert run_cli(["check", "--write-baseline", "b.json"], capsys)[0] == 0
    assert run_cli(["check", "--baseline", "b.json"], capsys)[0] == 0
    edit(root / FIFTEEN_DAYS, "property: jail-sentence", "property: jail-sentense")  # a new one
    code, out, err = run_cli(["check", "--baseline", "b.json", "--select", "R002"], capsys)
    assert code == 1 and err == ""
    assert [line.split(": R002")[0] for line in out.splitlines() if ": R002 " in line] == [
        f"{FIFTEEN_DAYS}:136:15"
    ]
    assert out.splitlines()[-1] == "1 error, 0 warnings, 0 info, 0 waived, 1 baselined in 2 files (80 claims)"


def test_rewriting_a_baseline_keeps_baselined_findings_and_drops_stale_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = example_copy(tmp_path)
    monkeypatch.chdir(root)
    assert run_cli(["check", "--write-baseline", "b.json"], capsys)[0] == 0
    first = (root / "b.json").read_text(encoding="utf-8")
    assert run_cli(["check", "--baseline", "b.json", "--write-baseline", "b.json"], capsys)[0] == 0
    assert (root / "b.json").read_text(encoding="utf-8") == first
    edit(root / FIFTEEN_DAYS, "amount: 30, unit: person", "amount: 35, unit: person")
    code, _, err = run_cli(["check", "--baseline", "b.json", "--write-baseline", "b.json"], capsys)
    assert code == 0 and "1 entry of the baseline b.json matches no finding" in err
    assert run_cli(["check", "--baseline", "b.json", "--fail-on", "info"], capsys)[:3:2] == (0, "")


BAD_FILES: dict[str, tuple[bytes | None, str]] = {
    "missing": (None, "no such file (write one with --write-baseline)"),
    "not-json": (b'{"version": 1, "entries": [', "not JSON: Expecting value at line 1, column 28"),
    "not-utf8": (b'{"version": 1, "entries": ["\xff"]}', "not UTF-8 (byte 28)"),
    "a-list": (b"[]", "not a baseline file (expected a JSON object with version and entries)"),
    "no-version": (b'{"entries": []}', "not a baseline file"),
    "newer-version": (b'{"version": 2, "entries": []}', "baseline version 2 is not supported"),
    "version-true": (b'{"version": true, "entries": []}', "baseline version True is not supported"),
    "no-entries": (b'{"version": 1}', "not a valid baseline: entries: Field required"),
    "bad-entry": (
        b'{"version": 1, "entries": [{"code": "V001", "fingerprint": "xyz", "content": "0000000000000000",'
        b' "count": 1, "severity": "warning", "path": "a", "claims": [], "message": "m"}]}',
        "not a valid baseline: entries.0.fingerprint: String should match pattern",
    ),
    "count-zero": (
        b'{"version": 1, "entries": [{"code": "V001", "fingerprint": "0000000000000000",'
        b' "content": "0000000000000000", "count": 0, "severity": "warning", "path": "a", "claims": [],'
        b' "message": "m"}]}',
        "entries.0.count: Input should be greater than or equal to 1",
    ),
    "extra-key": (b'{"version": 1, "entries": [], "when": "now"}', "when: Extra inputs are not permitted"),
    "deep": (b"[" * 100_000, "nested too deeply"),
    "huge-number": (b'{"version": 1' + b"0" * 5000 + b"}", "not JSON"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_an_unusable_baseline_is_a_usage_error(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], example: Path
) -> None:
    content, expected = BAD_FILES[name]
    path = tmp_path / f"{name}.json"
    if content is not None:
        path.write_bytes(content)
    code, out, err = run_cli(["check", str(example / "claims"), "--baseline", str(path)], capsys)
    assert code == 2 and out == ""
    assert err.startswith(f"checker: error: --baseline {path}: ")
    assert expected in err, err
    assert "Traceback" not in err and err.count("\n") == 1


def test_a_folder_is_no_baseline(tmp_path: Path, capsys: pytest.CaptureFixture[str], example: Path) -> None:
    code, _, err = run_cli(["check", str(example / "claims"), "--baseline", str(tmp_path)], capsys)
    assert code == 2 and err.startswith(f"checker: error: --baseline {tmp_path}: cannot read it")


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("claims/b.json", "is an input of this run or in claims/ or sources/"),
        ("sources/b.json", "is an input of this run or in claims/ or sources/"),
        ("checker.yaml", "is an input of this run"),
        ("claims", "is a folder"),
    ],
)
def test_write_baseline_refuses_inputs(
    target: str,
    expected: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = example_copy(tmp_path)
    monkeypatch.chdir(root)
    before = (root / "checker.yaml").read_bytes()
    code, _, err = run_cli(["check", "--write-baseline", target], capsys)
    assert code == 2 and err.startswith(f"checker: error: --write-baseline {target}: {expected}")
    assert not (root / "claims" / "b.json").exists() and (root / "checker.yaml").read_bytes() == before


def test_write_baseline_is_not_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = example_copy(tmp_path)
    monkeypatch.chdir(root)
    code, _, err = run_cli(
        ["check", "--format", "json", "-o", "r.json", "--write-baseline", "r.json"], capsys
    )
    assert code == 2 and "is also where the report goes" in err
    code, _, err = run_cli(["report", "-o", "out", "--write-baseline", "out/claimcheck.sarif"], capsys)
    assert code == 2 and "is also where the report goes" in err
    assert run_cli(["report", "-o", "out", "--format", "json", "--write-baseline", "b.json"], capsys)[0] == 0
    assert json.loads((root / "b.json").read_text(encoding="utf-8"))["version"] == 1


def test_help_says_what_write_baseline_exits_with(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["check", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "--write-baseline FILE" in out and "exits 0 once written" in out
    assert "--baseline FILE" in out
