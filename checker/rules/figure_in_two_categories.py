"""Sources give the same figure for one fact but attribute it to different categories.

"Twelve of the dead were police officers" in one article and "twelve
civilians were killed" in another: both can be true, but the same figure
for two groups is how a misread statement usually shows. A category is the
``category`` qualifier of a claim, resolved like a name: only categories
the catalogue knows as two different entries (a group, an organisation)
are compared, so that "police officers" and "полицейские" (one group with
an alias) are one category. A source that states the figure for both
categories itself is taken at its word. The finding asks for a review.

Bad:

```yaml
# file: claims/entities.yaml
entities:
  - {id: quake, name: Almaty earthquake, type: event}
  - {id: police, name: police officers, type: group, aliases: [полицейские]}
  - {id: civilians, name: civilians, type: group}
```
```yaml
# file: claims/properties.yaml
properties:
  - {id: dead, label: dead, kind: quantity, dimension: count}
```
```yaml
# file: claims/one.yaml
source: {id: one, title: One, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/one.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: dead-police, subject: Almaty earthquake, property: dead, value: {amount: 12, unit: person},
     qualifiers: {category: police officers}, quote: "12 of the dead were police officers"}
```
```yaml
# file: claims/two.yaml
source: {id: two, title: Two, outlet: Other Daily, published: "2021-02-11", language: en,
         text: sources/two.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: dead-civilians, subject: Almaty earthquake, property: dead, value: {amount: 12, unit: person},
     qualifiers: {category: civilians}, quote: "12 civilians were among the dead"}
```

Good:

```yaml
# file: claims/entities.yaml
entities:
  - {id: quake, name: Almaty earthquake, type: event}
  - {id: police, name: police officers, type: group, aliases: [полицейские]}
  - {id: civilians, name: civilians, type: group}
```
```yaml
# file: claims/properties.yaml
properties:
  - {id: dead, label: dead, kind: quantity, dimension: count}
```
```yaml
# file: claims/one.yaml
source: {id: one, title: One, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/one.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: dead-police, subject: Almaty earthquake, property: dead, value: {amount: 12, unit: person},
     qualifiers: {category: police officers}, quote: "12 of the dead were police officers"}
```
```yaml
# file: claims/two.yaml
source: {id: two, title: Two, outlet: Other Daily, published: "2021-02-11", language: ru,
         text: sources/two.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: dead-police, subject: Almaty earthquake, property: dead, value: {amount: 12, unit: person},
     qualifiers: {category: полицейские}, quote: "среди погибших 12 полицейских"}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis import Analysis
from checker.clusters import Member, ValueGroup
from checker.describe import fact_label, in_reading_order, place, sources_listed
from checker.findings import Fact, Finding, Severity, Subject
from checker.models import Approximation, QuantityValue, ValueKind
from checker.rule import Rule

CATEGORY = "category"


def check(analysis: Analysis) -> Iterator[Finding]:
    ids = analysis.identities
    figures: dict[
        tuple[str, str, tuple[tuple[str, str], ...], tuple[object, ...]], dict[str, list[Member]]
    ] = {}
    for cluster in analysis.clusters:
        if cluster.prop.kind is not ValueKind.QUANTITY:
            continue
        scope = tuple((k, v) for k, v in cluster.context.scope if k != CATEGORY)
        if len(scope) == len(cluster.context.scope):
            continue  # no category
        where = f"event:{cluster.context.event}" if cluster.context.event else cluster.entity
        for member in cluster.members:
            value = member.facts.ref.claim.value
            written = member.facts.ref.claim.qualifiers.get(CATEGORY)
            if not isinstance(value, QuantityValue) or value.amount is None or written is None:
                continue
            if value.approx is not Approximation.EXACT:
                continue  # an estimate is no figure to recognise
            category = ids.of(written, member.source_id)
            if category is None or not ids.by_id[category].explicit:
                continue  # only categories the catalogue knows can be told apart
            key = (where, cluster.prop.id, scope, member.value.key)
            figures.setdefault(key, {}).setdefault(ids.confirmed.find(category), []).append(member)
    for (where, prop_id, scope, _value), by_category in sorted(
        figures.items(), key=lambda item: repr(item[0])
    ):
        if len(by_category) < 2:
            continue
        sources = [{m.source_id for m in members} for members in by_category.values()]
        if any(a & b for i, a in enumerate(sources) for b in sources[i + 1 :]):
            continue  # a source states the figure for both categories itself
        groups = in_reading_order([ValueGroup(tuple(m)) for m in by_category.values()])
        placement = place(groups)
        first = groups[0].members[0]
        listed = "; ".join(
            f"{ids.label(category)!r} — {sources_listed(sorted({m.source_id for m in members}))}"
            for category, members in sorted(by_category.items())
        )
        prop = analysis.corpus.properties[prop_id]
        yield RULE.finding(
            f"{fact_label(first, prop, ids)}: {first.value.label} for different categories: {listed}",
            placement.primary,
            related=placement.related,
            quotes=placement.quotes,
            action="check which group the figure belongs to; if both are right, note it on the claims",
            subject=Subject(
                fact=Fact(where, prop_id, tuple(f"scope:{k}={v}" for k, v in scope)),
                claims=placement.claims,
                values=(first.value.label, *sorted(ids.label(c) for c in by_category)),
                sides=placement.sides,
            ),
        )


RULE = Rule(
    code="V003", name="figure-in-two-categories", severity=Severity.WARNING, doc=__doc__ or "", check=check
)
