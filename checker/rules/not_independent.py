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

from checker.compare import describe_fact, facts_stated
from checker.corpus import Corpus
from checker.findings import Finding, Severity, Subject
from checker.rule import Rule


def check(corpus: Corpus) -> Iterator[Finding]:
    for fact in facts_stated(corpus):
        sources = {f.ref.source_id: f.ref.file.model.source.publisher_name for f in fact}
        publishers = set(sources.values())
        if len(sources) < 2 or len(publishers) != 1:
            continue
        first = fact[0].ref
        others = [f for f in fact[1:] if f.ref.source_id != first.source_id]
        yield RULE.finding(
            f"{describe_fact(fact[0], corpus)}: {len(sources)} sources agree ({', '.join(sorted(sources))}), "
            f"but all are published by {publishers.pop()}: not independent corroboration",
            first.location("value"),
            related=[f.ref.location("value") for f in others],
            quotes=[first.quote(), *(f.ref.quote() for f in others[:1])],
            action="look for a source from another publisher before treating the fact as confirmed",
            subject=Subject(claims=tuple(f.ref.key for f in fact)),
        )


RULE = Rule(code="C002", name="not-independent", severity=Severity.INFO, doc=__doc__ or "", check=check)
