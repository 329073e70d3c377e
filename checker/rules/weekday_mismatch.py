"""A claim's weekday does not fall on the date it gives: "on Tuesday, February 10" (a Wednesday).

News writes dates as weekdays, often with the date beside them. When the
two disagree one of them is wrong, and only the sources can tell which: the
finding says which weekday the date really is, and lists the other claims
of the same fact, or naming the same event, with the dates they give.

Bad:

```yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-12", language: en,
         text: sources/example.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - id: sentence
    subject: Baibolat Kunbolatuly
    property: jail-sentence
    value: {amount: 10, unit: day}
    date: {weekday: tuesday, date: "2021-02-10"}
    quote: "The court on Tuesday, February 10, sent him to jail for 10 days"
```

Good:

```yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-12", language: en,
         text: sources/example.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - id: sentence
    subject: Baibolat Kunbolatuly
    property: jail-sentence
    value: {amount: 10, unit: day}
    date: {weekday: wednesday, date: "2021-02-10"}
    quote: "The court on Wednesday, February 10, sent him to jail for 10 days"
```
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from checker.analysis import Analysis
from checker.describe import MAX_RELATED, date_text, sources_listed
from checker.findings import Finding, Severity, Subject
from checker.intervals import describe_dates
from checker.models import DateValue, Weekday, WeekdayDate
from checker.resolve import ClaimFacts
from checker.rule import Rule

ACTION = (
    "check the article: either the weekday or the date is wrong; correct the claim to what the source means"
)


def check(analysis: Analysis) -> Iterator[Finding]:
    for facts in analysis.facts:
        ref = facts.ref
        written: dict[str, object] = {"date": ref.claim.date, "as_of": ref.claim.as_of}
        if isinstance(ref.claim.value, DateValue):
            written["value"] = ref.claim.value.date
        for field_name, spec in written.items():
            if not isinstance(spec, WeekdayDate) or spec.date is None:
                continue
            actual = list(Weekday)[dt.date.fromisoformat(spec.date).weekday()]
            if actual is spec.weekday:
                continue
            message = (
                f"{spec.weekday.value.capitalize()}, {spec.date}: but {spec.date} was a "
                f"{actual.value.capitalize()}"
            )
            others = _others(analysis, facts, field_name)
            if others:
                message += "; the same fact is dated " + "; ".join(
                    f"{when} — {sources_listed(sorted({o.ref.source_id for o in group}))}"
                    for when, group in sorted(_by_date(others, field_name).items())
                )
            place = ("value", "date") if field_name == "value" else (field_name,)
            cluster = analysis.cluster_of.get(ref.key)
            yield RULE.finding(
                message,
                ref.location(*place, "weekday"),
                related=[other.ref.location(*place) for other in others[:MAX_RELATED]],
                quotes=[ref.quote(), *(other.ref.quote() for other in others[:1])],
                action=ACTION,
                subject=Subject(  # identified by the claim and what it says, not by the others listed
                    fact=cluster.fact if cluster else None,
                    claims=(ref.key, *(other.ref.key for other in others)),
                    detail=(ref.key, field_name, spec.weekday.value, spec.date),
                    sides=((ref.key,), tuple(other.ref.key for other in others)),
                ),
            )


def _others(analysis: Analysis, facts: ClaimFacts, field_name: str) -> list[ClaimFacts]:
    """The other claims of the same fact, or of the same property of the same event, that give a date."""
    cluster = analysis.cluster_of.get(facts.ref.key)
    same_fact = [m.facts for m in cluster.members] if cluster else []
    scope = cluster.context.scope if cluster else ()
    same_event = [
        f
        for f in analysis.claims_of_event.get(facts.ref.claim.event or "", ())
        if f.ref.claim.property == facts.ref.claim.property
        and _scope_of(analysis, f.ref.key) == scope  # a part (category) is another fact
    ]
    found: dict[str, ClaimFacts] = {}
    for other in (*same_fact, *same_event):
        dated = other.value if field_name == "value" else other.date
        if other.ref.key != facts.ref.key and dated is not None:
            found.setdefault(other.ref.key, other)
    return sorted(found.values(), key=lambda f: f.ref.location())


def _scope_of(analysis: Analysis, key: str) -> tuple[tuple[str, str], ...]:
    cluster = analysis.cluster_of.get(key)
    return cluster.context.scope if cluster else ()


def _by_date(others: list[ClaimFacts], field_name: str) -> dict[str, list[ClaimFacts]]:
    grouped: dict[str, list[ClaimFacts]] = {}
    for other in others:
        when = describe_dates(other.value) if field_name == "value" and other.value else date_text(other)
        grouped.setdefault(when, []).append(other)
    return grouped


RULE = Rule(code="D002", name="weekday-mismatch", severity=Severity.WARNING, doc=__doc__ or "", check=check)
