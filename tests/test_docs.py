"""docs/rules.md is generated from the registry, and every rule's help link lands on its section."""

from __future__ import annotations

import json
import re

import pytest
from markdown_it import MarkdownIt

from checker import REPOSITORY_URL, __version__, docs
from checker.cli import main
from checker.reporters import Options, sarif
from checker.reporters.base import Report
from checker.rule import RULES_DOC
from checker.rules import RULES
from tests.conftest import REPO
from tests.golden import updating

DOC = REPO / RULES_DOC
REGENERATE = f"checker rules --markdown > {RULES_DOC}"


def _committed() -> str:
    return DOC.read_text(encoding="utf-8") if DOC.is_file() else ""


def github_anchor(heading: str) -> str:
    """The id GitHub gives a Markdown heading (github-slugger): lower case, punctuation dropped."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _anchors(markdown: str) -> list[str]:
    in_fence = False
    anchors = []
    for line in markdown.splitlines():
        if line.startswith("```"):
            in_fence = not in_fence
        elif not in_fence and (heading := re.match(r"^#{1,6} (.+)$", line)):
            anchors.append(github_anchor(heading.group(1)))
    return anchors


def test_rules_doc_is_up_to_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--markdown"]) == 0
    generated = capsys.readouterr().out
    assert generated == docs.render(RULES)
    if updating():
        DOC.parent.mkdir(exist_ok=True)
        DOC.write_text(generated, encoding="utf-8", newline="\n")
    if _committed() != generated:
        pytest.fail(f"{RULES_DOC} is out of date: run `{REGENERATE}` and commit it")


def test_every_rule_has_its_own_section_with_its_documentation() -> None:
    text = _committed()
    anchors = _anchors(text)
    assert len(anchors) == len(set(anchors)), "GitHub would number duplicate headings: anchors would move"
    for rule in RULES:
        assert rule.anchor in anchors, rule.code
        section = text.split(f"\n### {rule.code} {rule.name}\n", 1)[1].split("\n### ", 1)[0]
        assert f"Default severity: **{rule.severity!s}**" in section
        assert rule.summary in section
        for kind in ("Bad", "Good"):
            for example in rule.examples(kind):
                for _, body in example.files:
                    assert body.strip() in section, (rule.code, kind)


def test_the_doc_parses_as_one_heading_per_rule() -> None:
    """No docstring line turns into a heading and every fence is closed (CommonMark, as GitHub reads it)."""
    tokens = MarkdownIt("commonmark").enable("table").parse(_committed())
    headings = [t.tag for t in tokens if t.type == "heading_open"]
    assert headings.count("h1") == 1
    assert headings.count("h2") == len({r.code[:1] for r in RULES})
    assert headings.count("h3") == len(RULES)


def test_help_links_point_into_the_doc_at_the_version_tag() -> None:
    for rule in RULES:
        assert rule.help_uri == f"{REPOSITORY_URL}/blob/v{__version__}/docs/rules.md#{rule.anchor}"
        assert "claimcheck.invalid" not in rule.help_uri


def test_relative_links_in_the_doc_name_files_of_the_repository() -> None:
    targets = re.findall(r"\]\((\.\./[^)#]+)\)", _committed())
    assert targets
    for target in targets:
        assert (DOC.parent / target).resolve().is_file(), target


def test_sarif_rules_link_their_documentation() -> None:
    log = json.loads(sarif.render(Report(findings=(), files=0, claims=0, rules=RULES), Options()))
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == REPOSITORY_URL
    assert {r["id"]: r["helpUri"] for r in driver["rules"]} == {r.code: r.help_uri for r in RULES}


def test_explain_names_the_documentation(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "V001"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2] == f"Documentation: {RULES[[r.code for r in RULES].index('V001')].help_uri}"
