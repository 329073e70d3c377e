"""A file does not fit its JSON Schema.

Claim files, claims/entities.yaml and claims/properties.yaml each have a
schema in schemas/ (generated from the models). An unknown or misspelled
key, a missing required key, a value of the wrong type or a date that is not
ISO 8601 is reported at the offending key or value, with a did-you-mean hint
where one helps.

Bad:

```yaml
source: {id: example, title: Example, outlet: Example News, published: "10 Feb 2021", language: en,
         text: sources/example.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - id: sentence
    subject: Baibolat Kunbolatuly
    property: jail-sentence
    value: {amount: 10, unit: day}
    qoute: "sent him to jail for 10 days"
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
    quote: "sent him to jail for 10 days"
```
"""

from checker.findings import Severity
from checker.rule import Rule

RULE = Rule(
    code="S001",
    name="schema-violation",
    severity=Severity.ERROR,
    doc=__doc__ or "",
    stage="schema",
    checked_in="checker/schemas.py",
)
