"""A number, date or name of a source's article that no claim of the source records.

An editor records the facts of an article as claims; a figure, a date or a
person the article names and no claim quotes was either left out on purpose
(background, a repeat) or forgotten. This rule lists them, one finding per
source, each with its line in the stored text, so that the editor can
record it or waive the finding. Counted as recorded: what a claim of the
source quotes; a repeat of it elsewhere in the article (the same number, the
same date); a number a claim records as its value, in a unit that may be
the same ("nine other people" is not 10 days); a date the source block or a
claim gives (the dateline's date is ``published``; "today" is that day,
"yesterday" the day before when a claim records it; a weekday when a claim
gives it: ``date: {weekday: tuesday}``); a name a claim writes as its
subject, value, attribution or place, or the outlet's. Numbers are read in
digits and words (English, Russian, Kazakh, German); dates absolute, as
weekdays and relative ("a day earlier", "last year"); names are, by default,
those written like a person's (two to four capitalised words, or one of
them alone) and those of the catalogue's people ("Nurlan" of Nurlan Mamatov).

Options (``options: {unrecorded-fact: ...}`` in the configuration):
``kinds`` lists what to report (``number``, ``date``, ``name``; all by
default), ``names: all`` reports every capitalised name, not only people's.
Waive it per source with ``{rule: Q004, sources: [SOURCE-ID], reason: ...}``.

Bad:

```yaml
# file: sources/example.txt
The court on February 10 sentenced Baibolat Kunbolatuly to 10 days in jail.
A day earlier, Kunbolatuly and nine other people picketed the Chinese Consulate.
```
```yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/example.txt, sha256: 7091b238a835aea6b55d3a3db407723790b067ff954315a951894f600f506939}
claims:
  - id: sentence
    subject: Baibolat Kunbolatuly
    property: jail-sentence
    value: {amount: 10, unit: day}
    quote: "The court on February 10 sentenced Baibolat Kunbolatuly to 10 days in jail."
```

Good:

```yaml
# file: sources/example.txt
The court on February 10 sentenced Baibolat Kunbolatuly to 10 days in jail.
A day earlier, Kunbolatuly and nine other people picketed the Chinese Consulate.
```
```yaml
source: {id: example, title: Example, outlet: Example News, published: "2021-02-10", language: en,
         text: sources/example.txt, sha256: 7091b238a835aea6b55d3a3db407723790b067ff954315a951894f600f506939}
claims:
  - id: sentence
    subject: Baibolat Kunbolatuly
    property: jail-sentence
    value: {amount: 10, unit: day}
    quote: "The court on February 10 sentenced Baibolat Kunbolatuly to 10 days in jail."
  - id: picket-size
    subject: Chinese Consulate
    property: protest-size
    value: {amount: 10, unit: person}
    date: {relative_to: sentence, offset: "-1 day"}
    quote: "A day earlier, Kunbolatuly and nine other people picketed the Chinese Consulate."
```
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from checker.analysis import Analysis
from checker.coverage import Recorded, people_of, unrecorded
from checker.findings import Finding, Location, Quote, Severity, Subject
from checker.rule import Rule
from checker.text.extract import Candidate

#: Facts named in a message at most; the rest are counted (and all are located in ``related``).
SHOWN = 8


def check(analysis: Analysis) -> Iterator[Finding]:
    options = replace(
        analysis.options.unrecorded_fact.coverage(), people=people_of(analysis.corpus.entities.values())
    )
    for loaded in analysis.corpus.files:
        source = loaded.model.source
        article = analysis.texts.text(source.text)
        if article is None:
            continue  # R010 missing-source-text reports it
        left = unrecorded(article, source.language, Recorded.of(loaded.model), options)
        if not left:
            continue
        facts: dict[str, list[Candidate]] = {}  # one fact, every mention of it: "at lines 3, 5"
        for candidate in left:
            facts.setdefault(candidate.key, []).append(candidate)
        listed = [_listed(mentions) for mentions in facts.values()]
        more = f" and {len(listed) - SHOWN} more" if len(listed) > SHOWN else ""
        places = [Location(source.text, c.line, c.column) for c in left]
        first = [mentions[0] for mentions in facts.values()][:SHOWN]
        noun = "fact is" if len(listed) == 1 else "facts are"
        yield RULE.finding(
            f"{len(listed)} {noun} recorded by no claim: {', '.join(listed[:SHOWN])}{more}",
            loaded.location(("source", "text")),
            subject=Subject(sources=(source.id,)),
            related=places,
            quotes=_sentences(first, source.text, source.id),
            action="record the facts worth recording as claims (`checker new` suggests them),"
            " or waive this finding for the source",
        )


def _sentences(facts: list[Candidate], text: str, source: str) -> list[Quote]:
    """The sentences the facts stand in, each once (at its first fact): an article's opening
    sentence often holds a date, a name and two numbers, and is quoted once for all of them."""
    quoted: dict[str, Quote] = {}
    for fact in facts:
        sentence = " ".join(fact.sentence.split())
        quoted.setdefault(sentence, Quote(sentence, Location(text, fact.line, fact.column), source))
    return list(quoted.values())


def _listed(mentions: list[Candidate]) -> str:
    lines = list(dict.fromkeys(c.line for c in mentions))
    where = f"line {lines[0]}" if len(lines) == 1 else f"lines {', '.join(map(str, lines))}"
    return f"'{mentions[0].shown}' at {where}"


RULE = Rule(code="Q004", name="unrecorded-fact", severity=Severity.INFO, doc=__doc__ or "", check=check)
