"""Mappings or lists are nested deeper than the limit (32).

Claim files are a few levels deep. A file nested hundreds of levels deep is
a mistake or an attack on the parser's stack; it is refused.

Bad:

```yaml
claims: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
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
    code="L010",
    name="too-deep",
    severity=Severity.ERROR,
    doc=__doc__ or "",
    stage="load",
    checked_in="checker/loader.py",
)
