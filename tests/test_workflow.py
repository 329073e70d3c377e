"""The workflow `checker init` writes, run: its shell steps in a scratch claims repository.

The repository is made by ``checker init``, with the example claims, their
catalogues and their articles copied in and git initialised (``main``, with
``origin/main`` pointing at it as a clone's would). Each ``run:`` step runs
in bash as GitHub runs it (``-eo pipefail``, ``$GITHUB_ENV`` carried to the
next steps, ``$GITHUB_STEP_SUMMARY``), with ``checker`` being the checker
under test: the step that installs the pinned release is the one left out,
with the ``uses:`` steps (checkout, setup-python, upload-sarif), whose input
is checked instead.

A push runs on this branch already. The pull-request runs need ``checker
check --since`` (and ``--baseline``/``--write-baseline``): they are skipped,
saying why, until those options exist, and then run unchanged.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from checker.cli import main
from tests.conftest import REPO
from tests.test_ci_examples import check_options

_yaml = YAML(typ="safe", pure=True)

WORKFLOW = ".github/workflows/claimcheck.yml"
SARIF = "reports/claimcheck.sarif"
BASELINE = ".checker-baseline.json"
CHANGED = "claims/rferl-kunbolat-15-days.yaml"
GIT = shutil.which("git")

#: Every ``if:`` the workflow uses, as GitHub evaluates it: (job failed so far, step outcomes) -> run?
CONDITIONS: dict[str | None, Callable[[bool, dict[str, str]], bool]] = {
    None: lambda failed, outcomes: not failed,
    "success() || steps.check.outcome == 'failure'": lambda failed, outcomes: (
        not failed or outcomes.get("check") == "failure"
    ),
}

pytestmark = pytest.mark.skipif(GIT is None, reason="git is not installed")


@dataclass
class Run:
    """What running the workflow's steps did."""

    outcomes: dict[str, str] = field(default_factory=dict)  # step name -> success, failure or skipped
    skipped_uses: list[dict[str, Any]] = field(default_factory=list)
    summary: str = ""
    env: dict[str, str] = field(default_factory=dict)  # what the steps added to $GITHUB_ENV
    log: list[str] = field(default_factory=list)  # the arguments of every checker command run


def _git(root: Path, *args: str) -> str:
    assert GIT is not None
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Desk",
        "GIT_AUTHOR_EMAIL": "desk@example.org",
        "GIT_COMMITTER_NAME": "Desk",
        "GIT_COMMITTER_EMAIL": "desk@example.org",
    }
    done = subprocess.run([GIT, *args], cwd=root, env=env, capture_output=True, text=True, check=True)
    return done.stdout


def _checker_on_path(folder: Path, drop: tuple[str, ...] = ()) -> Path:
    """A ``checker`` command that runs the checker under test, logging its arguments to ``folder/log``.

    ``drop`` names options (each with its value) to leave out before running: options this branch
    does not have yet, so the steps around them can still be run.
    """
    folder.mkdir()
    shim = folder / "checker"
    shim.write_text(
        f"#!{sys.executable}\n"
        "import sys\n"
        "from checker.cli import main\n"
        "argv = sys.argv[1:]\n"
        f"with open({str(folder / 'log')!r}, 'a', encoding='utf-8') as log:\n"
        "    log.write(' '.join(argv) + '\\n')\n"
        f"for option in {drop!r}:\n"
        "    while option in argv:\n"
        "        del argv[argv.index(option) : argv.index(option) + 2]\n"
        "sys.exit(main(argv))\n",
        encoding="utf-8",
    )
    shim.chmod(shim.stat().st_mode | stat.S_IXUSR)
    return folder


def scratch_repository(tmp_path: Path) -> Path:
    """``checker init``, the example claims, catalogues and articles, git on ``main`` with ``origin/main``."""
    root = tmp_path / "claims-repo"
    assert main(["init", str(root)]) == 0
    for folder in ("claims", "sources"):
        for path in sorted((REPO / folder).iterdir()):
            if path.is_file():
                shutil.copyfile(path, root / folder / path.name)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "claims")
    _git(root, "update-ref", "refs/remotes/origin/main", "HEAD")
    return root


