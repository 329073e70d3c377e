"""JSON: every finding with every field, in a documented and versioned shape.

The shape is the ``ReportDocument`` type below; its JSON Schema is generated
from these types (``checker schema`` writes ``schemas/report.schema.json``)
and a test fails when the committed file drifts. ``version`` is bumped only
for a change that could break a reader (a field removed, renamed or retyped);
fields may be added within a version.

- ``findings``: the reported findings, in the report's order (by file,
  line, column, code). Locations are repo-relative POSIX paths with 1-based
  lines and columns (columns count Unicode code points).
- ``waived``: findings a waiver covers, each with the ``waiver`` that did.
- ``baselined`` and ``stale_baseline``, only when a baseline was given
  (``--baseline``): the findings it covers (left out of ``findings``), and
  its entries that no finding matched, in the baseline file's own shape
  (:class:`checker.baseline.BaselineEntryDoc`); ``summary.baselined`` counts the first.
- ``timestamp`` is present only when the run was asked to record one
  (``--timestamp`` or ``SOURCE_DATE_EPOCH``); otherwise the output is
  byte-identical for the same input.

The text is UTF-8 with non-ASCII characters as themselves (JSON escapes the
control characters); keys are sorted and indented by two spaces. User text
is not otherwise altered, except that a lone surrogate (which UTF-8 cannot
encode) becomes U+FFFD. Consumers that display it must escape it themselves.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Any, Final, Literal, NotRequired

from pydantic import ConfigDict, Field, TypeAdapter, with_config
from typing_extensions import TypedDict  # pydantic reads only this TypedDict before Python 3.12

from checker.baseline import BaselineEntryDoc
from checker.findings import Finding, Location, Quote, Severity, Waived
from checker.reporters.base import TOOL_NAME, Report
from checker.reporters.common import severity_counts, subject_json, without_surrogates

if TYPE_CHECKING:
    from checker.reporters import Options

FORMAT_VERSION: Final = 2
SCHEMA_ID: Final = "https://claimcheck.invalid/schemas/report.schema.json"
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

SeverityName = Literal["error", "warning", "info"]
_FORBID = ConfigDict(extra="forbid")


@with_config(_FORBID)
class LocationDoc(TypedDict):
    """A place in a file."""

    path: Annotated[str, Field(description="Repo-relative POSIX path.")]
    line: Annotated[int, Field(ge=1, description="1-based line.")]
    column: Annotated[int, Field(ge=1, description="1-based column, in Unicode code points.")]


@with_config(_FORBID)
class QuoteDoc(TypedDict):
    """What one side of a finding says, verbatim, and where the claim file records it."""

    text: str
    location: LocationDoc
    source_id: Annotated[str | None, Field(description="The id of the source quoted, when known.")]


@with_config(_FORBID)
class FactDoc(TypedDict):
    """A fact: one entity's property in one context."""

    entity: Annotated[str, Field(description="The identity id of the entity.")]
    property: Annotated[str, Field(description="The property id.")]
    context: Annotated[
        list[str],
        Field(description="What separates it from other facts: event=..., as-of=..., scope:...=..."),
    ]


@with_config(_FORBID)
class SubjectDoc(TypedDict):
    """What a finding is about, by stable ids; the fingerprint is made from it."""

    claims: Annotated[list[str], Field(description="Claim keys: source-id/claim-id.")]
    entities: Annotated[list[str], Field(description="Identity ids.")]
    sources: Annotated[list[str], Field(description="Source ids.")]
    catalogue: Annotated[list[str], Field(description="Catalogue entries: property:ID, event:ID, unit:NAME.")]
    config: Annotated[list[str], Field(description="Configuration entries, e.g. a waiver.")]
    file: Annotated[str | None, Field(description="The file whose content the finding is about.")]
    key_path: Annotated[
        list[str], Field(description="Where in that file: keys, and list items by id=ID (else index).")
    ]
    fact: Annotated[FactDoc | None, Field(description="The fact a value or corroboration finding is about.")]
    values: Annotated[list[str], Field(description="The distinct values the finding lists.")]
    detail: Annotated[list[str], Field(description="What else tells two findings apart.")]
    sides: Annotated[
        list[list[str]],
        Field(
            description="The claims grouped by what they state (value, date, spelling), odd one out first."
        ),
    ]


