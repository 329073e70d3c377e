"""An age (or any time since a fixed start) moves more or less than the calendar did.

Ages are a time series: "47" in 2020 and "51" in 2024 are both right, so
value-conflict compares ages only at the same as-of date. But an age cannot
change by more than the time that passed between two articles: 47 on
17 November and 41 five days later cannot both be right, and neither can 44
one week and 47 the next. Each stated age, with its as-of date, dates the
start it counts from (a birth year); when the sources' starts cannot be
brought together, one of the figures is wrong. One stated unit of slack is
allowed either way (ages are rounded down, "3 years in custody" is rounded).
It applies to time-series durations (see ``grows_with_time`` in the property
catalogue).

Bad:

```yaml
# file: claims/properties.yaml
properties:
  - {id: age, label: age, kind: quantity, dimension: duration, time_series: true}
```
```yaml
# file: claims/one.yaml
source: {id: one, title: One, outlet: Example News, published: "2024-11-17", language: en,
         text: sources/one.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: age, subject: Aliya Temirbayeva, property: age, as_of: "2024-11-17",
     value: {amount: 47, unit: year}, quote: "Aliya Temirbayeva, 47"}
```
```yaml
# file: claims/two.yaml
source: {id: two, title: Two, outlet: Other Daily, published: "2024-11-22", language: en,
         text: sources/two.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: age, subject: Aliya Temirbayeva, property: age, as_of: "2024-11-22",
     value: {amount: 41, unit: year}, quote: "Aliya Temirbayeva, 41"}
```

Good:

```yaml
# file: claims/properties.yaml
properties:
  - {id: age, label: age, kind: quantity, dimension: duration, time_series: true}
```
```yaml
# file: claims/one.yaml
source: {id: one, title: One, outlet: Example News, published: "2024-11-17", language: en,
         text: sources/one.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: age, subject: Aliya Temirbayeva, property: age, as_of: "2024-11-17",
     value: {amount: 47, unit: year}, quote: "Aliya Temirbayeva, 47"}
```
```yaml
# file: claims/two.yaml
source: {id: two, title: Two, outlet: Other Daily, published: "2025-12-01", language: en,
         text: sources/two.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: age, subject: Aliya Temirbayeva, property: age, as_of: "2025-12-01",
     value: {amount: 48, unit: year}, quote: "Aliya Temirbayeva, 48"}
```
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from checker.analysis import Analysis
from checker.clusters import Context, FactCluster, Member
from checker.compare import common_point
from checker.describe import MAX_RELATED, fact_label
from checker.findings import Fact, Finding, Severity, Subject
from checker.intervals import Interval, describe_dates
from checker.models import QuantityValue
from checker.resolve import Identities
from checker.rule import Rule


@dataclass(frozen=True)
class _Dated:
    """One as-of cluster of a series, and the start its members' values count from (in day ordinals)."""

    cluster: FactCluster
    start: Interval


def check(analysis: Analysis) -> Iterator[Finding]:
    ids = analysis.identities
    series: dict[tuple[str, str, Context], list[_Dated]] = defaultdict(list)
    for cluster in analysis.clusters:
        if not cluster.prop.counts_elapsed_time or cluster.context.as_of is None:
            continue
        start = common_point(s for m in cluster.members if (s := _start(m, analysis)) is not None)
        if start is None:  # the members disagree at one date: value-conflict's finding
            continue
        key = (ids.cluster(cluster.entity), cluster.prop.id, cluster.context.without_as_of())
        series[key].append(_Dated(cluster, start))
    for (likely, prop_id, context), dated in sorted(series.items(), key=lambda item: repr(item[0])):
        if len(dated) < 2:
            continue
        agreeing, outliers = _split(dated)
        outliers = [d for d in outliers if any(_same(d, a, dated, ids) for a in agreeing)]
        if not outliers:
            continue
        majority = [m for d in agreeing for m in d.cluster.members]
        wrong = sorted((m for d in outliers for m in d.cluster.members), key=lambda m: m.where)
        first, other = wrong[0], min(majority, key=lambda m: m.where)
        prop = dated[0].cluster.prop
        everyone = majority + wrong
        more = f" (and {len(wrong) - 1:,} more)" if len(wrong) > 1 else ""
        yield RULE.finding(
            f"{fact_label(first, prop, ids)}: {first.value.label} as of {_when(first)} in {first.source_id}, "
            f"but {other.value.label} as of {_when(other)} in {other.source_id}{more}; "
            f"{prop.label.lower()} cannot change by more than the time between",
            first.facts.ref.location("value"),
            related=sorted(m.facts.ref.location("value") for m in everyone if m is not first)[:MAX_RELATED],
            quotes=[first.facts.ref.quote(), other.facts.ref.quote()],
            action="check which figure is right; one of them is off or about someone else",
            subject=Subject(
                fact=Fact(likely, prop_id, context.parts()),
                claims=tuple(sorted({m.key for m in everyone})),
                values=tuple(sorted({m.value.label for m in everyone})),
                sides=(tuple(sorted({m.key for m in wrong})), tuple(sorted({m.key for m in majority}))),
            ),
        )


