"""What every reporter is given: one immutable :class:`Report` per run.

Reporters only render. Everything they show — findings, waived findings,
the rule catalogue, article texts with the places of quoted passages, the
name-variant table — is worked out before (:func:`checker.reporting.build`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checker import REPOSITORY_URL, __version__
from checker.baseline import Entry
from checker.findings import Finding, Waived
from checker.rule import Rule

TOOL_NAME = "claimcheck"
TOOL_URI = REPOSITORY_URL


@dataclass(frozen=True)
class Article:
    """A source and its stored text, for showing quotes in their context."""

    source_id: str
    title: str
    outlet: str
    publisher: str
    published: str
    language: str
    claim_file: str  # repo-relative path of the claim file
    text_path: str  # repo-relative path of the stored text
    text: str | None  # None when the text is missing or unreadable


@dataclass(frozen=True)
class QuoteSpan:
    """Where a quoted passage stands in its article's text: ``text[start:end]``."""

    source_id: str
    quote: str
    start: int
    end: int
    # The ``[start, end)`` of each piece of a quote with elisions ("A day earlier ... picketed"),
    # so that the text left out is not shown as quoted; empty when the quote is one piece.
    pieces: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class VariantRow:
    """One row of the name-variant table: two identities likely to be one."""

    first: str  # label of the first identity
    first_id: str
    first_forms: tuple[str, ...]
    second: str
    second_id: str
    second_forms: tuple[str, ...]
    why: str


@dataclass(frozen=True)
class FindingEntities:
    """The entities a finding is about, by their labels, for filtering a report by entity.

    Worked out from the finding's subject: the entities it names or, when it
    names none, for each of its claims the entity the claim's subject
    resolves to and, for an entity value, that entity too. Findings with one
    fingerprint have one subject, so the fingerprint is the key.
    """

    fingerprint: str
    labels: tuple[str, ...]  # sorted, case-insensitively


@dataclass(frozen=True)
class Report:
    """The findings of one run, sorted, and what reporters may show about them."""

    findings: tuple[Finding, ...]
    files: int  # claim files reported on
    claims: int
    waived: tuple[Waived, ...] = ()  # findings a waiver covers: not reported, but counted
    compared_files: int = 0  # claim files compared (the whole archive); 0: as many as reported on
    compared_claims: int = 0
    rules: tuple[Rule, ...] = ()  # every rule of the registry, in code order
    version: str = __version__
    timestamp: str | None = None  # ISO 8601 UTC; only with SOURCE_DATE_EPOCH or --timestamp
    articles: tuple[Article, ...] = ()
    quote_spans: tuple[QuoteSpan, ...] = ()
    variants: tuple[VariantRow, ...] = ()
    root_uri: str | None = field(default=None)  # file URI of the repository root, if a caller wants it
    finding_entities: tuple[FindingEntities, ...] = ()  # findings and waived findings with entities
    # Findings a baseline covers (not reported, but counted), and its entries no finding matched;
    # None when no baseline was given, so that a report says nothing about baselines unless asked.
    baselined: tuple[Finding, ...] | None = None
    stale_baseline: tuple[Entry, ...] = ()
    # A URL with {path} and {line} that shows a location in the repository (checker.links), or None.
    link_template: str | None = None