@with_config(_FORBID)
class FindingDoc(TypedDict):
    """One finding."""

    code: Annotated[str, Field(description="The rule's stable code, e.g. V001.")]
    rule: Annotated[str, Field(description="The rule's name, e.g. value-conflict.")]
    severity: SeverityName
    message: str
    location: Annotated[LocationDoc, Field(description="Where the finding is reported.")]
    related: Annotated[
        list[LocationDoc], Field(description="Other places involved: the other side of a conflict.")
    ]
    quotes: Annotated[list[QuoteDoc], Field(description="The quotes of the sides, in order.")]
    action: Annotated[str | None, Field(description="A suggested fix, when there is one.")]
    subject: SubjectDoc
    fingerprint: Annotated[
        str, Field(description="Stable hash of the code and the subject; waivers name it.")
    ]


@with_config(_FORBID)
class WaiverDoc(TypedDict):
    """The waiver that covered a finding, as the configuration writes it."""

    reason: str
    by: str | None
    expires: Annotated[str | None, Field(description="The last day it applies (YYYY-MM-DD).")]
    fingerprint: Annotated[str | None, Field(description="The fingerprint it names, if it names one.")]
    rule: Annotated[str | None, Field(description="The rule code it names, with claims.")]
    claims: Annotated[list[str], Field(description="The source-id/claim-id keys it names, with rule.")]
    sources: Annotated[list[str], Field(description="The source ids it names, with rule.")]
    location: Annotated[LocationDoc, Field(description="Where the waiver is written.")]


@with_config(_FORBID)
class WaivedDoc(FindingDoc):
    """A finding that a waiver covers: not reported, but counted."""

    waiver: WaiverDoc


@with_config(_FORBID)
class SeverityCounts(TypedDict):
    """Reported findings per severity."""

    error: int
    warning: int
    info: int


@with_config(_FORBID)
class SummaryDoc(TypedDict):
    """What was checked and what was found."""

    files: Annotated[int, Field(description="Claim files reported on (those named, or all).")]
    claims: Annotated[int, Field(description="Claims in the files reported on.")]
    compared_files: Annotated[
        int, Field(description="Claim files loaded and compared: the whole archive, whatever was named.")
    ]
    compared_claims: Annotated[int, Field(description="Claims loaded and compared.")]
    findings: Annotated[int, Field(description="Reported findings (waived ones not included).")]
    by_severity: SeverityCounts
    waived: Annotated[int, Field(description="Findings a waiver covers.")]
    baselined: NotRequired[
        Annotated[int, Field(description="Findings the baseline covers; only when a baseline was given.")]
    ]


@with_config(_FORBID)
class ToolDoc(TypedDict):
    """The program that wrote the report."""

    name: Annotated[str, Field(description='Always "claimcheck".')]
    version: str


@with_config(_FORBID)
class ReportDocument(TypedDict):
    """A claimcheck report (format version 2)."""

    schema: Annotated[
        Literal["https://claimcheck.invalid/schemas/report.schema.json"],
        Field(description="The URI of this JSON Schema."),
    ]
    version: Annotated[Literal[2], Field(description="The format version.")]
    tool: ToolDoc
    timestamp: NotRequired[
        Annotated[str, Field(description="When the report was made (ISO 8601, UTC); only when asked.")]
    ]
    summary: SummaryDoc
    findings: list[FindingDoc]
    waived: list[WaivedDoc]
    baselined: NotRequired[
        Annotated[
            list[FindingDoc],
            Field(description="Findings the baseline covers: not reported; only when a baseline was given."),
        ]
    ]
    stale_baseline: NotRequired[
        Annotated[
            list[BaselineEntryDoc],
            Field(
                description="Baseline entries no finding matched (fixed, or their claims changed), with the"
                " count left unmatched; only when a baseline was given."
            ),
        ]
    ]


