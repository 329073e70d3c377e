"""SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers.

One run. ``tool.driver.rules`` is the rule catalogue (id = code, name = the
rule's name in PascalCase, the docstring with its examples as help); each
finding is a result at its file, line and column (``columnKind`` is
``unicodeCodePoints``), its paths relative to ``%SRCROOT%``, the repository
root. The quotes and the other side of a finding are its
``relatedLocations`` (each with the quoted text as its message), linked
from the message text as SARIF embedded links (``[path:line:col](id)``), the
form GitHub shows; literal ``[``, ``]`` and ``\\`` in user text are escaped
with a backslash as SARIF asks. ``partialFingerprints["claimcheck/v1"]`` is
the finding's fingerprint, so an alert keeps its identity across edits.
Waived findings are results too, with an accepted external suppression
carrying the waiver's reason.

With a baseline (``--baseline``), every result has a ``baselineState``
(SARIF 2.1.0 §3.27.24): ``unchanged`` for a finding the baseline covers
(it is a result, so that viewers can show it, but not a new one), ``new``
for any other (a waived finding too: baselines never hold waived findings),
and one ``absent`` result per stale entry, at the file it was recorded in.
Without a baseline no result has one.

User text shown to people (messages, quotes, reasons) goes through
:func:`checker.textsafe.escape`, so no control or bidi character reaches a
viewer; ``properties`` keep the raw values (a lone surrogate, which UTF-8
cannot encode, becomes U+FFFD everywhere).

GitHub code scanning rejects a run with more than 25,000 results, an upload
over 10 MB *gzip-compressed*, and more than 1,000 locations in a result.
The size is measured as the upload action does it: the gzip of the
serialized log at zlib's default level (``zlib.gzipSync`` in
github/codeql-action), here of the file as written (indented: in practice no smaller
than the action's minified copy), with 5 % kept free for what the action
adds (a ``primaryLocationLineHash`` per result, the run's category). Rather
than write a file that is rejected, the log keeps reported findings before
waived ones and, among them, errors, then warnings, then info (the
report's order within one), leaves the rest out (info first) and says how
many of each severity in ``invocations[0].toolExecutionNotifications``; a
result keeps its first 1,000 related locations and counts the others in its
properties.

The text is indented by two spaces with sorted keys, except that each
result is written on one line of its own: a third of the size, and one line
of a diff per finding.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections import Counter
from typing import TYPE_CHECKING, Any
from urllib.parse import quote as percent_encode

from checker.baseline import Entry
from checker.findings import Finding, Location, Severity, Waiver
from checker.reporters.base import TOOL_NAME, TOOL_URI, Report
from checker.reporters.common import Place, ordered_for_truncation, places, subject_json, without_surrogates
from checker.rule import Rule
from checker.textsafe import escape
from checker.wording import plural

if TYPE_CHECKING:
    from checker.reporters import Options

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SARIF_VERSION = "2.1.0"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "claimcheck/v1"

# GitHub code scanning's limits for one uploaded run.
MAX_RESULTS = 25_000
GITHUB_MAX_GZIP_BYTES = 10_000_000  # 10 MB, the gzip-compressed upload
MAX_BYTES = GITHUB_MAX_GZIP_BYTES * 95 // 100  # the gzip of the file written: 5 % left for the uploader
GZIP_LEVEL = 6  # zlib's default, which the upload action's zlib.gzipSync uses
MAX_RELATED = 1_000
MAX_MESSAGE = 4_000  # characters of user text in a message; longer ones end in an ellipsis
MAX_QUOTE = 1_000

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

# What each family of codes is about (the README's table), used as the rules' tags.
FAMILIES = {
    "L": "loading",
    "S": "schema",
    "R": "references",
    "N": "names",
    "V": "values",
    "D": "dates",
    "Q": "quotes",
    "C": "corroboration",
    "W": "waivers",
}

# A result sits four levels deep (log, runs, run, results): its line gets this indent.
_RESULT_INDENT = 8
_RESULT_SEPARATOR = ",\n"
_LINK_SYNTAX = re.compile(r"([\\\[\]])")

Json = dict[str, Any]
Omitted = Counter[Severity | str]  # findings left out, per severity; "absent": stale baseline entries


def render(report: Report, options: Options | None = None) -> str:
    """The report as a SARIF log, with a final newline."""
    return _build(report, MAX_RESULTS, MAX_BYTES)[1]


def log(report: Report, *, max_results: int = MAX_RESULTS, max_bytes: int = MAX_BYTES) -> Json:
    """The SARIF log as JSON-ready data, within the given limits."""
    return _build(report, max_results, max_bytes)[0]


def _build(report: Report, max_results: int, max_bytes: int) -> tuple[Json, str]:
    rules = _rules(report)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    items: list[tuple[Finding, bool]] = [(f, False) for f in report.findings]
    items += [(w.finding, True) for w in report.waived]
    waivers: list[Waiver | None] = [None] * len(report.findings) + [w.waiver for w in report.waived]
    results = [_result(f, index, waivers[i]) for i, (f, _) in enumerate(items)]
    if report.baselined is not None:
        # When some must be left out: reported findings are kept first, then baselined and waived
        # ones by severity, absent results (stale entries) last.
        for result in results:
            result["baselineState"] = "new"
        items += [(f, True) for f in report.baselined]
        results += [{**_result(f, index, None), "baselineState": "unchanged"} for f in report.baselined]
        results += [_absent(entry, index) for entry in report.stale_baseline]
    lines = [_result_line(result) for result in results]

    # absent results (stale baseline entries) go last, after every finding
    keep = (ordered_for_truncation(items) + list(range(len(items), len(results))))[:max_results]

    def written(kept: list[int]) -> str:
        return _text(
            report, rules, [lines[i] for i in sorted(kept)], omitted=_omitted(items, kept, len(results))
        )

    text = written(keep)
    if gzip_size(text) > max_bytes:
        keep = _fit(report, rules, lines, keep, max_bytes=max_bytes, every=_omitted(items, []))
        text = written(keep)
        while keep and gzip_size(text) > max_bytes:  # the estimate was short: cut a little more
            keep = keep[: len(keep) * 99 // 100]
            text = written(keep)
    doc = _log(report, rules, [results[i] for i in sorted(keep)], omitted=_omitted(items, keep, len(results)))
    return doc, text


def gzip_size(text: str) -> int:
    """The size of ``text`` gzip-compressed as GitHub's upload action compresses it."""
    return len(gzip.compress(text.encode("utf-8"), compresslevel=GZIP_LEVEL, mtime=0))


