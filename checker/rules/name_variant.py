"""Two names likely denote one entity, and no editor has said whether they do.

Sources spell names differently: a dropped patronymic suffix (Kunbolatuly /
Kunbolat), a misspelt letter, a case ending in a Russian text. (A name in
other letters — Toqaev / Tokayev / Токаев — is the same name, not a
variant.) The checker compares names across scripts and spellings (see
checker/names.py) and, when two identities likely match, asks for a
judgement; a short form of the same spelling in another article ("Aizhan"
for "Aizhan Serikkyzy") is only a note (info), for no spelling is wrong; so
is a German transliteration of a Russian or Kazakh name (Nasrijew for
Nazriev, Abdurachmon for Abdurakhmon) beside the English one.
Record ``same-as`` (their claims are then compared as one entity's, and
this finding goes away) or ``distinct-from`` (they are kept apart) under
``judgements`` in claims/entities.yaml. Until then the
rules compare their claims as *likely* the same and say so.

Bad:

```yaml
# file: claims/entities.yaml
entities:
  - {id: kunbolatuly, name: Baibolat Kunbolatuly, type: person}
  - {id: kunbolat, name: Baibolat Kunbolat, type: person}
```
```yaml
# file: claims/one.yaml
source: {id: one, title: One, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/one.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: s, subject: Baibolat Kunbolatuly, property: jail-sentence, value: {amount: 10, unit: day},
     quote: "sent him to jail for 10 days"}
```
```yaml
# file: claims/two.yaml
source: {id: two, title: Two, outlet: Other Daily, published: "2021-06-24", language: en,
         text: sources/two.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: s, subject: Baibolat Kunbolat, property: jail-sentence, value: {amount: 15, unit: day},
     quote: "sentenced to 15 days in jail"}
```

Good:

```yaml
# file: claims/entities.yaml
entities:
  - {id: kunbolatuly, name: Baibolat Kunbolatuly, type: person}
  - {id: kunbolat, name: Baibolat Kunbolat, type: person}
judgements:
  - relation: same-as
    entities: [kunbolatuly, kunbolat]
    reason: Kazakh patronymic suffix -uly dropped by the second outlet
```
```yaml
# file: claims/one.yaml
source: {id: one, title: One, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/one.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: s, subject: Baibolat Kunbolatuly, property: jail-sentence, value: {amount: 10, unit: day},
     quote: "sent him to jail for 10 days"}
```
```yaml
# file: claims/two.yaml
source: {id: two, title: Two, outlet: Other Daily, published: "2021-06-24", language: en,
         text: sources/two.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: s, subject: Baibolat Kunbolat, property: jail-sentence, value: {amount: 15, unit: day},
     quote: "sentenced to 15 days in jail"}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from checker import names
from checker.analysis import Analysis
from checker.corpus import Corpus
from checker.findings import Finding, Location, Quote, Severity, Subject
from checker.resolve import Identities, Occurrence, VariantLink
from checker.rule import Rule
from checker.wording import plural


def check(analysis: Analysis) -> Iterator[Finding]:
    corpus = analysis.corpus
    ids = analysis.identities
    explicit_partners: dict[str, set[str]] = {}
    for link in ids.links:
        for this, other in ((link.a, link.b), (link.b, link.a)):
            if ids.by_id[other].explicit:
                explicit_partners.setdefault(this, set()).add(other)
    for link in ids.links:
        uncatalogued = not ids.by_id[link.a].explicit and not ids.by_id[link.b].explicit
        if uncatalogued and explicit_partners.get(link.a, set()) & explicit_partners.get(link.b, set()):
            continue  # two spellings of one catalogue entity's name: its findings about each say it all
        yield _finding(corpus, ids, link)


def _finding(corpus: Corpus, ids: Identities, link: VariantLink) -> Finding:
    a, b = ids.by_id[link.a], ids.by_id[link.b]
    sides = [_where(corpus, ids, link.a), _where(corpus, ids, link.b)]
    places = sorted(loc for side in sides for loc, _ in side)
    primary = places[0] if places else Location("claims/entities.yaml")
    forms_a = _forms(ids, link.a)
    forms_b = _forms(ids, link.b)
    noun = "person" if (a.type or b.type) and "person" in (a.type, b.type) else "entity"
    german = names.german_transliteration(link.form_a, link.form_b)
    why = "a German transliteration of the same name" if german else link.why
    message = (
        f"{link.form_a!r} and {link.form_b!r} are probably the same {noun} ({why}); "
        f"written {_list(forms_a)} in {_count(ids, link.a)} and {_list(forms_b)} in {_count(ids, link.b)}"
    )
    quotes = [
        Quote(o.ref.claim.quote, o.ref.location("quote"), o.ref.source_id) for o in _first_each(ids, link)
    ]
    # the claims where each source first writes the two forms compared: those it shows
    by_form = tuple(
        tuple(sorted({o.ref.key for side in sides for _, o in side if o and o.written == form}))
        for form in (link.form_a, link.form_b)
    )
    return RULE.finding(
        message,
        primary,
        severity=Severity.INFO if german or (link.match.subset and link.match.same_spelling) else None,
        related=[loc for loc in places if loc != primary],
        quotes=quotes,
        action=_suggestion(a.explicit, b.explicit, link, a.label, b.label),
        subject=Subject(
            entities=(link.a, link.b), claims=tuple(sorted({*by_form[0], *by_form[1]})), sides=by_form
        ),
    )


def _where(corpus: Corpus, ids: Identities, identity: str) -> list[tuple[Location, Occurrence | None]]:
    """The first place each source writes each form of the identity (or its catalogue entry)."""
    firsts: dict[tuple[str, str], tuple[Location, Occurrence | None]] = {}
    for o in ids.occurrences.get(identity, []):
        place = o.ref.location(o.field)
        key = (o.ref.source_id, o.written)
        if key not in firsts or place < firsts[key][0]:
            firsts[key] = (place, o)
    found = list(firsts.values())
    if not found and corpus.entities_file is not None:
        for index, entity in enumerate(corpus.entities_file.model.entities):
            if entity.id == identity:
                found.append((corpus.entities_file.location(("entities", index, "name")), None))
                break
    return found


def _forms(ids: Identities, identity: str) -> list[str]:
    return list(ids.written_forms(identity)) or [ids.by_id[identity].label]


def _first_each(ids: Identities, link: VariantLink) -> list[Occurrence]:
    firsts = []
    for identity in (link.a, link.b):
        occurrences = sorted(ids.occurrences.get(identity, []), key=lambda o: o.ref.location(o.field))
        if occurrences:
            firsts.append(occurrences[0])
    return firsts


def _count(ids: Identities, identity: str) -> str:
    sources = {o.ref.source_id for o in ids.occurrences.get(identity, [])}
    if not sources:
        return "claims/entities.yaml only"
    return f"{len(sources)} {plural('source', len(sources))} ({', '.join(sorted(sources))})"


def _list(forms: list[str]) -> str:
    return " / ".join(repr(f) for f in forms)


def _suggestion(a_explicit: bool, b_explicit: bool, link: VariantLink, label_a: str, label_b: str) -> str:
    if a_explicit and b_explicit:
        return (
            "record a judgement in claims/entities.yaml: "
            f"{{relation: same-as, entities: [{link.a}, {link.b}], reason: ...}} "
            "(or relation: distinct-from if they are different)"
        )
    if a_explicit or b_explicit:
        entity, name = (link.a, link.form_b) if a_explicit else (link.b, link.form_a)
        return f"if they are the same, add {name!r} to the aliases of {entity} in claims/entities.yaml"
    return (
        f"add an entity to claims/entities.yaml with name {label_a!r} and alias {label_b!r}, or two entities"
    )


RULE = Rule(code="N001", name="name-variant", severity=Severity.WARNING, doc=__doc__ or "", check=check)
