r"""The file is not UTF-8 text, or holds a character YAML forbids.

Claim files are UTF-8. Bytes that are not UTF-8 (a file saved as Latin-1 or
UTF-16) and control characters such as U+0001 are reported at their line and
column, never as a byte offset, so the editor can find them.

Bad:

```yaml
# norun: a file with the byte 0xE9 written by a Latin-1 editor
subject: Caf\xe9
```

Good:

```yaml
# norun: the same file saved as UTF-8
subject: Café
```
"""

from checker.findings import Severity
from checker.rule import Rule

RULE = Rule(
    code="L002",
    name="invalid-text",
    severity=Severity.ERROR,
    doc=__doc__ or "",
    stage="load",
    checked_in="checker/loader.py",
)
