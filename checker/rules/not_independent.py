"""Sources agree on a fact, but they all come from one publisher.

Two articles of the same publisher repeating "as many as 2 million" are one
voice, not two: the second is not independent corroboration. The publisher
is the source's ``publisher`` (or its outlet when none is given).
Attribution does not change this: both may cite the same original.

Bad:

```yaml
# file: claims/entities.yaml
entities:
  - {id: state-department, name: U.S. State Department, type: organisation}
```
```yaml
# file: claims/properties.yaml
properties:
  - {id: people-detained, label: people detained, kind: quantity, dimension: count}
```
```yaml
# file: claims/one.yaml
source: {id: one, title: One, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/one.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: detained, subject: U.S. State Department, property: people-detained,
     value: {amount: 2000000, unit: person, approx: at-most}, quote: "as many as 2 million"}
```
```yaml
# file: claims/three.yaml
source:
  {id: three, title: Three, outlet: Example News Weekend, publisher: Example News, published: "2021-02-11",
   language: en, text: sources/three.txt,
   sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: detained, subject: U.S. State Department, property: people-detained,
     value: {amount: 2000000, unit: person, approx: at-most}, quote: "as many as 2 million"}
```

Good:

```yaml
# file: claims/entities.yaml
entities:
  - {id: state-department, name: U.S. State Department, type: organisation}
```
```yaml
# file: claims/properties.yaml
properties:
  - {id: people-detained, label: people detained, kind: quantity, dimension: count}
```
```yaml
# file: claims/one.yaml
source: {id: one, title: One, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/one.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: detained, subject: U.S. State Department, property: people-detained,
     value: {amount: 2000000, unit: person, approx: at-most}, quote: "as many as 2 million"}
```
```yaml
# file: claims/two.yaml
source: {id: two, title: Two, outlet: Other Daily, published: "2021-02-11", language: en,
         text: sources/two.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: detained, subject: U.S. State Department, property: people-detained,
     value: {amount: 2000000, unit: person, approx: at-most}, quote: "as many as 2 million"}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis import Analysis
from checker.clusters import date_runs
from checker.describe import MAX_RELATED, fact_label, sources_listed
from checker.findings import Finding, Severity, Subject
from checker.rule import Rule


def check(analysis: Analysis) -> Iterator[Finding]:
    ids = analysis.identities
    for statement in analysis.statements:
        for run in date_runs(statement.members):
            publishers = {m.source_id: m.facts.ref.file.model.source.publisher_name for m in run}
            if len(publishers) < 2 or len(set(publishers.values())) != 1:
                continue
            first = run[0]
            others = [m for m in run[1:] if m.source_id != first.source_id]
            yield RULE.finding(
                f"{fact_label(first, statement.prop, ids)}: {first.value.label}: {len(publishers)} sources "
                f"agree ({sources_listed(sorted(publishers))}), but all are published by "
                f"{publishers[first.source_id]}: not independent corroboration",
                first.facts.ref.location("value"),
                related=[m.facts.ref.location("value") for m in others[:MAX_RELATED]],
                quotes=[first.facts.ref.quote(), *(m.facts.ref.quote() for m in others[:1])],
                action="look for a source from another publisher before treating the fact as confirmed",
                subject=Subject(
                    fact=statement.fact,
                    claims=tuple(m.key for m in run),
                    values=tuple(sorted({m.value.label for m in run})),
                ),
            )


RULE = Rule(code="C002", name="not-independent", severity=Severity.INFO, doc=__doc__ or "", check=check)
