"""Explicit YAML tags are not allowed.

Tags such as ``!!python/object`` ask a loader to build arbitrary objects,
and ``!!str``/``!!float`` override how a value is read. Claims are plain data:
quote a value to make it a string.

Bad:

```yaml
source: !!python/object:os.system {}
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
    code="L006",
    name="yaml-tag",
    severity=Severity.ERROR,
    doc=__doc__ or "",
    stage="load",
    checked_in="checker/loader.py",
)
