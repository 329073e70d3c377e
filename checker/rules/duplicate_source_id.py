"""Two claim files record sources with the same id.

Source ids name a source across the whole corpus (in findings, waivers and
corroboration). Two files with one id are usually a copied file whose
source block was not updated.

Bad:

```yaml
# file: claims/one.yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/example.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
```
```yaml
# file: claims/two.yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/example.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
```

Good:

```yaml
# file: claims/one.yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/example.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
```
```yaml
# file: claims/two.yaml
source: {id: example-two, title: Example, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/example.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis import Analysis
from checker.corpus import LoadedFile
from checker.findings import Finding, Severity, Subject
from checker.models import ClaimFile
from checker.rule import Rule


def check(analysis: Analysis) -> Iterator[Finding]:
    corpus = analysis.corpus
    first: dict[str, LoadedFile[ClaimFile]] = {}
    for loaded in corpus.files:
        source_id = loaded.model.source.id
        earlier = first.setdefault(source_id, loaded)
        if earlier is not loaded:
            yield RULE.finding(
                f"source id {source_id!r} is already used by {earlier.path}",
                loaded.location(("source", "id")),
                related=[earlier.location(("source", "id"))],
                subject=Subject(file=loaded.path, sources=(source_id,)),
                action="give every source its own id (the claim file's name is a good choice)",
            )


RULE = Rule(code="R005", name="duplicate-source-id", severity=Severity.ERROR, doc=__doc__ or "", check=check)
