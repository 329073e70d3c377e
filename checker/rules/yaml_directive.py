"""YAML directives (%YAML, %TAG) are not allowed.

``%YAML 1.1`` changes how values are read (``no`` becomes false, ``0777``
an octal number). Claim files are read by YAML 1.2 rules only.

Bad:

```yaml
%YAML 1.1
---
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
          text: sources/example.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims: []
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
    code="L007",
    name="yaml-directive",
    severity=Severity.ERROR,
    doc=__doc__ or "",
    stage="load",
    checked_in="checker/loader.py",
)
