"""Waivers: by fingerprint and by rule + claims, expiry (W002), unused waivers (W001), counting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker import clock, engine, waivers
from checker.config import Config
from checker.findings import Location, Severity, Subject, Waived, Waiver
from checker.project import UsageError, find_project
from checker.rules import REGISTRY
from tests.test_config import EXAMPLE, claim_file, example_project, lines_of, run_cli, run_engine

TODAY = dt.date(2025, 6, 1)


def fingerprint_of(root: Path, code: str) -> str:
    """The fingerprint of the one finding of ``code`` in a run without configuration."""
    targets = [root / "claims"]
    result = engine.run(targets, find_project(targets), config=Config())
    (found,) = [f.fingerprint for f in result.findings if f.code == code]
    return found


def test_waiver_by_fingerprint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = example_project(tmp_path, ("claims/example.yaml", EXAMPLE))
    fingerprint = fingerprint_of(root, "R004")
    (root / "checker.yaml").write_text(
        f"waivers:\n  - fingerprint: {fingerprint.upper()}\n"
        "    reason: the second id is a typo; fixed in print\n",
        encoding="utf-8",
    )
    result = engine.run([root / "claims"], find_project([root]), select={"R002", "R004", "W001", "W002"})
    assert [f.code for f in result.findings] == ["R002"]
    ((waived, waiver),) = result.waived
    assert waived.code == "R004" and waiver.fingerprint == fingerprint
    assert waiver.reason == "the second id is a typo; fixed in print"

    code, out, _ = run_cli(["check", str(root / "claims"), "--select", "R002,R004,W"], capsys)
    assert code == 1
    assert lines_of(out, ("R002", "R004", "W001")) == ["claims/example.yaml:4:57: R002 error"]
    assert out.splitlines()[-1] == "1 error, 0 warnings, 0 info, 1 waived in 1 file (3 claims)"


def test_waiver_by_rule_and_claims(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = """\
waivers:
  - rule: unknown-property
    claims: [example/term]
    reason: the court's own term; the catalogue entry is pending
    by: night desk
"""
    other = claim_file("other", ("term", "jail-term"))
    root = example_project(
        tmp_path, ("claims/example.yaml", EXAMPLE), ("claims/other.yaml", other), config=config
    )
    code, out, _ = run_cli(["check", str(root / "claims"), "--select", "R002,W"], capsys)
    assert code == 1  # the other file's R002 is not covered: the waiver names example/term only
    assert lines_of(out, ("R002", "W001")) == ["claims/other.yaml:4:57: R002 error"]
    assert out.splitlines()[-1] == "1 error, 0 warnings, 0 info, 1 waived in 2 files (4 claims)"


def test_waiver_needs_every_listed_claim(tmp_path: Path) -> None:
    config = "waivers:\n  - {rule: R002, claims: [example/term, example/sentence], reason: r}\n"
    root = example_project(tmp_path, ("claims/example.yaml", EXAMPLE), config=config)
    found = run_engine(root, today=TODAY)
    assert [(f.code, str(f.location)) for f in found] == [
        ("W001", "checker.yaml:2:5"),
        ("R002", "claims/example.yaml:4:57"),
        ("R004", "claims/example.yaml:8:10"),
    ]


def test_two_waivers_of_one_finding_are_both_used(tmp_path: Path) -> None:
    root = example_project(tmp_path, ("claims/example.yaml", EXAMPLE))
    fingerprint = fingerprint_of(root, "R002")
    config = f"""\
waivers:
  - {{rule: R002, claims: [example/term], reason: first}}
  - {{fingerprint: "{fingerprint}", reason: second}}
"""
    (root / "checker.yaml").write_text(config, encoding="utf-8")
    result = engine.run([root / "claims"], find_project([root]), today=TODAY)
    assert "W001" not in {f.code for f in result.findings}
    assert [w.waiver.reason for w in result.waived] == ["first"]


def test_expired_waiver_is_reported_and_not_applied(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = """\
rules: {R004: off}
waivers:
  - rule: R002
    claims: [example/term]
    reason: pending
    expires: "2025-05-31"
"""
    root = example_project(tmp_path, ("claims/example.yaml", EXAMPLE), config=config)
    found = run_engine(root, today=TODAY)
    assert [(f.code, f.severity, str(f.location)) for f in found] == [
        ("W002", Severity.WARNING, "checker.yaml:3:5"),
        ("R002", Severity.ERROR, "claims/example.yaml:4:57"),
    ]
    assert "expired on 2025-05-31" in found[0].message
    assert found[0].rule == "expired-waiver"
    # on its expiry day a waiver still applies
    assert run_engine(root, today=dt.date(2025, 5, 31)) == []


def test_unused_waiver(tmp_path: Path) -> None:
    config = """\
waivers:
  - {rule: R002, claims: [example/term], reason: used}
  - {rule: R002, claims: [example/renamed], reason: stale}
  - {fingerprint: "0000000000000000", reason: mistyped, expires: "2099-01-01"}
"""
    root = example_project(tmp_path, ("claims/example.yaml", EXAMPLE), config=config)
    found = run_engine(root, today=TODAY)
    assert [(f.code, str(f.location), f.message) for f in found] == [
        ("W001", "checker.yaml:3:5", "waiver (R002 on example/renamed) matches no finding"),
        ("W001", "checker.yaml:4:5", "waiver (fingerprint 0000000000000000) matches no finding"),
        ("R004", "claims/example.yaml:8:10", "claim id 'sentence' is already used at line 6"),
    ]
    assert {f.rule for f in found if f.code == "W001"} == {"unused-waiver"}


def test_unused_is_judged_only_by_runs_that_could_tell(tmp_path: Path) -> None:
    config = """\
