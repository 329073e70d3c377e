"""The Markdown report's folds and links, and where links come from (checker.links, repository_url).

Info findings are folded in one ``<details>``; a location is a link when the
repository's address is known, and user text stays inert either way.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest

from checker import cli, links
from checker.findings import Location, Severity, Waived, Waiver
from checker.reporters import json_report, markdown, sarif
from checker.reporters.base import Report
from checker.rules import RULES
from tests.conftest import REPO, write_project
from tests.test_reporters import HOSTILE_PATH, _hostile_finding, _many, _markdown_tokens, _our_html

GITHUB_ENV = ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA")
TEMPLATE = "https://github.com/newsroom/claims/blob/0a1b2c3/{path}#L{line}"


@pytest.fixture
def no_github(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in GITHUB_ENV:
        monkeypatch.delenv(name, raising=False)


def _report(link_template: str | None = None) -> Report:
    findings = tuple(_hostile_finding(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    return Report(findings=findings, files=2, claims=3, rules=RULES, link_template=link_template)


# -- folds -----------------------------------------------------------------------------------


def test_seed_info_findings_are_folded(
    no_github: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(REPO)
    cli.main(["check", "--format", "markdown", "claims/"])
    out = capsys.readouterr().out
    tokens = _markdown_tokens(out)
    _our_html(tokens, info=18)
    before, folded = out.split("<details>", 1)
    folded, after = folded.split("</details>", 1)
    assert before.count("\n- **") == 3 and "### Warnings (3)" in before and "### Info (18)" in before
    assert folded.count("\n- **") == 18 and before.rstrip().endswith("### Info (18)")
    assert "\n- **" not in after and after.endswith(
        "`checker explain CODE` shows what a rule checks, with examples.\n"
    )
    assert not [t for t in tokens if t.type == "link_open"]  # no repository address: no links


def test_fold_is_closed_when_the_report_is_cut() -> None:
    out = markdown.render(Report(findings=_many(1_000, "y" * 300), files=1, claims=1))
    assert len(out.encode("utf-8")) <= markdown.MAX_LENGTH
    assert out.count("<details>") == out.count("</details>") == 1
    assert out.index("</details>") < out.index("> [!WARNING]")
    _our_html(_markdown_tokens(out), info=1_000)


def test_no_fold_without_info() -> None:
    findings = tuple(_hostile_finding(s) for s in (Severity.ERROR, Severity.WARNING))
    out = markdown.render(Report(findings=findings, files=1, claims=1))
    assert "<details>" not in out and "</details>" not in out


# -- links -----------------------------------------------------------------------------------


def test_locations_link_to_their_lines() -> None:
    out = markdown.render(_report(TEMPLATE))
    tokens = _markdown_tokens(out)
    hrefs = [t.attrs["href"] for t in tokens if t.type == "link_open"]
    # each finding: its location, two quotes and a "see also"
    assert len(hrefs) == 3 * 4
    prefix = "https://github.com/newsroom/claims/blob/0a1b2c3/"
    assert all(isinstance(h, str) and h.startswith(prefix) for h in hrefs)
    first = str(hrefs[0])
    path, line = first.removeprefix(prefix).split("#L")
    assert unquote(path) == HOSTILE_PATH and line == "3"
    assert not set(path) & set(" \n()<>[]`\"'\\|,:")  # percent-encoded
    assert str(hrefs[3]) == prefix + "claims/other.yaml#L7"
    # the link texts are the locations, as inert as they are without links
    texts = [
        "".join(c.content for c in tokens[i + 1 : i + 2])
        for i, t in enumerate(tokens)
        if t.type == "link_open"
    ]
    assert texts[3] == "claims/other.yaml:7:9"
    kinds = {t.type for t in tokens}
    assert not kinds & {"html_inline", "image", "em_open", "s_open"}
    _our_html(tokens, info=1)
    assert not [t for t in _markdown_tokens(markdown.render(_report())) if t.type == "link_open"]


def test_waived_locations_link_too() -> None:
    finding = _hostile_finding(Severity.ERROR)
    waiver = Waiver("ok", Location("checker.yaml", 2, 3), rule="V001", claims=("a/b",))
    report = Report(findings=(), files=1, claims=1, waived=(Waived(finding, waiver),), link_template=TEMPLATE)
    out = markdown.render(report)
    waived = out.split("### Waived (1)", 1)[1]
    hrefs = [t.attrs["href"] for t in _markdown_tokens(waived) if t.type == "link_open"]
    assert len(hrefs) == 1 and str(hrefs[0]).endswith("#L3")


@pytest.mark.parametrize(
    ("configured", "environ", "expected"),
    [
        (None, {}, None),
        (
            "https://github.com/newsroom/claims",
            {},
            "https://github.com/newsroom/claims/blob/HEAD/{path}#L{line}",
        ),
        (
            "https://github.com/newsroom/claims/",
            {"GITHUB_SHA": "0a1b2c3"},
            "https://github.com/newsroom/claims/blob/0a1b2c3/{path}#L{line}",
        ),
        (
            "https://gitlab.example/news/claims/-/blob/{ref}/{path}#L{line}",
            {"GITHUB_SHA": "main"},
            "https://gitlab.example/news/claims/-/blob/main/{path}#L{line}",
        ),
        (
            None,
            {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/r", "GITHUB_SHA": "abc"},
            "https://github.com/o/r/blob/abc/{path}#L{line}",
        ),
        (
            None,
            {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/r"},
            "https://github.com/o/r/blob/HEAD/{path}#L{line}",
        ),
        # the configuration wins over the environment
        (
            "https://git.example/claims/{path}?line={line}",
            {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/r"},
            "https://git.example/claims/{path}?line={line}",
        ),
        # what cannot be a safe link gives none
        (None, {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/r) [x](y"}, None),
        (None, {"GITHUB_SERVER_URL": "javascript:alert(1)//", "GITHUB_REPOSITORY": "o/r"}, None),
        (None, {"GITHUB_REPOSITORY": "o/r"}, None),
        (
            None,
            {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/r", "GITHUB_SHA": "a b)"},
            "https://github.com/o/r/blob/HEAD/{path}#L{line}",
        ),
    ],
)
def test_link_template(configured: str | None, environ: dict[str, str], expected: str | None) -> None:
    assert links.template(configured, environ) == expected


@pytest.mark.parametrize(
    "value",
    [
        "github.com/newsroom/claims",
        "ftp://example.com/claims",
        "https://example.com/claims (old)",
        "https://example.com/<claims>",
        "https://example.com/claims/{file}#L{line}",
        "https://example.com/claims#L{line}",
        'https://example.com/"claims"',
    ],
)
def test_repository_url_problems(value: str) -> None:
    assert links.problem(value) is not None
    assert links.template(value, {}) is None


def test_url_encodes_the_path() -> None:
    assert (
        links.url(TEMPLATE, Location("claims/a b/ü(1).yaml", 0, 1))
        == "https://github.com/newsroom/claims/blob/0a1b2c3/claims/a%20b/%C3%BC%281%29.yaml#L1"
    )
    assert links.url(TEMPLATE, Location("claims/\ud800.yaml", 4)).endswith("/claims/%3F.yaml#L4")


# -- the configuration -----------------------------------------------------------------------


def _project(tmp_path: Path, config: str) -> Path:
    root = write_project(tmp_path, [("claims/bad.yaml", "a: [\n")])
    (root / "checker.yaml").write_text(config, encoding="utf-8")
    return root


def test_repository_url_in_checker_yaml_links_the_markdown(
    tmp_path: Path, no_github: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _project(tmp_path, "repository_url: https://github.com/newsroom/claims\n")
    assert cli.main(["check", "--format", "markdown", str(root / "claims")]) == 1
    out = capsys.readouterr().out
    assert "(https://github.com/newsroom/claims/blob/HEAD/claims/bad.yaml#L2)" in out
    assert cli.main(["check", str(root / "claims")]) == 1  # the text format has no links
    assert "https://" not in capsys.readouterr().out


def test_repository_url_in_pyproject(
    tmp_path: Path, no_github: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_project(tmp_path, [("claims/bad.yaml", "a: [\n")])
    (root / "checker.yaml").unlink()
    (root / "pyproject.toml").write_text(
        '[tool.checker]\nrepository_url = "https://git.example/c/-/blob/{ref}/{path}#L{line}"\n',
        encoding="utf-8",
    )
    cli.main(["check", "--format", "markdown", str(root / "claims")])
    assert "(https://git.example/c/-/blob/HEAD/claims/bad.yaml#L2)" in capsys.readouterr().out


def test_github_actions_environment_links_the_markdown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _project(tmp_path, "# no address configured\n")
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "newsroom/claims")
    monkeypatch.setenv("GITHUB_SHA", "0a1b2c3")
    cli.main(["check", "--format", "markdown", str(root / "claims")])
    assert "(https://github.com/newsroom/claims/blob/0a1b2c3/claims/bad.yaml#L2)" in capsys.readouterr().out


def test_a_bad_repository_url_is_a_located_configuration_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _project(tmp_path, "fail_on: error\nrepository_url: 'https://example.com/my claims'\n")
    assert cli.main(["check", str(root / "claims")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("checker.yaml:2:17: error: "), err
    assert "not an http(s) URL" in err


def test_link_template_is_not_in_other_formats() -> None:
    report = _report(TEMPLATE)
    assert "0a1b2c3" not in json_report.render(report) and "0a1b2c3" not in sarif.render(report)
