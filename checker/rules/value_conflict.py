"""Sources give values for one subject's single-valued property that cannot all be true.

A single-valued property (a jail sentence, a date of birth, a death toll as
of one date) has one true value per event. The claims' values become
intervals ("about 30", "as many as 2 million", "more than four months"), so
compatible approximations do not conflict; disjoint intervals do.

One finding per disputed fact (see checker/clusters.py): it lists each
distinct value with the sources that state it, is reported at the value
fewest sources state, and names every claim involved, however many.

Severity depends on how sure it is that the claims describe the same thing:

* **error** — claims naming the same event disagree, or (with the
  subject's identity certain) claims dated the same day, or both undated,
  with the same place and qualifiers disagree;
* **warning** — the claims may describe different events: no shared event,
  and dates, charges, courts or places differ (the message lists them), or
  one side is undated, or the subjects are only *likely* the same person
  (see name-variant). Review it: give each claim its event id if they are
  different events; correct one if not.

Claims naming two different events are not compared, nor claims differing
in a scope qualifier. When every value is attributed, each party's
claims agree and a source reports both parties' versions ("each side says
the other fired first"), the sources report a dispute faithfully: that is
not a finding. Time-series properties (tolls that rise) are compared
only at the same as-of date. Estimates ("about 300", "nearly 200",
"dozens") that miss another figure are at most a warning. Text values are
compared only when the property lists its closed ``vocabulary`` (guilty,
acquitted): free texts are worded, shortened and translated differently by
every source, and that is not a contradiction. Figures that can all be true
(bounds, estimates) are still a warning when claims attribute different
figures to one speaker on one occasion: one report misquotes them.

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

from collections.abc import Iterator, Sequence

from checker import names
from checker.analysis import Analysis
from checker.clusters import ClusterLink, FactCluster, Member, ValueGroup, group_values
from checker.compare import Value, all_agree, conflict_across, normal
from checker.describe import differences, in_reading_order, place, subject_label, values_listed
from checker.findings import Finding, Severity, Subject
from checker.intervals import time_key
from checker.models import Property, QuantityValue, ValueKind
from checker.resolve import Identities
from checker.rule import Rule

WRONG = "one source is wrong: check both against the record and correct the claim, or waive with a reason"
REVIEW = (
    "review: if these are different events, record that with checker judge different-events (or in"
    " checker review); if it is the same event, one source is wrong"
)


def check(analysis: Analysis) -> Iterator[Finding]:
    ids = analysis.identities
    for cluster in analysis.clusters:
        if not _comparable(cluster.prop) or len(cluster.groups) < 2:
            continue
        if _parties_disagree(cluster.members, ids):
            continue
        if all_agree([g.value for g in cluster.groups], ids):
            speaker = _misquoted(cluster.members)
            if speaker is not None:
                yield _finding(cluster, cluster.groups, None, ids, None, misquoted=speaker)
            continue
        certain_by = _aligned_conflict(cluster.members, ids)
        estimate_off = (
            certain_by is None and _aligned_conflict(cluster.members, ids, estimates=True) is not None
        )
        yield _finding(cluster, cluster.groups, certain_by, ids, None, estimate_off=estimate_off)
    for link in analysis.links:
        if not _comparable(link.first.prop):
            continue
        first, second = link.first.members, link.second.members
        if not conflict_across(_values(first), _values(second), ids) or _parties_disagree(
            (*first, *second), ids
        ):
            continue
        event = _event_conflict_across(first, second, ids)
        yield _finding(link.first, group_values((*first, *second)), event, ids, link)


def _comparable(prop: Property) -> bool:
    """Single-valued, and not free text: only a closed vocabulary's words can contradict."""
    return prop.single_valued and (prop.kind is not ValueKind.TEXT or prop.vocabulary is not None)


def _parties_disagree(members: Sequence[Member], ids: Identities) -> bool:
    """Every value is attributed, and each party's claims agree: a dispute reported, not a contradiction.

    "Kyrgyz officials say the Tajik side fired first; Tajik officials say the
    opposite" is two parties' versions, each reported as theirs.
    """
    parties: dict[str, list[Value]] = {}
    heard: dict[str, set[str]] = {}  # source -> the parties it reports
    for member in members:
        attribution = member.facts.ref.claim.attribution
        if not attribution:
            return False
        parties.setdefault(normal(attribution), []).append(member.value)
        heard.setdefault(member.source_id, set()).add(normal(attribution))
    both_sides = any(len(reported) > 1 for reported in heard.values())  # a source reports the dispute
    return both_sides and len(parties) > 1 and all(all_agree(values, ids) for values in parties.values())


