"""A claim uses a property the catalogue (claims/properties.yaml) does not define.

The property catalogue says what a property's values are and when two of
them conflict (single-valued, time series, tolerance). A claim whose property
is not in it cannot be compared with anything.

Bad:

```yaml
# file: claims/properties.yaml
properties:
  - {id: jail-sentence, label: jail sentence, kind: quantity, dimension: duration}
```
```yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/example.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - id: sentence
    subject: Baibolat Kunbolatuly
    property: jail-term
    value: {amount: 10, unit: day}
    quote: "sent him to jail for 10 days"
```

Good:

```yaml
# file: claims/properties.yaml
properties:
  - {id: jail-sentence, label: jail sentence, kind: quantity, dimension: duration}
```
```yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/example.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - id: sentence
    subject: Baibolat Kunbolatuly
    property: jail-sentence
    value: {amount: 10, unit: day}
    quote: "sent him to jail for 10 days"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis import Analysis
from checker.findings import Finding, Severity, Subject
from checker.rule import Rule
from checker.suggest import did_you_mean


def check(analysis: Analysis) -> Iterator[Finding]:
    corpus = analysis.corpus
    for ref in corpus.claims():
        prop = ref.claim.property
        if prop not in corpus.properties:
            yield RULE.finding(
                f"unknown property {prop!r}{did_you_mean(prop, corpus.properties)}",
                ref.location("property"),
                subject=Subject(claims=(ref.key,), catalogue=(f"property:{prop}",)),
                action="use a property from claims/properties.yaml, or add this one there",
            )


RULE = Rule(code="R002", name="unknown-property", severity=Severity.ERROR, doc=__doc__ or "", check=check)
