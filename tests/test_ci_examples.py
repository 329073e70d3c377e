"""The shipped CI examples stay runnable: every checker command in them parses and names real formats."""

from __future__ import annotations

import shlex

import pytest
from ruamel.yaml import YAML

from checker.cli import _parser
from tests.conftest import REPO

_yaml = YAML(typ="safe", pure=True)


def _commands() -> list[str]:
    workflow = _yaml.load(REPO / ".github" / "workflows" / "claimcheck.yml")
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    runs = [line.strip() for step in steps for line in str(step.get("run", "")).splitlines()]
    hooks = _yaml.load(REPO / ".pre-commit-hooks.yaml")
    return [r for r in runs if r.startswith("checker ")] + [h["entry"] for h in hooks]


@pytest.mark.parametrize("command", _commands())
def test_checker_command_parses(command: str) -> None:
    words = shlex.split(command)
    assert words[0] == "checker"
    _parser().parse_args(words[1:])  # exits (a test failure) on an unknown flag or format


def test_examples_cover_the_ci_formats() -> None:
    commands = " ".join(_commands())
    for fmt in ("sarif", "github", "markdown"):
        assert fmt in commands
