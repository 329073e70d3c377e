"""The distribution: its name, its version and its address agree everywhere they are written."""

from __future__ import annotations

import importlib.metadata
import shutil
import subprocess
import tomllib

import pytest

from checker import DISTRIBUTION, REPOSITORY_URL, __version__
from checker.cli import main
from tests.conftest import REPO

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def test_pyproject_names_the_distribution_and_its_version() -> None:
    assert PYPROJECT["project"]["name"] == DISTRIBUTION == "newsroom-claimcheck"
    assert PYPROJECT["project"]["version"] == __version__
    assert PYPROJECT["project"]["scripts"] == {"checker": "checker.main:main"}


def test_installed_metadata_agrees_with_the_package() -> None:
    """Fails when the installed metadata is stale: reinstall (`pip install -e '.[test]'`)."""
    assert importlib.metadata.version(DISTRIBUTION) == __version__
    urls = importlib.metadata.metadata(DISTRIBUTION).get_all("Project-URL") or []
    assert f"Repository, {REPOSITORY_URL}" in urls


def test_repository_url_is_the_one_in_pyproject() -> None:
    assert PYPROJECT["project"]["urls"]["Repository"] == REPOSITORY_URL
    assert REPOSITORY_URL.startswith("https://") and not REPOSITORY_URL.endswith("/")


def test_version_flag_names_command_distribution_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out == f"checker (newsroom-claimcheck) {__version__}\n"


def test_build_metadata_is_not_tracked() -> None:
    git = shutil.which("git")
    if git is None or not (REPO / ".git").exists():
        pytest.skip("not a git work tree")
    tracked = subprocess.run(
        [git, "ls-files"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert not [path for path in tracked if ".egg-info" in path]
    ignored = subprocess.run(
        [git, "check-ignore", "-q", "--no-index", "claimcheck.egg-info/PKG-INFO"], cwd=REPO, check=False
    )
    assert ignored.returncode == 0
