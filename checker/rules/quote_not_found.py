"""A claim's quote is not in its source's stored article text.

Every claim quotes, word for word, the passage of the article that supports
it, and the article is stored under sources/ so that the quote can be
checked. A quote that is not in the text was mistyped, paraphrased, or taken
from another article (or another version of it), and the claim cannot be
traced to what was published. Differences that do not change the words are
ignored: letter case, runs of whitespace and line breaks, curly or straight
quotation marks and apostrophes, the kind of dash, the ellipsis character,
soft hyphens and other invisible characters (Unicode NFKC). An ellipsis
("..." or "…") inside a quote marks an elision: the pieces around it must be
found in that order, with any text in between. The finding shows the most
similar passage of the article. A missing text file is reported by R010
(missing-source-text), not here.

Bad:

```yaml
# file: sources/example.txt
The court on February 10 found Baibolat Kunbolatuly guilty and sent him to jail for 10 days.
A day earlier, Kunbolatuly and nine other people, mainly women, picketed the Chinese Consulate.
```
```yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/example.txt, sha256: e91905970e45f00c1a6186097fe908fad1f727ad0913befaa6b411cb32597935}
claims:
  - id: sentence
    subject: Baibolat Kunbolatuly
    property: jail-sentence
    value: {amount: 10, unit: day}
    quote: "found Baibolat Kunbolatuly guilty and sentenced him to 10 days"
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
claims:
  - id: sentence
    subject: Baibolat Kunbolatuly
    property: jail-sentence
    value: {amount: 10, unit: day}
    quote: "found Baibolat Kunbolatuly guilty … sent him to jail for 10 days"
  - id: picket-size
    subject: Chinese Consulate
    property: protest-size
    value: {amount: 10, unit: person}
    quote: "Kunbolatuly and nine other people,
            mainly women, picketed"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis import Analysis
from checker.findings import Finding, Location, Quote, Severity, Subject
from checker.rule import Rule
from checker.text.normalise import line_column, one_line
from checker.text.quotes import closest_in, quote_in

#: Below this similarity the closest passage is no help and is not shown.
HINT_THRESHOLD = 50.0


def check(analysis: Analysis) -> Iterator[Finding]:
    corpus = analysis.corpus
    texts = analysis.texts
    for ref in corpus.claims():
        source = ref.file.model.source
        article = texts.text(source.text)
        if article is None or quote_in(article, ref.claim.quote):
            continue
        quotes = [ref.quote()]
        message = f"quote is not in {source.text}"
        closest = closest_in(article, ref.claim.quote)
        if closest is not None and closest[1] >= HINT_THRESHOLD:
            span, similarity = closest
            line, column = line_column(article.original, span.start)
            where = Location(source.text, line, column)
            passage = one_line(article.original[span.start : span.end])
            quotes.append(Quote(passage, where, ref.source_id))
            message += f"; the closest passage ({similarity:.0f}% similar) is at {where}"
        yield RULE.finding(
            message,
            ref.location("quote"),
            subject=Subject(claims=(ref.key,), detail=(ref.claim.quote,)),
            quotes=quotes,
            action="correct the quote to match the article word for word",
        )


RULE = Rule(code="Q001", name="quote-not-found", severity=Severity.ERROR, doc=__doc__ or "", check=check)
