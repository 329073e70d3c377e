"""The speed benchmark's generator (benchmarks/generate.py) must not rot.

Its repositories are consistent except where it injects discrepancies, so
the checker must find every discrepancy and nothing else (recall and
precision 1), and the same size and seed must give the same bytes in any
process: benchmarks/run.py caches repositories by size and seed.
Speed is measured by benchmarks/run.py, never here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from checker.engine import run
from checker.project import find_project
from tests.conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
import generate  # a script of benchmarks/, not a package

CLAIMS = 1000  # ten files: one discrepancy of every kind


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    root = tmp_path_factory.mktemp("bench") / "repo"
    return root, generate.generate(root, CLAIMS, seed=1)


def test_every_discrepancy_is_found_and_nothing_else(repository: tuple[Path, dict[str, Any]]) -> None:
    root, truth = repository
    targets = [root / "claims"]
    result = run(targets, find_project(targets))
    assert result.compared_claims == CLAIMS
    score = generate.score([generate.Found.of(f) for f in result.findings], truth)
    assert not score.missed, score.missed
    assert not score.unexpected, score.unexpected
    assert (score.recall, score.precision) == (1.0, 1.0)
    assert sorted({d["kind"] for d in truth["discrepancies"]}) == sorted(generate.INJECTIONS)


def test_the_same_seed_gives_the_same_bytes_in_another_process(
    repository: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    root, _ = repository
    again = tmp_path / "again"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    script = REPO / "benchmarks" / "generate.py"
    command = [sys.executable, str(script), "--claims", str(CLAIMS), "--seed", "1", str(again)]
    subprocess.run(command, check=True, env=env, capture_output=True)
    assert tree(again) == tree(root)


def test_another_seed_gives_another_repository(
    repository: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    root, _ = repository
    truth = generate.generate(tmp_path / "other", 250, seed=2)
    other = tree(tmp_path / "other")
    assert other["claims/entities.yaml"] != tree(root)["claims/entities.yaml"]
    assert (truth["claims"], truth["files"]) == (250, 3)  # 100 claims a file, the rest in the last
    assert len([path for path in other if path.startswith("sources/")]) == 3
