"""Two names one letter apart hold the same role: probably one person, one name misspelt.

"Karin Vogt" and "Katrin Vogt" are, on their names alone, two people: a
letter in a given name is what tells Marat from Murat, so name-variant keeps
them apart. But when both are the mayor of Kellbach in the same week, one
outlet has most likely misspelt the mayor's name. This rule weighs the names
with that evidence: a role (the same property, value and place) that only
these two subjects hold in the whole archive. A role many hold (a
nationality, "police officer") proves nothing, nor does a role of two
names that one article writes side by side (it tells them apart itself); a
distinct-from judgement silences the pair.

Bad:

```yaml
# file: claims/entities.yaml
entities:
  - {id: katrin-vogt, name: Katrin Vogt, type: person}
```
```yaml
# file: claims/properties.yaml
properties:
  - {id: office, label: office, kind: text, single_valued: false}
```
```yaml
# file: claims/one.yaml
source: {id: one, title: One, outlet: Example News, published: "2023-07-16", language: en,
         text: sources/one.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: mayor, subject: Katrin Vogt, property: office, value: {text: mayor}, place: Kellbach,
     quote: "Mayor Katrin Vogt told reporters"}
```
```yaml
# file: claims/two.yaml
source: {id: two, title: Two, outlet: Other Daily, published: "2023-07-17", language: en,
         text: sources/two.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: mayor, subject: Karin Vogt, property: office, value: {text: mayor}, place: Kellbach,
     quote: "Kellbach mayor Karin Vogt said"}
```

Good:

```yaml
# file: claims/entities.yaml
entities:
  - {id: katrin-vogt, name: Katrin Vogt, type: person}
```
```yaml
# file: claims/properties.yaml
properties:
  - {id: office, label: office, kind: text, single_valued: false}
```
```yaml
# file: claims/one.yaml
source: {id: one, title: One, outlet: Example News, published: "2023-07-16", language: en,
         text: sources/one.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: mayor, subject: Katrin Vogt, property: office, value: {text: mayor}, place: Kellbach,
     quote: "Mayor Katrin Vogt told reporters"}
```
```yaml
# file: claims/two.yaml
source: {id: two, title: Two, outlet: Other Daily, published: "2023-07-17", language: en,
         text: sources/two.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: mayor, subject: Katrin Vogt, property: office, value: {text: mayor}, place: Kellbach,
     quote: "Kellbach mayor Katrin Vogt said"}
```
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from checker import names
from checker.analysis import Analysis
from checker.clusters import Member
from checker.compare import normal
from checker.findings import Finding, Severity, Subject
from checker.models import EntityType, ValueKind
from checker.resolve import Identities
from checker.rule import Rule
from checker.wording import plural

#: A role is evidence only when no more subjects than this hold it.
MAX_HOLDERS = 2

Role = tuple[str, tuple[object, ...], str]  # property id, value key, place


def check(analysis: Analysis) -> Iterator[Finding]:
    ids = analysis.identities
    holders: dict[Role, dict[str, list[Member]]] = defaultdict(lambda: defaultdict(list))
    for cluster in analysis.clusters:
        if cluster.prop.kind not in (ValueKind.TEXT, ValueKind.ENTITY) or not _person_like(
            ids, cluster.entity
        ):
            continue
        for member in cluster.members:
            place = member.facts.ref.claim.place
            role = (cluster.prop.id, member.value.key, normal(place) if place else "")
            holders[role][cluster.entity].append(member)
    evidence: dict[tuple[str, str], list[tuple[Role, list[Member], list[Member]]]] = defaultdict(list)
    for role, by_subject in holders.items():
        if len(by_subject) != 2:  # MAX_HOLDERS: one subject is no pair, more make the role common
            continue
        (a, members_a), (b, members_b) = sorted(by_subject.items())
        evidence[(a, b)].append((role, members_a, members_b))
    for (a, b), roles in sorted(evidence.items()):
        if ids.related(a, b) or _judged_distinct(ids, a, b):
            continue
        found = _spelling(ids, a, b)
        if found is None:
            continue
        yield _finding(a, b, found, sorted(roles))


def _person_like(ids: Identities, identity: str) -> bool:
    return ids.by_id[identity].type in (None, EntityType.PERSON)


def _judged_distinct(ids: Identities, a: str, b: str) -> bool:
    return any({ids.confirmed.find(x) for x in pair} == {a, b} for pair in ids.distinct)


def _spelling(ids: Identities, a: str, b: str) -> tuple[str, str, tuple[str, str]] | None:
    """A written form of each, one letter apart; None when one source writes both full names.

    A source that names both (brothers Yerlan and Yerzhan in one article)
    tells them apart itself. A surname alone does not count: "Vogt" may be
    an alias the catalogue gives the other.
    """
    sources_a, sources_b = _sources_by_form(ids, a), _sources_by_form(ids, b)
    if _full_names(sources_a) & _full_names(sources_b):
        return None
    for form_a in sorted(sources_a):
        for form_b in sorted(sources_b):
            letters = names.one_letter_apart(names.analyse(form_a), names.analyse(form_b))
            if letters is not None:
                return form_a, form_b, letters
    return None


def _sources_by_form(ids: Identities, identity: str) -> dict[str, set[str]]:
    """The sources writing each form of an identity's name (its catalogue name: none)."""
    found: dict[str, set[str]] = {ids.label(identity): set()}
    for o in ids.occurrences.get(identity, []):
        found.setdefault(o.written, set()).add(o.ref.source_id)
    return found