def render(report: Report, options: Options | None = None) -> str:
    """The report as JSON text, with a final newline."""
    return dumps(document(report))


def dumps(doc: ReportDocument) -> str:
    """Sorted keys, two-space indent, UTF-8 characters as themselves, encodable whatever the input."""
    return without_surrogates(json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False)) + "\n"


def document(report: Report) -> ReportDocument:
    """The report as JSON-ready data."""
    by_severity = severity_counts(report.findings)
    doc: ReportDocument = {
        "schema": SCHEMA_ID,
        "version": FORMAT_VERSION,
        "tool": {"name": TOOL_NAME, "version": report.version},
        "summary": {
            "files": report.files,
            "claims": report.claims,
            "compared_files": max(report.compared_files, report.files),
            "compared_claims": max(report.compared_claims, report.claims),
            "findings": len(report.findings),
            "by_severity": {
                "error": by_severity[Severity.ERROR],
                "warning": by_severity[Severity.WARNING],
                "info": by_severity[Severity.INFO],
            },
            "waived": len(report.waived),
        },
        "findings": [finding_doc(f) for f in report.findings],
        "waived": [waived_doc(w) for w in report.waived],
    }
    if report.timestamp is not None:
        doc["timestamp"] = report.timestamp
    if report.baselined is not None:
        doc["summary"]["baselined"] = len(report.baselined)
        doc["baselined"] = [finding_doc(f) for f in report.baselined]
        doc["stale_baseline"] = [entry.doc() for entry in report.stale_baseline]
    return doc


def location_doc(location: Location) -> LocationDoc:
    """A location as JSON-ready data."""
    return {"path": location.path, "line": location.line, "column": location.column}


def quote_doc(quote: Quote) -> QuoteDoc:
    """A quote as JSON-ready data."""
    return {"text": quote.text, "location": location_doc(quote.location), "source_id": quote.source_id}


def finding_doc(finding: Finding) -> FindingDoc:
    """A finding as JSON-ready data: every field."""
    return {
        "code": finding.code,
        "rule": finding.rule,
        "severity": _severity(finding),
        "message": finding.message,
        "location": location_doc(finding.location),
        "related": [location_doc(r) for r in finding.related],
        "quotes": [quote_doc(q) for q in finding.quotes],
        "action": finding.action,
        "subject": subject_json(finding.subject),
        "fingerprint": finding.fingerprint,
    }


def waived_doc(waived: Waived) -> WaivedDoc:
    """A waived finding and its waiver as JSON-ready data."""
    waiver = waived.waiver
    return {
        **finding_doc(waived.finding),
        "waiver": {
            "reason": waiver.reason,
            "by": waiver.by,
            "expires": waiver.expires.isoformat() if waiver.expires is not None else None,
            "fingerprint": waiver.fingerprint,
            "rule": waiver.rule,
            "claims": list(waiver.claims),
            "sources": list(waiver.sources),
            "location": location_doc(waiver.location),
        },
    }


_SEVERITY_NAMES: dict[Severity, SeverityName] = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "info",
}


def _severity(finding: Finding) -> SeverityName:
    return _SEVERITY_NAMES[finding.severity]


def schema() -> dict[str, Any]:
    """The JSON Schema of the format, generated from :class:`ReportDocument`."""
    body = TypeAdapter(ReportDocument).json_schema(mode="serialization")
    return {"$schema": SCHEMA_DIALECT, "$id": SCHEMA_ID, **body}


def render_schema() -> str:
    """The schema file's exact text (as ``checker schema`` writes it)."""
    return json.dumps(schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
