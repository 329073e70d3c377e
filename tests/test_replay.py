"""The quick path: an unchanged run is answered from its record without importing the checker."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from checker import cli, replay
from checker.main import main
from tests.conftest import example_copy

#: Options of check and validate whose runs are never recorded: they write files, record the time,
#: ask git, bypass the cache, or end the run at once.
NOT_RECORDED = {"-o", "--output", "--write-baseline", "--timestamp", "--since", "--no-cache", "-h", "--help"}


@pytest.fixture
def seed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = example_copy(tmp_path)
    monkeypatch.chdir(root)
    return root


def made_runs(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The command lines the full command line handles from now on (the quick path answers the rest)."""
    runs: list[list[str]] = []
    real = cli.main

    def counted(argv: list[str]) -> int:
        runs.append(list(argv))
        return real(argv)

    monkeypatch.setattr(cli, "main", counted)
    return runs


def answered(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def check_parser(command: str) -> argparse.ArgumentParser:
    parser = cli._parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    found: argparse.ArgumentParser = commands.choices[command]
    return found


@pytest.mark.parametrize("command", replay.COMMANDS)
def test_the_quick_parse_knows_every_option_as_the_command_line_does(command: str) -> None:
    """An option added to check or validate must be placed: recorded (valued or flag) or not."""
    for action in check_parser(command)._actions:
        for option in action.option_strings:
            if option in replay.VALUED:
                assert action.nargs is None and not isinstance(action, argparse._StoreTrueAction), option
            elif option in replay.FLAGS:
                assert action.nargs == 0, option
            elif option == "--changed":
                assert action.nargs == "*"
            else:
                assert option in NOT_RECORDED, (
                    f"{option}: is a run with it recorded or not? (checker/replay.py)"
                )


def test_an_unchanged_run_is_answered_without_the_command_line(
    seed: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    runs = made_runs(monkeypatch)
    commands = (
        ["check", "-q"],
        ["check", "--format=json"],
        ["validate", "claims"],
        ["check", "--fail-on", "info"],
    )
    for argv in commands:
        first = answered(argv, capsys)
        assert answered(argv, capsys) == first
    assert runs == list(commands)
    assert first[0] == 1  # --fail-on info: the exit code is replayed too


def test_the_quick_path_imports_no_model_rule_or_reporter(seed: Path) -> None:
    script = (
        "import sys\n"
        "from checker.main import main\n"
        "code = main(['check', '--fail-on', 'warning'])\n"
        "heavy = ('checker.cli', 'checker.models', 'pydantic')\n"
        "sys.stderr.write(' '.join(m for m in heavy if m in sys.modules))\n"
        "sys.exit(code)\n"
    )
    first = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    second = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert "checker.cli" in first.stderr and first.returncode == 1
    assert (second.returncode, second.stdout, second.stderr) == (first.returncode, first.stdout, "")


@pytest.mark.parametrize(
    "change",
    [
        "edit a claim file",
        "add a claim file",
        "remove an article",
        "edit the configuration",
        "edit the baseline",
    ],
)
def test_any_change_to_what_the_run_reads_makes_it_again(
    change: str, seed: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["check", "--baseline", "b.json"]
    assert main(["check", "--write-baseline", "b.json"]) == 0
    before = answered(argv, capsys)
    runs = made_runs(monkeypatch)
    claim_file = seed / "claims" / "rferl-kunbolat-15-days.yaml"
    if change == "edit a claim file":
        claim_file.write_text(claim_file.read_text(encoding="utf-8").replace("amount: 15", "amount: 16"))
    elif change == "add a claim file":
        (seed / "claims" / "copy.yaml").write_text(
            claim_file.read_text(encoding="utf-8").replace("id: rferl-kunbolat-15-days", "id: a-copy", 1)
        )
    elif change == "remove an article":
        next((seed / "sources").iterdir()).unlink()
    elif change == "edit the configuration":
        (seed / "checker.yaml").write_text("fail_on: info\n", encoding="utf-8")
    else:
        (seed / "b.json").write_text("{}", encoding="utf-8")
    after = answered(argv, capsys)
    assert runs == [argv] and after != before


def test_a_stale_baseline_note_is_replayed_on_stderr(
    seed: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--write-baseline", "b.json"]) == 0
    claim_file = seed / "claims" / "rferl-kunbolat-15-days.yaml"
    claim_file.write_text(claim_file.read_text(encoding="utf-8").replace("amount: 15", "amount: 16"))
    capsys.readouterr()
    argv = ["check", "--baseline", "b.json", "--fail-on", "warning"]
    first = answered(argv, capsys)
    runs = made_runs(monkeypatch)
    assert first[2].startswith("checker: note: 2 entries of the baseline") and first[0] == 1
    assert answered(argv, capsys) == first
    assert runs == []


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "--timestamp"],
        ["check", "--no-cache"],
        ["check", "-o", "out.txt"],
        ["check", "--qui"],  # argparse's abbreviation of --quiet: the full command line decides
        ["check", "--", "claims"],
        ["report", "-o", "out"],
    ],
)
def test_runs_with_other_effects_are_always_made(
    argv: list[str], seed: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    runs = made_runs(monkeypatch)
    main(argv)
    main(argv)
    capsys.readouterr()
    assert runs == [argv, argv]


def test_what_the_output_depends_on_is_in_the_key(
    seed: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    runs = made_runs(monkeypatch)
    main(["check", "--color", "always"])
    monkeypatch.setenv("NO_COLOR", "1")
    main(["check", "--color", "always"])  # forced colour: the same output, but another key
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "4102444800")  # another day: waivers may have expired
    main(["check", "--color", "always"])
    monkeypatch.chdir(seed / "claims")  # another folder: paths are shown from the project root anyway
    main(["check", "--color", "always"])
    capsys.readouterr()
    assert len(runs) == 4


def test_a_corrupt_record_is_not_trusted(
    seed: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first = answered(["check"], capsys)
    invocation = replay.understand(["check"])
    assert invocation is not None
    entry = invocation.cache._path(invocation.key())
    entry.write_bytes(entry.read_bytes()[:-3])
    runs = made_runs(monkeypatch)
    assert answered(["check"], capsys) == first
    assert runs == [["check"]]


def test_changed_takes_every_following_word_as_argparse_does(seed: Path) -> None:
    invocation = replay.understand(["check", "--changed", "claims/a.yaml", "claims/b.yaml", "-q"])
    assert invocation is not None
    assert invocation.extra[:1] == (seed / "checker.yaml",)  # no PATH: the changed files are not paths
    named = replay.understand(["check", "claims", "--changed", "claims/a.yaml"])
    assert named is not None and named.extra[0] == Path("claims")
