"""A claim names an event that claims/entities.yaml does not declare.

Events are shared ids that tell the rules two claims speak of the same
occurrence (the same trial, the same rally). An undeclared event id is most
likely a typo, and a typo would silently keep two claims apart.

Bad:

```yaml
# file: claims/entities.yaml
events:
  - {id: almaty-court-2021-02-10, name: Almaty court hearing, date: "2021-02-10"}
```
```yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/example.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - id: sentence
    subject: Baibolat Kunbolatuly
    property: jail-sentence
    value: {amount: 10, unit: day}
    event: almaty-court-2021-02-01
    quote: "sent him to jail for 10 days"
```

Good:

```yaml
# file: claims/entities.yaml
events:
  - {id: almaty-court-2021-02-10, name: Almaty court hearing, date: "2021-02-10"}
```
```yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/example.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - id: sentence
    subject: Baibolat Kunbolatuly
    property: jail-sentence
    value: {amount: 10, unit: day}
    event: almaty-court-2021-02-10
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
        event = ref.claim.event
        if event is not None and event not in corpus.events:
            yield RULE.finding(
                f"unknown event {event!r}{did_you_mean(event, corpus.events)}",
                ref.location("event"),
                subject=Subject(claims=(ref.key,), catalogue=(f"event:{event}",)),
                action="declare the event under 'events' in claims/entities.yaml, or fix the id",
            )


RULE = Rule(code="R003", name="unknown-event", severity=Severity.ERROR, doc=__doc__ or "", check=check)
