"""A value that may only grow (or only shrink) moves the wrong way over time.

Time-series properties such as a death toll are expected to change between
as-of dates, so different values at different dates are not a conflict
(value-conflict compares only values at the same as-of date). But a property
marked ``monotonic: increasing`` that is lower at a later date than an
earlier claim says — a toll of 40 on March 2 after 52 on March 1 — means a
figure was revised or misreported. Review it.

Bad:

```yaml
# file: claims/entities.yaml
entities:
  - {id: quake, name: Almaty earthquake, type: event}
```
```yaml
# file: claims/properties.yaml
properties:
  - {id: death-toll, label: death toll, kind: quantity, dimension: count, time_series: true,
     monotonic: increasing}
```
```yaml
# file: claims/one.yaml
source: {id: one, title: One, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/one.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: toll, subject: Almaty earthquake, property: death-toll, as_of: "2021-02-10",
     value: {amount: 52, unit: person}, quote: "52 people were killed"}
```
```yaml
# file: claims/two.yaml
source: {id: two, title: Two, outlet: Other Daily, published: "2021-02-12", language: en,
         text: sources/two.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: toll, subject: Almaty earthquake, property: death-toll, as_of: "2021-02-12",
     value: {amount: 40, unit: person}, quote: "killed 40 people"}
```

Good:

```yaml
# file: claims/entities.yaml
entities:
  - {id: quake, name: Almaty earthquake, type: event}
```
```yaml
# file: claims/properties.yaml
properties:
  - {id: death-toll, label: death toll, kind: quantity, dimension: count, time_series: true,
     monotonic: increasing}
```
```yaml
# file: claims/one.yaml
source: {id: one, title: One, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/one.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: toll, subject: Almaty earthquake, property: death-toll, as_of: "2021-02-10",
     value: {amount: 40, unit: person}, quote: "40 people were killed"}
```
```yaml
# file: claims/two.yaml
source: {id: two, title: Two, outlet: Other Daily, published: "2021-02-12", language: en,
         text: sources/two.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: toll, subject: Almaty earthquake, property: death-toll, as_of: "2021-02-12",
     value: {amount: 52, unit: person}, quote: "killed 52 people"}
```
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from checker.analysis import Analysis
from checker.clusters import Context, Member
from checker.describe import MAX_RELATED, fact_label
from checker.findings import Fact, Finding, Severity, Subject
from checker.intervals import Interval, describe_dates, time_key
from checker.models import Property
from checker.rule import Rule


def check(analysis: Analysis) -> Iterator[Finding]:
    ids = analysis.identities
    series: dict[tuple[str, str, Context], list[Member]] = defaultdict(list)
    props: dict[str, Property] = {}
    for cluster in analysis.clusters:
        if cluster.prop.monotonic is None or cluster.context.as_of is None:
            continue
        props[cluster.prop.id] = cluster.prop
        key = (ids.cluster(cluster.entity), cluster.prop.id, cluster.context.without_as_of())
        series[key].extend(cluster.members)
    for (likely, prop_id, context), members in sorted(series.items(), key=lambda item: repr(item[0])):
        prop = props[prop_id]
        reversals = _reversals(members, prop.monotonic == "increasing")
        if not reversals:
            continue
        earlier, later = reversals[0]
        involved = list({m.key: m for pair in reversals for m in pair}.values())
        more = f" (and {len(reversals) - 1:,} more)" if len(reversals) > 1 else ""
        yield RULE.finding(
            f"{fact_label(later, prop, ids)}: {later.value.label} as of {_when(later)} in "
            f"{later.source_id}, after {earlier.value.label} as of {_when(earlier)} in {earlier.source_id}"
            f"{more}; {prop.label} should only {'grow' if prop.monotonic == 'increasing' else 'shrink'}",
            later.facts.ref.location("value"),
            related=sorted(m.facts.ref.location("value") for m in involved if m is not later)[:MAX_RELATED],
            quotes=[later.facts.ref.quote(), earlier.facts.ref.quote()],
            action="check whether the later figure was revised, misreported or counts something else",
            subject=Subject(
                fact=Fact(likely, prop_id, context.parts()),
                claims=tuple(sorted({m.key for m in involved})),
                values=tuple(sorted({m.value.label for m in involved})),
                sides=(
                    tuple(sorted({later.key for _, later in reversals})),
                    tuple(sorted({earlier.key for earlier, _ in reversals})),
                ),
            ),
        )


def _reversals(members: Sequence[Member], increasing: bool) -> list[tuple[Member, Member]]:
    """(earlier, later) pairs where the later value moved the wrong way, found in one sweep.

    Members are taken in order of their as-of date; for each, the earlier
    member that makes the strongest case (the highest floor for a rising
    series, the lowest ceiling for a falling one) among those dated wholly
    before it is kept up to date as the sweep advances.
    """
    dated = [m for m in members if _as_of(m) is not None and m.value.interval is not None]
    by_start = sorted(dated, key=lambda m: (_span(m).lo, m.where))
    by_end = sorted(dated, key=lambda m: (_span(m).hi, m.where))
    found: list[tuple[Member, Member]] = []
    best: Member | None = None
    done = 0
    for later in by_start:
        while done < len(by_end) and _before(_span(by_end[done]), _span(later)):
            candidate = by_end[done]
            if best is None or _stronger(_value(candidate), _value(best), increasing):
                best = candidate
            done += 1
        if best is None:
            continue
        before, after = _value(best), _value(later)
        if (after.hi < before.lo) if increasing else (after.lo > before.hi):
            found.append((best, later))
    return found


def _before(earlier: Interval, later: Interval) -> bool:
    """Whether every moment of ``earlier`` comes before every moment of ``later``."""
    return earlier.hi < later.lo or (earlier.hi == later.lo and (earlier.hi_open or later.lo_open))


def _stronger(a: Interval, b: Interval, increasing: bool) -> bool:
    return a.lo > b.lo if increasing else a.hi < b.hi


def _as_of(member: Member) -> Interval | None:
    return member.facts.as_of or member.facts.date


def _span(member: Member) -> Interval:
    """When the value held, in days: the as-of day's moment when a time is given, else the whole day(s)."""
    found = _as_of(member)
    assert found is not None
    clock = member.facts.ref.claim.time
    if clock is not None and found.is_point:
        hours, minutes = (int(part) for part in time_key(clock)[:5].split(":"))
        moment = found.lo + (hours * 60 + minutes) / 1440
        return Interval(moment, moment)
    return Interval(found.lo, found.hi + 1, hi_open=True)


def _value(member: Member) -> Interval:
    assert member.value.interval is not None
    return member.value.interval


def _when(member: Member) -> str:
    as_of = _as_of(member)
    assert as_of is not None
    clock = member.facts.ref.claim.time
    return describe_dates(as_of) + (f" {clock}" if clock else "")


RULE = Rule(code="V002", name="series-reversal", severity=Severity.WARNING, doc=__doc__ or "", check=check)
