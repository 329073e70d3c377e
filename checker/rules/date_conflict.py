"""The same fact, or the same event, is dated differently.

When two claims state the same thing about the same subject (agreeing
values) but give dates that cannot both be true, one date is probably wrong
— or the subject did it more than once. Relative dates count: "a day
earlier" than a February 10 court date is February 9, which a caption's
"on February 1" contradicts. Claims naming one event are also checked,
property by property, against each other (whoever they name as subject:
"the border post" and "the border") and against the event's own date. It is a note for
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

from collections.abc import Callable, Iterator, Sequence
from functools import partial

from checker.analysis import Analysis
from checker.clusters import Member, ValueGroup
from checker.compare import common_point
from checker.describe import date_text, fact_label, in_reading_order, place, sources_listed
from checker.findings import Fact, Finding, Severity, Subject
from checker.intervals import partial_date_interval
from checker.models import Property
from checker.resolve import Identities
from checker.rule import Rule

ACTION = "check both dates against the sources; if the subject did this more than once, note it on the claims"


def check(analysis: Analysis) -> Iterator[Finding]:
    ids = analysis.identities
    for statement in analysis.statements:
        if statement.prop.time_series:
            continue  # series values are dated differently by nature
        unnamed = [m for m in statement.members if m.event is None]
        yield from _dated_apart(unnamed, partial(_stated, statement.prop, ids), statement.fact)
    for event, claims in sorted(analysis.claims_of_event.items()):
        by_fact: dict[tuple[str, tuple[tuple[str, str], ...]], list[Member]] = {}
        for facts in claims:
            member = analysis.member_of.get(facts.ref.key)
            cluster = analysis.cluster_of.get(facts.ref.key)
            if member is None or cluster is None or cluster.prop.time_series:
                continue
            by_fact.setdefault((cluster.prop.id, cluster.context.scope), []).append(member)
        for (prop_id, scope), members in sorted(by_fact.items(), key=lambda item: repr(item[0])):
            fact = Fact(f"event:{event}", prop_id, tuple(f"scope:{k}={v}" for k, v in scope))
            yield from _dated_apart(members, partial(_named, event), fact)
    yield from _against_events(analysis)


def _dated_apart(members: Sequence[Member], what: Callable[[Member], str], fact: Fact) -> Iterator[Finding]:
    """One finding when the dated ``members`` cannot all be dated right; ``what`` names the fact."""
    dated = [m for m in members if m.facts.date is not None]
    if len(dated) < 2 or common_point(m.facts.date for m in dated if m.facts.date is not None) is not None:
        return
    by_date: dict[str, list[Member]] = {}
    for member in dated:
        by_date.setdefault(date_text(member.facts), []).append(member)
    groups = in_reading_order([ValueGroup(tuple(found)) for found in by_date.values()])
    placement = place(groups, "date")
    sources = sorted({m.source_id for m in dated})
    labels = [date_text(g.members[0].facts) for g in groups]
    if len(sources) == 1:
        dates = ", ".join(labels[:-1]) + f" and {labels[-1]}"
        said = f"dated {dates} in {sources[0]}"
    else:
        listed = (f"{label} — {sources_listed(g.sources)}" for label, g in zip(labels, groups, strict=True))
        said = "dated " + "; ".join(listed)
    yield RULE.finding(
        f"{what(groups[0].members[0])}; {said}",
        placement.primary,
        related=placement.related,
        quotes=placement.quotes,
        action=ACTION,
        subject=Subject(
            fact=fact, claims=placement.claims, values=tuple(sorted(labels)), sides=placement.sides
        ),
    )


def _stated(prop: Property, ids: Identities, member: Member) -> str:
    return f"{fact_label(member, prop, ids)}: {member.value.label}"


def _named(event: str, member: Member) -> str:
    return f"event {event}"


def _against_events(analysis: Analysis) -> Iterator[Finding]:
    events = analysis.corpus.events
    for facts in analysis.facts:
        event = events.get(facts.ref.claim.event or "")
        if event is None or event.date is None or facts.date is None:
            continue
        event_date = partial_date_interval(event.date)
        if event_date is not None and not facts.date.overlaps(event_date):
            yield RULE.finding(
                f"claim is dated {date_text(facts)} but event {event.id} is dated {event.date}",
                facts.ref.location("date"),
                quotes=[facts.ref.quote()],
                action="correct the claim's date or the event's date in claims/entities.yaml",
                subject=Subject(claims=(facts.ref.key,), catalogue=(f"event:{event.id}",)),
            )


RULE = Rule(code="D001", name="date-conflict", severity=Severity.WARNING, doc=__doc__ or "", check=check)
