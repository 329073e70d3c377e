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

from collections.abc import Iterator

from checker.compare import describe_fact, related_pairs, widened
from checker.corpus import Corpus
from checker.findings import Finding, Severity, Subject
from checker.intervals import describe_dates
from checker.models import Property
from checker.resolve import ClaimFacts
from checker.rule import Rule


def check(corpus: Corpus) -> Iterator[Finding]:
    for prop, a, b in related_pairs(corpus):
        if not prop.time_series or prop.monotonic is None:
            continue
        when_a, when_b = a.as_of or a.date, b.as_of or b.date
        if when_a is None or when_b is None or when_a.overlaps(when_b):
            continue
        earlier, later = (a, b) if when_a.hi < when_b.lo else (b, a)
        if _reversed(earlier, later, prop.monotonic, prop):
            yield RULE.finding(
                f"{describe_fact(later, corpus)} as of {_when(later)} in {later.ref.source_id}, "
                f"after {describe_fact(earlier, corpus).rsplit(': ', 1)[1]} as of {_when(earlier)} "
                f"in {earlier.ref.source_id}; {prop.label} should only "
                f"{'grow' if prop.monotonic == 'increasing' else 'shrink'}",
                later.ref.location("value"),
                related=[earlier.ref.location("value")],
                quotes=[later.ref.quote(), earlier.ref.quote()],
                action="check whether the later figure was revised, misreported or counts something else",
                subject=Subject(claims=(a.ref.key, b.ref.key)),
            )


def _reversed(earlier: ClaimFacts, later: ClaimFacts, direction: str, prop: Property) -> bool:
    before, after = widened(earlier, prop), widened(later, prop)
    if before is None or after is None:
        return False
    if direction == "increasing":
        return after.hi < before.lo
    return after.lo > before.hi


def _when(facts: ClaimFacts) -> str:
    interval = facts.as_of or facts.date
    return describe_dates(interval) if interval else "undated"


RULE = Rule(code="V002", name="series-reversal", severity=Severity.WARNING, doc=__doc__ or "", check=check)
