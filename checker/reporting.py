"""Build the :class:`~checker.reporters.base.Report` a run's reporters render.

This is where the article texts are read and quoted passages located, so
that reporters stay pure renderers. Nothing here depends on the clock
unless a timestamp is asked for.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import replace

from checker.analysis import Analysis
from checker.engine import Result
from checker.findings import Finding
from checker.models import EntityValue
from checker.reporters.base import Article, FindingEntities, QuoteSpan, Report, VariantRow
from checker.resolve import Identities
from checker.rules import RULES
from checker.text.quotes import find_pieces


def build(result: Result, *, timestamp: bool = False, link_template: str | None = None) -> Report:
    """The report of a run; ``timestamp`` asks for the current time (SOURCE_DATE_EPOCH wins).

    ``link_template`` (see :mod:`checker.links`) lets reports link locations to the repository.
    """
    articles: list[Article] = []
    spans: list[QuoteSpan] = []
    variants: list[VariantRow] = []
    entities: list[FindingEntities] = []
    analysis = result.analysis
    if analysis is not None:
        for loaded in analysis.corpus.files:
            source = loaded.model.source
            data = analysis.texts.data(source.text)
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
        spans = _spans(result, analysis)
        variants = _variants(analysis.identities)
        entities = _finding_entities(result, analysis)
    return Report(
        findings=tuple(result.findings),
        files=result.files,
        claims=result.claims,
        compared_files=result.compared_files,
        compared_claims=result.compared_claims,
        waived=tuple(result.waived),
        rules=RULES,
        timestamp=_timestamp(timestamp),
        articles=tuple(sorted(articles, key=lambda a: a.source_id)),
        quote_spans=tuple(spans),
        variants=tuple(variants),
        # root_uri stays None: an absolute path would make reports differ between checkouts
        # and reveal the machine's folders; SARIF consumers resolve %SRCROOT% themselves.
        finding_entities=tuple(entities),
        baselined=None if result.baselined is None else tuple(result.baselined),
        stale_baseline=tuple(result.stale),
        link_template=link_template,
    )


def _spans(result: Result, analysis: Analysis) -> list[QuoteSpan]:
    """Where each quoted passage stands in its article (articles as the rules normalised them)."""
    found: dict[tuple[str, str], QuoteSpan] = {}
    text_of = {f.model.source.id: f.model.source.text for f in analysis.corpus.files}
    shown = [*result.findings, *(w.finding for w in result.waived)]
    for finding in shown:
        for quote in finding.quotes:
            key = (quote.source_id or "", quote.text)
            written = text_of.get(key[0])
            article = analysis.texts.text(written) if written is not None else None
            if article is None or key in found:
                continue
            pieces = find_pieces(article, quote.text)
            if pieces:
                found[key] = QuoteSpan(
                    key[0],
                    quote.text,
                    pieces[0].start,
                    pieces[-1].end,
                    tuple((p.start, p.end) for p in pieces) if len(pieces) > 1 else (),
                )
    return [found[key] for key in sorted(found)]


def _finding_entities(result: Result, analysis: Analysis) -> list[FindingEntities]:
    """The entities each finding is about: see :class:`~checker.reporters.base.FindingEntities`."""
    ids = analysis.identities
    claims = {ref.key: ref for ref in analysis.corpus.claims()}
    out: dict[str, FindingEntities] = {}
    shown: list[Finding] = [*result.findings, *(w.finding for w in result.waived)]
    for finding in shown:
        if finding.fingerprint in out:
            continue
        found: set[str] = set()
        found.update(item for item in finding.subject.entities if item in ids.by_id)
        for item in () if found else finding.subject.claims:
            if (ref := claims.get(item)) is not None:
                written = [ref.claim.subject]
                if isinstance(ref.claim.value, EntityValue):
                    written.append(ref.claim.value.entity)
                # As the source writes it: a name that is a short form within its article resolves
                # there, and the source-free key of such a name may name no identity at all.
                resolved = (ids.of(name, ref.source_id) for name in written)
                found.update(i for i in resolved if i is not None and i in ids.by_id)
        if found:
            labels = sorted({ids.label(i) for i in found}, key=lambda label: (label.casefold(), label))
            out[finding.fingerprint] = FindingEntities(finding.fingerprint, tuple(labels))
    return [out[key] for key in sorted(out)]


def _variants(ids: Identities) -> list[VariantRow]:
    rows = []
    for link in ids.links:
        rows.append(
            VariantRow(
                ids.label(link.a),
                link.a,
                ids.written_forms(link.a) or ids.by_id[link.a].forms,
                ids.label(link.b),
                link.b,
                ids.written_forms(link.b) or ids.by_id[link.b].forms,
                link.why,
            )
        )
    return sorted(rows, key=lambda r: (r.first.casefold(), r.second.casefold()))


def _timestamp(wanted: bool) -> str | None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None and epoch.strip().isdigit():
        moment = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    elif wanted:
        moment = dt.datetime.now(tz=dt.UTC)
    else:
        return None
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def without_articles(report: Report) -> Report:
    """The report without what only the HTML report shows (article texts, passages, names).

    What a run cache keeps for the other formats: a fraction of the size.
    """
    return replace(report, articles=(), quote_spans=(), variants=(), finding_entities=())
