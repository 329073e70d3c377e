"""A source's stored article text has changed since its claims were recorded.

A claim file records the SHA-256 of the article text its claims were read
from (``source.sha256``). When the stored text no longer has that hash, the
article was edited, re-fetched or replaced, and claims recorded from the old
text may no longer match it: a corrected figure, a reworded sentence, a
quote that is gone. Review the claims against the new text, then record its
hash (``checker fix --sha256 CLAIM-FILE``). A missing text file is reported
by R010 (missing-source-text).

Bad:

```yaml
# file: sources/example.txt
The court on February 10 found Baibolat Kunbolatuly guilty and sent him to jail for 15 days.
```
```yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/example.txt, sha256: e91905970e45f00c1a6186097fe908fad1f727ad0913befaa6b411cb32597935}
```

Good:

```yaml
# file: sources/example.txt
The court on February 10 found Baibolat Kunbolatuly guilty and sent him to jail for 10 days.
A day earlier, Kunbolatuly and nine other people, mainly women, picketed the Chinese Consulate.
```
```yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/example.txt, sha256: e91905970e45f00c1a6186097fe908fad1f727ad0913befaa6b411cb32597935}
```
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from checker.analysis import Analysis
from checker.findings import Finding, Severity, Subject
from checker.rule import Rule

#: Hex digits of a hash shown in the message (the action gives the whole new one).
SHOWN = 12


def check(analysis: Analysis) -> Iterator[Finding]:
    corpus = analysis.corpus
    texts = analysis.texts
    for loaded in corpus.files:
        source = loaded.model.source
        data = texts.data(source.text)
        if data is None:
            continue
        actual = hashlib.sha256(data).hexdigest()
        if actual == source.sha256:
            continue
        yield RULE.finding(
            f"{source.text} has changed since the claims were recorded: "
            f"sha256 {source.sha256[:SHOWN]}… recorded, {actual[:SHOWN]}… now",
            loaded.location(("source", "sha256")),
            subject=Subject(sources=(source.id,), detail=(actual,)),
            action=f"review the claims against the changed text, then update sha256 to {actual}"
            " (checker fix --sha256 records it)",
        )


RULE = Rule(code="Q002", name="source-changed", severity=Severity.WARNING, doc=__doc__ or "", check=check)
