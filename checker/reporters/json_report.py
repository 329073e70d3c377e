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


#: Examples shared by the schema's fields: a location, a finding's subject, a finding.
_LOCATION_EXAMPLE: Final[dict[str, Any]] = {
    "path": "claims/rferl-kunbolat-15-days.yaml",
    "line": 23,
    "column": 12,
}
_SUBJECT_EXAMPLE: Final[dict[str, Any]] = {
    "claims": ["rferl-kunbolat-15-days/sentence", "rferl-kunbolatuly-10-days/sentence"],
    "entities": ["baibolat-kunbolat"],
    "sources": [],
    "catalogue": [],
    "config": [],
    "file": None,
    "key_path": [],
    "fact": {"entity": "baibolat-kunbolat", "property": "jail-sentence", "context": []},
    "values": ["10 days", "15 days"],
    "detail": [],
    "sides": [["rferl-kunbolatuly-10-days/sentence"], ["rferl-kunbolat-15-days/sentence"]],
}
_QUOTE_EXAMPLE: Final[dict[str, Any]] = {
    "text": "sentenced him to 15 days in jail",
    "location": _LOCATION_EXAMPLE,
    "source_id": "rferl-kunbolat-15-days",
}
_FINDING_EXAMPLE: Final[dict[str, Any]] = {
    "code": "V001",
    "rule": "value-conflict",
    "severity": "warning",
    "message": "jail sentence of Baibolat Kunbolat: 10 days or 15 days; may describe different events",
    "location": _LOCATION_EXAMPLE,
    "related": [{"path": "claims/rferl-kunbolatuly-10-days.yaml", "line": 36, "column": 12}],
    "quotes": [_QUOTE_EXAMPLE],
    "action": "check both sources; name the event (event:) if they describe the same one",
    "subject": _SUBJECT_EXAMPLE,
    "fingerprint": "0123456789abcdef",
}
_STALE_EXAMPLE: Final[dict[str, Any]] = {
    "code": "V001",
    "fingerprint": "0123456789abcdef",
    "content": "fedcba9876543210",
    "count": 1,
    "severity": "warning",
    "path": "claims/rferl-kunbolat-15-days.yaml",
    "claims": ["rferl-kunbolat-15-days/sentence"],
    "message": "jail sentence of Baibolat Kunbolat: 10 days or 15 days",
}
_WAIVER_EXAMPLE: Final[dict[str, Any]] = {
    "reason": "two different sentences",
    "by": "night desk",
    "expires": None,
    "fingerprint": "0123456789abcdef",
    "rule": None,
    "claims": [],
    "sources": [],
    "location": {"path": "checker.yaml", "line": 4, "column": 5},
}


@with_config(_FORBID)
class LocationDoc(TypedDict):
    """A place in a file."""

    path: Annotated[
        str, Field(description="Repo-relative POSIX path.", examples=["claims/rferl-kunbolat-15-days.yaml"])
    ]
    line: Annotated[int, Field(ge=1, description="1-based line.", examples=[23])]
    column: Annotated[int, Field(ge=1, description="1-based column, in Unicode code points.", examples=[12])]


@with_config(_FORBID)
class QuoteDoc(TypedDict):
    """What one side of a finding says, verbatim, and where the claim file records it."""

    text: Annotated[
        str,
        Field(description="The quote as the claim file records it.", examples=[_QUOTE_EXAMPLE["text"]]),
    ]
    location: Annotated[
        LocationDoc, Field(description="Where the claim file writes the quote.", examples=[_LOCATION_EXAMPLE])
    ]
    source_id: Annotated[
        str | None,
        Field(description="The id of the source quoted, when known.", examples=["rferl-kunbolat-15-days"]),
    ]


@with_config(_FORBID)
class FactDoc(TypedDict):
    """A fact: one entity's property in one context."""

    entity: Annotated[
        str, Field(description="The identity id of the entity.", examples=["baibolat-kunbolat"])
    ]
    property: Annotated[str, Field(description="The property id.", examples=["jail-sentence"])]
    context: Annotated[
        list[str],
        Field(
            description="What separates it from other facts: event=..., as-of=..., scope:...=...",
            examples=[["event=consulate-picket-2021-02-09"], []],
        ),
    ]


