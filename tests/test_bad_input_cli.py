"""Bad input on the command line and in the configuration: a located error and exit 2, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPO, write_project
from tests.test_cli import run_cli

BAD_RANGE_YAML = 'per_path:\n  - paths: ["claims/**", "claims/[z-a]*"]\n    rules: {R001: warning}\n'
BAD_RANGE_TOML = """\
[tool.checker]
fail_on = "error"

[[tool.checker.per_path]]
paths = ["claims/[z-a]*"]
rules = { R001 = "warning" }
"""


def test_bad_glob_range_in_checker_yaml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_project(tmp_path, [("checker.yaml", BAD_RANGE_YAML)])
    code, out, err = run_cli(["check", str(root / "claims")], capsys)
    assert (code, out) == (2, "")
    assert err == (
        "checker.yaml:2:26: error: per_path[0].paths[1]: 'claims/[z-a]*' is not a valid path pattern:"
        " bad character range z-a\n"
    )


def test_bad_glob_range_in_pyproject(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_project(tmp_path, [("pyproject.toml", BAD_RANGE_TOML)])
    (root / "checker.yaml").unlink()
    code, out, err = run_cli(["check", str(root / "claims")], capsys)
    assert (code, out) == (2, "")
    assert err.startswith("pyproject.toml:4:1: error: per_path[0].paths[0]: 'claims/[z-a]*' is not a valid")
    assert "internal error" not in err and "Traceback" not in err


@pytest.mark.parametrize("command", ["check", "validate", "report", "entities"])
@pytest.mark.parametrize(
    ("name", "files"),
    [("empty", []), ("texts-only", [("notes.txt", "not a claim\n")]), ("nested-empty", [("deeper/", "")])],
)
def test_path_without_claim_files_is_a_usage_error(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    name: str,
    files: list[tuple[str, str]],
) -> None:
    root = write_project(tmp_path / "repo", [])
    folder = tmp_path / name
    folder.mkdir()
    for relative, content in files:
        if relative.endswith("/"):
            (folder / relative).mkdir()
        else:
            (folder / relative).write_text(content, encoding="utf-8")
    monkeypatch.chdir(root)
    code, out, err = run_cli([command, str(folder)], capsys)
    assert (code, out) == (2, "")
    assert err.startswith(f"checker: error: {folder}: no claim files in this folder"), err
    assert "only the project's claims/ folder may be empty" in err
    assert not (root / "reports").exists()


def test_missing_path_is_a_usage_error_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_project(tmp_path, [])
    code, out, err = run_cli(["check", str(root / "claims"), str(root / "nope")], capsys)
    assert (code, out) == (2, "")
    assert err == f"checker: error: {root / 'nope'}: no such file or directory\n"


def test_empty_claims_folder_of_the_project_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new project: nothing recorded yet is not a mistake, with no PATH or with claims/ named."""
    root = write_project(tmp_path, [])
    monkeypatch.chdir(root)
    for args in (["check"], ["check", "claims"], ["check", "claims/"], ["validate"]):
        code, out, err = run_cli(args, capsys)
        assert (code, err) == (0, ""), args
        assert out.endswith("in 0 files (0 claims)\n")


def test_catalogue_file_alone_is_still_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_project(tmp_path, [("claims/entities.yaml", "a: [\n")])
    monkeypatch.chdir(root)
    code, out, _ = run_cli(["validate", "claims/entities.yaml"], capsys)
    assert code == 1 and out.startswith("claims/entities.yaml:")


SEED_CLAIM = REPO / "claims" / "rferl-kunbolatuly-10-days.yaml"


def _project_with_a_claim(tmp_path: Path) -> Path:
    return write_project(tmp_path, [("claims/a.yaml", SEED_CLAIM.read_text(encoding="utf-8"))])


def test_report_output_that_is_a_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project_with_a_claim(tmp_path)
    (root / "out").write_text("keep me\n", encoding="utf-8")
    monkeypatch.chdir(root)
    code, out, err = run_cli(["report", "--format", "json,text", "-o", "out"], capsys)
    assert (code, out) == (2, "")
    assert err.startswith("checker: error: -o out: is a file; -o must name a folder for `report`"), err
    assert (root / "out").read_text(encoding="utf-8") == "keep me\n"
    assert sorted(p.name for p in root.iterdir()) == ["checker.yaml", "claims", "out"]


