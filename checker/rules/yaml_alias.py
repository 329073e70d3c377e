"""Anchors and aliases are not allowed.

Claims never need shared YAML nodes, and aliases are how "billion laughs"
bombs make a small file expand to gigabytes. Write the value out instead.

Bad:

```yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
          text: sources/example.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims: &none []
extra: *none
```

Good:

```yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
          text: sources/example.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims: []
```
"""

from checker.findings import Severity
from checker.rule import Rule

RULE = Rule(
    code="L005",
    name="yaml-alias",
    severity=Severity.ERROR,
    doc=__doc__ or "",
    stage="load",
    checked_in="checker/loader.py",
)