def _misquoted(members: Sequence[Member]) -> str | None:
    """The speaker whose one statement is reported with two different figures, if any.

    Estimates and bounds can all be true together ("at least 120 million",
    "at least 210 million"), but one speaker on one occasion gave one
    figure: claims attributing different figures to the same speaker (as
    names match: Thomas Brenner, Томас Бреннер) misquote one of them.
    """
    said: dict[tuple[object, ...], dict[str, set[tuple[float, str]]]] = {}
    for member in members:
        claim = member.facts.ref.claim
        occasion = _alignment(member)
        value = claim.value
        if not claim.attribution or occasion is None or not isinstance(value, QuantityValue):
            continue
        if value.amount is not None:
            figure = (value.amount, value.unit.casefold().rstrip("s"))
            said.setdefault(occasion, {}).setdefault(claim.attribution, set()).add(figure)
    for _occasion, by_speaker in sorted(said.items(), key=repr):
        speakers = sorted(by_speaker)
        for i, speaker in enumerate(speakers):
            figures = set(by_speaker[speaker])
            for other in speakers[i + 1 :]:
                if names.compare(names.analyse(speaker), names.analyse(other)):
                    figures |= by_speaker[other]
            if len(figures) > 1:
                return speaker
    return None


def _values(members: Sequence[Member]) -> list[Value]:
    return [m.value for m in members]


def _alignment(member: Member) -> tuple[object, ...] | None:
    """Claims with one key surely speak of one occurrence; None: this claim aligns with none."""
    claim = member.facts.ref.claim
    if claim.event is not None:
        return ("event", claim.event)
    date = member.facts.date
    if date is not None and not date.is_point:
        return None  # a month or a year: it may hold several occurrences
    qualifiers = tuple(sorted((k, normal(v)) for k, v in claim.qualifiers.items()))
    at = time_key(claim.time) if claim.time else None
    return ("day", date.lo if date else None, at, normal(claim.place or ""), qualifiers)


def _aligned_conflict(members: Sequence[Member], ids: Identities, *, estimates: bool = False) -> str | None:
    """Why the conflict is certain ("event ID" or "aligned"), or None when it may be two occurrences.

    Estimates (about, nearly, dozens, a conversion at a rate) off the mark are
    never proof; with ``estimates`` they count, to tell an estimate that
    misses from occurrences that may differ.
    """
    by_key: dict[tuple[object, ...], list[Value]] = {}
    for member in members:
        key = _alignment(member)
        if key is not None and (estimates or not member.value.soft):
            by_key.setdefault(key, []).append(member.value)
    conflicting = sorted((k for k, values in by_key.items() if not all_agree(values, ids)), key=repr)
    for key in conflicting:
        if key[0] == "event":
            return f"event {key[1]}"
    return "aligned" if conflicting else None


def _event_conflict_across(first: Sequence[Member], second: Sequence[Member], ids: Identities) -> str | None:
    """An event both sides name, on which they disagree (the link's conflict is then an error)."""
    events = {m.event for m in first} & {m.event for m in second} - {None}
    for event in sorted(e for e in events if e is not None):
        left = [m.value for m in first if m.event == event and not m.value.soft]
        right = [m.value for m in second if m.event == event and not m.value.soft]
        if conflict_across(left, right, ids):
            return f"event {event}"
    return None


def _finding(
    cluster: FactCluster,
    groups: Sequence[ValueGroup],
    certain_by: str | None,
    ids: Identities,
    link: ClusterLink | None,
    *,
    misquoted: str | None = None,
    estimate_off: bool = False,
) -> Finding:
    ordered = in_reading_order(groups)
    placement = place(ordered)
    severity = (
        Severity.ERROR
        if certain_by and (link is None or certain_by.startswith("event"))
        else Severity.WARNING
    )
    odd = ordered[0].members[0]
    message = f"{cluster.prop.label} of {subject_label(odd, ids)}: {values_listed(ordered)}"
    entities: tuple[str, ...] = (cluster.entity,)
    if link is not None:
        first, second = ids.label(link.first.entity), ids.label(link.second.entity)
        if odd.facts.subject is not None and ids.confirmed.find(odd.facts.subject) == link.second.entity:
            first, second = second, first
        message += f" (if {first!r} and {second!r} are the same)"
        entities = (link.first.entity, link.second.entity)
    if misquoted is not None:
        message += f"; the figures can all be true, but {misquoted} gave one figure, reported differently"
        action = "check what the speaker said: one report misquotes the figure"
    elif estimate_off:
        message += "; an estimate or a conversion misses the other figures"
        action = "review: check the estimate (or the exchange rate) against the exact figure"
    elif certain_by is not None and certain_by.startswith("event"):
        message += f"; all name {certain_by}"
        action = WRONG
    elif severity is Severity.ERROR:
        message += "; nothing (date, event, qualifier) tells them apart"
        action = WRONG
    else:
        told_apart = differences(ordered)
        message += "; they may describe different events" + (
            ": " + "; ".join(told_apart) if told_apart else " (no event or day ties them together)"
        )
        action = REVIEW
    if placement.more:
        message += f" ({len(placement.claims):,} claims in all)"
    return RULE.finding(
        message,
        placement.primary,
        related=placement.related,
        quotes=placement.quotes,
        action=action,
        severity=severity,
        subject=Subject(
            fact=cluster.fact,
            entities=entities,
            claims=placement.claims,
            values=tuple(sorted({g.label for g in groups})),
            sides=placement.sides,
        ),
    )


RULE = Rule(code="V001", name="value-conflict", severity=Severity.ERROR, doc=__doc__ or "", check=check)
