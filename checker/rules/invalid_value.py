"""A value fits the schema's shape but not the model's rules.

Some constraints cannot be written in JSON Schema: a calendar date that does
not exist (2021-02-30), a range whose minimum exceeds its maximum, a
quantity property without a unit dimension. The models check them after the
schema passes.

Bad:

```yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-30", language: en,
         text: sources/example.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - id: crowd
    subject: protesters
    property: protest-size
    value: {min: 40, max: 30, unit: person}
    quote: "between 30 and 40 people"
```

Good:

```yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-28", language: en,
         text: sources/example.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - id: crowd
    subject: protesters
    property: protest-size
    value: {min: 30, max: 40, unit: person}
    quote: "between 30 and 40 people"
```
"""

from checker.findings import Severity
from checker.rule import Rule

RULE = Rule(
    code="S002",
    name="invalid-value",
    severity=Severity.ERROR,
    doc=__doc__ or "",
    stage="schema",
    checked_in="checker/models.py",
)