waivers:
  - {rule: R002, claims: [example/renamed], reason: stale}
  - {fingerprint: "0000000000000000", reason: mistyped}
  - {rule: R002, claims: [other/term], reason: other file}
"""
    root = example_project(
        tmp_path,
        ("claims/example.yaml", EXAMPLE),
        ("claims/other.yaml", claim_file("other", ("term", "jail-term"))),
        config=config,
    )
    project = find_project([root])

    def unused(paths: list[Path], **kwargs: object) -> list[str]:
        result = engine.run(paths, project, today=TODAY, **kwargs)  # type: ignore[arg-type]
        return [str(f.location) for f in result.findings if f.code == "W001"]

    assert unused([root / "claims"]) == ["checker.yaml:2:5", "checker.yaml:3:5"]
    # one file only: the fingerprint could belong to a finding in another file
    assert unused([root / "claims" / "example.yaml"]) == ["checker.yaml:2:5"]
    # a run without R002 cannot tell whether a waiver of R002 is used
    assert unused([root / "claims"], ignore={"R002"}) == []
    assert unused([root / "claims"], select={"R002", "W001"}) == ["checker.yaml:2:5"]
    # validate runs no corpus rule
    assert unused([root / "claims"], schema_only=True) == []


def test_waiver_findings_follow_rule_settings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = (
        "rules: {R002: off, R004: off, unused-waiver: error}\n"
        'waivers:\n  - {fingerprint: "0000000000000000", reason: r}\n'
    )
    root = example_project(tmp_path, ("claims/example.yaml", EXAMPLE), config=config)
    code, out, _ = run_cli(["check", str(root / "claims")], capsys)  # every rule: a complete run
    assert code == 1
    assert lines_of(out, ("W001",)) == ["checker.yaml:3:5: W001 error"]
    (root / "checker.yaml").write_text(config.replace("unused-waiver: error", "W001: off"), encoding="utf-8")
    code, out, _ = run_cli(["check", str(root / "claims")], capsys)
    assert lines_of(out, ("W001",)) == []


def test_waivers_in_pyproject_are_located(tmp_path: Path) -> None:
    root = example_project(tmp_path, ("claims/example.yaml", EXAMPLE))
    (root / "checker.yaml").unlink()
    (root / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.checker]\nrules = { R004 = "off" }\n\n'
        '[[tool.checker.waivers]]\nrule = "R002"\nclaims = ["example/term"]\n'
        'reason = "r"\nexpires = 2020-01-01\n\n'
        '[[tool.checker.waivers]]\nfingerprint = "0000000000000000"\nreason = "r"\n',
        encoding="utf-8",
    )
    found = run_engine(root, today=TODAY)
    assert [(f.code, str(f.location)) for f in found] == [
        ("R002", "claims/example.yaml:4:57"),
        ("W002", "pyproject.toml:7:1"),
        ("W001", "pyproject.toml:13:1"),
    ]


def test_source_date_epoch_is_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1748736000")  # 2025-06-01T00:00:00Z
    assert clock.today() == TODAY
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1748735999")
    assert clock.today() == dt.date(2025, 5, 31)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    with pytest.raises(UsageError, match="SOURCE_DATE_EPOCH"):
        clock.today()
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert clock.today() == dt.datetime.now(dt.UTC).date()


def test_source_date_epoch_decides_expiry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    config = (
        "rules: {R004: off}\n"
        'waivers:\n  - {rule: R002, claims: [example/term], reason: r, expires: "2025-05-31"}\n'
    )
    root = example_project(tmp_path, ("claims/example.yaml", EXAMPLE), config=config)
    args = ["check", str(root / "claims"), "--select", "R,W"]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1748735999")  # 2025-05-31, the last day
    code, out, _ = run_cli(args, capsys)
    assert code == 0 and out.endswith(", 1 waived in 1 file (3 claims)\n")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1748736000")  # 2025-06-01
    code, out, _ = run_cli(args, capsys)
    assert code == 1
    assert lines_of(out, ("R002", "W002")) == [
        "checker.yaml:3:5: W002 warning",
        "claims/example.yaml:4:57: R002 error",
    ]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "x")
    code, out, err = run_cli(args, capsys)
    assert code == 2 and out == "" and "SOURCE_DATE_EPOCH" in err


def test_apply_directly() -> None:
    here = Location("checker.yaml", 3, 5)
    finding = REGISTRY["R002"].finding(
        "unknown property",
        Location("claims/a.yaml", 4, 1),
        subject=Subject(claims=("a/b",), catalogue=("property:p",)),
    )
    by_rule = Waiver(reason="r", location=here, rule="R002", claims=("a/b",))
    by_print = Waiver(reason="r", location=here, fingerprint=finding.fingerprint)
    other = Waiver(reason="r", location=here, rule="R001", claims=("a/b",))
    for waiver in (by_rule, by_print):
        outcome = waivers.apply([finding], [waiver], today=TODAY)
        assert outcome.findings == [] and outcome.waived == [Waived(finding, waiver)]
        assert outcome.problems == []
    outcome = waivers.apply([finding], [other], today=TODAY, judged=lambda w: False)
    assert outcome.findings == [finding] and outcome.problems == []  # not judged: not reported unused
