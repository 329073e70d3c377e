"""README shows real output: its quoted seed findings and summary match the golden file, its pins name
this release, and its walkthrough (from `checker init` to a first finding) runs as shown."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

from checker import REPOSITORY_URL, __version__
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
GOLDEN = (REPO / "tests" / "golden" / "seed-check.txt").read_text(encoding="utf-8")


def test_summary_lines_match_the_seed_run() -> None:
    summary = GOLDEN.splitlines()[-1]
    shown = re.findall(r"^\d+ errors?, .* in 2 files \(80 claims\)$", README, re.MULTILINE)
    assert shown and all(line == summary for line in shown)


def test_quoted_seed_findings_are_real() -> None:
    section = README.split("On the example repository", 1)[1].split("\n```\n", 2)[1]
    quoted = [line for line in section.splitlines() if line.startswith(("claims/", "    claims/"))]
    assert quoted
    golden_lines = set(GOLDEN.splitlines())
    for line in quoted:
        assert line in golden_lines, line


def test_release_pins_name_this_version() -> None:
    pins = re.findall(r"newsroom-claimcheck==([0-9][^\"'\s]*)", README)
    revs = re.findall(r"^\s*rev: v(\S+)", README, re.MULTILINE)
    versions = re.findall(r"checker \(newsroom-claimcheck\) (\S+)`", README)
    assert pins and revs and versions
    assert set(pins) | set(revs) | set(versions) == {__version__}
    assert "<URL of this repository>" not in README and REPOSITORY_URL in README


WALKTHROUGH = "## From an empty folder to a first finding"
_BLOCK = re.compile(r"^```(\w*)\n(.*?)^```\n", re.MULTILINE | re.DOTALL)
_SAVE_AS = re.compile(r"Save as\s+`([^`]+)`:\s*$")


def walkthrough_steps() -> list[tuple[str, str, str]]:
    """The walkthrough's steps in order: ("file", path, text) or ("command", command, expected output)."""
    section = README.split(WALKTHROUGH, 1)[1].split("\n## ", 1)[0]
    steps: list[tuple[str, str, str]] = []
    for block in _BLOCK.finditer(section):
        language, body = block.group(1), block.group(2)
        before = section[: block.start()].rstrip()
        saved = _SAVE_AS.search(before.split("\n\n")[-1].replace("\n", " "))
        if language == "console":
            commands = re.split(r"^\$ ", body, flags=re.MULTILINE)[1:]
            for command in commands:
                line, _, output = command.partition("\n")
                steps.append(("command", line, output))
        elif saved:
            steps.append(("file", saved.group(1), body))
    return steps


def test_the_walkthrough_runs_as_shown(tmp_path: Path) -> None:
    folder = tmp_path / "my-claims"
    folder.mkdir()
    steps = walkthrough_steps()
    assert [s[1] for s in steps if s[0] == "command"] == [
        "checker init",
        "checker fix --sha256",
        "checker check",
    ]
    assert len([s for s in steps if s[0] == "file"]) == 4
    for kind, what, text in steps:
        if kind == "file":
            assert not (folder / what).exists(), f"the walkthrough overwrites {what}"
            (folder / what).write_text(text, encoding="utf-8")
            continue
        words = shlex.split(what)
        assert words[0] == "checker", what
        done = subprocess.run(
            [sys.executable, "-m", "checker", *words[1:]],
            cwd=folder,
            capture_output=True,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
            check=False,
        )
        errors = re.match(r"^(\d+) errors?, ", text.splitlines()[-1])
        assert (done.returncode, done.stderr) == (1 if errors and int(errors.group(1)) else 0, ""), what
        assert done.stdout == text, what
