"""The file is larger than the size limit (5 MiB).

A claim file records one article; megabytes of YAML are a mistake (a pasted
dump, a generated file) and would slow every run. Split it or fix it.

Bad:

```yaml
# norun: a 6 MiB claim file
```

Good:

```yaml
# norun: the same claims, one file per article
```
"""

from checker.findings import Severity
from checker.rule import Rule

RULE = Rule(
    code="L011",
    name="file-too-large",
    severity=Severity.ERROR,
    doc=__doc__ or "",
    stage="load",
    checked_in="checker/loader.py",
)