def _same(one: _Dated, other: _Dated, dated: Sequence[_Dated], ids: Identities) -> bool:
    """Whether two clusters are about one subject: certainly, or by a link no third subject shares.

    A likely cluster chains links: "Kozhakhmetov" alone links the father and
    the son, whose ages differ by a generation. A link through a name that
    also links a subject it is not related to proves nothing.
    """
    a, b = one.cluster.entity, other.cluster.entity
    if ids.certain(a, b):
        return True
    if not ids.related(a, b):
        return False
    roots = {d.cluster.entity for d in dated}
    return not (_ambiguous(a, roots, ids) or _ambiguous(b, roots, ids))


def _ambiguous(entity: str, roots: set[str], ids: Identities) -> bool:
    """Whether ``entity`` is linked to two subjects of the series that are not related to each other."""
    partners = sorted(r for r in roots if r != entity and ids.related(entity, r))
    return any(not ids.related(p, q) for i, p in enumerate(partners) for q in partners[i + 1 :])


def _start(member: Member, analysis: Analysis) -> Interval | None:
    """When the clock started, by this member's value and as-of date: None when it cannot tell.

    A value ``v`` stated in a unit ``u`` means the elapsed time lies within
    ``v ± u`` (ages are rounded down, other durations rounded either way);
    the start is the as-of day minus that.
    """
    value, as_of = member.value.interval, member.facts.as_of
    claim_value = member.facts.ref.claim.value
    if value is None or as_of is None or not isinstance(claim_value, QuantityValue):
        return None
    unit = analysis.corpus.unit(claim_value.unit)
    if unit is None:
        return None
    slack = unit.factor
    return Interval(as_of.lo - value.hi - slack, as_of.hi + 1 - value.lo + slack)


def _split(dated: Sequence[_Dated]) -> tuple[list[_Dated], list[_Dated]]:
    """The clusters whose starts share the point most of them contain, and the rest.

    A sweep over interval ends finds the point covered by the most starts
    (weighted by claims, so one outlet's slip does not outvote three); ties
    go to the earliest point.
    """
    events: list[tuple[float, int, int]] = []
    for d in dated:
        weight = len(d.cluster.members)
        events.append((d.start.lo, 0, weight))  # starts sort before ends at one point: closed ends touch
        events.append((d.start.hi, 1, -weight))
    best, best_at, covered = -1, 0.0, 0
    for at, _, change in sorted(events):
        covered += change
        if covered > best:
            best, best_at = covered, at
    point = Interval(best_at, best_at)
    agreeing = [d for d in dated if d.start.overlaps(point)]
    outliers = [d for d in dated if not d.start.overlaps(point)]
    return agreeing, outliers


def _when(member: Member) -> str:
    as_of = member.facts.as_of
    assert as_of is not None
    return describe_dates(as_of)


RULE = Rule(
    code="V004", name="elapsed-time-mismatch", severity=Severity.WARNING, doc=__doc__ or "", check=check
)
