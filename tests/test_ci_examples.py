"""The shipped CI examples stay runnable: every checker command in them parses and names real formats.

The workflow `checker init` writes (and this repository's copy of it) and the
published pre-commit hooks. ``$CHECKER_ARGS`` in the workflow stands for what
its "Choose what to report" step may set: ``--since origin/BRANCH`` on a pull
request and ``--baseline FILE`` when the baseline exists; each combination
is parsed once those options exist on ``checker check``
(tests/test_workflow.py runs the steps themselves).
"""

from __future__ import annotations

import argparse
import re
import shlex
from typing import Any

import pytest
from ruamel.yaml import YAML

from checker import scaffold
from checker.cli import _parser
from tests.conftest import REPO

_yaml = YAML(typ="safe", pure=True)

WORKFLOW = REPO / ".github" / "workflows" / "claimcheck.yml"
TEMPLATE = ".github/workflows/claimcheck.yml"  # as `checker init` writes it
INSTALL = "Install the checker"
ARGS = "$CHECKER_ARGS"


def _workflows() -> dict[str, Any]:
    return {
        "this repository": _yaml.load(WORKFLOW),
        "checker init": _yaml.load(scaffold.rendered()[TEMPLATE]),
    }


def _runs(workflow: Any) -> list[str]:
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    return [line.strip() for step in steps for line in str(step.get("run", "")).splitlines()]


def _hooks() -> list[dict[str, Any]]:
    hooks: list[dict[str, Any]] = _yaml.load(REPO / ".pre-commit-hooks.yaml")
    return hooks


def check_options() -> set[str]:
    """The options ``checker check`` takes on this branch."""
    commands = next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction))
    return {option for action in commands.choices["check"]._actions for option in action.option_strings}


def checker_args_variants() -> list[str]:
    """What the workflow's ``$CHECKER_ARGS`` can hold, limited to the options that exist here."""
    since = ["", "--since origin/main"] if "--since" in check_options() else [""]
    baseline = ["", "--baseline .checker-baseline.json"] if "--baseline" in check_options() else [""]
    return [f"{s} {b}".strip() for s in since for b in baseline]


def _commands() -> list[str]:
    runs = [r for workflow in _workflows().values() for r in _runs(workflow) if r.startswith("checker ")]
    expanded = [r.replace(ARGS, variant) for r in runs for variant in checker_args_variants()]
    hooks = [" ".join([h["entry"], *h.get("args", [])]) for h in _hooks()]
    return sorted(set(expanded)) + hooks


@pytest.mark.parametrize("command", _commands())
def test_checker_command_parses(command: str) -> None:
    words = shlex.split(command.partition(">>")[0])
    assert words[0] == "checker"
    _parser().parse_args(words[1:])  # exits (a test failure) on an unknown flag or format


def test_examples_cover_the_ci_formats() -> None:
    commands = " ".join(_commands())
    for fmt in ("sarif", "markdown"):
        assert f"--format {fmt}" in commands


@pytest.mark.parametrize("name", ["this repository", "checker init"])
def test_workflow_runs_once_per_pull_request_with_the_permissions_it_needs(name: str) -> None:
    workflow = _workflows()[name]
    assert workflow["on"] == {"pull_request": None, "push": {"branches": ["main"]}}
    assert workflow["permissions"] == {"contents": "read", "security-events": "write", "actions": "read"}
    steps = workflow["jobs"]["claimcheck"]["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    assert "github/codeql-action/upload-sarif" in uses
    upload = steps[uses.index("github/codeql-action/upload-sarif")]
    assert upload["with"]["sarif_file"] == "reports/claimcheck.sarif"
    assert steps[uses.index("actions/checkout")]["with"]["fetch-depth"] == 0  # --since needs the base
    check = next(s for s in steps if s.get("id") == "check")
    assert check["run"] == f"checker check {ARGS} --format sarif -o reports/claimcheck.sarif"
    choose = next(s for s in steps if s.get("name") == "Choose what to report")
    assert choose["env"] == {"BASE_REF": "${{ github.base_ref }}"}
    assert '--since origin/$BASE_REF"' in choose["run"]
    assert "--baseline .checker-baseline.json" in choose["run"]


def test_this_repository_runs_the_template_but_installs_the_checkout() -> None:
    ours, template = _workflows()["this repository"], _workflows()["checker init"]
    steps = ours["jobs"]["claimcheck"]["steps"]
    expected = template["jobs"]["claimcheck"]["steps"]
    names = [s.get("name") for s in steps]
    assert INSTALL in names
    install = names.index(INSTALL)
    assert steps[install]["run"] == "python -m pip install ."
    assert re.fullmatch(r'python -m pip install "newsroom-claimcheck==[0-9.]+"', expected[install]["run"])
    assert steps[:install] + steps[install + 1 :] == expected[:install] + expected[install + 1 :]
    assert {k: v for k, v in ours.items() if k != "jobs"} == {
        k: v for k, v in template.items() if k != "jobs"
    }


@pytest.mark.parametrize(
    ("path", "full", "validate"),
    [
        ("claims/rferl-a.yaml", True, True),
        ("claims/2024/a.yml", True, True),
        ("claims/entities.yaml", True, True),
        ("claims/properties.yaml", True, True),
        ("sources/rferl-a.txt", True, False),
        ("checker.yaml", True, False),
        ("pyproject.toml", True, False),
        ("README.md", False, False),
        ("reports/claimcheck.json", False, False),
    ],
)
def test_hooks_fire_on_what_can_change_a_finding(path: str, full: bool, validate: bool) -> None:
    hooks = {h["id"]: h for h in _hooks()}
    assert bool(re.search(hooks["claimcheck"]["files"], path)) is full
    assert bool(re.search(hooks["claimcheck-validate"]["files"], path)) is validate
    assert not re.search(hooks["claimcheck-validate"].get("exclude", "^$"), path)


def test_the_full_hook_takes_its_claims_folder_as_an_argument() -> None:
    hook = next(h for h in _hooks() if h["id"] == "claimcheck")
    assert hook["args"] == ["claims/"] and hook["pass_filenames"] is False
    assert "claims/" not in hook["entry"]
