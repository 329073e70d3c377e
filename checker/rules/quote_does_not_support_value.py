"""A claim's quote states a different value than the claim records.

The quote is the evidence for the claim: a reader of the quote alone should
find the value in it. A quote that states another number or date than the
claim is usually a typing slip (15 for 10) or a quote copied from the wrong
sentence. A quote that states no number or date at all is not reported:
the value is derived (an age from a birth date, a weekday, a total) or
written in a way the checker cannot read; nor are text values, which
editors summarise and translate. What counts as stated:

- quantities: the amount (or each of min and max) as a number, in digits
  ("10", "2,000,000", "2.5", "2 million", "1.8m") or words ("nine",
  "twenty-five", "two million", "a dozen", ordinals such as "third"); vague
  words count as intervals the number must fall in ("dozens" 24-199,
  "hundreds" 200-999, "thousands" 2,000-999,999, "millions", "several"
  3-9); "X and nine other people" states ten as well as nine. The unit is
  not checked (10 days: look for 10).
- dates: "February 10", "Feb. 10", "10 February 2021", "2021-02-10",
  "10.02.2021"; "February 2021" or "2021" for a partial date. A year may be
  left out. Relative dates are not checked.
- entities: the name as written in the value, found in the quote.

Bad:

```yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/example.txt, sha256: e91905970e45f00c1a6186097fe908fad1f727ad0913befaa6b411cb32597935}
claims:
  - id: sentence
    subject: Baibolat Kunbolatuly
    property: jail-sentence
    value: {amount: 15, unit: day}
    quote: "sent him to jail for 10 days"
```

Good:

```yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/example.txt, sha256: e91905970e45f00c1a6186097fe908fad1f727ad0913befaa6b411cb32597935}
claims:
  - id: sentence
    subject: Baibolat Kunbolatuly
    property: jail-sentence
    value: {amount: 10, unit: day}
    quote: "sent him to jail for 10 days"
  - id: picket-size
    subject: Chinese Consulate
    property: protest-size
    value: {amount: 10, unit: person}
    quote: "Kunbolatuly and nine other people, mainly women, picketed the Chinese Consulate"
  - id: sentence-date
    subject: Baibolat Kunbolatuly
    property: sentenced-on
    value: {date: "2021-02-10"}
    quote: "The court on Feb. 10 found Baibolat Kunbolatuly guilty"
```
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from checker.analysis import Analysis
from checker.corpus import ClaimRef
from checker.findings import Finding, Severity, Subject
from checker.intervals import describe_quantity
from checker.models import DateValue, EntityValue, QuantityValue
from checker.rule import Rule
from checker.text.dates import DateReading, dates_in
from checker.text.numbers import NumberReading, numbers_in
from checker.text.quotes import name_readable

#: Readings listed in a message at most.
SHOWN = 6


def check(analysis: Analysis) -> Iterator[Finding]:
    corpus = analysis.corpus
    for ref in corpus.claims():
        problem = _problem(ref)
        if problem is None:
            continue
        shown, detail = problem
        yield RULE.finding(
            f"value {shown} is not readable in the quote ({detail})",
            ref.location("value"),
            subject=Subject(claims=(ref.key,), values=(shown,), detail=(ref.claim.quote,)),
            quotes=(ref.quote(),),
            action="check the value against the quote, or quote the passage that states it",
        )


def _problem(ref: ClaimRef) -> tuple[str, str] | None:
    """The value as shown and what the quote says instead, when the quote does not state the value."""
    value, quote = ref.claim.value, ref.claim.quote
    if isinstance(value, QuantityValue):
        readings = numbers_in(quote, ref.file.model.source.language)
        wanted = [n for n in (value.amount, value.min, value.max) if n is not None]
        if wanted == [1]:
            return None  # one is said by grammar ("a civilian", "ein Feuerwehrmann"), not a number
        if not readings or all(any(r.contains(n) for r in readings) for n in wanted):
            return None  # no number read: written in words we cannot read, or a derived figure
        return describe_quantity(value), _listed(readings, "number")
    if isinstance(value, DateValue):
        if not isinstance(value.date, str):
            return None  # a relative date: what it is relative to is checked by R007
        dates = dates_in(quote)
        if not dates or any(d.matches(value.date) for d in dates):
            return None  # no date read: a derived date (an age, "last year"), or one we cannot read
        return value.date, _listed(dates, "date")
    if isinstance(value, EntityValue):
        readable, score = name_readable(value.entity, quote)
        return None if readable else (repr(value.entity), f"best match {score:.0f}%")
    return None


def _listed(readings: Sequence[NumberReading | DateReading], kind: str) -> str:
    if not readings:
        return f"it states no {kind}"
    shown = list(dict.fromkeys(str(r) for r in readings))
    more = ", ..." if len(shown) > SHOWN else ""
    return f"it reads {', '.join(shown[:SHOWN])}{more}"


RULE = Rule(
    code="Q003",
    name="quote-does-not-support-value",
    severity=Severity.WARNING,
    doc=__doc__ or "",
    check=check,
)
