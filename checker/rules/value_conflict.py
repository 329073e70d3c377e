"""Two claims give incompatible values for one subject's single-valued property.

A single-valued property (a jail sentence, a date of birth, a death toll as
of one date) has one true value per event. The claims' values become
intervals ("about 30", "as many as 2 million", "more than four months"), so
compatible approximations do not conflict; disjoint intervals do.

Severity depends on how sure it is that the claims describe the same thing:

* **error** — both name the same event, or (with the subject's identity
  certain) both are dated the same day and no qualifier differs;
* **warning** — the claims may describe different events: no shared event,
  and dates, charges, courts or places differ (the message lists them), or
  one side is undated, or the two subjects are only *likely* the same
  person (see name-variant). Review it: give each claim its event id if they
  are different events; correct one if not.

Claims naming two different events are not compared. Time-series properties
(tolls that rise) are compared only at the same as-of date.

Bad:

```yaml
# file: claims/entities.yaml
entities:
  - {id: kunbolatuly, name: Baibolat Kunbolatuly, type: person}
events:
  - {id: almaty-trial, name: Almaty court hearing, date: "2021-02-10"}
```
```yaml
# file: claims/properties.yaml
properties:
  - {id: jail-sentence, label: jail sentence, kind: quantity, dimension: duration}
```
```yaml
# file: claims/one.yaml
source: {id: one, title: One, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/one.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: s, subject: Baibolat Kunbolatuly, property: jail-sentence, event: almaty-trial,
     value: {amount: 10, unit: day}, quote: "sent him to jail for 10 days"}
```
```yaml
# file: claims/two.yaml
source: {id: two, title: Two, outlet: Other Daily, published: "2021-02-11", language: en,
         text: sources/two.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: s, subject: Baibolat Kunbolatuly, property: jail-sentence, event: almaty-trial,
     value: {amount: 15, unit: day}, quote: "jailed him for 15 days"}
```

Good:

```yaml
# file: claims/entities.yaml
entities:
  - {id: kunbolatuly, name: Baibolat Kunbolatuly, type: person}
events:
  - {id: almaty-trial, name: Almaty court hearing, date: "2021-02-10"}
```
```yaml
# file: claims/properties.yaml
properties:
  - {id: jail-sentence, label: jail sentence, kind: quantity, dimension: duration}
```
```yaml
# file: claims/one.yaml
source: {id: one, title: One, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/one.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: s, subject: Baibolat Kunbolatuly, property: jail-sentence, event: almaty-trial,
     value: {amount: 10, unit: day}, quote: "sent him to jail for 10 days"}
```
```yaml
# file: claims/two.yaml
source: {id: two, title: Two, outlet: Other Daily, published: "2021-02-11", language: en,
         text: sources/two.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: s, subject: Baibolat Kunbolatuly, property: jail-sentence, event: almaty-trial,
     value: {amount: 1, unit: week, approx: more-than}, quote: "jailed him for more than a week"}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.compare import Alignment, agree, align, related_pairs, value_text
from checker.corpus import Corpus
from checker.findings import Finding, Severity, Subject
from checker.models import Property, TextValue
from checker.resolve import ClaimFacts, Identities, resolution
from checker.rule import Rule


def check(corpus: Corpus) -> Iterator[Finding]:
    ids = resolution(corpus).identities
    for prop, a, b in related_pairs(corpus):
        if not prop.single_valued:
            continue
        alignment = align(a, b, prop)
        if not alignment.comparable:
            continue
        if prop.time_series and alignment.differences:
            continue  # different as-of dates: series-reversal looks at those
        if agree(a, b, prop, ids) is False:
            yield _finding(a, b, prop, alignment, ids)


def _finding(a: ClaimFacts, b: ClaimFacts, prop: Property, alignment: Alignment, ids: Identities) -> Finding:
    assert a.subject is not None and b.subject is not None
    certain = ids.certain(a.subject, b.subject)
    severity = Severity.ERROR if alignment.same_event or (alignment.aligned and certain) else Severity.WARNING
    if isinstance(a.ref.claim.value, TextValue):
        severity = min(severity, Severity.WARNING)  # paraphrase is never a proven contradiction
    subject = ids.label(a.subject)
    message = (
        f"{prop.label} of {subject}: {value_text(a, ids)} in {a.ref.source_id}, "
        f"{value_text(b, ids)} in {b.ref.source_id}"
    )
    if not certain:
        message += f" (if {ids.label(a.subject)!r} and {ids.label(b.subject)!r} are the same)"
    if alignment.same_event:
        message += f"; both describe event {a.ref.claim.event}"
        action = (
            "one source is wrong: check both against the record and correct the claim, or waive with a reason"
        )
    elif alignment.aligned:
        message += "; nothing (date, event, qualifier) tells them apart"
        action = (
            "one source is wrong: check both against the record and correct the claim, or waive with a reason"
        )
    else:
        message += "; they may describe different events: " + "; ".join(alignment.differences)
        action = (
            "review: if these are different events, give each claim its own event id in "
            "claims/entities.yaml; if it is the same event, one source is wrong"
        )
    return RULE.finding(
        message,
        a.ref.location("value"),
        related=[b.ref.location("value")],
        quotes=[a.ref.quote(), b.ref.quote()],
        action=action,
        severity=severity,
        subject=Subject(claims=(a.ref.key, b.ref.key)),
    )


RULE = Rule(code="V001", name="value-conflict", severity=Severity.ERROR, doc=__doc__ or "", check=check)
