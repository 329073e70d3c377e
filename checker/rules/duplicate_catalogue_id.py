"""An entity, event or property id is declared twice in a catalogue.

Claims refer to catalogue entries by id; with two entries under one id, only
the first is used and the second one's names, aliases or settings are
silently ignored.

Bad:

```yaml
# file: claims/entities.yaml
entities:
  - {id: kunbolatuly, name: Baibolat Kunbolatuly, type: person}
  - {id: kunbolatuly, name: Baimurat Kunbolatuly, type: person}
```

Good:

```yaml
# file: claims/entities.yaml
entities:
  - {id: baibolat-kunbolatuly, name: Baibolat Kunbolatuly, type: person}
  - {id: baimurat-kunbolatuly, name: Baimurat Kunbolatuly, type: person}
```
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

from checker.analysis import Analysis
from checker.corpus import LoadedFile
from checker.findings import Finding, Severity, Subject
from checker.models import Entity, Event, Property
from checker.rule import Rule


def check(analysis: Analysis) -> Iterator[Finding]:
    corpus = analysis.corpus
    if corpus.entities_file is not None:
        model = corpus.entities_file.model
        yield from _duplicates(corpus.entities_file, "entities", model.entities)
        yield from _duplicates(corpus.entities_file, "events", model.events)
    if corpus.properties_file is not None:
        yield from _duplicates(corpus.properties_file, "properties", corpus.properties_file.model.properties)


def _duplicates(
    loaded: LoadedFile[Any], section: str, items: Sequence[Entity | Event | Property]
) -> Iterator[Finding]:
    first: dict[str, int] = {}
    repeats: Counter[str] = Counter()
    for index, item in enumerate(items):
        earlier = first.setdefault(item.id, index)
        if earlier != index:
            repeats[item.id] += 1
            first_line = loaded.location((section, earlier)).line
            yield RULE.finding(
                f"{section} id {item.id!r} is already declared at line {first_line}",
                loaded.location((section, index, "id")),
                related=[loaded.location((section, earlier, "id"))],
                subject=Subject(
                    file=loaded.path,
                    catalogue=(f"{section}:{item.id}",),
                    detail=(f"repeat {repeats[item.id]}",),
                ),
                action="merge the two entries, or give one a different id",
            )


RULE = Rule(
    code="R006", name="duplicate-catalogue-id", severity=Severity.ERROR, doc=__doc__ or "", check=check
)
