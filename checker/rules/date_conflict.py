"""The same fact, or the same event, is dated differently.

When two claims state the same thing about the same subject (agreeing
values) but give dates that cannot both be true, one date is probably wrong
— or the subject did it more than once. Relative dates count: "a day
earlier" than a February 10 court date is February 9, which a caption's
"on February 1" contradicts. Claims naming one event are also checked
against each other and against the event's own date. It is a note for
review (warning), not a proven contradiction.

Bad:

```yaml
# file: claims/entities.yaml
entities:
  - {id: kunbolatuly, name: Baibolat Kunbolatuly, type: person, aliases: [Kunbolatuly]}
  - {id: consulate, name: Chinese Consulate in Almaty, type: place}
```
```yaml
# file: claims/properties.yaml
properties:
  - {id: picketed, label: picketed, kind: entity, single_valued: false}
  - {id: jail-sentence, label: jail sentence, kind: quantity, dimension: duration}
```
```yaml
# file: claims/one.yaml
source: {id: one, title: One, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/one.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: caption, subject: Baibolat Kunbolatuly, property: picketed,
     value: {entity: Chinese Consulate in Almaty}, date: "2021-02-01",
     quote: "picketing outside the Chinese Consulate in Almaty on February 1"}
  - {id: sentence, subject: Baibolat Kunbolatuly, property: jail-sentence, value: {amount: 10, unit: day},
     date: "2021-02-10", quote: "The court on February 10 found Baibolat Kunbolatuly guilty"}
  - {id: picket, subject: Kunbolatuly, property: picketed,
     value: {entity: Chinese Consulate in Almaty}, date: {relative_to: sentence, offset: -1 day},
     quote: "A day earlier, Kunbolatuly and nine other people"}
```

Good:

```yaml
# file: claims/entities.yaml
entities:
  - {id: kunbolatuly, name: Baibolat Kunbolatuly, type: person, aliases: [Kunbolatuly]}
  - {id: consulate, name: Chinese Consulate in Almaty, type: place}
```
```yaml
# file: claims/properties.yaml
properties:
  - {id: picketed, label: picketed, kind: entity, single_valued: false}
  - {id: jail-sentence, label: jail sentence, kind: quantity, dimension: duration}
```
```yaml
# file: claims/one.yaml
source: {id: one, title: One, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/one.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: caption, subject: Baibolat Kunbolatuly, property: picketed,
     value: {entity: Chinese Consulate in Almaty}, date: "2021-02-09",
     quote: "picketing outside the Chinese Consulate in Almaty on February 9"}
  - {id: sentence, subject: Baibolat Kunbolatuly, property: jail-sentence, value: {amount: 10, unit: day},
     date: "2021-02-10", quote: "The court on February 10 found Baibolat Kunbolatuly guilty"}
  - {id: picket, subject: Kunbolatuly, property: picketed,
     value: {entity: Chinese Consulate in Almaty}, date: {relative_to: sentence, offset: -1 day},
     quote: "A day earlier, Kunbolatuly and nine other people"}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.compare import agree, describe_fact, related_pairs, relative_note
from checker.corpus import Corpus
from checker.findings import Finding, Severity, Subject
from checker.intervals import describe_dates, partial_date_interval
from checker.resolve import ClaimFacts, resolution
from checker.rule import Rule

ACTION = "check both dates against the sources; if the subject did this more than once, note it on the claims"


def check(corpus: Corpus) -> Iterator[Finding]:
    ids = resolution(corpus).identities
    for prop, a, b in related_pairs(corpus):
        if prop.time_series:
            continue  # series values are dated differently by nature
        if a.date is None or b.date is None or a.date.overlaps(b.date):
            continue
        if a.ref.claim.event and b.ref.claim.event and a.ref.claim.event != b.ref.claim.event:
            continue
        if a.ref.claim.event is None and agree(a, b, prop, ids) is not True:
            continue  # different values: value-conflict speaks of those
        event = a.ref.claim.event
        what = f"event {event}" if event else describe_fact(a, corpus)
        where = (
            f"in {a.ref.source_id}"
            if a.ref.source_id == b.ref.source_id
            else f"in {a.ref.source_id} and {b.ref.source_id}"
        )
        yield RULE.finding(
            f"{what}; dated {_date(a)} and {_date(b)} {where}",
            a.ref.location("date"),
            related=[b.ref.location("date")],
            quotes=[a.ref.quote(), b.ref.quote()],
            action=ACTION,
            subject=Subject(claims=(a.ref.key, b.ref.key)),
        )
    yield from _against_events(corpus)


def _against_events(corpus: Corpus) -> Iterator[Finding]:
    for facts in resolution(corpus).facts:
        event = corpus.events.get(facts.ref.claim.event or "")
        if event is None or event.date is None or facts.date is None:
            continue
        event_date = partial_date_interval(event.date)
        if not facts.date.overlaps(event_date):
            yield RULE.finding(
                f"claim is dated {_date(facts)} but event {event.id} is dated {event.date}",
                facts.ref.location("date"),
                quotes=[facts.ref.quote()],
                action="correct the claim's date or the event's date in claims/entities.yaml",
                subject=Subject(claims=(facts.ref.key,), catalogue=(f"event:{event.id}",)),
            )


def _date(facts: ClaimFacts) -> str:
    assert facts.date is not None
    relative = relative_note(facts)
    return describe_dates(facts.date) + (f" ({relative})" if relative else "")


RULE = Rule(code="D001", name="date-conflict", severity=Severity.WARNING, doc=__doc__ or "", check=check)
