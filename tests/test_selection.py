"""Paths name what to report, never what to compare: a named file meets the whole archive."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from checker import cli
from tests.conftest import REPO, example_copy

FIFTEEN = "claims/rferl-kunbolat-15-days.yaml"
TEN = "claims/rferl-kunbolatuly-10-days.yaml"


@pytest.fixture
def seed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the example repository, the current directory."""
    root = example_copy(tmp_path)
    monkeypatch.chdir(root)
    return root


def findings(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict[str, object]], str]:
    code = cli.main(["check", "--format", "json", "--fail-on", "warning", *args])
    out, err = capsys.readouterr()
    doc = json.loads(out) if out else {"findings": []}
    return code, doc["findings"], err


def about(found: list[dict[str, object]], code: str, *words: str) -> list[dict[str, object]]:
    return [f for f in found if f["code"] == code and all(w in str(f["message"]) for w in words)]


def test_one_file_is_compared_with_the_archive(seed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, found, _ = findings([FIFTEEN], capsys)
    assert code == 1
    [sentence] = about(found, "V001", "15 days", "10 days")
    assert sentence["location"]["path"] == FIFTEEN  # type: ignore[index]
    [variant] = about(found, "N001", "Kunbolat")
    assert variant["location"]["path"] == FIFTEEN  # type: ignore[index]
    # the other article's own caption date finding is not this file's business
    assert not [f for f in found if f["code"] == "D001"]
    # and C001 no longer says that only this article states the conviction
    assert not about(found, "C001", "jail sentence")


def test_findings_keep_their_fingerprints_whatever_is_named(
    seed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, everything, _ = findings([], capsys)
    _, one, _ = findings([FIFTEEN], capsys)
    _, other, _ = findings([TEN], capsys)
    whole = {(f["code"], f["fingerprint"]) for f in everything}
    assert {(f["code"], f["fingerprint"]) for f in one} <= whole
    assert {(f["code"], f["fingerprint"]) for f in one + other} == whole
    [anchored_here] = about(other, "V001", "15 days")
    assert anchored_here["location"]["path"] == TEN  # type: ignore[index]


def test_summary_says_how_much_was_compared(seed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["check", FIFTEEN])
    last = capsys.readouterr().out.splitlines()[-1]
    assert last.endswith("in 1 file (38 claims), compared with the archive's 2 files (80 claims)"), last
    cli.main(["check", "--format", "json", FIFTEEN])
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert (summary["files"], summary["compared_files"], summary["compared_claims"]) == (1, 2, 80)


def test_changed_article_text_selects_the_files_citing_it(
    seed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    texts = sorted((seed / "sources").iterdir())
    text = next(t for t in texts if t.name in (seed / FIFTEEN).read_text(encoding="utf-8"))
    assert text.name not in (seed / TEN).read_text(encoding="utf-8")
    _, found, _ = findings(["--changed", str(text.relative_to(seed))], capsys)
    assert found
    assert {f["location"]["path"] for f in found} == {FIFTEEN}  # type: ignore[index]


@pytest.mark.parametrize("changed", ["claims/entities.yaml", "claims/properties.yaml", "checker.yaml"])
def test_changed_catalogue_or_configuration_selects_everything(
    seed: Path, capsys: pytest.CaptureFixture[str], changed: str
) -> None:
    _, everything, _ = findings([], capsys)
    _, found, _ = findings(["--changed", changed], capsys)
    assert found == everything


def test_nothing_changed_reports_nothing(seed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (seed / "README.md").write_text("notes\n", encoding="utf-8")
    code, found, _ = findings(["--changed", "README.md"], capsys)
    assert (code, found) == (0, [])
    code, found, _ = findings(["--changed"], capsys)
    assert (code, found) == (0, [])


def test_validate_changed_checks_only_changed_claim_files(
    seed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (seed / "claims" / "broken.yaml").write_text("source: [\n", encoding="utf-8")
    assert cli.main(["validate", "--changed", FIFTEEN]) == 0
    assert "0 errors" in capsys.readouterr().out
    assert cli.main(["validate", "--changed", "claims/broken.yaml"]) == 1
    assert "claims/broken.yaml:" in capsys.readouterr().out


def git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


def test_since_follows_git(seed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(seed, "init", "-q", "-b", "main")
    git(seed, "add", ".")
    git(seed, "commit", "-q", "-m", "archive")
    git(seed, "checkout", "-q", "-b", "article")
    assert findings(["--since", "main"], capsys)[:2] == (0, [])
    # a renamed article is the same article: renames are followed, and it is reported under its new name
    git(seed, "mv", FIFTEEN, "claims/fifteen.yaml")
    git(seed, "commit", "-q", "-m", "rename")
    _, found, _ = findings(["--since", "main"], capsys)
    [sentence] = about(found, "V001", "15 days")
    assert sentence["location"]["path"] == "claims/fifteen.yaml"  # type: ignore[index]
    # an untracked new file counts, as it will be committed
    shutil.copy(seed / TEN, seed / "claims" / "copy.yaml")
    _, found, _ = findings(["--since", "main"], capsys)
    assert any(f["location"]["path"] == "claims/copy.yaml" for f in found)  # type: ignore[index]


def test_since_a_ref_git_does_not_know_is_a_usage_error(
    seed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(seed, "init", "-q", "-b", "main")
    assert cli.main(["check", "--since", "no-such-branch"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("checker: error: --since: git merge-base failed"), err
    assert "Traceback" not in err


def test_a_baseline_is_judged_only_on_what_is_reported(
    seed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Entries about files not named are neither matched nor stale: this run could not have seen them go."""
    assert cli.main(["check", "--write-baseline", "b.json"]) == 0
    capsys.readouterr()
    assert cli.main(["check", FIFTEEN, "--baseline", "b.json", "--fail-on", "info"]) == 0
    out, err = capsys.readouterr()
    assert "baselined in 1 file" in out.splitlines()[-1]
    assert "match no finding" not in err


def test_the_changed_files_hook_reports_what_the_commit_changes(
    seed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """.pre-commit-hooks.yaml's claimcheck-changed: its entry, then the files pre-commit passes."""
    hooks = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    entry = next(
        line.split(":", 1)[1].split()
        for line in hooks.split("- id: claimcheck-changed", 1)[1].splitlines()
        if line.strip().startswith("entry:")
    )
    assert entry[:2] == ["checker", "check"]
    for name in (FIFTEEN, TEN):  # an error in each file; the commit changes one
        path = seed / name
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace("property: jail-sentence", "property: jail-sentense", 1), encoding="utf-8"
        )
    assert cli.main([*entry[1:], FIFTEEN]) == 1
    out = capsys.readouterr().out
    assert "R002" in out and TEN + ":" not in out
    assert cli.main([*entry[1:], "README.md"]) == 0  # nothing the checker reads changed
