"""Markdown (GitHub Flavored), for a pull-request comment or ``$GITHUB_STEP_SUMMARY``.

A summary table (findings per severity and waived), then the findings
grouped by severity (errors first) and, within one, by file, in the report's
order. Each finding shows its location, code and rule, the message, every
quote as a block quote with where it is recorded, the other side ("see
also") and the suggested fix. The info findings (notes, not problems) are
folded in one ``<details>`` element under their heading, so that errors and
warnings are what a reader sees. Waived findings follow in a section of
their own, with the waiver's reason.

When the report has a link template (``repository_url`` in the
configuration, or GitHub Actions' environment: :mod:`checker.links`),
every location is a link to its line in the repository; the path in the
address is percent-encoded and the template holds no character that could
end the link early.

User text can never become markup: it goes through
:func:`checker.textsafe.escape` (control and bidi characters, line breaks
become visible escapes, so it stays on its line and cannot start a block),
then every character Markdown or HTML give a meaning to in running text
(``\\ ` * _ ~ [ ] < > | &``) is escaped with a backslash, so a claim cannot
inject links, HTML, code spans or emphasis, nor break the table. The only
HTML is our own ``<details>`` and ``<summary>`` lines, the only links our own.

GitHub refuses a comment over 65,536 characters (and a step summary is
read in the same view), so the output is cut at findings' boundaries to
stay under that, counted in UTF-8 bytes (never fewer than characters), and
ends with a notice of how many findings are not shown.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from checker import links
from checker.findings import Finding, Location, Severity, Waived
from checker.reporters.base import TOOL_NAME, Report
from checker.reporters.common import places, severity_counts, without_surrogates
from checker.textsafe import escape
from checker.wording import plural

if TYPE_CHECKING:
    from checker.reporters import Options

MAX_LENGTH = 65_536  # GitHub's limit for a comment body
_NOTICE_RESERVE = 600  # room kept for the truncation notice

_HEADINGS = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Info"}
_MARKUP = re.compile(r"([\\`*_~\[\]<>|&])")


def md(text: str) -> str:
    """User text as inert Markdown: one line, no markup, no HTML."""
    return _MARKUP.sub(r"\\\1", escape(without_surrogates(text)))


def render(report: Report, options: Options | None = None, *, max_length: int = MAX_LENGTH) -> str:
    """The report as Markdown, at most ``max_length`` UTF-8 bytes."""
    out = _Output(max_length - _NOTICE_RESERVE)
    out.add(_header(report))
    shown = 0
    folded = False
    for severity, block in _finding_blocks(report.findings, report.link_template):
        if not out.add(block):
            break
        shown += 1
        folded = folded or severity is Severity.INFO
    if folded:
        out.force(DETAILS_CLOSE)
    waived_shown = 0
    if shown == len(report.findings) and report.waived:
        for block in _waived_blocks(report.waived, report.link_template):
            if not out.add(block):
                break
            waived_shown += 1
    omitted = len(report.findings) - shown
    omitted_waived = len(report.waived) - waived_shown
    if omitted or omitted_waived:
        out.force(_notice(omitted, len(report.findings), omitted_waived))
    out.force(_footer())
    return without_surrogates(out.text())


class _Output:
    """Text that grows by whole blocks while it fits a budget in UTF-8 bytes."""

    def __init__(self, budget: int) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.budget = budget

    def add(self, block: str) -> bool:
        size = len(block.encode("utf-8"))
        if self.size + size > self.budget:
            return False
        self.force(block)
        return True

    def force(self, block: str) -> None:
        self.parts.append(block)
        self.size += len(block.encode("utf-8"))

    def text(self) -> str:
        return "".join(self.parts)


def _header(report: Report) -> str:
    found = severity_counts(report.findings)
    summary = ", ".join(f"{n} {plural(str(s), n)}" for s, n in found.items())
    if report.waived:
        summary += f", {len(report.waived)} waived"
    lines = [
        f"## {TOOL_NAME}: {summary}",
        "",
        f"{report.files} {plural('file', report.files)} and {report.claims}"
        f" {plural('claim', report.claims)} checked by {TOOL_NAME} {md(report.version)}"
        + (
            f", compared with the archive's {report.compared_files} files ({report.compared_claims} claims)"
            if report.compared_files > report.files
            else ""
        )
        + (f" at {md(report.timestamp)}." if report.timestamp else "."),
        "",
        "| severity | findings |",
        "| :-- | --: |",
        *(f"| {s} | {n} |" for s, n in found.items()),
        f"| waived | {len(report.waived)} |",
        "",
    ]
    if not report.findings:
        lines += ["No findings.", ""]
    return "\n".join(lines) + "\n"


def _finding_blocks(findings: Iterable[Finding], link_template: str | None) -> Iterable[tuple[Severity, str]]:
    """One block per finding, with the headings of the groups it opens (and the info group's fold)."""
    by_severity: dict[Severity, dict[str, list[Finding]]] = {}
    for finding in findings:
        by_severity.setdefault(finding.severity, {}).setdefault(finding.location.path, []).append(finding)
    for severity in sorted(by_severity, reverse=True):
        files = by_severity[severity]
        total = sum(len(group) for group in files.values())
        heading = f"### {_HEADINGS[severity]} ({total})\n\n"
        if severity is Severity.INFO:
            heading += details_open(f"Show {total} info {plural('finding', total)}: notes, not problems")
        for path, group in files.items():
            heading += f"#### {md(path)}\n\n"
            for finding in group:
                yield severity, heading + _finding(finding, link_template)
                heading = ""


#: The fold around the info findings: HTML blocks of their own, with blank lines around the Markdown.
DETAILS_CLOSE = "</details>\n\n"


def details_open(summary: str) -> str:
    """The start of a fold; ``summary`` is our own words (escaped as HTML all the same)."""
    return f"<details>\n<summary>{html.escape(escape(summary))}</summary>\n\n"


def _where(location: Location, link_template: str | None) -> str:
    """A location as inert text, or as a link to it when the repository's address is known."""
    text = md(str(location))
    return text if link_template is None else f"[{text}]({links.url(link_template, location)})"


def _finding(finding: Finding, link_template: str | None = None) -> str:
    loc = _where(finding.location, link_template)
    lines = [f"- **{md(finding.code)}** {md(finding.rule)} at {loc}: {md(finding.message)}", ""]
    see_also = []
    for place in places(finding):
        where = _where(place.location, link_template)
        if place.quote is None:
            see_also.append(where)
            continue
        source = f" ({md(place.quote.source_id)})" if place.quote.source_id else ""
        lines += [f"  > {md(place.quote.text)}", "  >", f"  > \u2014 {where}{source}", ""]
    if see_also:
        lines += [f"  See also {', '.join(see_also)}.", ""]
    if finding.action:
        lines += [f"  Help: {md(finding.action)}", ""]
    lines += [f"  Fingerprint: {md(finding.fingerprint)}", ""]
    return "\n".join(lines) + "\n"


def _waived_blocks(waived: tuple[Waived, ...], link_template: str | None = None) -> Iterable[str]:
    heading = f"### Waived ({len(waived)})\n\n"
    for finding, waiver in waived:
        who = f" by {md(waiver.by)}" if waiver.by else ""
        until = f", until {waiver.expires.isoformat()}" if waiver.expires else ""
        yield (
            heading
            + f"- **{md(finding.code)}** {md(finding.rule)} at {_where(finding.location, link_template)}:"
            f" {md(finding.message)}\n\n"
            f"  Waived{who}{until}: {md(waiver.reason)}\n\n"
        )
        heading = ""


def _notice(omitted: int, total: int, omitted_waived: int) -> str:
    parts = []
    if omitted:
        parts.append(f"{omitted} of {total} {plural('finding', total)}")
    if omitted_waived:
        parts.append(f"{omitted_waived} waived {plural('finding', omitted_waived)}")
    return (
        "> [!WARNING]\n"
        f"> Truncated to fit GitHub's {MAX_LENGTH:,}-character limit: {' and '.join(parts)}"
        " not shown. The text, JSON and SARIF reports have them all.\n\n"
    )


def _footer() -> str:
    return "`checker explain CODE` shows what a rule checks, with examples.\n"
