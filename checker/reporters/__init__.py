"""Reporters render a :class:`Report`; they never decide what is a finding or the exit code.

Each format is one module with ``render(report, options) -> str`` and the
``EXTENSION`` its files get; :data:`REPORTERS` maps format names to them in
one explicit table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import MappingProxyType

from checker.findings import Severity
from checker.reporters import github, html, json_report, junit, markdown, sarif, text
from checker.reporters.base import Report


@dataclass(frozen=True)
class Options:
    """How to render: only what the format cannot decide for itself."""

    color: bool = False  # ANSI colours (text only; only on a terminal)
    # What the text format prints (--show, --quiet): findings at least this severe; None: none, only the
    # summary, which counts every finding and says how many are not shown. Other formats show everything.
    show: Severity | None = Severity.INFO
    statistics: bool = False  # the text format adds findings per rule and severity (--statistics)


@dataclass(frozen=True)
class Reporter:
    """A format: its name, the file name it is written to, and its renderer."""

    name: str
    filename: str  # written under the output directory by `checker report`
    render: Callable[[Report, Options], str]
    description: str


REPORTERS: MappingProxyType[str, Reporter] = MappingProxyType(
    {
        r.name: r
        for r in (
            Reporter("text", "claimcheck.txt", text.render, "plain text, one finding per line"),
            Reporter("html", "claimcheck.html", html.render, "one self-contained page for editors"),
            Reporter("json", "claimcheck.json", json_report.render, "every finding as versioned JSON"),
            Reporter("sarif", "claimcheck.sarif", sarif.render, "SARIF 2.1.0 for code scanning"),
            Reporter("junit", "claimcheck.junit.xml", junit.render, "JUnit XML for CI test views"),
            Reporter("markdown", "claimcheck.md", markdown.render, "Markdown for a PR comment or summary"),
            Reporter("github", "claimcheck.github.txt", github.render, "GitHub Actions annotations"),
        )
    }
)

__all__ = ["REPORTERS", "Options", "Report", "Reporter"]
