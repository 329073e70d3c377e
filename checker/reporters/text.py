"""Plain text, one finding per line: ``path:line:col: CODE severity message``.

Details (the other side of a conflict, quotes, the suggested action) follow
on indented lines so that the first line stays grep- and editor-friendly.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from checker.findings import Finding, Severity
from checker.reporters.base import Report
from checker.reporters.common import severity_counts

if TYPE_CHECKING:
    from checker.reporters import Options
from checker.textsafe import escape
from checker.wording import plural

_COLORS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def render(report: Report, options: Options | None = None) -> str:
    """The whole report: the findings shown, the statistics if asked, then the summary line.

    ``options.show`` chooses the findings printed (the least severe shown);
    the summary still counts every finding and ends by saying how many are
    not shown and how to see them.
    """
    show = options.show if options is not None else Severity.INFO
    shown = [f for f in report.findings if show is not None and f.severity >= show]
    out = render_findings(shown, color=bool(options and options.color))
    if options is not None and options.statistics:
        out += statistics(report.findings)
    return out + summary(report) + hidden_note(report.findings, show) + "\n"


def render_findings(findings: Iterable[Finding], *, color: bool = False) -> str:
    """Each finding as its line and indented details; empty when there are none.

    Colour (ANSI) is added only around our own words: user text is escaped
    first, so it can never carry escape sequences of its own.
    """
    lines: list[str] = []
    for finding in findings:
        severity = str(finding.severity)
        if color:
            severity = f"{_COLORS[finding.severity]}{severity}{_RESET}"
            code = f"{_BOLD}{finding.code}{_RESET}"
        else:
            code = finding.code
        lines.append(f"{escape(str(finding.location))}: {code} {severity} {escape(finding.message)}")
        for quote in finding.quotes:
            lines.append(f"    {escape(str(quote.location))}: \u201c{escape(quote.text)}\u201d")
        for related in finding.related:
            if not any(q.location == related for q in finding.quotes):
                lines.append(f"    see also {escape(str(related))}")
        if finding.action:
            lines.append(f"    help: {escape(finding.action)}")
        lines.append(f"    fingerprint: {finding.fingerprint}")
    return "".join(line + "\n" for line in lines)


def summary(report: Report) -> str:
    """One line: counts by severity and what was checked."""
    parts = ", ".join(f"{n} {plural(str(s), n)}" for s, n in severity_counts(report.findings).items())
    parts += f", {len(report.waived)} waived"
    if report.baselined is not None:
        parts += f", {len(report.baselined)} baselined"
    line = f"{parts} in {report.files} {plural('file', report.files)} ({report.claims} claims)"
    if report.compared_files > report.files:
        line += (
            f", compared with the archive's {report.compared_files} {plural('file', report.compared_files)}"
            f" ({report.compared_claims} claims)"
        )
    return line


def hidden_note(findings: Iterable[Finding], show: Severity | None) -> str:
    """What the summary line adds when findings are not printed: ``; 18 info not shown (--show info)``.

    Empty when every finding is shown. The option named shows them all.
    """
    hidden = severity_counts(f for f in findings if show is None or f.severity < show)
    parts = [f"{n} {plural(str(s), n)}" for s, n in hidden.items() if n]
    if not parts:
        return ""
    least = min(s for s, n in hidden.items() if n)
    return f"; {' and '.join(parts)} not shown (--show {least})"


def statistics(findings: Iterable[Finding]) -> str:
    """One line per rule and severity: code, name, severity, count (like ``ruff --statistics``).

    Every finding is counted, shown or not. Most severe first, then the most
    frequent, then by code; empty when there are none.
    """
    counts = Counter((f.severity, escape(f.code), escape(f.rule)) for f in findings)
    rows = sorted(counts.items(), key=lambda item: (-item[0][0], -item[1], item[0][1], item[0][2]))
    if not rows:
        return ""
    code_width = max(len(code) for (_, code, _), _ in rows)
    name_width = max(len(rule) for (_, _, rule), _ in rows)
    count_width = max(len(str(n)) for _, n in rows)
    return "".join(
        f"{code:<{code_width}}  {rule:<{name_width}}  {severity!s:<7}  {n:>{count_width}}\n"
        for (severity, code, rule), n in rows
    )
