"""A name as written belongs to more than one entity.

When two entities share a name or alias (two men both listed as "Kunbolat"),
a claim written with that name cannot be resolved to either, so none of its
facts are compared. Give the claim a fuller name, or remove the shared alias.

Bad:

```yaml
# file: claims/entities.yaml
entities:
  - {id: baibolat, name: Baibolat Kunbolatuly, type: person, aliases: [Kunbolatuly]}
  - {id: baimurat, name: Baimurat Kunbolatuly, type: person, aliases: [Kunbolatuly]}
```
```yaml
# file: claims/example.yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/example.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - id: sentence
    subject: Kunbolatuly
    property: jail-sentence
    value: {amount: 10, unit: day}
    quote: "sent him to jail for 10 days"
```

Good:

```yaml
# file: claims/entities.yaml
entities:
  - {id: baibolat, name: Baibolat Kunbolatuly, type: person, aliases: [Kunbolatuly]}
  - {id: baimurat, name: Baimurat Kunbolatuly, type: person}
```
```yaml
# file: claims/example.yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/example.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - id: sentence
    subject: Kunbolatuly
    property: jail-sentence
    value: {amount: 10, unit: day}
    quote: "sent him to jail for 10 days"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis import Analysis
from checker.findings import Finding, Severity, Subject
from checker.rule import Rule


def check(analysis: Analysis) -> Iterator[Finding]:
    corpus = analysis.corpus
    for ref in corpus.claims():
        for field_name, name in ref.written_names():
            ids = corpus.resolve_name(name)
            if len(ids) > 1:
                yield RULE.finding(
                    f"{name!r} could be any of the entities {', '.join(sorted(ids))}",
                    ref.location(field_name),
                    subject=Subject(claims=(ref.key,), detail=(field_name, name)),
                    action="write the name in full, or keep the shared alias on one entity only",
                )


RULE = Rule(code="R011", name="ambiguous-entity", severity=Severity.ERROR, doc=__doc__ or "", check=check)
