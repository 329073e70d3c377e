"""A fact is stated by one source only.

A fact one source states and no other confirms is the first thing a
fact-checker looks at before publication. This is information, not a
problem: find a second, independent source, or attribute the fact clearly.
Claims count as the same fact when they are about the same (or likely the
same) subject and property, their values agree and their dates fit.

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
     value: {amount: 1.8, unit: person, approx: about}, quote: "about 1.8 million"}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis import Analysis
from checker.clusters import date_runs
from checker.describe import MAX_RELATED, fact_label
from checker.findings import Finding, Severity, Subject
from checker.rule import Rule


def check(analysis: Analysis) -> Iterator[Finding]:
    ids = analysis.identities
    for statement in analysis.statements:
        for run in date_runs(statement.members):
            sources = {m.source_id for m in run}
            if len(sources) != 1:
                continue
            first = run[0]
            yield RULE.finding(
                f"only {first.source_id} states this: {fact_label(first, statement.prop, ids)}: "
                f"{first.value.label}",
                first.facts.ref.location("value"),
                related=[m.facts.ref.location("value") for m in run[1 : MAX_RELATED + 1]],
                quotes=[first.facts.ref.quote()],
                action="find a second, independent source, or attribute the fact in the text",
                subject=Subject(
                    fact=statement.fact,
                    claims=tuple(m.key for m in run),
                    values=tuple(sorted({m.value.label for m in run})),
                ),
            )


RULE = Rule(code="C001", name="single-source", severity=Severity.INFO, doc=__doc__ or "", check=check)
