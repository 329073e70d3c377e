"""One self-contained HTML page for the people who decide what to publish.

The page is a single file that makes no request of its own: the stylesheet
and the script are inline, and a Content-Security-Policy ``<meta>`` allows
exactly those two blocks by their SHA-256 hashes, computed here from the
very strings that are written (``default-src 'none'``: no fonts, images,
frames or connections from anywhere). It reads top to bottom without
JavaScript: errors and warnings are shown, the info notes are folded in a
``<details>`` element that opens with a click; the script only adds the
filters by severity, rule, source and entity, keeps them in the page's
address (``?severity=warning&rule=V001``, restored on load, so a filtered
view can be bookmarked or shared) and opens the fold when a filter or a
link points into it. Wide tables scroll in regions that take the keyboard
focus and are named for screen readers.

A page for a very large run stays readable and small: at most
:data:`MAX_CARDS` findings of each severity (and waived findings) are
shown, the first in the report's order, and at most :data:`MAX_ROWS` rows
of each table; a notice says how many more there are and where they are
(the JSON and SARIF reports hold every finding). The header still counts
everything.

Safety of user text: the Jinja2 environment autoescapes every template and
its ``finalize`` hook passes every printed string through
:func:`checker.textsafe.escape` first, so control and bidirectional
characters are shown as visible escapes and markup is never markup. The
filter data for the script is JSON in a ``<script type="application/json">``
block with ``<``, ``>``, ``&``, U+2028 and U+2029 written as ``\\uXXXX``, so
no claim can close the block.

Each quote of a finding is shown in a short excerpt of its article, the
quoted passage in ``<mark>`` (each piece of a quote with elisions marked on
its own), beside the other side's. The output is deterministic: anchors are
made from fingerprints, and there is no time in it unless the report has one.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup

from checker.findings import Finding, Quote, Severity, Waiver
from checker.reporters.base import TOOL_NAME, Article, QuoteSpan, Report
from checker.reporters.common import severity_counts
from checker.textsafe import escape
from checker.wording import plural

if TYPE_CHECKING:
    from checker.reporters import Options

#: Characters of article text shown on each side of a quoted passage (then cut at a word).
CONTEXT = 150
#: Findings shown per severity (and waived findings shown), the first in the report's order.
MAX_CARDS = 500
#: Rows shown of each table (name variants, sources).
MAX_ROWS = 1_000
#: The severities whose group is folded (closed) until a reader opens it.
FOLDED = frozenset({Severity.INFO})

_TEMPLATE = "report.html.j2"
_STYLESHEET = "report.css"
_SCRIPT = "report.js"
_REVIEW_SCRIPT = "review.js"
_REVIEW_STYLESHEET = "review.css"

_SINGULAR = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}
_HEADINGS = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Notes (info)"}

# A small check mark as the page icon, so that the browser does not ask for /favicon.ico.
_ICON = (
    "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E"
    "%3Crect width='16' height='16' rx='3' fill='%231f4e79'/%3E%3Cpath d='M4 8.5l2.5 2.5L12 5'"
    " stroke='white' stroke-width='2' fill='none'/%3E%3C/svg%3E"
)

_PARAGRAPH = re.compile(r"\s*\n\s*")
_SPACES = re.compile(r"\s+")
# What JSON may hold but an HTML script block must not: the start of `</script>` or `<!--`,
# and the two line separators that old JavaScript parsers took for line ends.
_JSON_UNSAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


@dataclass(frozen=True)
class Segment:
    """A run of excerpt text: ``kind`` is text, mark (quoted), elided (left out of the quote) or break."""

    kind: str
    text: str


@dataclass(frozen=True)
class Side:
    """One side of a finding: a quote, where it is recorded, and its article excerpt."""

    quote: str
    location: str
    source_id: str | None
    article: Article | None
    excerpt: tuple[Segment, ...]  # empty when the quote was not located in a stored text
    note: str | None  # why there is no excerpt


@dataclass(frozen=True)
class Card:
    """A finding as the page shows it."""

    anchor: str
    finding: Finding
    severity: str
    sides: tuple[Side, ...]
    see_also: tuple[str, ...]
    sources: tuple[str, ...]
    entities: tuple[str, ...]
    waiver: Waiver | None = None


@dataclass(frozen=True)
class Group:
    """The cards of one severity, under their heading."""

    severity: str
    heading: str
    cards: tuple[Card, ...]
    total: int = 0  # findings of this severity, shown or not
    folded: bool = False  # in a <details> element, closed until opened

    @property
    def omitted(self) -> int:
        """Findings of this severity not shown on the page (over :data:`MAX_CARDS`)."""
        return self.total - len(self.cards)


@dataclass(frozen=True)
class Choice:
    """One option of a filter: the value matched, its label, and how many findings have it."""

    value: str
    label: str
    count: int


@dataclass(frozen=True)
class Asset:
    """An inline block and the CSP source that allows exactly it."""

    text: Markup
    csp: str


@dataclass(frozen=True)
class Field:
    """An input of a review form: ``kind`` is text, textarea, date or select (of ``options``)."""

    name: str
    label: str
    kind: str = "text"
    value: str = ""
    required: bool = False
    hint: str | None = None
    options: tuple[tuple[str, str], ...] = ()  # (value, label)


@dataclass(frozen=True)
class Form:
    """One decision a reviewer can post about a finding: the server names and handles ``action``."""

    action: str
    title: str
    submit: str
    hidden: tuple[tuple[str, str], ...] = ()
    fields: tuple[Field, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class Review:
    """What the review server adds to the page (checker/review.py): the forms of each finding
    (by fingerprint), the session's token and the id of the page, and what the last action did."""

    token: str
    page: str
    forms: dict[str, tuple[Form, ...]]
    message: str | None = None
    failed: bool = False
    undo: str | None = None  # what the undo button undoes, if there is anything to undo