def test_check_output_that_is_a_folder_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project_with_a_claim(tmp_path)
    (root / "out").mkdir()
    monkeypatch.chdir(root)
    code, out, err = run_cli(["check", "--format", "json", "-o", "out"], capsys)
    assert (code, out) == (2, "")
    assert err == "checker: error: -o out: is a folder; -o must name a file for `check`\n"
    assert list((root / "out").iterdir()) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "-o", "claims/a.yaml"], "-o claims/a.yaml: is an input of this run; refusing"),
        (["check", "claims/a.yaml", "-o", "claims/a.yaml"], "-o claims/a.yaml: is an input of this run"),
        (["validate", "other/b.yaml", "-o", "other/b.yaml"], "-o other/b.yaml: is an input of this run"),
        (["check", "-o", "checker.yaml"], "-o checker.yaml: is an input of this run"),
        (["check", "-o", "claims/entities.yaml"], "-o claims/entities.yaml: is an input of this run"),
        (["check", "-o", "claims/new.txt"], "-o claims/new.txt: refusing to write into claims/, which holds"),
        (["check", "-o", "sources/a.txt"], "-o sources/a.txt: refusing to write into sources/"),
        (["check", "-o", "sources/new/r.json"], "-o sources/new/r.json: refusing to write into sources/"),
        (["check", "other", "-o", "other/r.txt"], "-o other/r.txt: refusing to write into other/"),
        (["report", "-o", "claims"], "-o claims: refusing to write into claims/"),
        (["report", "-o", "claims/reports"], "-o claims/reports: refusing to write into claims/"),
        (["report", "-o", "sources"], "-o sources: refusing to write into sources/"),
    ],
)
def test_output_never_overwrites_an_input(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    message: str,
) -> None:
    claim = SEED_CLAIM.read_text(encoding="utf-8")
    root = write_project(
        tmp_path,
        [
            ("claims/a.yaml", claim),
            ("claims/entities.yaml", "entities: []\n"),
            ("sources/a.txt", "article\n"),
            ("other/b.yaml", claim),
        ],
    )
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    monkeypatch.chdir(root)
    code, out, err = run_cli(args, capsys)
    assert (code, out) == (2, ""), err
    assert err.startswith(f"checker: error: {message}"), err
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before  # nothing written
    assert not any(p.is_dir() and not any(p.iterdir()) for p in root.rglob("*"))  # no folder made


def test_output_through_a_symlink_to_an_input_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project_with_a_claim(tmp_path)
    (root / "link.yaml").symlink_to(root / "claims" / "a.yaml")
    monkeypatch.chdir(root)
    code, _, err = run_cli(["check", "-o", "link.yaml"], capsys)
    assert code == 2 and "is an input of this run" in err


def test_report_removes_what_a_killed_run_left(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project_with_a_claim(tmp_path)
    reports = root / "reports"
    reports.mkdir()
    stale_folder = root / ".claimcheck-tmp-reports.ab12cd_9"  # a staging folder of a killed run
    stale_folder.mkdir()
    (stale_folder / "claimcheck.json").write_text("{half", encoding="utf-8")
    (root / ".claimcheck-tmp-reports.zz99yy00").write_text("", encoding="utf-8")
    legacy = reports / ".claimcheck.json.k3j2h1g0"  # what earlier versions left inside the folder
    legacy.write_text("{half", encoding="utf-8")
    kept = [root / ".claimcheck-tmp-reports-old.ab12cd_9", root / ".claimcheck-tmp-reports.short"]
    for path in kept:  # another folder's, and not a temporary name: not ours to remove
        path.write_text("", encoding="utf-8")
    (reports / "notes.txt").write_text("mine\n", encoding="utf-8")
    monkeypatch.chdir(root)
    code, out, err = run_cli(
        ["report", "--no-cache", "--format", "json,text", "-o", "reports", "--fail-on", "never"], capsys
    )
    assert (code, err) == (0, "")
    wrote, summary = out.rsplit("wrote reports/claimcheck.txt\n", 1)
    assert wrote == "wrote reports/claimcheck.json\n"
    assert summary.endswith(" in 1 file (42 claims)\n")  # then the counts
    assert sorted(p.name for p in reports.iterdir()) == ["claimcheck.json", "claimcheck.txt", "notes.txt"]
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".")) == sorted(p.name for p in kept)


def test_check_output_removes_what_a_killed_run_left(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project_with_a_claim(tmp_path)
    (root / "out").mkdir()
    (root / "out" / ".claimcheck-tmp-r.json.q1w2e3r4").write_text("{half", encoding="utf-8")
    monkeypatch.chdir(root)
    code, _, err = run_cli(["check", "--format", "json", "-o", "out/r.json", "--fail-on", "never"], capsys)
    assert (code, err) == (0, "")
    assert [p.name for p in (root / "out").iterdir()] == ["r.json"]


def test_report_is_staged_beside_the_folder_and_moved_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every format is written before the folder changes; a failure leaves the old reports whole."""
    root = _project_with_a_claim(tmp_path)
    reports = root / "reports"
    reports.mkdir()
    for name in ("claimcheck.json", "claimcheck.txt"):
        (reports / name).write_text("old\n", encoding="utf-8")
    seen: list[list[str]] = []
    real_replace = Path.replace

    def replace(self: Path, target: str | Path) -> Path:
        staging = sorted(p.name for p in self.parent.iterdir())
        seen.append([self.parent.parent.name, *staging])
        if len(seen) == 2:
            raise OSError("disk gone")
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", replace)
    monkeypatch.chdir(root)
    code, _, err = run_cli(["report", "--no-cache", "--format", "json,text", "-o", "reports"], capsys)
    assert code == 2 and "internal error: OSError: disk gone" in err
    assert seen[0] == [tmp_path.name, "claimcheck.json", "claimcheck.txt"]  # both staged before any move
    assert not any(p.name.startswith(".claimcheck-tmp-") for p in root.iterdir())  # staging removed
