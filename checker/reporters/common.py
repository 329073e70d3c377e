"""Small helpers the reporters share.

Only rendering concerns live here: which places a finding points at (its
quotes and the other side), how to order findings when a format has to leave
some out, how many findings there are of each severity, and how to keep
text encodable whatever a claim file held.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from checker.findings import Finding, Location, Quote, Severity, Subject

# Surrogate code points cannot be encoded as UTF-8; in a str they are always "lone" ones
# (Python keeps a valid astral character as one code point), e.g. from a YAML "\ud800" escape.
_SURROGATES = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """Replace each lone surrogate with U+FFFD so that the text can be written as UTF-8."""
    return _SURROGATES.sub("\ufffd", text)


@dataclass(frozen=True)
class Place:
    """A location a finding points at besides its primary one, and what is there."""

    location: Location
    quote: Quote | None  # None: the other side of the finding, without a quote


def places(finding: Finding) -> list[Place]:
    """The quotes' locations, then the related locations no quote already stands at."""
    quoted = {q.location for q in finding.quotes}
    out = [Place(q.location, q) for q in finding.quotes]
    out.extend(Place(loc, None) for loc in finding.related if loc not in quoted)
    return out


def ordered_for_truncation(items: Sequence[tuple[Finding, bool]]) -> list[int]:
    """Indexes of ``(finding, waived)`` items, the ones to keep first.

    Reported findings before waived ones, the most severe first, and the
    report's own order within a severity: deterministic whatever is cut.
    """
    return sorted(range(len(items)), key=lambda i: (items[i][1], -int(items[i][0].severity), i))


def severity_counts(findings: Iterable[Finding]) -> dict[Severity, int]:
    """Findings per severity, most severe first, every severity present (0 when none).

    The one count every report's summary shows, so that no two formats disagree.
    """
    found = dict.fromkeys(sorted(Severity, reverse=True), 0)
    for finding in findings:
        found[finding.severity] += 1
    return found


def subject_json(subject: Subject) -> Any:
    """A finding's subject as JSON (the JSON and SARIF reports share this shape)."""
    fact = subject.fact
    return {
        "claims": sorted(subject.claims),
        "entities": sorted(subject.entities),
        "sources": sorted(subject.sources),
        "catalogue": sorted(subject.catalogue),
        "config": sorted(subject.config),
        "file": subject.file,
        "key_path": list(subject.key_path),
        "fact": None
        if fact is None
        else {"entity": fact.entity, "property": fact.property, "context": list(fact.context)},
        "values": list(subject.values),
        "detail": list(subject.detail),
        "sides": [list(side) for side in subject.sides],
    }