def render(
    report: Report,
    options: Options | None = None,
    *,
    max_cards: int = MAX_CARDS,
    max_rows: int = MAX_ROWS,
    review: Review | None = None,
) -> str:
    """The report as one HTML document, with at most ``max_cards`` findings of each severity.

    With ``review`` (only the review server passes it) each finding gets the
    forms that decide it, posted to the server that served the page; the
    static report has none and its CSP still forbids every form.
    """
    articles = {a.source_id: a for a in report.articles}
    by_claim_file = {a.claim_file: a.source_id for a in report.articles}
    spans = {(s.source_id, s.quote): s for s in report.quote_spans}
    entities = {e.fingerprint: e.labels for e in report.finding_entities}

    def card(finding: Finding, prefix: str, waiver: Waiver | None = None) -> Card:
        sources = {q.source_id for q in finding.quotes if q.source_id}
        if finding.location.path in by_claim_file:
            sources.add(by_claim_file[finding.location.path])
        quoted = {q.location for q in finding.quotes}
        return Card(
            anchor=anchors.make(prefix, finding.fingerprint),
            finding=finding,
            severity=str(finding.severity),
            sides=tuple(_side(q, articles.get(q.source_id or ""), spans) for q in finding.quotes),
            see_also=tuple(str(r) for r in finding.related if r not in quoted),
            sources=tuple(sorted(sources)),
            entities=entities.get(finding.fingerprint, ()),
            waiver=waiver,
        )

    anchors = _Anchors()
    counts = severity_counts(report.findings)
    groups = []
    for severity in sorted(Severity, reverse=True):
        shown = [f for f in report.findings if f.severity is severity][:max_cards]
        groups.append(
            Group(
                _SINGULAR[severity],
                _HEADINGS[severity],
                tuple(card(f, "f") for f in shown),
                counts[severity],
                severity in FOLDED,
            )
        )
    cards = [c for g in groups for c in g.cards]
    waived = [card(w.finding, "w", w.waiver) for w in report.waived[:max_cards]]
    stylesheet, script = _asset(_STYLESHEET), _asset(_SCRIPT)
    review_script = _asset(_REVIEW_SCRIPT) if review is not None else None
    review_style = _asset(_REVIEW_STYLESHEET) if review is not None else None
    csp = "; ".join(
        [
            "default-src 'none'",
            f"style-src {stylesheet.csp}" + (f" {review_style.csp}" if review_style else ""),
            f"script-src {script.csp}" + (f" {review_script.csp}" if review_script else ""),
            "img-src data:",
            "base-uri 'none'",
            "form-action 'self'" if review is not None else "form-action 'none'",
        ]
    )
    # the anchors of the cards after each: the review server returns to the first that is left
    following = {
        card.anchor: " ".join(c.anchor for c in cards[i + 1 : i + 6]) for i, card in enumerate(cards)
    }
    summary = ", ".join(f"{n} {plural(_SINGULAR[s], n)}" for s, n in counts.items())
    return (
        _environment()
        .get_template(_TEMPLATE)
        .render(
            tool=TOOL_NAME,
            report=report,
            summary=summary,
            counts=[(_SINGULAR[s], plural(_SINGULAR[s], n), n) for s, n in counts.items()],
            groups=[g for g in groups if g.total],
            capped=any(g.omitted for g in groups) or len(report.waived) > len(waived),
            waived=waived,
            waived_total=len(report.waived),
            articles=report.articles[:max_rows],
            articles_total=len(report.articles),
            variants=report.variants[:max_rows],
            variants_total=len(report.variants),
            filters=_filters(cards, report),
            data=_json_block({"findings": [_card_data(c) for c in cards]}),
            csp=csp,
            icon=_ICON,
            stylesheet=stylesheet.text,
            script=script.text,
            review=review,
            review_script=review_script.text if review_script else None,
            review_stylesheet=review_style.text if review_style else None,
            following=following,
        )
    )


