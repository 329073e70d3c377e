"""A waiver in the configuration is past its expiry date.

A waiver may say until when it holds (``expires: "2021-06-30"``, the last
day it applies). After that day it no longer applies: the finding it covered
is reported again, and the waiver itself is reported here, at its place in the
configuration file, so that someone reviews it. Set SOURCE_DATE_EPOCH to check
as of a fixed day (reproducible reports). Waiver findings cannot themselves
be waived.

Bad:

```yaml
# file: checker.yaml
waivers:
  - rule: unknown-property
    claims: [example/sentence]
    reason: "jail-term is what the court wrote; catalogue entry pending"
    by: desk-editor
    expires: "2001-01-31"
```
```yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/example.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: sentence, subject: Baibolat Kunbolatuly, property: jail-term,
     value: {amount: 10, unit: day}, quote: "sent him to jail for 10 days"}
```

Good:

```yaml
# file: checker.yaml
waivers:
  - rule: unknown-property
    claims: [example/sentence]
    reason: "jail-term is what the court wrote; catalogue entry pending"
    by: desk-editor
    expires: "9999-12-31"
```
```yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/example.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: sentence, subject: Baibolat Kunbolatuly, property: jail-term,
     value: {amount: 10, unit: day}, quote: "sent him to jail for 10 days"}
```
"""

from __future__ import annotations

from checker.findings import Severity
from checker.rule import Rule

RULE = Rule(
    code="W002",
    name="expired-waiver",
    severity=Severity.WARNING,
    doc=__doc__ or "",
    stage="waiver",
    checked_in="checker/waivers.py",
)