def _fit(
    report: Report, rules: list[Json], lines: list[str], keep: list[int], *, max_bytes: int, every: Omitted
) -> list[int]:
    """The longest start of ``keep`` whose results fit ``max_bytes`` compressed, as estimated.

    Each result line's share of the compressed size is measured in one pass
    over the lines in file order, flushing the compressor after each line
    (which costs a few bytes a line, so the estimate errs on the large side).
    """
    skeleton = gzip_size(_text(report, rules, [], omitted=every))
    budget = max_bytes - skeleton - 64  # 64: the results array's brackets, longer counts in the notice
    compressor = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
    share = [0] * len(lines)
    indent = " " * _RESULT_INDENT
    for i in sorted(keep):
        data = (indent + lines[i] + _RESULT_SEPARATOR).encode("utf-8")
        share[i] = len(compressor.compress(data)) + len(compressor.flush(zlib.Z_SYNC_FLUSH))
    count = 0
    for i in keep:
        budget -= share[i]
        if budget < 0:
            break
        count += 1
    return keep[:count]


def _omitted(items: list[tuple[Finding, bool]], kept: list[int], results: int | None = None) -> Omitted:
    """The findings left out, per severity, and the absent results (after the findings) left out."""
    left = set(range(len(items))) - set(kept)
    counts: Omitted = Counter(items[i][0].severity for i in left)
    absent = len(set(range(len(items), results or len(items))) - set(kept))
    if absent:
        counts["absent"] = absent
    return counts