def _full_names(by_form: dict[str, set[str]]) -> set[str]:
    """The sources that write a name of two words or more."""
    return {source for form, sources in by_form.items() if len(form.split()) > 1 for source in sources}


def _finding(
    a: str,
    b: str,
    spelling: tuple[str, str, tuple[str, str]],
    roles: list[tuple[Role, list[Member], list[Member]]],
) -> Finding:
    form_a, form_b, letters = spelling
    side_a = sorted({m.key: m for _, members, _ in roles for m in members}.values(), key=lambda m: m.where)
    side_b = sorted({m.key: m for _, _, members in roles for m in members}.values(), key=lambda m: m.where)
    sources_a = {m.source_id for m in side_a}
    sources_b = {m.source_id for m in side_b}
    # the spelling fewer sources use, the likelier slip, comes first and anchors the finding
    a_first = (len(sources_a), form_a) <= (len(sources_b), form_b)
    rare, common = (side_a, side_b) if a_first else (side_b, side_a)
    forms, differing = ((form_a, form_b), letters) if a_first else ((form_b, form_a), letters[::-1])
    first, other = rare[0], common[0]
    described = "; ".join(_role_label(role, members[0]) for role, members, _ in roles[:3])
    more = f" and {len(roles) - 3} more roles" if len(roles) > 3 else ""
    return RULE.finding(
        f"{forms[0]!r} ({_count(rare)}) and {forms[1]!r} ({_count(common)}) differ by one letter "
        f"({differing[0].capitalize()} / {differing[1].capitalize()}) and hold the same role: "
        f"{described}{more}; probably one person, the name misspelt in one source",
        first.facts.ref.location("subject"),
        related=sorted(m.facts.ref.location("subject") for m in side_a + side_b if m is not first),
        quotes=[first.facts.ref.quote(), other.facts.ref.quote()],
        action="check the name against the sources; record a same-as judgement if they are one person, "
        "distinct-from if they are two",
        subject=Subject(
            entities=(a, b),
            claims=tuple(sorted({m.key for m in side_a + side_b})),
            sides=(tuple(sorted({m.key for m in side_a})), tuple(sorted({m.key for m in side_b}))),
        ),
    )


def _count(side: list[Member]) -> str:
    sources = sorted({m.source_id for m in side})
    return f"{len(sources)} {plural('source', len(sources))}: {', '.join(sources)}"


def _role_label(role: Role, member: Member) -> str:
    prop, _, place = role
    where = f" in {member.facts.ref.claim.place}" if place else ""
    return f"{prop} {member.value.label}{where}"


RULE = Rule(
    code="N004", name="near-name-same-role", severity=Severity.WARNING, doc=__doc__ or "", check=check
)
