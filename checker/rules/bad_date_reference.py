"""A relative date points at a claim that does not exist or has no date.

"A day earlier" is recorded as ``{relative_to: sentence, offset: -1 day}``.
The claim it is relative to must exist in the same file and carry a date of
its own (absolute, or relative in turn without going round in a circle);
``published`` refers to the source's publication date. The date it leads to
must be on the calendar (0001-01-01 to 9999-12-31): "+8000 years" from 2021
is reported at the offset that leaves it. A date value (``value: {date:
...}``) may be relative too, and is checked the same way.

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
from checker.findings import Finding, Location, Severity, Subject
from checker.intervals import describe_dates
from checker.models import Claim, DateSpecValue, DateValue, RelativeDate, WeekdayDate
from checker.resolve import DateResolver, RelativeWalk, Step, is_step, walk_relative
from checker.rule import Rule
from checker.suggest import did_you_mean


def check(analysis: Analysis) -> Iterator[Finding]:
    for loaded in analysis.corpus.files:
        refs = [ClaimRef(loaded, i) for i in range(len(loaded.model.claims))]
        resolver = DateResolver(refs)
        by_id = resolver.by_id
        for ref in refs:
            for field_path in (("date",), ("as_of",), ("value", "date")):
                spec = _spec(ref.claim, field_path)
                if not isinstance(spec, RelativeDate | WeekdayDate) or not is_step(spec):
                    continue
                field_name = ".".join(field_path)
                walk = walk_relative(spec, ref.claim.id, by_id)
                problem = _problem(field_name, spec.relative_to, walk, by_id)
                if problem:
                    yield RULE.finding(
                        problem,
                        ref.location(*field_path, "relative_to"),
                        subject=Subject(claims=(ref.key,), detail=(field_name,)),
                        action="point relative_to at a dated claim of this file, or at 'published'",
                    )
                    continue
                days = resolver.follow(walk)
                if len(days) >= 2 and days[-2] is not None and days[-1] is None:  # its own step leaves
                    yield RULE.finding(
                        f"{field_name}: {_step_text(spec, describe_dates(days[-2]))} "
                        "leads outside the calendar (0001-01-01 to 9999-12-31)",
                        _step_location(ref, field_path, spec),
                        subject=Subject(claims=(ref.key,), detail=(field_name, "outside the calendar")),
                        action="correct the offset, or the date it is relative to",
                    )


def _spec(claim: Claim, field_path: tuple[str, ...]) -> DateSpecValue | None:
    if field_path == ("value", "date"):
        return claim.value.date if isinstance(claim.value, DateValue) else None
    spec: DateSpecValue | None = getattr(claim, field_path[0])
    return spec


def _step_text(step: Step, anchor: str) -> str:
    if isinstance(step, RelativeDate):
        return f"{step.offset!r} from {anchor}"
    return (
        f"the {step.weekday.value} {'on or before' if step.direction == 'before' else 'on or after'} {anchor}"
    )


def _step_location(ref: ClaimRef, field_path: tuple[str, ...], step: Step) -> Location:
    return ref.location(*field_path, "offset" if isinstance(step, RelativeDate) else "weekday")


def _problem(field_name: str, first: str, walk: RelativeWalk, by_id: Mapping[str, Claim]) -> str | None:
    """What is wrong with a walk; ``first`` is the claim the date names itself (a circle's way in)."""
    target = walk.target
    if walk.problem == "unknown":
        return f"{field_name} is relative to unknown claim {target!r}{did_you_mean(target or '', by_id)}"
    if walk.problem == "circle":
        return f"{field_name} is relative to {first!r}, which leads back in a circle"
    if walk.problem == "undated":
        return f"{field_name} is relative to claim {target!r}, which has no date"
    return None


RULE = Rule(code="R007", name="bad-date-reference", severity=Severity.ERROR, doc=__doc__ or "", check=check)
