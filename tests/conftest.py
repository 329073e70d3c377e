"""Shared test helpers: build a claims project in a temporary directory and check it."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

import pytest

from checker.engine import Result, run
from checker.project import find_project

REPO = Path(__file__).resolve().parent.parent
VENDOR = REPO / "tests" / "data"  # vendored test data and their licences: tests/data/README.md


def write_project(root: Path, files: Iterable[tuple[str, str | bytes]]) -> Path:
    """Write ``files`` (repo-relative path, content) under ``root``, with a checker.yaml marker."""
    (root / "claims").mkdir(parents=True, exist_ok=True)
    (root / "checker.yaml").write_text("# test project\n", encoding="utf-8")
    for relative, content in files:
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return root


def check_project(root: Path, *paths: str, schema_only: bool = False) -> Result:
    """Run every rule on ``paths`` (default: claims/) of the project at ``root``."""
    targets = [root / p for p in paths] or [root / "claims"]
    return run(targets, find_project(targets), schema_only=schema_only)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """An empty project directory."""
    return write_project(tmp_path / "repo", [])


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--fuzz-minutes N``: run the fuzz suite (tests/fuzz) for about N minutes instead of briefly.

    Registered here, at the root of the test tree: pytest reads options only from the plugins and
    conftest files it loads at start-up, which tests/fuzz/conftest.py is not when the whole suite runs.
    """
    parser.addoption(
        "--fuzz-minutes",
        type=float,
        default=None,
        metavar="N",
        help="run the fuzz suite in tests/fuzz for about N minutes in all (default: a bounded run)",
    )


def example_copy(tmp_path: Path) -> Path:
    """The example repository's claims/ and sources/ under ``tmp_path``, with a checker.yaml marker."""
    root = tmp_path / "repo"
    for folder in ("claims", "sources"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "checker.yaml").write_text("# a copy of the example repository\n", encoding="utf-8")
    return root
