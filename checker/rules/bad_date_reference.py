"""A relative date points at a claim that does not exist or has no date.

"A day earlier" is recorded as ``{relative_to: sentence, offset: -1 day}``.
The claim it is relative to must exist in the same file and carry a date of
its own (absolute, or relative in turn without going round in a circle);
``published`` refers to the source's publication date.

Bad:

```yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/example.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - id: picket
    subject: Baibolat Kunbolatuly
    property: picketed
    value: {entity: Chinese Consulate in Almaty}
    date: {relative_to: sentense, offset: -1 day}
    quote: "A day earlier, Kunbolatuly and nine other people"
```

Good:

```yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/example.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - id: sentence
    subject: Baibolat Kunbolatuly
    property: jail-sentence
    value: {amount: 10, unit: day}
    date: "2021-02-10"
    quote: "The court on February 10 found Baibolat Kunbolatuly guilty"
  - id: picket
    subject: Baibolat Kunbolatuly
    property: picketed
    value: {entity: Chinese Consulate in Almaty}
    date: {relative_to: sentence, offset: -1 day}
    quote: "A day earlier, Kunbolatuly and nine other people"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.corpus import ClaimRef, Corpus
from checker.findings import Finding, Severity, Subject
from checker.models import RelativeDate
from checker.rule import Rule
from checker.suggest import did_you_mean

PUBLISHED = "published"


def check(corpus: Corpus) -> Iterator[Finding]:
    for loaded in corpus.files:
        refs = [ClaimRef(loaded, i) for i in range(len(loaded.model.claims))]
        by_id = {ref.claim.id: ref for ref in reversed(refs)}  # the first of a duplicate id wins
        for ref in refs:
            for field_name in ("date", "as_of"):
                spec = getattr(ref.claim, field_name)
                if isinstance(spec, RelativeDate):
                    problem = _problem(ref, field_name, spec, by_id)
                    if problem:
                        yield RULE.finding(
                            problem,
                            ref.location(field_name, "relative_to"),
                            subject=Subject(claims=(ref.key,), detail=(field_name,)),
                            action="point relative_to at a dated claim of this file, or at 'published'",
                        )


def _problem(ref: ClaimRef, field_name: str, spec: RelativeDate, by_id: dict[str, ClaimRef]) -> str | None:
    seen = {ref.claim.id}
    current = spec
    while True:
        target_id = current.relative_to
        if target_id == PUBLISHED:
            return None
        target = by_id.get(target_id)
        if target is None:
            return f"{field_name} is relative to unknown claim {target_id!r}{did_you_mean(target_id, by_id)}"
        if target_id in seen:
            return f"{field_name} is relative to {target_id!r}, which leads back in a circle"
        seen.add(target_id)
        target_date = target.claim.date
        if target_date is None:
            return f"{field_name} is relative to claim {target_id!r}, which has no date"
        if not isinstance(target_date, RelativeDate):
            return None
        current = target_date


RULE = Rule(code="R007", name="bad-date-reference", severity=Severity.ERROR, doc=__doc__ or "", check=check)
