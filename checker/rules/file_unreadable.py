"""A claim file could not be read at all.

The file exists but the operating system refused to read it (permissions, a
directory where a file was expected, a broken link). The other files are
still checked.

Bad:

```yaml
# norun: a file the checker has no permission to read
```

Good:

```yaml
# norun: the same file, readable
```
"""

from checker.findings import Severity
from checker.rule import Rule

RULE = Rule(
    code="L001",
    name="file-unreadable",
    severity=Severity.ERROR,
    doc=__doc__ or "",
    stage="load",
    checked_in="checker/loader.py",
)
