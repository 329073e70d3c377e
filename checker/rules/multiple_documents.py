"""The file holds more than one YAML document.

A claim file records one source; a second ``---`` document would be
ignored by most loaders, losing its claims. Put each source in its own file.

Bad:

```yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
          text: sources/example.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims: []
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
    code="L013",
    name="multiple-documents",
    severity=Severity.ERROR,
    doc=__doc__ or "",
    stage="load",
    checked_in="checker/loader.py",
)
