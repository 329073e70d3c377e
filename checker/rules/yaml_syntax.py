"""The file is not valid YAML.

The parser could not read the file. The location is where it gave up, which
is often just after the real mistake (an unclosed bracket or quote).

Bad:

```yaml
source: {id: example, title: [unclosed
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
    code="L003",
    name="yaml-syntax",
    severity=Severity.ERROR,
    doc=__doc__ or "",
    stage="load",
    checked_in="checker/loader.py",
)
