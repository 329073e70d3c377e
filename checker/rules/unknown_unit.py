"""A quantity's unit is not in the unit catalogue.

Values are compared after converting them to their dimension's base unit
(days, persons, ...). A unit the checker does not know cannot be converted
and so cannot be compared. Plurals (days) and common spellings (people) are
accepted. Run ``checker explain R008`` to see this text; the known units are
listed in checker/units.py, and a catalogue may add its own (``units:`` in
claims/properties.yaml: ``{name: protester, dimension: count}``).

Bad:

```yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/example.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - id: sentence
    subject: Baibolat Kunbolatuly
    property: jail-sentence
    value: {amount: 10, unit: dyas}
    quote: "sent him to jail for 10 days"
```

Good:

```yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/example.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - id: sentence
    subject: Baibolat Kunbolatuly
    property: jail-sentence
    value: {amount: 10, unit: days}
    quote: "sent him to jail for 10 days"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from checker import units
from checker.analysis import Analysis
from checker.findings import Finding, Severity, Subject
from checker.models import QuantityValue
from checker.rule import Rule
from checker.suggest import did_you_mean


def check(analysis: Analysis) -> Iterator[Finding]:
    corpus = analysis.corpus
    for ref in corpus.claims():
        value = ref.claim.value
        if isinstance(value, QuantityValue) and corpus.unit(value.unit) is None:
            known = sorted({*units.UNITS, *corpus.units})
            yield RULE.finding(
                f"unknown unit {value.unit!r}{did_you_mean(value.unit, known)}",
                ref.location("value", "unit"),
                subject=Subject(claims=(ref.key,), catalogue=(f"unit:{value.unit}",)),
                action=f"use one of: {', '.join(known)}, or add the unit to the catalogue's units",
            )


RULE = Rule(code="R008", name="unknown-unit", severity=Severity.ERROR, doc=__doc__ or "", check=check)
