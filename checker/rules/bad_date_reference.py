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

from collections.abc import Iterator, Mapping

from checker.analysis import Analysis
from checker.corpus import ClaimRef
from checker.findings import Finding, Severity, Subject
from checker.models import Claim, RelativeDate, WeekdayDate
from checker.resolve import RelativeWalk, is_step, walk_relative
from checker.rule import Rule
from checker.suggest import did_you_mean


def check(analysis: Analysis) -> Iterator[Finding]:
    for loaded in analysis.corpus.files:
        refs = [ClaimRef(loaded, i) for i in range(len(loaded.model.claims))]
        by_id = {ref.claim.id: ref.claim for ref in reversed(refs)}  # the first of a duplicate id wins
        for ref in refs:
            for field_name in ("date", "as_of"):
                spec = getattr(ref.claim, field_name)
                if not isinstance(spec, RelativeDate | WeekdayDate) or not is_step(spec):
                    continue
                problem = _problem(field_name, walk_relative(spec, ref.claim.id, by_id), by_id)
                if problem:
                    yield RULE.finding(
                        problem,
                        ref.location(field_name, "relative_to"),
                        subject=Subject(claims=(ref.key,), detail=(field_name,)),
                        action="point relative_to at a dated claim of this file, or at 'published'",
                    )


def _problem(field_name: str, walk: RelativeWalk, by_id: Mapping[str, Claim]) -> str | None:
    target = walk.target
    if walk.problem == "unknown":
        return f"{field_name} is relative to unknown claim {target!r}{did_you_mean(target or '', by_id)}"
    if walk.problem == "circle":
        return f"{field_name} is relative to {target!r}, which leads back in a circle"
    if walk.problem == "undated":
        return f"{field_name} is relative to claim {target!r}, which has no date"
    return None


RULE = Rule(code="R007", name="bad-date-reference", severity=Severity.ERROR, doc=__doc__ or "", check=check)
