"""A claim names an entity that claims/entities.yaml does not know.

Every subject and every entity-valued ``value`` should resolve to one
entity, by its canonical name or one of its aliases (case and spacing do not
matter). A name the catalogue does not know is still compared, but only by
its spelling and through name matching (see name-variant), without a type or
recorded judgements to go on. Editors record names as each article writes
them and the catalogue holds what the desk knows, so a new name is a note
(info), not a problem; a likely misspelling of a known name is reported as a
name variant. A judgement naming an entity
id that does not exist is an error: it settles nothing.

Bad:

```yaml
# file: claims/entities.yaml
entities:
  - {id: baibolat-kunbolatuly, name: Baibolat Kunbolatuly, type: person}
```
```yaml
# file: claims/example.yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/example.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - id: sentence
    subject: Baibolat Kunbolatul
    property: jail-sentence
    value: {amount: 10, unit: day}
    quote: "sent him to jail for 10 days"
```

Good:

```yaml
# file: claims/entities.yaml
entities:
  - {id: baibolat-kunbolatuly, name: Baibolat Kunbolatuly, type: person}
```
```yaml
# file: claims/example.yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/example.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - id: sentence
    subject: Baibolat Kunbolatuly
    property: jail-sentence
    value: {amount: 10, unit: day}
    quote: "sent him to jail for 10 days"
```
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from checker import names
from checker.analysis import Analysis
from checker.findings import Finding, Severity, Subject
from checker.rule import Rule
from checker.suggest import did_you_mean

ACTION = "add the name to claims/entities.yaml, as a new entity or as an alias of an existing one"


def check(analysis: Analysis) -> Iterator[Finding]:
    corpus = analysis.corpus
    known_names = sorted({name for e in corpus.entities.values() for name in (e.name, *e.aliases)})
    hint_for = _Hints(known_names)
    for ref in corpus.claims():
        for field_name, name in ref.written_names():
            if not corpus.resolve_name(name):
                hint = hint_for(name)
                yield RULE.finding(
                    f"{name!r} is not in claims/entities.yaml{hint}",
                    ref.location(field_name),
                    subject=Subject(claims=(ref.key,), detail=(field_name, name)),
                    action=ACTION,
                )
    if corpus.entities_file is None:
        return
    for j, judgement in enumerate(corpus.entities_file.model.judgements):
        for k, entity_id in enumerate(judgement.entities):
            if entity_id not in corpus.entities:
                hint = did_you_mean(entity_id, corpus.entities)
                yield RULE.finding(
                    f"judgement names unknown entity id {entity_id!r}{hint}",
                    corpus.entities_file.location(("judgements", j, "entities", k)),
                    subject=Subject(
                        entities=(entity_id,),
                        catalogue=(f"judgement:{judgement.relation}:{','.join(sorted(judgement.entities))}",),
                    ),
                    action="use the id of an entity declared under 'entities'",
                    severity=Severity.ERROR,
                )


class _Hints:
    """Did-you-mean hints for unknown names, among the catalogue names that share a blocking key.

    Scoring every unknown name against every catalogue name grows with the
    product of the two; a name worth suggesting shares a word, or a word
    one or two letters off, with the unknown one (names.block_keys), so only
    those are scored. Each distinct name is worked out once.
    """

    def __init__(self, known: Sequence[str]) -> None:
        self.index: dict[str, list[str]] = defaultdict(list)
        for name in known:
            for key in names.block_keys(names.analyse(name)):
                self.index[key].append(name)
        self.found: dict[str, str] = {}

    def __call__(self, name: str) -> str:
        if name not in self.found:
            keys = names.block_keys(names.analyse(name))
            candidates = {known for key in keys for known in self.index.get(key, ())}
            self.found[name] = did_you_mean(name, candidates)
        return self.found[name]


RULE = Rule(code="R001", name="unknown-entity", severity=Severity.INFO, doc=__doc__ or "", check=check)
