"""Fuzz the whole pipeline: load -> rules -> report -> every reporter.

Repositories are generated valid (model level), then mutated as YAML trees
and as bytes. Nothing may escape as an exception, every report must parse
(JSON against its schema, SARIF as JSON, JUnit as XML), no raw control or
bidi character may reach the text, github or markdown output, and two runs
on the same input must give the same reports.
`python -m pytest tests/fuzz --fuzz-minutes 15` fuzzes for a quarter of an hour.
"""

from __future__ import annotations

from hypothesis import strategies as st

from tests.fuzz.conftest import Runner
from tests.fuzz.pipeline import check_repository
from tests.fuzz.strategies import (
    Files,
    configurations,
    mutated_bytes,
    mutated_tree,
    repositories,
    serialised,
)


@st.composite
def valid_repositories(draw: st.DrawFn) -> Files:
    return draw(serialised(draw(repositories())))


@st.composite
def mutated_tree_repositories(draw: st.DrawFn) -> Files:
    repo = draw(repositories())
    yaml_paths = sorted(p for p, tree in repo.items() if not isinstance(tree, str))
    for path in draw(st.lists(st.sampled_from(yaml_paths), min_size=1, max_size=2, unique=True)):
        repo[path] = draw(mutated_tree(repo[path]))
    return draw(serialised(repo))


@st.composite
def mutated_byte_repositories(draw: st.DrawFn) -> Files:
    files = draw(serialised(draw(repositories())))
    for path in draw(st.lists(st.sampled_from(sorted(files)), min_size=1, max_size=2, unique=True)):
        files[path] = draw(mutated_bytes(files[path]))
    return files


@st.composite
def configured_repositories(draw: st.DrawFn) -> Files:
    """A repository with a checker.yaml (rule severities, per-path rules, waivers), valid or mutated."""
    repo = draw(repositories())
    keys = [
        f"{tree['source']['id']}/{claim['id']}"
        for path, tree in repo.items()
        if path.startswith("claims/source-") and not isinstance(tree, str)
        for claim in tree["claims"]
    ]
    config = draw(configurations(keys))
    repo["checker.yaml"] = draw(mutated_tree(config)) if draw(st.integers(0, 3)) == 0 else config
    return draw(serialised(repo))


def test_valid_repositories(fuzz: Runner) -> None:
    fuzz(valid_repositories(), check_repository)


def test_mutated_yaml_trees(fuzz: Runner) -> None:
    fuzz(mutated_tree_repositories(), check_repository)


def test_mutated_bytes(fuzz: Runner) -> None:
    fuzz(mutated_byte_repositories(), check_repository)


def test_configurations(fuzz: Runner) -> None:
    fuzz(configured_repositories(), check_repository)