@with_config(_FORBID)
class SubjectDoc(TypedDict):
    """What a finding is about, by stable ids; the fingerprint is made from it."""

    claims: Annotated[
        list[str],
        Field(description="Claim keys: source-id/claim-id.", examples=[_SUBJECT_EXAMPLE["claims"]]),
    ]
    entities: Annotated[list[str], Field(description="Identity ids.", examples=[["baibolat-kunbolat"]])]
    sources: Annotated[list[str], Field(description="Source ids.", examples=[["rferl-kunbolat-15-days"]])]
    catalogue: Annotated[
        list[str],
        Field(
            description="Catalogue entries: property:ID, event:ID, unit:NAME.",
            examples=[["property:verdict"]],
        ),
    ]
    config: Annotated[
        list[str], Field(description="Configuration entries, e.g. a waiver.", examples=[["waivers[0]"]])
    ]
    file: Annotated[
        str | None,
        Field(
            description="The file whose content the finding is about.",
            examples=["claims/rferl-kunbolat-15-days.yaml"],
        ),
    ]
    key_path: Annotated[
        list[str],
        Field(
            description="Where in that file: keys, and list items by id=ID (else index).",
            examples=[["claims", "id=sentence", "value", "unit"]],
        ),
    ]
    fact: Annotated[
        FactDoc | None,
        Field(
            description="The fact a value or corroboration finding is about.",
            examples=[_SUBJECT_EXAMPLE["fact"]],
        ),
    ]
    values: Annotated[
        list[str],
        Field(description="The distinct values the finding lists.", examples=[["10 days", "15 days"]]),
    ]
    detail: Annotated[
        list[str],
        Field(description="What else tells two findings apart.", examples=[["additionalProperties"]]),
    ]
    sides: Annotated[
        list[list[str]],
        Field(
            description="The claims grouped by what they state (value, date, spelling), odd one out first.",
            examples=[_SUBJECT_EXAMPLE["sides"]],
        ),
    ]


_SEVERITY_DOC: Final = Field(
    description="error (fails the check by default), warning or info.", examples=["warning"]
)
_MESSAGE_DOC: Final = Field(
    description="What the finding says, in full.", examples=[_FINDING_EXAMPLE["message"]]
)
_SUBJECT_DOC: Final = Field(
    description="What the finding is about, by stable ids; the fingerprint is made from it.",
    examples=[_SUBJECT_EXAMPLE],
)


@with_config(_FORBID)
class FindingDoc(TypedDict):
    """One finding."""

    code: Annotated[str, Field(description="The rule's stable code, e.g. V001.", examples=["V001"])]
    rule: Annotated[
        str, Field(description="The rule's name, e.g. value-conflict.", examples=["value-conflict"])
    ]
    severity: Annotated[SeverityName, _SEVERITY_DOC]
    message: Annotated[str, _MESSAGE_DOC]
    location: Annotated[
        LocationDoc, Field(description="Where the finding is reported.", examples=[_LOCATION_EXAMPLE])
    ]
    related: Annotated[
        list[LocationDoc],
        Field(
            description="Other places involved: the other side of a conflict.",
            examples=[_FINDING_EXAMPLE["related"]],
        ),
    ]
    quotes: Annotated[
        list[QuoteDoc], Field(description="The quotes of the sides, in order.", examples=[[_QUOTE_EXAMPLE]])
    ]
    action: Annotated[
        str | None,
        Field(description="A suggested fix, when there is one.", examples=[_FINDING_EXAMPLE["action"]]),
    ]
    subject: Annotated[SubjectDoc, _SUBJECT_DOC]
    fingerprint: Annotated[
        str,
        Field(
            description="Stable hash of the code and the subject; waivers name it.",
            examples=["0123456789abcdef"],
        ),
    ]


@with_config(_FORBID)
class WaiverDoc(TypedDict):
    """The waiver that covered a finding, as the configuration writes it."""

    reason: Annotated[
        str, Field(description="Why the finding is accepted.", examples=["two different sentences"])
    ]
    by: Annotated[str | None, Field(description="Who accepted it.", examples=["night desk"])]
    expires: Annotated[
        str | None, Field(description="The last day it applies (YYYY-MM-DD).", examples=["2030-12-31"])
    ]
    fingerprint: Annotated[
        str | None,
        Field(description="The fingerprint it names, if it names one.", examples=["0123456789abcdef"]),
    ]
    rule: Annotated[str | None, Field(description="The rule code it names, with claims.", examples=["R002"])]
    claims: Annotated[
        list[str],
        Field(
            description="The source-id/claim-id keys it names, with rule.",
            examples=[["rferl-kunbolat-15-days/sentence"]],
        ),
    ]
    sources: Annotated[
        list[str],
        Field(description="The source ids it names, with rule.", examples=[["rferl-kunbolat-15-days"]]),
    ]
    location: Annotated[
        LocationDoc, Field(description="Where the waiver is written.", examples=[_WAIVER_EXAMPLE["location"]])
    ]


