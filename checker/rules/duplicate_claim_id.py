"""Two claims in one file share an id.

Claim ids are how relative dates, waivers and reports point at a claim; two
claims with one id make every such reference ambiguous.

Bad:

```yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/example.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: sentence, subject: Baibolat Kunbolatuly, property: jail-sentence,
     value: {amount: 10, unit: day}, quote: "sent him to jail for 10 days"}
  - {id: sentence, subject: Baibolat Kunbolatuly, property: charge,
     value: {text: violating the law on mass gatherings}, quote: "violating the law on mass gatherings"}
```

Good:

```yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/example.txt, sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: sentence, subject: Baibolat Kunbolatuly, property: jail-sentence,
     value: {amount: 10, unit: day}, quote: "sent him to jail for 10 days"}
  - {id: charge, subject: Baibolat Kunbolatuly, property: charge,
     value: {text: violating the law on mass gatherings}, quote: "violating the law on mass gatherings"}
```
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from checker.analysis import Analysis
from checker.corpus import ClaimRef
from checker.findings import Finding, Severity, Subject
from checker.rule import Rule


def check(analysis: Analysis) -> Iterator[Finding]:
    corpus = analysis.corpus
    first: dict[tuple[str, str], ClaimRef] = {}
    repeats: Counter[str] = Counter()
    for ref in corpus.claims():
        earlier = first.setdefault((ref.file.path, ref.claim.id), ref)
        if earlier is not ref:
            repeats[ref.key] += 1
            yield RULE.finding(
                f"claim id {ref.claim.id!r} is already used at line {earlier.location().line}",
                ref.location("id"),
                related=[earlier.location("id")],
                subject=Subject(
                    file=ref.file.path, claims=(ref.key,), detail=(f"repeat {repeats[ref.key]}",)
                ),
                action="give each claim in a file its own id",
            )


RULE = Rule(code="R004", name="duplicate-claim-id", severity=Severity.ERROR, doc=__doc__ or "", check=check)
