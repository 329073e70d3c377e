"""GitHub Actions workflow commands: one annotation per finding.

Each finding is one line, in the report's order::

    ::warning file=PATH,line=L,col=C,title=CODE rule-name::MESSAGE

``error`` findings become ``::error``, ``warning`` ``::warning`` and
``info`` ``::notice``. The message carries, on further lines of the
annotation, the quotes with where they are recorded, the other side ("see
also") and the suggested fix, so that the other side of a conflict is
readable in the annotation itself. Waived findings are not annotated, and
nothing else is written: the output can be printed by a workflow step
as it is.

User text goes through :func:`checker.textsafe.escape` first (control and
bidi characters, line breaks become visible escapes), then gets the escaping
the runner expects: in the message ``%`` -> ``%25``, CR -> ``%0D``, LF ->
``%0A``; in property values also ``:`` -> ``%3A`` and ``,`` -> ``%2C``. A
finding can therefore neither end its line early nor start another command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.findings import Finding, Severity
from checker.reporters.base import Report
from checker.reporters.common import places, without_surrogates
from checker.textsafe import escape

if TYPE_CHECKING:
    from checker.reporters import Options

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(report: Report, options: Options | None = None) -> str:
    """One workflow command per reported finding; empty when there are none."""
    return without_surrogates("".join(command(finding) + "\n" for finding in report.findings))


def command(finding: Finding) -> str:
    """The workflow command that annotates ``finding``."""
    loc = finding.location
    properties = ",".join(
        f"{key}={escape_property(value)}"
        for key, value in (
            ("file", loc.path),
            ("line", str(loc.line)),
            ("col", str(loc.column)),
            ("title", f"{finding.code} {finding.rule}"),
        )
    )
    return f"::{COMMANDS[finding.severity]} {properties}::{escape_data(_message(finding))}"


def _message(finding: Finding) -> str:
    lines = [escape(finding.message)]
    for place in places(finding):
        where = escape(str(place.location))
        if place.quote is None:
            lines.append(f"see also {where}")
        else:
            source = f" ({escape(place.quote.source_id)})" if place.quote.source_id else ""
            lines.append(f"\u201c{escape(place.quote.text)}\u201d at {where}{source}")
    if finding.action:
        lines.append(f"help: {escape(finding.action)}")
    return "\n".join(lines)


def escape_data(text: str) -> str:
    """Escape the message part of a workflow command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value of a workflow command (after making it safe to show)."""
    return escape_data(escape(text)).replace(":", "%3A").replace(",", "%2C")
