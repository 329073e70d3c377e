"""What `check`, `validate` and `report` print: --show, --quiet, --statistics and the summary line.

The summary line always counts every finding; when some are not printed it
says how many and which option shows them. Other formats than text ignore
nothing: asking them to hide findings is a usage error.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from checker import cli
from checker.findings import Finding, Location, Severity
from checker.reporters import Options, text
from checker.reporters.base import Report
from tests.conftest import REPO

FINDING_LINE = re.compile(r"^\S+:\d+:\d+: [A-Z]\d{3} (error|warning|info) ")
SUMMARY = re.compile(r"^\d+ errors?, \d+ warnings?, \d+ info, \d+ waived in \d+ files? \(\d+ claims\)")


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(args)
    out, err = capsys.readouterr()
    return code, out, err


def severities(out: str) -> list[str]:
    return [m.group(1) for m in map(FINDING_LINE.match, out.splitlines()) if m]


@pytest.fixture
def seed(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(REPO)
    return REPO


@pytest.fixture
def mixed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The seed repository with one broken claim file: an error among warnings and info."""
    for part in ("claims", "sources"):
        shutil.copytree(REPO / part, tmp_path / part)
    (tmp_path / "checker.yaml").write_text("# seed copy\n", encoding="utf-8")
    (tmp_path / "claims" / "broken.yaml").write_text("a: [\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_default_prints_every_finding(seed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["check", "claims/"], capsys)
    assert code == 0
    assert out == run_cli(["check", "claims/", "--show", "info"], capsys)[1]
    found = severities(out)
    assert found.count("info") == 18 and found.count("warning") == 3
    assert out.splitlines()[-1] == "0 errors, 3 warnings, 18 info, 0 waived in 2 files (80 claims)"


def test_show_warning_hides_info_but_counts_it(seed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["check", "claims/", "--show", "warning"], capsys)
    assert code == 0
    assert severities(out) == ["warning"] * 3
    assert out.splitlines()[-1] == (
        "0 errors, 3 warnings, 18 info, 0 waived in 2 files (80 claims); 18 info not shown (--show info)"
    )
    everything = run_cli(["check", "claims/"], capsys)[1]
    assert len(out.splitlines()) < len(everything.splitlines()) / 5
    # the warnings are printed exactly as they are in the full output
    assert set(out.splitlines()[:-1]) <= set(everything.splitlines())


def test_show_error_prints_only_the_summary_when_there_is_no_error(
    seed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run_cli(["check", "claims/", "--show", "error"], capsys)
    assert out == (
        "0 errors, 3 warnings, 18 info, 0 waived in 2 files (80 claims);"
        " 3 warnings and 18 info not shown (--show info)\n"
    )


def test_quiet_prints_what_fails_the_run(mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(["check", "-q"], capsys)
    assert (code, err) == (1, "")
    assert severities(out) == ["error"]
    assert out.startswith("claims/broken.yaml:")
    assert out.splitlines()[-1].endswith("; 3 warnings and 18 info not shown (--show info)")
    assert SUMMARY.match(out.splitlines()[-1]) and out.splitlines()[-1].startswith("1 error, 3 warnings")
    code, out, _ = run_cli(["check", "--quiet", "--fail-on", "warning"], capsys)
    assert code == 1 and sorted(set(severities(out))) == ["error", "warning"]
    assert out.splitlines()[-1].endswith("; 18 info not shown (--show info)")
    code, out, _ = run_cli(["check", "--quiet", "--fail-on", "never"], capsys)
    assert code == 0 and severities(out) == [] and len(out.splitlines()) == 1


def test_quiet_follows_the_configured_fail_on(mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (mixed / "checker.yaml").write_text("fail_on: warning\n", encoding="utf-8")
    code, out, _ = run_cli(["check", "-q"], capsys)
    assert code == 1 and severities(out).count("warning") == 3 and "info" not in severities(out)


def test_validate_takes_the_display_options(mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["validate", "-q", "--statistics"], capsys)
    assert code == 1
    lines = out.splitlines()
    assert severities(out) == ["error"] and SUMMARY.match(lines[-1])
    assert re.fullmatch(r"L\d{3}  \S+ +error +1", lines[-2])


def test_show_and_quiet_do_not_go_together(seed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["check", "--show", "info", "--quiet"])
    assert exit_info.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_statistics_after_the_findings(seed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(["check", "claims/", "--statistics"], capsys)
    lines = out.splitlines()
    assert lines[-6:] == [
        "D001  date-conflict    warning   1",
        "N001  name-variant     warning   1",
        "V001  value-conflict   warning   1",
        "C002  not-independent  info     16",
        "C001  single-source    info      2",
        "0 errors, 3 warnings, 18 info, 0 waived in 2 files (80 claims)",
    ]
    assert FINDING_LINE.match(lines[-7]) or lines[-7].startswith("    ")  # the last finding's details
    # every finding is counted, printed or not
    assert run_cli(["check", "claims/", "-q", "--statistics"], capsys)[1].splitlines()[:-1] == lines[-6:-1]


def test_statistics_order_most_severe_then_most_frequent() -> None:
    def finding(code: str, severity: Severity, line: int) -> Finding:
        return Finding(code, f"rule-{code.lower()}", severity, "m", Location("claims/a.yaml", line))

    findings = [
        finding("R001", Severity.INFO, 1),
        finding("V001", Severity.WARNING, 2),
        finding("V001", Severity.ERROR, 3),  # one rule at two severities: two rows
        finding("C001", Severity.INFO, 4),
        finding("C001", Severity.INFO, 5),
        finding("A001", Severity.WARNING, 6),
    ]
    assert text.statistics(findings).splitlines() == [
        "V001  rule-v001  error    1",
        "A001  rule-a001  warning  1",
        "V001  rule-v001  warning  1",
        "C001  rule-c001  info     2",
        "R001  rule-r001  info     1",
    ]
    assert text.statistics([]) == ""
    hostile = Finding("X\x1b[31m", "name\u202e", Severity.INFO, "m", Location("claims/a.yaml"))
    assert "\x1b" not in text.statistics([hostile]) and "\u202e" not in text.statistics([hostile])


def test_text_reporter_show_none_prints_only_the_summary() -> None:
    findings = (Finding("R001", "unknown-entity", Severity.INFO, "m", Location("claims/a.yaml")),)
    report = Report(findings=findings, files=1, claims=1)
    assert text.render(report, Options(show=None)) == (
        "0 errors, 0 warnings, 1 info, 0 waived in 1 file (1 claims); 1 info not shown (--show info)\n"
    )
    assert text.render(report, Options()) == text.render(report)  # the default shows everything
    assert "not shown" not in text.render(report)


@pytest.mark.parametrize("flag", [["--show", "warning"], ["--quiet"], ["--statistics"]])
@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "github", "markdown", "html"])
def test_machine_formats_refuse_display_options(
    seed: Path, capsys: pytest.CaptureFixture[str], flag: list[str], fmt: str
) -> None:
    code, out, err = run_cli(["check", "claims/", "--format", fmt, *flag], capsys)
    assert (code, out) == (2, "")
    assert err == (
        f"checker: error: {flag[0]}: only for the text format; --format {fmt} always holds every finding\n"
    )


def test_text_written_to_a_file_follows_show(
    seed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.txt"
    assert run_cli(["check", "claims/", "--show", "warning", "-o", str(target)], capsys)[1] == ""
    written = target.read_text(encoding="utf-8")
    assert severities(written) == ["warning"] * 3 and written.endswith("(--show info)\n")


def test_report_prints_the_summary_after_the_files(
    seed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = tmp_path / "reports"
    code, out, _ = run_cli(["report", "--format", "json,text", "-o", str(out_dir), "claims/"], capsys)
    assert code == 0
    assert out.splitlines() == [
        f"wrote {(out_dir / 'claimcheck.json').as_posix()}",
        f"wrote {(out_dir / 'claimcheck.txt').as_posix()}",
        "0 errors, 3 warnings, 18 info, 0 waived in 2 files (80 claims)",
    ]
    # the text report written by `report` holds every finding
    assert severities((out_dir / "claimcheck.txt").read_text(encoding="utf-8")).count("info") == 18
    code, out, _ = run_cli(
        ["report", "--format", "json", "-o", str(out_dir), "-q", "--statistics", "claims/"], capsys
    )
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 6 and lines[0].startswith("D001  ") and SUMMARY.fullmatch(lines[-1])


def test_report_has_no_show_option(seed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["report", "--show", "warning"])
    capsys.readouterr()
