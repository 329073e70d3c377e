"""A claim's value is not of the kind (or the vocabulary) its property expects.

The property catalogue fixes each property's kind (quantity, date, text,
entity) and, for quantities, the unit dimension. A jail sentence recorded as
text, or in persons rather than days, cannot be compared with the others.

Bad:

```yaml
# file: claims/properties.yaml
properties:
  - {id: jail-sentence, label: jail sentence, kind: quantity, dimension: duration}
```
```yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/example.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - id: sentence
    subject: Baibolat Kunbolatuly
    property: jail-sentence
    value: {text: ten days}
    quote: "sent him to jail for 10 days"
```

Good:

```yaml
# file: claims/properties.yaml
properties:
  - {id: jail-sentence, label: jail sentence, kind: quantity, dimension: duration}
```
```yaml
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

from collections.abc import Iterator

from checker import units
from checker.analysis import Analysis
from checker.compare import vocabulary_word
from checker.findings import Finding, Severity, Subject
from checker.models import DateValue, EntityValue, QuantityValue, TextValue, ValueKind
from checker.rule import Rule
from checker.suggest import did_you_mean

KIND_OF_VALUE = {
    QuantityValue: ValueKind.QUANTITY,
    DateValue: ValueKind.DATE,
    TextValue: ValueKind.TEXT,
    EntityValue: ValueKind.ENTITY,
}


def _a(kind: ValueKind) -> str:
    """The kind with its article: 'a quantity', 'an entity'."""
    return f"{'an' if kind.value[0] in 'aeiou' else 'a'} {kind.value}"


def check(analysis: Analysis) -> Iterator[Finding]:
    corpus = analysis.corpus
    for ref in corpus.claims():
        prop = corpus.properties.get(ref.claim.property)
        if prop is None:
            continue  # unknown-property reports it
        value = ref.claim.value
        kind = KIND_OF_VALUE[type(value)]
        if kind is not prop.kind:
            yield RULE.finding(
                f"property {prop.id!r} takes {_a(prop.kind)} value, not {_a(kind)}",
                ref.location("value"),
                subject=Subject(claims=(ref.key,), detail=("kind",)),
                action=f"record the value as {_a(prop.kind)}, or use another property",
            )
        elif isinstance(value, TextValue) and prop.vocabulary and vocabulary_word(value.text, prop) is None:
            yield RULE.finding(
                f"{value.text!r} is not in the vocabulary of property {prop.id!r} "
                f"({', '.join(prop.vocabulary)}){did_you_mean(value.text, prop.vocabulary)}",
                ref.location("value", "text"),
                subject=Subject(claims=(ref.key,), detail=("vocabulary",)),
                action="record the value as one of the property's words, or add the word to its vocabulary",
            )
        elif isinstance(value, QuantityValue):
            unit = corpus.unit(value.unit)
            if unit is not None and prop.dimension and not units.measures(unit.dimension, prop.dimension):
                yield RULE.finding(
                    f"property {prop.id!r} is measured in {prop.dimension}, but {value.unit!r} "
                    f"is a unit of {unit.dimension}",
                    ref.location("value", "unit"),
                    subject=Subject(claims=(ref.key,), detail=("dimension",)),
                    action=f"use a unit of {prop.dimension}",
                )


RULE = Rule(code="R009", name="value-kind-mismatch", severity=Severity.ERROR, doc=__doc__ or "", check=check)