def _result_line(result: Json) -> str:
    """One result on one line: quick to write, and one line of a diff per finding."""
    return without_surrogates(json.dumps(result, sort_keys=True, ensure_ascii=False))


def _text(report: Report, rules: list[Json], lines: list[str], *, omitted: Omitted) -> str:
    """The log's text: indented by two spaces, but each result on a line of its own."""
    skeleton = _log(report, rules, [], omitted=omitted)
    text = without_surrogates(json.dumps(skeleton, indent=2, sort_keys=True, ensure_ascii=False))
    # Inside JSON strings every '"' is escaped, so this can only be the run's results key.
    empty = '"results": []'
    assert text.count(empty) == 1
    if lines:
        indent = " " * _RESULT_INDENT
        body = _RESULT_SEPARATOR.join(indent + line for line in lines)
        text = text.replace(empty, f'"results": [\n{body}\n{indent[:-2]}]')
    return text + "\n"


def _log(report: Report, rules: list[Json], results: list[Json], *, omitted: Omitted) -> Json:
    base: Json = {"description": {"text": "The root of the claims repository."}}
    if report.root_uri:
        base = {"uri": report.root_uri}
    invocation: Json = {"executionSuccessful": True}
    if report.timestamp is not None:
        invocation["endTimeUtc"] = report.timestamp
    by_severity = omitted
    left_out = sum(by_severity.values())
    if left_out:
        total = len(report.findings) + len(report.waived)
        if report.baselined is not None:
            total += len(report.baselined) + len(report.stale_baseline)
        which = ", ".join(
            [
                *(
                    f"{by_severity[s]:,} {plural(str(s), by_severity[s])}"
                    for s in sorted(Severity, reverse=True)
                    if by_severity[s]
                ),
                *([f"{by_severity['absent']:,} absent baseline entries"] if by_severity["absent"] else []),
            ]
        )
        invocation["toolExecutionNotifications"] = [
            {
                "level": "warning",
                "message": {
                    "text": f"{left_out:,} of {total:,} findings left out ({which}) to stay within GitHub"
                    f" code scanning's limits ({MAX_RESULTS:,} results and"
                    f" {GITHUB_MAX_GZIP_BYTES // 1_000_000} MB gzip-compressed per upload); errors and"
                    " warnings were kept first, info left out first. The JSON report (--format json)"
                    " has them all."
                },
                "descriptor": {"id": "claimcheck/results-omitted"},
                "properties": {
                    "omitted": left_out,
                    "total": total,
                    "omittedBySeverity": {str(s): by_severity[s] for s in sorted(Severity, reverse=True)},
                },
            }
        ]
    driver: Json = {
        "name": TOOL_NAME,
        "version": report.version,
        "informationUri": TOOL_URI,
        "rules": rules,
    }
    if re.fullmatch(r"\d+\.\d+\.\d+", report.version):
        driver["semanticVersion"] = report.version
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {"driver": driver},
                "invocations": [invocation],
                "originalUriBaseIds": {SRCROOT: base},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def _rules(report: Report) -> list[Json]:
    """The catalogue, then a minimal descriptor for any code a finding has that it lacks."""
    rules = [_rule(rule) for rule in report.rules]
    known = {rule.code for rule in report.rules}
    extra: dict[str, Finding] = {}
    for finding in [*report.findings, *(w.finding for w in report.waived), *(report.baselined or ())]:
        if finding.code not in known:
            extra.setdefault(finding.code, finding)
    for code in sorted(extra):
        finding = extra[code]
        rules.append(
            {
                "id": code,
                "name": pascal_case(finding.rule),
                "shortDescription": {"text": escape(finding.rule)},
                "defaultConfiguration": {"level": LEVELS[finding.severity]},
                "properties": {"tags": [FAMILIES.get(code[:1], "claims")]},
            }
        )
    return rules