@with_config(_FORBID)
class WaivedDoc(FindingDoc):
    """A finding that a waiver covers: not reported, but counted."""

    waiver: Annotated[
        WaiverDoc, Field(description="The waiver that covered the finding.", examples=[_WAIVER_EXAMPLE])
    ]


@with_config(_FORBID)
class SeverityCounts(TypedDict):
    """Reported findings per severity."""

    error: Annotated[int, Field(description="Reported errors.", examples=[0])]
    warning: Annotated[int, Field(description="Reported warnings.", examples=[2])]
    info: Annotated[int, Field(description="Reported notes (info).", examples=[5])]


@with_config(_FORBID)
class SummaryDoc(TypedDict):
    """What was checked and what was found."""

    files: Annotated[int, Field(description="Claim files reported on (those named, or all).", examples=[2])]
    claims: Annotated[int, Field(description="Claims in the files reported on.", examples=[75])]
    compared_files: Annotated[
        int,
        Field(
            description="Claim files loaded and compared: the whole archive, whatever was named.",
            examples=[2],
        ),
    ]
    compared_claims: Annotated[int, Field(description="Claims loaded and compared.", examples=[75])]
    findings: Annotated[int, Field(description="Reported findings (waived ones not included).", examples=[7])]
    by_severity: Annotated[
        SeverityCounts,
        Field(
            description="Reported findings per severity: error, warning, info.",
            examples=[{"error": 0, "warning": 2, "info": 5}],
        ),
    ]
    waived: Annotated[int, Field(description="Findings a waiver covers.", examples=[0])]
    baselined: NotRequired[
        Annotated[
            int,
            Field(description="Findings the baseline covers; only when a baseline was given.", examples=[3]),
        ]
    ]


@with_config(_FORBID)
class ToolDoc(TypedDict):
    """The program that wrote the report."""

    name: Annotated[str, Field(description='Always "claimcheck".', examples=["claimcheck"])]
    version: Annotated[str, Field(description="The checker's version.", examples=["0.3.0"])]


@with_config(_FORBID)
class ReportDocument(TypedDict):
    """A claimcheck report (format version 2)."""

    schema: Annotated[
        Literal["https://claimcheck.invalid/schemas/report.schema.json"],
        Field(description="The URI of this JSON Schema.", examples=[SCHEMA_ID]),
    ]
    version: Annotated[Literal[2], Field(description="The format version.", examples=[2])]
    tool: Annotated[
        ToolDoc,
        Field(
            description="The program that wrote the report: its name and version.",
            examples=[{"name": "claimcheck", "version": "0.3.0"}],
        ),
    ]
    timestamp: NotRequired[
        Annotated[
            str,
            Field(
                description="When the report was made (ISO 8601, UTC); only when asked.",
                examples=["2026-11-30T14:00:00Z"],
            ),
        ]
    ]
    summary: Annotated[
        SummaryDoc,
        Field(
            description="What was checked (files, claims) and what was found (findings per severity).",
            examples=[
                {
                    "files": 2,
                    "claims": 75,
                    "compared_files": 2,
                    "compared_claims": 75,
                    "findings": 1,
                    "by_severity": {"error": 0, "warning": 1, "info": 0},
                    "waived": 0,
                }
            ],
        ),
    ]
    findings: Annotated[
        list[FindingDoc],
        Field(
            description="The reported findings, by file, line, column and code.",
            examples=[[_FINDING_EXAMPLE]],
        ),
    ]
    waived: Annotated[
        list[WaivedDoc],
        Field(
            description="Findings a waiver covers, each with its waiver.",
            examples=[[{**_FINDING_EXAMPLE, "waiver": _WAIVER_EXAMPLE}]],
        ),
    ]
    baselined: NotRequired[
        Annotated[
            list[FindingDoc],
            Field(
                description="Findings the baseline covers: not reported; only when a baseline was given.",
                examples=[[_FINDING_EXAMPLE]],
            ),
        ]
    ]
    stale_baseline: NotRequired[
        Annotated[
            list[BaselineEntryDoc],
            Field(
                description="Baseline entries no finding matched (fixed, or their claims changed), with the"
                " count left unmatched; only when a baseline was given.",
                examples=[[_STALE_EXAMPLE]],
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
