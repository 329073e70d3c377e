"""Build the :class:`~checker.reporters.base.Report` a run's reporters render.

This is where the article texts are read and quoted passages located, so
that reporters stay pure renderers. Nothing here depends on the clock
unless a timestamp is asked for.
"""

from __future__ import annotations

import datetime as dt
import os

from checker.corpus import Corpus
from checker.engine import Result
from checker.reporters.base import Article, QuoteSpan, Report, VariantRow
from checker.resolve import Occurrence, resolution
from checker.rules import RULES
from checker.textmatch import SourceTexts, find_quote


def build(result: Result, corpus: Corpus | None, *, timestamp: bool = False) -> Report:
    """The report of a run; ``timestamp`` asks for the current time (SOURCE_DATE_EPOCH wins)."""
    articles: list[Article] = []
    spans: list[QuoteSpan] = []
    variants: list[VariantRow] = []
    if corpus is not None:
        texts = SourceTexts(corpus.root)
        for loaded in corpus.files:
            source = loaded.model.source
            data = texts.data(source.text)
            text = data.decode("utf-8", "replace") if data is not None else None
            articles.append(
                Article(
                    source.id,
                    source.title,
                    source.outlet,
                    source.publisher_name,
                    source.published,
                    source.language,
                    loaded.path,
                    source.text,
                    text,
                )
            )
        spans = _spans(result, {a.source_id: a.text for a in articles})
        variants = _variants(corpus)
    return Report(
        findings=tuple(result.findings),
        files=result.files,
        claims=result.claims,
        waived=tuple(result.waived),
        rules=RULES,
        timestamp=_timestamp(timestamp),
        articles=tuple(sorted(articles, key=lambda a: a.source_id)),
        quote_spans=tuple(spans),
        variants=tuple(variants),
        root_uri=corpus.root.resolve().as_uri() + "/" if corpus is not None else None,
    )


def _spans(result: Result, texts: dict[str, str | None]) -> list[QuoteSpan]:
    found: dict[tuple[str, str], QuoteSpan] = {}
    shown = [*result.findings, *(w.finding for w in result.waived)]
    for finding in shown:
        for quote in finding.quotes:
            text = texts.get(quote.source_id or "")
            key = (quote.source_id or "", quote.text)
            if text is None or key in found:
                continue
            span = find_quote(text, quote.text)
            if span is not None:
                found[key] = QuoteSpan(key[0], quote.text, span.start, span.end)
    return [found[key] for key in sorted(found)]


def _variants(corpus: Corpus) -> list[VariantRow]:
    ids = resolution(corpus).identities
    rows = []
    for link in ids.links:
        rows.append(
            VariantRow(
                ids.label(link.a),
                link.a,
                _forms(ids.occurrences.get(link.a, []), ids.by_id[link.a].forms),
                ids.label(link.b),
                link.b,
                _forms(ids.occurrences.get(link.b, []), ids.by_id[link.b].forms),
                link.why,
            )
        )
    return sorted(rows, key=lambda r: (r.first.casefold(), r.second.casefold()))


def _forms(occurrences: list[Occurrence], fallback: tuple[str, ...]) -> tuple[str, ...]:
    written = sorted({o.written for o in occurrences})
    return tuple(written) or fallback


def _timestamp(wanted: bool) -> str | None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None and epoch.strip().isdigit():
        moment = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    elif wanted:
        moment = dt.datetime.now(tz=dt.UTC)
    else:
        return None
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")
