"""Every rule is registered, documented, and its documented examples are true."""

from __future__ import annotations

import pkgutil
from pathlib import Path

import pytest

import checker.rules
from checker.rule import Rule
from checker.rules import REGISTRY, RULES, corpus_rules, find
from tests.conftest import REPO, check_project, write_project


def test_every_rule_module_is_registered() -> None:
    modules = {m.name for m in pkgutil.iter_modules(checker.rules.__path__)}
    registered = {rule_module.__name__.rsplit(".", 1)[1] for rule_module in checker.rules._MODULES}
    assert modules == registered


def test_codes_and_names_are_unique_and_well_formed() -> None:
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    for rule in RULES:
        # L load, S schema, R references, N names, V values, D dates, Q quotes, C corroboration, W waivers
        assert rule.code[0] in "LSRNVDQCW" and rule.code[1:].isdigit() and len(rule.code) == 4
        assert rule.name == rule.name.lower() and " " not in rule.name
        assert rule.stage in {"load", "schema", "corpus", "waiver"}
        assert (rule.check is not None) == (rule.stage == "corpus"), "only corpus rules have a check"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_documented(rule: Rule) -> None:
    assert rule.summary.endswith("."), "the summary is one sentence"
    assert len(rule.description.splitlines()) >= 3, "explain what the rule checks and why"
    assert rule.examples("Bad"), "a bad example"
    assert rule.examples("Good"), "a good example"


def _examples(kind: str) -> list[tuple[str, int]]:
    return [
        (rule.code, i) for rule in RULES for i, example in enumerate(rule.examples(kind)) if example.runnable
    ]


def _run_example(tmp_path: Path, code: str, index: int, kind: str) -> set[str]:
    example = REGISTRY[code].examples(kind)[index]
    root = write_project(tmp_path / "repo", example.files)
    return {f.code for f in check_project(root).findings}


@pytest.mark.parametrize(("code", "index"), _examples("Bad"))
def test_bad_example_is_reported(tmp_path: Path, code: str, index: int) -> None:
    assert code in _run_example(tmp_path, code, index, "Bad")


@pytest.mark.parametrize(("code", "index"), _examples("Good"))
def test_good_example_is_not_reported(tmp_path: Path, code: str, index: int) -> None:
    assert code not in _run_example(tmp_path, code, index, "Good")


def test_most_examples_run() -> None:
    """Only problems that cannot be written as YAML text may have descriptive examples."""
    descriptive = {r.code for r in RULES for e in r.examples("Bad") if not e.runnable}
    assert descriptive == {"L001", "L002", "L011"}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_names_the_file_that_checks_it(rule: Rule) -> None:
    """Load, schema and waiver rules have no check of their own: each names the file that has it."""
    if rule.stage != "corpus":
        assert rule.checked_in, f"{rule.code} ({rule.stage}) must set checked_in"
    where = rule.where_checked
    assert where and not where.startswith("/") and "\\" not in where, where
    assert (REPO / where).is_file(), f"{rule.code}: {where} does not exist"


def test_find_by_code_or_name() -> None:
    assert find("r001") is REGISTRY["R001"]
    assert find("unknown-entity") is REGISTRY["R001"]
    assert find("nope") is None
    assert all(r.check for r in corpus_rules())
