"""One pair of entities is judged both the same and distinct.

A ``same-as`` and a ``distinct-from`` judgement in claims/entities.yaml about
the same two entities cannot both be right, and picking either would hide
the editor's mistake. The finding is at the later judgement; until one of
them is removed the checker follows **neither**: the pair stays unjudged, so
its claims are compared as only *likely* the same when their names match,
and a name variant between them is reported as if no judgement existed.

Bad:

```yaml
# file: claims/entities.yaml
entities:
  - {id: kunbolatuly, name: Baibolat Kunbolatuly, type: person}
  - {id: kunbolat, name: Baibolat Kunbolat, type: person}
judgements:
  - {relation: same-as, entities: [kunbolatuly, kunbolat], reason: a misspelling}
  - {relation: distinct-from, entities: [kunbolat, kunbolatuly], reason: cousins}
```

Good:

```yaml
# file: claims/entities.yaml
entities:
  - {id: kunbolatuly, name: Baibolat Kunbolatuly, type: person}
  - {id: kunbolat, name: Baibolat Kunbolat, type: person}
judgements:
  - {relation: distinct-from, entities: [kunbolat, kunbolatuly], reason: cousins}
```
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from checker.analysis import Analysis
from checker.findings import Finding, Severity, Subject
from checker.rule import Rule


def check(analysis: Analysis) -> Iterator[Finding]:
    loaded = analysis.corpus.entities_file
    if loaded is None:
        return
    first: dict[frozenset[str], int] = {}  # each pair's first judgement
    repeats: Counter[frozenset[str]] = Counter()
    judgements = loaded.model.judgements
    for index, judgement in enumerate(judgements):
        pair = frozenset(judgement.entities)
        earlier = first.setdefault(pair, index)
        if judgements[earlier].relation == judgement.relation:
            continue
        repeats[pair] += 1
        ids = ", ".join(sorted(pair))
        line = loaded.location(("judgements", earlier)).line
        yield RULE.finding(
            f"judgement {judgement.relation} {ids} contradicts the {judgements[earlier].relation} "
            f"judgement at line {line}; neither is followed",
            loaded.location(("judgements", index, "relation")),
            related=[loaded.location(("judgements", earlier, "relation"))],
            subject=Subject(
                file=loaded.path,
                catalogue=(f"judgement:{','.join(sorted(pair))}",),
                detail=(f"contradiction {repeats[pair]}",),
            ),
            action="keep the judgement that is right for this pair and remove the other",
        )


RULE = Rule(
    code="R012", name="contradictory-judgements", severity=Severity.ERROR, doc=__doc__ or "", check=check
)
