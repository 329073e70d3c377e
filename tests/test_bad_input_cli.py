"""Bad input on the command line and in the configuration: a located error and exit 2, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_project
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
