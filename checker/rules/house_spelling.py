"""A name is not written in the house spelling (off unless configured).

The canonical ``name`` of an entity in claims/entities.yaml is the house
spelling. Sources may spell it their own way — that is what aliases record —
but a newsroom's own copy should not. Turn this rule on for the paths that
hold your own articles (``per_path`` in checker.yaml, or ``rules`` for all);
a short form of the house spelling (Tokayev for Kassym-Jomart Tokayev) is fine.

Bad:

```yaml
# file: checker.yaml
rules:
  house-spelling: warning
```
```yaml
# file: claims/entities.yaml
entities:
  - {id: tokayev, name: Kassym-Jomart Tokayev, type: person, aliases: [Qasym-Zhomart Toqaev, Toqaev]}
```
```yaml
# file: claims/ours.yaml
source: {id: ours, title: Our story, outlet: Example News, published: "2021-06-25", language: en,
         text: sources/ours.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: petition, subject: Qasym-Zhomart Toqaev, property: office, value: {text: President},
     quote: "a petition to President Qasym-Zhomart Toqaev"}
```

Good:

```yaml
# file: checker.yaml
rules:
  house-spelling: warning
```
```yaml
# file: claims/entities.yaml
entities:
  - {id: tokayev, name: Kassym-Jomart Tokayev, type: person, aliases: [Qasym-Zhomart Toqaev, Toqaev]}
```
```yaml
# file: claims/ours.yaml
source: {id: ours, title: Our story, outlet: Example News, published: "2021-06-25", language: en,
         text: sources/ours.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: petition, subject: Kassym-Jomart Tokayev, property: office, value: {text: President},
     quote: "a petition to President Kassym-Jomart Tokayev"}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from checker import names
from checker.analysis import Analysis
from checker.findings import Finding, Severity, Subject
from checker.rule import Rule


def check(analysis: Analysis) -> Iterator[Finding]:
    ids = analysis.identities
    for identity, occurrences in sorted(ids.occurrences.items()):
        node = ids.by_id[identity]
        if not node.explicit:
            continue
        house = names.analyse(node.label)
        for occurrence in occurrences:
            match = names.compare(names.analyse(occurrence.written), house)
            if match is not None and match.exact_tokens:
                continue
            yield RULE.finding(
                f"{occurrence.written!r} is not the house spelling {node.label!r}",
                occurrence.ref.location(occurrence.field),
                quotes=[occurrence.ref.quote()],
                action=f"write {node.label!r} (or a short form of it)",
                subject=Subject(claims=(occurrence.ref.key,), detail=(occurrence.field,)),
            )


RULE = Rule(
    code="N003",
    name="house-spelling",
    severity=Severity.WARNING,
    doc=__doc__ or "",
    check=check,
    enabled=False,
)
