"""The command line: output lines, exit codes, and no traceback whatever the input."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from checker import cli
from checker.rules import RULES
from tests.conftest import REPO, write_project
from tests.test_loader import REJECTIONS

LINE = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]\d{3}) (?P<sev>error|warning|info) .+$"
)


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_seed_repository_is_clean(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    code, out, _ = run_cli(["check", "claims/"], capsys)
    assert code == 0, out
    assert out.splitlines()[-1].startswith("0 errors, ")


def test_validate_seed_repository(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    assert run_cli(["validate"], capsys)[0] == 0


@pytest.mark.parametrize(
    ("raw", "code", "line", "column"), [r[1:] for r in REJECTIONS], ids=[r[0] for r in REJECTIONS]
)
def test_validate_reports_bad_input_located(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], raw: bytes, code: str, line: int, column: int
) -> None:
    root = write_project(tmp_path, [("claims/bad.yaml", raw)])
    exit_code, out, err = run_cli(["validate", str(root / "claims")], capsys)
    assert exit_code == 1
    assert err == ""
    first = out.splitlines()[0]
    assert first.startswith(f"claims/bad.yaml:{line}:{column}: {code} error "), first
    assert LINE.match(first)


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = (REPO / "claims" / "rferl-kunbolatuly-10-days.yaml").read_text(encoding="utf-8")
    root = write_project(
        tmp_path,
        [
            ("claims/a-bad.yaml", "a: [\n"),
            ("claims/b-good.yaml", good.replace("id: name\n", "id: name\n    subject: X\n", 1)),
        ],
    )
    code, out, _ = run_cli(["validate", str(root / "claims")], capsys)
    assert code == 1
    paths = {m.group("path") for m in map(LINE.match, out.splitlines()) if m}
    assert paths == {"claims/a-bad.yaml", "claims/b-good.yaml"}  # the duplicate key in b is found too


def test_fail_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_project(tmp_path, [("claims/bad.yaml", "a: [\n")])
    assert run_cli(["check", str(root), "--fail-on", "never"], capsys)[0] == 0
    assert run_cli(["check", str(root), "--fail-on", "warning"], capsys)[0] == 1


def test_missing_path_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(["check", str(tmp_path / "nope")], capsys)
    assert code == 2 and out == ""
    assert "no such file or directory" in err


def test_bad_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["check", "--fail-on", "sometimes"])
    assert exit_info.value.code == 2


def test_internal_error_has_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "run", explode)
    code, _, err = run_cli(["check", str(tmp_path)], capsys)
    assert code == 2
    assert "internal error: RuntimeError: boom" in err and "Traceback" not in err


def test_explain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["explain", "R001"], capsys)
    assert code == 0
    assert out.startswith(
        "R001 unknown-entity (default severity: info)\nChecked in: checker/rules/unknown_entity.py\n"
    )
    assert "Bad:" in out and "Good:" in out
    assert run_cli(["explain", "L004"], capsys)[1].splitlines()[1] == "Checked in: checker/loader.py"
    assert run_cli(["explain", "X999"], capsys)[0] == 2


def test_rules_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["rules"], capsys)
    assert code == 0 and len(out.splitlines()) == len(RULES)


def test_schema_check_and_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["schema", "--check", "-o", str(REPO / "schemas")], capsys)[0] == 0
    assert run_cli(["schema", "--check", "-o", str(tmp_path)], capsys)[0] == 1
    assert run_cli(["schema", "-o", str(tmp_path)], capsys)[0] == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "claim-file.schema.json",
        "config-file.schema.json",
        "entities-file.schema.json",
        "properties-file.schema.json",
        "report.schema.json",
    ]


def test_console_script_runs(tmp_path: Path) -> None:
    """The installed entry point, in a fresh process, exits 1 on a bad file."""
    root = write_project(tmp_path, [("claims/bad.yaml", "x: !!python/object:os.system {}\n")])
    done = subprocess.run(
        [sys.executable, "-m", "checker", "validate", "claims"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout.startswith("claims/bad.yaml:1:4: L006 error")
