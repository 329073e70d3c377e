"""A waiver in the configuration matches no finding.

A waiver outlives the problem it was written for: the claim is fixed, the
fingerprint was mistyped, or the claims it names were renamed. Left in place,
a stale waiver would silently hide the next, different finding that happens
to match it, so it is reported (in a run of every rule over every claim file;
a run restricted by --select, --ignore, `validate` or to some files only
judges the waivers it can). The finding points at the waiver in the
configuration file. Waiver findings cannot themselves be waived.

Bad:

```yaml
# file: checker.yaml
waivers:
  - rule: unknown-property
    claims: [example/sentence]
    reason: "jail-term is what the court wrote; catalogue entry pending"
```
```yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/example.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: charge, subject: Baibolat Kunbolatuly, property: charge,
     value: {text: violating the law on mass gatherings}, quote: "violating the law on mass gatherings"}
```

Good:

```yaml
# file: checker.yaml
waivers:
  - rule: unknown-property
    claims: [example/sentence]
    reason: "jail-term is what the court wrote; catalogue entry pending"
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
    code="W001",
    name="unused-waiver",
    severity=Severity.WARNING,
    doc=__doc__ or "",
    stage="waiver",
    checked_in="checker/waivers.py",
)
