"""JUnit XML, for the test-report views of CI systems (Jenkins, GitLab, GitHub test reporters).

The shape follows the Surefire/Jenkins schema (``junit-10.xsd``) that these
tools accept:

- ``<testsuites name="claimcheck">`` with the total ``tests``, ``failures``
  and ``errors``;
- one ``<testsuite>`` per rule that produced findings (reported or waived),
  in code order, named ``CODE rule-name``;
- one ``<testcase>`` per finding, in the report's order (waived ones last):
  ``classname`` is the file's path and ``name`` is ``CODE FINGERPRINT`` and
  the start of what the finding is about (its subject: the fact, claims,
  entities, catalogue or configuration entries it names; for a load or
  schema problem, the key path and detail). CI systems track a test case
  across runs by its name, so the name holds nothing that moves when lines
  are inserted: no line, no column, and not the message (which may name a
  line). The location is in the body.

How severities map, chosen for what CI systems show:

- **error** -> ``<error>``: the build is red and the finding is listed as
  an error;
- **warning** -> ``<failure>``: listed as a failed test, to be reviewed;
- **info** -> a passing test case with the details in ``<system-out>``:
  notes (a fact stated by one source, agreement among one publisher's
  sources) must not turn a build red or yellow, yet stay readable in the
  test's output. ``<skipped>`` would hide them among waived findings and
  suggest that nothing was checked;
- **waived** -> ``<skipped message="waived: REASON">``: not a problem any
  more, but still counted and shown.

The body of ``<error>``, ``<failure>``, ``<skipped>`` and ``<system-out>`` is
the finding as the text report writes it (location, quotes, other side,
help, fingerprint). ``time`` is always ``0`` (nothing is timed, so that the
output is deterministic); ``timestamp`` is set only when the run records
one. User text goes through :func:`checker.textsafe.escape`, and any
character XML 1.0 cannot hold (lone surrogates, U+FFFE, U+FFFF) is replaced
by a visible ``\\uXXXX`` escape, so the file always parses.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.findings import Finding, Severity, Subject, Waiver
from checker.reporters.base import TOOL_NAME, Report
from checker.reporters.common import severity_counts
from checker.reporters.text import render_findings
from checker.textsafe import escape

if TYPE_CHECKING:
    from checker.reporters import Options

NAME_LENGTH = 100  # characters of the subject in a test case's name
MESSAGE_LENGTH = 2_000  # characters of the message in a message attribute

# Everything XML 1.0 does not allow in a document (https://www.w3.org/TR/xml/#charsets).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class _Case:
    finding: Finding
    waiver: Waiver | None


def render(report: Report, options: Options | None = None) -> str:
    """The report as a JUnit XML document, with a final newline."""
    cases = [_Case(f, None) for f in report.findings] + [_Case(w.finding, w.waiver) for w in report.waived]
    suites: dict[str, list[_Case]] = {}
    for case in cases:
        suites.setdefault(case.finding.code, []).append(case)

    root = ET.Element("testsuites")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for code in sorted(suites):
        members = suites[code]
        reported = severity_counts(c.finding for c in members if c.waiver is None)
        failures, errors = reported[Severity.WARNING], reported[Severity.ERROR]
        skipped = sum(1 for c in members if c.waiver is not None)
        suite = ET.SubElement(root, "testsuite")
        _set(suite, "name", f"{code} {members[0].finding.rule}")
        _set(suite, "tests", str(len(members)))
        _set(suite, "failures", str(failures))
        _set(suite, "errors", str(errors))
        _set(suite, "skipped", str(skipped))
        _set(suite, "time", "0")
        if report.timestamp is not None:
            _set(suite, "timestamp", report.timestamp)
        for case in members:
            _testcase(suite, case)
        totals["tests"] += len(members)
        totals["failures"] += failures
        totals["errors"] += errors
    _set(root, "name", TOOL_NAME)
    for key, value in totals.items():
        _set(root, key, str(value))
    _set(root, "time", "0")

    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode", short_empty_elements=True)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def _testcase(suite: ET.Element, case: _Case) -> None:
    finding = case.finding
    element = ET.SubElement(suite, "testcase")
    about = _clip(xml_text(describe(finding.subject)), NAME_LENGTH)
    _set(element, "name", f"{finding.code} {finding.fingerprint} {about}".rstrip())
    _set(element, "classname", finding.location.path)
    _set(element, "time", "0")
    details = render_findings([finding])
    if case.waiver is not None:
        waiver = case.waiver
        skipped = ET.SubElement(element, "skipped")
        _set(skipped, "message", f"waived: {_clip(xml_text(waiver.reason), MESSAGE_LENGTH)}")
        by = f" by {waiver.by}" if waiver.by else ""
        until = f" until {waiver.expires.isoformat()}" if waiver.expires else ""
        where = f" ({waiver.describe()}, {waiver.location})"
        _text(skipped, f"{details}waived{by}{until}{where}: {waiver.reason}\n")
    elif finding.severity is Severity.INFO:
        _text(ET.SubElement(element, "system-out"), details)
    else:
        tag = "error" if finding.severity is Severity.ERROR else "failure"
        problem = ET.SubElement(element, tag)
        _set(problem, "message", _clip(xml_text(finding.message), MESSAGE_LENGTH))
        _set(problem, "type", f"{finding.code} {finding.rule}")
        _text(problem, details)


def describe(subject: Subject) -> str:
    """What a finding is about, in words that never name a line: its subject but the file.

    The file is the test case's ``classname``; the rest (fact, claims,
    entities, ..., key path, detail) is what the fingerprint is made from.
    """
    groups = [
        (str(subject.fact),) if subject.fact is not None else (),
        tuple(sorted(subject.claims)),
        tuple(sorted(subject.entities)),
        tuple(sorted(subject.sources)),
        tuple(sorted(subject.catalogue)),
        tuple(sorted(subject.config)),
        ("/".join(subject.key_path),) if subject.key_path else (),
        subject.values,
        subject.detail,
    ]
    return "; ".join(", ".join(group) for group in groups if group)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def xml_text(text: str) -> str:
    """User text made safe to show and legal in XML 1.0."""
    return _NOT_XML.sub(_visible, escape(text))


def _visible(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _set(element: ET.Element, name: str, value: str) -> None:
    element.set(name, xml_text(value))


def _text(element: ET.Element, value: str) -> None:
    # Text bodies keep their line breaks (the details are several lines); each line is escaped.
    element.text = "\n".join(xml_text(line) for line in value.split("\n"))
