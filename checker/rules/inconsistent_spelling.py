"""One source spells the same entity in two different ways.

An article should spell a name one way throughout: Toqaev in one paragraph
and Tokayev in the next confuses readers and search. A short form of the
full name (Tokayev after Kassym-Jomart Tokayev) is not a second spelling.
The check covers names the catalogue lists as aliases and names that are
only likely the same (see name-variant) as spellings of one name; a bare
surname that could be the father's or the son's does not join the two.

Bad:

```yaml
# file: claims/entities.yaml
entities:
  - {id: tokayev, name: Kassym-Jomart Tokayev, type: person, aliases: [Qasym-Zhomart Toqaev, Tokayev, Toqaev]}
```
```yaml
# file: claims/one.yaml
source: {id: one, title: One, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/one.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: petition, subject: Kassym-Jomart Tokayev, property: petitioned-by, value: {text: protesters},
     quote: "a petition addressed to President Kassym-Jomart Tokayev"}
  - {id: office, subject: Toqaev, property: office, value: {text: President},
     quote: "Toqaev, the president"}
```

Good:

```yaml
# file: claims/entities.yaml
entities:
  - {id: tokayev, name: Kassym-Jomart Tokayev, type: person, aliases: [Qasym-Zhomart Toqaev, Tokayev, Toqaev]}
```
```yaml
# file: claims/one.yaml
source: {id: one, title: One, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/one.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: petition, subject: Kassym-Jomart Tokayev, property: petitioned-by, value: {text: protesters},
     quote: "a petition addressed to President Kassym-Jomart Tokayev"}
  - {id: office, subject: Tokayev, property: office, value: {text: President},
     quote: "Tokayev, the president"}
```
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from checker import names
from checker.analysis import Analysis
from checker.findings import Finding, Severity, Subject
from checker.resolve import Occurrence, UnionFind
from checker.rule import Rule


def check(analysis: Analysis) -> Iterator[Finding]:
    ids = analysis.identities
    spelt_alike = UnionFind()  # certain identities, and direct links that are not short forms
    for link in ids.links:
        if not link.match.subset:
            spelt_alike.union(ids.confirmed.find(link.a), ids.confirmed.find(link.b))
    used: dict[tuple[str, str], dict[str, Occurrence]] = defaultdict(dict)
    for identity, occurrences in ids.occurrences.items():
        cluster = spelt_alike.find(ids.confirmed.find(identity))
        for occurrence in occurrences:
            forms = used[(occurrence.ref.source_id, cluster)]
            current = forms.get(occurrence.written)
            if current is None or occurrence.ref.location() < current.ref.location():
                forms[occurrence.written] = occurrence
    for (source_id, _cluster), forms in sorted(used.items()):
        ordered = sorted(forms.values(), key=lambda o: o.ref.location())
        first = ordered[0]
        odd = [o for o in ordered[1:] if not _consistent(first.written, o.written)]
        if not odd:
            continue
        spelled = ", ".join(repr(o.written) for o in ordered)
        why = names.explain(first.written, odd[0].written)
        yield RULE.finding(
            f"{source_id} writes {spelled} for the same entity ({why})",
            odd[0].ref.location(odd[0].field),
            related=[o.ref.location(o.field) for o in ordered if o is not odd[0]],
            quotes=[first.ref.quote(), odd[0].ref.quote()],
            action="check the article: keep one spelling, or record exactly what the source writes",
            subject=Subject(sources=(source_id,), detail=tuple(sorted(forms))),
        )


def _consistent(a: str, b: str) -> bool:
    """The same spelling, or a short form of it (Tokayev after Kassym-Jomart Tokayev)."""
    match = names.compare(names.analyse(a), names.analyse(b))
    return match is not None and match.exact_tokens


RULE = Rule(
    code="N002", name="inconsistent-spelling", severity=Severity.WARNING, doc=__doc__ or "", check=check
)