class _Anchors:
    """Element ids from fingerprints: stable across runs, unique within the page."""

    def __init__(self) -> None:
        self.seen: Counter[str] = Counter()

    def make(self, prefix: str, fingerprint: str) -> str:
        base = f"{prefix}-{re.sub(r'[^0-9A-Za-z_-]', '_', fingerprint) or 'finding'}"
        self.seen[base] += 1
        return base if self.seen[base] == 1 else f"{base}-{self.seen[base]}"


def _side(quote: Quote, article: Article | None, spans: dict[tuple[str, str], QuoteSpan]) -> Side:
    span = spans.get((quote.source_id or "", quote.text))
    note = None
    excerpt: tuple[Segment, ...] = ()
    if article is None or article.text is None:
        note = "the article text is not available"
    elif span is None:
        note = "this passage was not found in the stored article text"
    else:
        excerpt = excerpt_of(article.text, span)
    return Side(quote.text, str(quote.location), quote.source_id, article, excerpt, note)


def excerpt_of(text: str, span: QuoteSpan, context: int = CONTEXT) -> tuple[Segment, ...]:
    """The quoted passage with up to ``context`` characters each side, cut at whole words.

    Whitespace runs become one space, paragraph breaks a ``break`` segment;
    the pieces of a quote with elisions are each a ``mark`` and the text
    between them ``elided``.
    """
    start, end = max(0, min(span.start, len(text))), max(0, min(span.end, len(text)))
    low, high = max(0, start - context), min(len(text), end + context)
    if low > 0:
        gap = _SPACES.search(text, low, start)
        low = gap.end() if gap else start
    if high < len(text):
        gaps = list(_SPACES.finditer(text, end, high))
        high = gaps[-1].start() if gaps else end
    pieces = [(max(start, a), min(end, b)) for a, b in span.pieces] or [(start, end)]
    out: list[Segment] = []
    if low > 0:
        out.append(Segment("text", "\u2026 "))
    out.extend(_plain("text", text[low:start]))
    for index, (a, b) in enumerate(pieces):
        if index:
            out.extend(_plain("elided", _shortened(text[pieces[index - 1][1] : a], context)))
        out.append(Segment("mark", _SPACES.sub(" ", text[a:b])))
    out.extend(_plain("text", text[end:high]))
    if high < len(text):
        out.append(Segment("text", " \u2026"))
    return tuple(s for s in out if s.text)


