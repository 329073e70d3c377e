"""Facts that only one source states: one note per source, listing them.

A fact one source states and no other confirms is the first thing a
fact-checker looks at before publication. This is information, not a
problem: find a second, independent source, or attribute the fact clearly.
Claims count as the same fact when they are about the same (or likely the
same) subject and property, their values agree and their dates fit. In an
archive most facts are stated once, so the rule gives one note per source
("4 of its 12 facts are stated by no other source: ...") rather than one
per claim; every claim concerned is in the note's subject.

Bad:

```yaml
# file: claims/entities.yaml
entities:
  - {id: state-department, name: U.S. State Department, type: organisation}
```
```yaml
# file: claims/properties.yaml
properties:
  - {id: people-detained, label: people detained, kind: quantity, dimension: count}
```
```yaml
# file: claims/one.yaml
source: {id: one, title: One, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/one.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: detained, subject: U.S. State Department, property: people-detained,
     value: {amount: 2000000, unit: person, approx: at-most}, quote: "as many as 2 million"}
```

Good:

```yaml
# file: claims/entities.yaml
entities:
  - {id: state-department, name: U.S. State Department, type: organisation}
```
```yaml
# file: claims/properties.yaml
properties:
  - {id: people-detained, label: people detained, kind: quantity, dimension: count}
```
```yaml
# file: claims/one.yaml
source: {id: one, title: One, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/one.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: detained, subject: U.S. State Department, property: people-detained,
     value: {amount: 2000000, unit: person, approx: at-most}, quote: "as many as 2 million"}
```
```yaml
# file: claims/two.yaml
source: {id: two, title: Two, outlet: Other Daily, published: "2021-02-11", language: en,
         text: sources/two.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: detained, subject: U.S. State Department, property: people-detained,
     value: {amount: 1.8, unit: person, approx: about}, quote: "about 1.8 million"}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis import Analysis
from checker.clusters import Member, date_runs
from checker.describe import MAX_RELATED, fact_label
from checker.findings import Finding, Severity, Subject
from checker.models import Property
from checker.rule import Rule
from checker.wording import plural

#: Facts named in a note; the rest are counted.
SHOWN = 3


def check(analysis: Analysis) -> Iterator[Finding]:
    ids = analysis.identities
    alone: dict[str, list[tuple[Property, tuple[Member, ...]]]] = {}
    stated: dict[str, int] = {}
    for statement in analysis.statements:
        for run in date_runs(statement.members):
            sources = {m.source_id for m in run}
            for source in sources:
                stated[source] = stated.get(source, 0) + 1
            if len(sources) == 1:
                alone.setdefault(run[0].source_id, []).append((statement.prop, run))
    by_source = {f.model.source.id: f for f in analysis.corpus.files}
    for source_id, runs in sorted(alone.items()):
        facts = sorted(runs, key=lambda found: found[1][0].where)
        named = [f"{fact_label(run[0], prop, ids)}: {run[0].value.label}" for prop, run in facts[:SHOWN]]
        rest = len(facts) - SHOWN
        listed = "; ".join(named) + (f"; and {rest:,} more" if rest > 0 else "")
        total = stated[source_id]
        yield RULE.finding(
            f"{len(facts):,} of the {total:,} {plural('fact', total)} {source_id} states "
            f"{'is' if len(facts) == 1 else 'are'} stated by no other source: {listed}",
            by_source[source_id].location(("source", "id")),
            related=[run[0].facts.ref.location("value") for _, run in facts[:MAX_RELATED]],
            quotes=[run[0].facts.ref.quote() for _, run in facts[:1]],
            action="find a second, independent source for these facts, or attribute them in the text",
            subject=Subject(
                sources=(source_id,), claims=tuple(sorted(m.key for _, run in facts for m in run))
            ),
        )


RULE = Rule(code="C001", name="single-source", severity=Severity.INFO, doc=__doc__ or "", check=check)
