"""Golden files: one comparison, and one way to rewrite them after a deliberate change.

``UPDATE_GOLDEN=1 python -m pytest`` rewrites every golden file a test
compares against; review the diff before committing it. Under CI (``CI`` set)
a golden file is never rewritten: a run that asks for it fails instead, so a
CI job cannot turn a regression into a new expectation.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def updating() -> bool:
    """Whether golden files are to be rewritten: UPDATE_GOLDEN is set and CI is not."""
    if not os.environ.get("UPDATE_GOLDEN"):
        return False
    if os.environ.get("CI"):
        pytest.fail("UPDATE_GOLDEN is set under CI: golden files are never rewritten in CI")
    return True


def assert_golden(path: Path, actual: str) -> None:
    """Compare ``actual`` with the golden file at ``path`` (or rewrite it, see :func:`updating`)."""
    if updating():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
    if not path.is_file():
        pytest.fail(f"golden file {path} is missing: run with UPDATE_GOLDEN=1 to write it, then review it")
    assert actual == path.read_text(encoding="utf-8")