def _shortened(text: str, context: int) -> str:
    """A long elided passage as its first and last ``context`` characters (at words) around an ellipsis."""
    if len(text) <= 2 * context + 20:
        return text
    head, tail = text[:context], text[-context:]
    head = head[: head.rfind(" ")] if " " in head.strip() else head
    tail = tail[tail.find(" ") :] if " " in tail.strip() else tail
    return f"{head.rstrip()} \u2026 {tail.lstrip()}"


def _plain(kind: str, text: str) -> Iterable[Segment]:
    for index, paragraph in enumerate(_PARAGRAPH.split(text)):
        if index:
            yield Segment("break", "\u00b6")
        yield Segment(kind, _SPACES.sub(" ", paragraph))


def _filters(cards: Sequence[Card], report: Report) -> dict[str, list[Choice]]:
    """The options of each filter, with the number of findings each would show."""
    severity = severity_counts(c.finding for c in cards)
    rules = Counter((c.finding.code, c.finding.rule) for c in cards)
    sources = Counter(s for c in cards for s in c.sources)
    entities = Counter(e for c in cards for e in c.entities)
    titles = {a.source_id: a.title for a in report.articles}
    return {
        "severity": [Choice(_SINGULAR[s], _SINGULAR[s], n) for s, n in severity.items() if n],
        "rule": [Choice(code, f"{code} {name}", n) for (code, name), n in sorted(rules.items())],
        "source": [
            Choice(s, f"{s} \u2014 {titles[s]}" if titles.get(s) else s, n)
            for s, n in sorted(sources.items())
        ],
        "entity": [
            Choice(e, e, n)
            for e, n in sorted(entities.items(), key=lambda item: (item[0].casefold(), item[0]))
        ],
    }


def _card_data(card: Card) -> dict[str, Any]:
    # The values are escaped as the page prints them (the option values), so that they match.
    return {
        "id": card.anchor,
        "severity": card.severity,
        "rule": escape(card.finding.code),
        "sources": [escape(s) for s in card.sources],
        "entities": [escape(e) for e in card.entities],
    }


def _json_block(data: object) -> Markup:
    """JSON that is safe as the content of a ``<script type="application/json">`` element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(text.translate(_JSON_UNSAFE))  # every character that matters is escaped


def csp_source(block: str) -> str:
    """The CSP source expression that allows exactly this inline block."""
    digest = hashlib.sha256(block.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@functools.cache
def _asset(name: str) -> Asset:
    text = resources.files("checker.reporters").joinpath("templates", name).read_text(encoding="utf-8")
    if re.search(r"</(style|script)", text, re.IGNORECASE):
        raise ValueError(f"{name} must not contain a closing </style> or </script> tag")
    return Asset(Markup(text), csp_source(text))  # our own file, not user text


def _finalize(value: object) -> object:
    """Every printed value that is not markup or a number is made visible-safe before it is escaped.

    Objects (a :class:`~checker.findings.Location`) are turned into text
    here, so that what their ``str`` holds is escaped too.
    """
    if hasattr(value, "__html__") or isinstance(value, int | float):
        return value
    return escape(str(value))


def _thousands(n: int) -> str:
    """A count as the notices write it: 12,345."""
    return f"{n:,}"


@functools.cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("checker.reporters", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    environment.globals["plural"] = plural  # the same wording as every other report
    environment.filters["thousands"] = _thousands
    return environment