def run_workflow(root: Path, tmp_path: Path, *, base_ref: str, drop: tuple[str, ...] = ()) -> Run:
    """Run the ``run:`` steps of the repository's workflow as a push (base_ref "") or a pull request."""
    workflow = _yaml.load(root / WORKFLOW)
    bin_dir = _checker_on_path(tmp_path / "bin", drop)
    github_env, summary = tmp_path / "github_env", tmp_path / "step_summary"
    summary.write_text("", encoding="utf-8")
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "NO_COLOR": "1"}
    env.update(GITHUB_STEP_SUMMARY=str(summary), GITHUB_BASE_REF=base_ref, CI="true")
    env.pop("CHECKER_ARGS", None)
    run = Run()
    failed = False
    by_id: dict[str, str] = {}
    for index, step in enumerate(workflow["jobs"]["claimcheck"]["steps"]):
        name = step.get("name") or step.get("uses") or str(index)
        condition = step.get("if")
        assert condition in CONDITIONS or "uses" in step, (
            f"the test does not know the condition {condition!r}"
        )
        if "uses" in step:
            run.skipped_uses.append(step)
            continue
        if not CONDITIONS[condition](failed, by_id) or 'pip install "newsroom-claimcheck==' in step["run"]:
            run.outcomes[name] = by_id[step.get("id", name)] = "skipped"  # (pip: installed already)
            continue
        step_env = {**env, **{k: _expression(str(v), base_ref) for k, v in step.get("env", {}).items()}}
        assert "${{" not in step["run"], "expressions go through env:, never into the script"
        github_env.write_text("", encoding="utf-8")
        step_env["GITHUB_ENV"] = str(github_env)
        script = tmp_path / f"step-{index}.sh"
        script.write_text(step["run"], encoding="utf-8")
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=root,
            env=step_env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode in (0, 1), f"{name}: exit {done.returncode}\n{done.stdout}\n{done.stderr}"
        run.outcomes[name] = by_id[step.get("id", name)] = "success" if done.returncode == 0 else "failure"
        failed = failed or done.returncode != 0
        for line in github_env.read_text(encoding="utf-8").splitlines():
            key, _, value = line.partition("=")
            env[key] = value
            run.env[key] = value
    run.summary = summary.read_text(encoding="utf-8")
    run.log = (bin_dir / "log").read_text(encoding="utf-8").splitlines()
    return run


def _expression(value: str, base_ref: str) -> str:
    replaced = value.replace("${{ github.base_ref }}", base_ref)
    assert "${{" not in replaced, f"the test does not know the expression in {value!r}"
    return replaced


def _results(root: Path) -> list[dict[str, Any]]:
    log = json.loads((root / SARIF).read_text(encoding="utf-8"))
    results: list[dict[str, Any]] = log["runs"][0]["results"]
    return results


def _path(result: dict[str, Any]) -> str:
    uri: str = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    return uri


def _uploaded(run: Run) -> str:
    upload = next(s for s in run.skipped_uses if s["uses"].startswith("github/codeql-action/upload-sarif@"))
    sarif_file: str = upload["with"]["sarif_file"]
    return sarif_file


def test_on_a_push_every_file_is_reported(tmp_path: Path) -> None:
    root = scratch_repository(tmp_path)
    run = run_workflow(root, tmp_path, base_ref="")
    assert run.outcomes["Install the checker"] == "skipped"
    assert run.outcomes["Check the claims"] == "success"  # the example claims hold no error
    assert run.env["CHECKER_ARGS"] == ""
    assert _uploaded(run) == SARIF
    results = _results(root)
    assert {_path(r) for r in results} == {
        "claims/rferl-kunbolat-15-days.yaml",
        "claims/rferl-kunbolatuly-10-days.yaml",
    }
    assert "claimcheck" in run.summary and "N001" in run.summary