def _rule(rule: Rule) -> Json:
    doc = rule.doc.strip()
    return {
        "id": rule.code,
        "name": pascal_case(rule.name),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.description},
        "help": {"text": doc, "markdown": doc},
        "helpUri": rule.help_uri,
        "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": rule.enabled},
        "properties": {"tags": [FAMILIES.get(rule.code[:1], rule.stage)]},
    }


def pascal_case(name: str) -> str:
    """``value-conflict`` -> ``ValueConflict``."""
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^0-9A-Za-z]+", name) if part)


def _result(finding: Finding, index: dict[str, int], waiver: Waiver | None) -> Json:
    shown = places(finding)
    omitted = max(0, len(shown) - MAX_RELATED)
    shown = shown[:MAX_RELATED]
    related = [_related(i, place) for i, place in enumerate(shown, start=1)]
    text = _link_text(_clip(escape(finding.message), MAX_MESSAGE))
    if related:
        links = ", ".join(f"[{_link_text(escape(str(p.location)))}]({i})" for i, p in enumerate(shown, 1))
        text += f"; see {links}."
    properties: Json = {
        "quotes": [
            {"text": q.text, "location": str(q.location), "sourceId": q.source_id} for q in finding.quotes
        ],
        "subject": {k: v for k, v in subject_json(finding.subject).items() if v},
    }
    if finding.action is not None:
        properties["action"] = finding.action
    if omitted:
        properties["relatedLocationsOmitted"] = omitted
    result: Json = {
        "ruleId": finding.code,
        "level": LEVELS[finding.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": _physical(finding.location)}],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "properties": properties,
    }
    if finding.code in index:
        result["ruleIndex"] = index[finding.code]
    if related:
        result["relatedLocations"] = related
    if waiver is not None:
        suppression: Json = {
            "kind": "external",
            "status": "accepted",
            "justification": escape(waiver.reason),
            "location": {"physicalLocation": _physical(waiver.location)},
        }
        extra = {"by": waiver.by, "expires": waiver.expires.isoformat() if waiver.expires else None}
        if any(v is not None for v in extra.values()):
            suppression["properties"] = {k: v for k, v in extra.items() if v is not None}
        result["suppressions"] = [suppression]
    return result


def _absent(entry: Entry, index: dict[str, int]) -> Json:
    """A stale baseline entry as a result that is gone: where and what it was when recorded."""
    result: Json = {
        "ruleId": entry.code,
        "level": {"error": "error", "warning": "warning", "info": "note"}[entry.severity],
        "message": {"text": _link_text(_clip(escape(entry.message), MAX_MESSAGE))},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(entry.path), "uriBaseId": SRCROOT}
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: entry.fingerprint},
        "baselineState": "absent",
        "properties": {"baseline": dict(entry.doc())},
    }
    if entry.code in index:
        result["ruleIndex"] = index[entry.code]
    return result


def _related(index: int, place: Place) -> Json:
    if place.quote is not None:
        source = f" ({_link_text(escape(place.quote.source_id))})" if place.quote.source_id else ""
        message = f"\u201c{_link_text(_clip(escape(place.quote.text), MAX_QUOTE))}\u201d{source}"
    else:
        message = "see also"
    return {"id": index, "physicalLocation": _physical(place.location), "message": {"text": message}}


def _physical(location: Location) -> Json:
    return {
        "artifactLocation": {"uri": artifact_uri(location.path), "uriBaseId": SRCROOT},
        "region": {"startLine": max(1, location.line), "startColumn": max(1, location.column)},
    }


def artifact_uri(path: str) -> str:
    """A repo-relative POSIX path as a relative URI reference (spaces, %, non-ASCII encoded)."""
    return percent_encode(without_surrogates(path).lstrip("/"), safe="/-._~!$&'()*+,;=@")


def _link_text(text: str) -> str:
    """Escape what SARIF's embedded-link syntax gives a meaning: ``\\``, ``[`` and ``]``."""
    return _LINK_SYNTAX.sub(r"\\\1", text)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
