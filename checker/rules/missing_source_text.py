"""A source's stored article text is missing.

Quotes are checked against the article text stored under sources/. The
path in ``source.text`` is relative to the repository root and must name a
readable file inside the repository.

Bad:

```yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/missing.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
```

Good:

```yaml
# file: sources/example.txt
# (the stored article text)
```
```yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/example.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
```
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from checker.analysis import Analysis
from checker.findings import Finding, Severity, Subject
from checker.rule import Rule


def check(analysis: Analysis) -> Iterator[Finding]:
    corpus = analysis.corpus
    root = corpus.root.resolve()
    for loaded in corpus.files:
        written = loaded.model.source.text
        target = (root / written).resolve()  # resolve: a symlink must not lead outside either
        if not target.is_relative_to(root):
            problem = f"source text {written!r} lies outside the repository"
        elif not target.exists():
            problem = f"source text {written!r} does not exist"
        elif not target.is_file():
            problem = f"source text {written!r} is not a file (a folder, a pipe or a device)"
        elif not os.access(target, os.R_OK):
            problem = f"source text {written!r} cannot be read"
        else:
            continue
        yield RULE.finding(
            problem,
            loaded.location(("source", "text")),
            subject=Subject(sources=(loaded.model.source.id,), detail=(written,)),
            action="store the article text under sources/ and point source.text at it",
        )


RULE = Rule(code="R010", name="missing-source-text", severity=Severity.ERROR, doc=__doc__ or "", check=check)