def _change_a_claim(root: Path) -> None:
    """On a branch: one claim's property misspelt, an R002 error in one file."""
    _git(root, "checkout", "-q", "-b", "typo")
    path = root / CHANGED
    text = path.read_text(encoding="utf-8")
    assert text.count("property: jail-sentence\n") == 1
    path.write_text(text.replace("property: jail-sentence\n", "property: jail-sentense\n"), encoding="utf-8")
    _git(root, "commit", "-q", "-am", "typo")


def test_on_a_pull_request_the_check_is_told_what_to_report(tmp_path: Path) -> None:
    """The pull request's base branch reaches `checker check` (run without the options missing here)."""
    root = scratch_repository(tmp_path)
    _write_baseline(root)  # on the base branch, before the change
    _change_a_claim(root)
    missing = tuple(o for o in ("--since", "--baseline") if o not in check_options())
    run = run_workflow(root, tmp_path, base_ref="main", drop=missing)
    wanted = f"--since origin/main --baseline {BASELINE}"
    assert run.env["CHECKER_ARGS"] == wanted
    assert run.log == [
        f"check {wanted} --format sarif -o {SARIF}",
        f"check {wanted} --format markdown --fail-on never",
    ]
    assert run.outcomes["Check the claims"] == "failure"


def _write_baseline(root: Path) -> None:
    """The baseline: written by the checker once it can, else a stand-in (its option is left out then)."""
    if "--write-baseline" in check_options():
        command = [sys.executable, "-m", "checker", "check", "--write-baseline", BASELINE]
        subprocess.run(command, cwd=root, capture_output=True, check=False)
    else:
        (root / BASELINE).write_text("{}\n", encoding="utf-8")
    assert (root / BASELINE).is_file()


def _baseline_entries(root: Path) -> list[Any]:
    entries: list[Any] = json.loads((root / BASELINE).read_text(encoding="utf-8"))["entries"]
    return entries


def _require(*options: str) -> None:
    missing = [o for o in options if o not in check_options()]
    if missing:
        pytest.skip(f"checker check has no {', '.join(missing)} on this branch yet")


def test_on_a_pull_request_the_changed_files_are_reported(tmp_path: Path) -> None:
    _require("--since")
    root = scratch_repository(tmp_path)
    _change_a_claim(root)
    run = run_workflow(root, tmp_path, base_ref="main")
    assert run.env["CHECKER_ARGS"] == "--since origin/main"
    assert run.outcomes["Check the claims"] == "failure"  # the R002 error fails the job ...
    assert run.outcomes["Summarise the findings on the run page"] == "success"  # ... after the summary
    results = _results(root)
    assert "R002" in {r["ruleId"] for r in results}
    assert {_path(r) for r in results} == {CHANGED}
    assert "R002" in run.summary


def test_on_a_pull_request_the_baseline_holds_back_known_findings(tmp_path: Path) -> None:
    _require("--since", "--baseline", "--write-baseline")
    root = scratch_repository(tmp_path)
    _write_baseline(root)
    _git(root, "add", BASELINE)
    _git(root, "commit", "-q", "-m", "baseline")
    _git(root, "update-ref", "refs/remotes/origin/main", "HEAD")
    _change_a_claim(root)
    run = run_workflow(root, tmp_path, base_ref="main")
    assert run.env["CHECKER_ARGS"] == f"--since origin/main --baseline {BASELINE}"
    assert run.outcomes["Check the claims"] == "failure"
    results = _results(root)
    new = [r for r in results if r.get("baselineState") == "new" and not r.get("suppressions")]
    assert "R002" in {r["ruleId"] for r in new}
    assert {_path(r) for r in new} == {CHANGED}
    # what the change did not touch stays held back; what involves the edited claim comes back as new
    # (the C001 about the changed source), and what it removed is absent (the V001 it left)
    unchanged = {r["ruleId"] for r in results if r.get("baselineState") == "unchanged"}
    assert {"N001", "C002"} <= unchanged
    assert len(new) < len(_baseline_entries(root))
