"""Score authoring on the articles of benchmarks/quality/cases: `checker new` and rule Q004.

    python benchmarks/authoring.py [-v] [--record]

The facts of an article are what its recorded claims hold and their quotes
state: a claim's quantity (amount, min, max) when its quote states the
number; a claim's date (value, ``date``, ``as_of``) when its quote states
it, or a relative or weekday date when its quote has a relative or weekday
expression; its subject and entity value when its quote writes the name.
Each fact is located at its quote in the stored article. Three figures:

* suggested S: the share of facts that one of ``checker new``'s suggestions
  holds (the number in its value readings, the date, or the name among the
  names of its sentence) at an occurrence inside the fact's quote, so with the
  right sentence as its quote;
* coverage C: the share of facts that rule Q004 names when the claims that
  hold the fact (by value, date or name) or quote its occurrence are removed
  from the claim file;
* false F: the facts Q004 names (each once) per article on the complete
  claim files that no reviewer of the case records: no claim of any article
  of the case holds that number, date or name. A fact another outlet's
  editor did record is one an editor would record, and not counted;
  everything else is (headline repeats, background figures, misreadings,
  names nobody recorded).

The last line reads::

    authoring: suggested S, coverage C, false F per article

``-v`` lists the facts missed and the items counted false; ``--record``
writes the figures to benchmarks/authoring-scores.json, the floor
tests/test_authoring_benchmark.py holds the code to (never under CI).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from checker.authoring import Catalogue, suggest
from checker.corpus import Corpus, LoadedFile
from checker.coverage import Known, NameIndex, Options, Recorded, candidates, people_of, unrecorded
from checker.engine import load_corpus
from checker.models import (
    Claim,
    ClaimFile,
    DateValue,
    EntityType,
    EntityValue,
    QuantityValue,
    RelativeDate,
    WeekdayDate,
)
from checker.project import find_project
from checker.text.dates import dates_in
from checker.text.extract import DATE, NAME, NUMBER, Candidate, person_like
from checker.text.normalise import Normalised, Span
from checker.text.numbers import numbers_in
from checker.text.quotes import find_pieces, name_readable

re_summary = re.compile(r"authoring: suggested \d+\.\d+, coverage \d+\.\d+, false \d+\.\d+ per article")
HERE = Path(__file__).resolve().parent
CASES = HERE / "quality" / "cases"
SCORES = HERE / "authoring-scores.json"


@dataclass(frozen=True)
class Fact:
    """A number, date or name a recorded claim holds and its quote states, located at its quote."""

    source: str
    kind: str
    value: str  # the number, the ISO date, "relative", or the name
    quote: Span
    claim: str

    def __str__(self) -> str:
        return f"{self.source}: {self.kind} {self.value} ({self.claim})"


@dataclass
class Scores:
    suggested: int = 0
    covered: int = 0
    facts: int = 0
    false: int = 0
    articles: int = 0
    missed_suggestions: list[Fact] = field(default_factory=list)
    missed_coverage: list[Fact] = field(default_factory=list)
    false_items: list[str] = field(default_factory=list)

    def line(self) -> str:
        s = self.suggested / self.facts if self.facts else 0.0
        c = self.covered / self.facts if self.facts else 0.0
        f = self.false / self.articles if self.articles else 0.0
        return f"authoring: suggested {s:.2f}, coverage {c:.2f}, false {f:.2f} per article"

    def figures(self) -> dict[str, float]:
        return {
            "suggested": round(self.suggested / self.facts, 4),
            "coverage": round(self.covered / self.facts, 4),
            "false_per_article": round(self.false / self.articles, 4),
        }


def case_dirs() -> list[Path]:
    return sorted(p for p in CASES.iterdir() if (p / "claims").is_dir())


def facts_of(loaded: LoadedFile[ClaimFile], article: Normalised, people: Callable[[str], bool]) -> list[Fact]:
    """The facts a claim file's claims hold and their quotes state (see the module docstring)."""
    found: dict[tuple[str, str, Span], Fact] = {}
    language = loaded.model.source.language
    for claim in loaded.model.claims:
        pieces = find_pieces(article, claim.quote)
        if not pieces:
            continue  # Q001 reports a quote that is not in the article
        span = Span(pieces[0].start, pieces[-1].end)
        for kind, value in _held(claim, language, people):
            found.setdefault((kind, value, span), Fact(loaded.model.source.id, kind, value, span, claim.id))
    return list(found.values())


def _held(claim: Claim, language: str, people: Callable[[str], bool]) -> Iterator[tuple[str, str]]:
    value, quote = claim.value, claim.quote
    if isinstance(value, QuantityValue):
        readings = numbers_in(quote, language)
        for number in (value.amount, value.min, value.max):
            if number is not None and any(r.contains(number) for r in readings):
                yield NUMBER, repr(float(number))
    dates = [d for d in (claim.date, claim.as_of, value.date if isinstance(value, DateValue) else None) if d]
    for date in dates:
        if isinstance(date, str) and any(d.matches(date) for d in dates_in(quote)):
            yield DATE, date
        elif isinstance(date, RelativeDate | WeekdayDate) and any(
            c.kind == DATE and c.relative for c in candidates(quote, language)
        ):
            yield DATE, "relative"
    for name in (claim.subject, value.entity if isinstance(value, EntityValue) else None):
        if name and people(name) and name_readable(name, quote)[0]:
            yield NAME, name


def people_in(corpus: Corpus) -> Callable[[str], bool]:
    """Whether a name is a person's: the catalogue says so, or, uncatalogued, it is written like one."""
    catalogue = Catalogue(corpus)

    def person(name: str) -> bool:
        entity = catalogue.resolve(name)
        if entity is not None and entity in corpus.entities:
            return corpus.entities[entity].type == EntityType.PERSON
        return person_like(name)

    return person


def holds(candidate: Candidate, fact: Fact) -> bool:
    """Whether a candidate is the fact: the same kind and value, written inside the fact's quote."""
    if candidate.kind != fact.kind or not (fact.quote.start <= candidate.span.start < fact.quote.end):
        return False
    if fact.kind == NUMBER:
        number = float(fact.value)
        return any(low <= number <= high for low, high in candidate.values)
    if fact.kind == DATE:
        if fact.value == "relative":
            return candidate.relative is not None
        return Known(Recorded(dates=[fact.value])).records(candidate)
    return same_name(candidate.text, fact.value)


def same_name(a: str, b: str) -> bool:
    """Two forms of one name: transliterated, declined, or one a part of the other."""
    return bool(NameIndex([(b, b)]).find(a) or NameIndex([(a, a)]).find(b))


def score_case(case: Path, scores: Scores) -> None:
    project = find_project([case / "claims"])
    corpus, _ = load_corpus([], project)
    catalogue = Catalogue(corpus)
    people = people_in(corpus)
    options = Options(people=people_of(corpus.entities.values()))  # as rule Q004 runs
    everyone = _case_recorded(corpus)
    for loaded in corpus.files:
        source = loaded.model.source
        path = project.root / source.text
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        article = Normalised.of(text)
        scores.articles += 1
        facts = facts_of(loaded, article, people)
        suggestions = suggest(text, source.language, catalogue)
        for fact in facts:
            scores.facts += 1
            if any(_suggests(s.candidate, s.names, fact) for s in suggestions):
                scores.suggested += 1
            else:
                scores.missed_suggestions.append(fact)
            if _named_when_removed(loaded.model, text, article, fact, people, options):
                scores.covered += 1
            else:
                scores.missed_coverage.append(fact)
        own = Recorded.of(loaded.model)
        elsewhere = Known(Recorded(everyone.quotes, everyone.names, everyone.dates, everyone.numbers,
                                   everyone.weekdays, own.published))  # fmt: skip
        named = {c.key: c for c in reversed(unrecorded(article, source.language, own, options))}
        for item in sorted(named.values(), key=lambda c: c.span):  # a fact is named once, at all its lines
            if not elsewhere.records(item):
                scores.false += 1
                scores.false_items.append(f"{source.id}:{item.line}: {item.kind} {item.shown!r}")


def _suggests(candidate: Candidate, sentence_names: tuple[tuple[str, str | None], ...], fact: Fact) -> bool:
    if fact.kind != NAME:
        return holds(candidate, fact)
    return _sentence_overlaps(candidate, fact) and any(
        same_name(name, fact.value) for name, _ in sentence_names
    )


def _sentence_overlaps(candidate: Candidate, fact: Fact) -> bool:
    """The candidate's sentence is (a part of) the fact's quote, or holds it."""
    return candidate.sentence_span.start < fact.quote.end and fact.quote.start < candidate.sentence_span.end


def _named_when_removed(  # noqa: PLR0917
    model: ClaimFile,
    text: str,
    article: Normalised,
    fact: Fact,
    people: Callable[[str], bool],
    options: Options,
) -> bool:
    found = candidates(text, model.source.language, options)
    if not any(holds(c, fact) for c in found):
        return False  # the extractor does not see it in its quote: Q004 cannot name it
    everywhere = Fact(fact.source, fact.kind, fact.value, Span(0, len(text)), fact.claim)
    occurrences = [c for c in found if holds(c, everywhere)]  # every mention of it in the article
    kept = [c for c in model.claims if not _holds_fact(c, model, article, fact, occurrences, people)]
    reduced = model.model_copy(update={"claims": kept})
    left = unrecorded(article, model.source.language, Recorded.of(reduced), options)
    return any(c.span in {o.span for o in occurrences} for c in left)


def _holds_fact(  # noqa: PLR0917
    claim: Claim,
    model: ClaimFile,
    article: Normalised,
    fact: Fact,
    occurrences: list[Candidate],
    people: Callable[[str], bool],
) -> bool:
    """The claims a fact's removal removes: those holding its value, date or name, or quoting it."""
    pieces = find_pieces(article, claim.quote) or []
    if any(p.start < o.span.end and o.span.start < p.end for p in pieces for o in occurrences):
        return True
    if fact.kind == NAME:
        written = [claim.subject, claim.attribution, claim.place]
        if isinstance(claim.value, EntityValue):
            written.append(claim.value.entity)
        return any(w and same_name(w, fact.value) for w in written)
    held = _held(claim, model.source.language, people)
    return any(kind == fact.kind and value == fact.value for kind, value in held)


def _case_recorded(corpus: Corpus) -> Recorded:
    """What every claim file of a case records: what some editor of the story chose to record."""
    merged = Recorded()
    for loaded in corpus.files:
        one = Recorded.of(loaded.model)
        merged.names += one.names
        merged.dates += one.dates
        for number, units in one.numbers.items():
            merged.numbers.setdefault(number, set()).update(units)
        merged.weekdays |= one.weekdays
    return merged


def score(cases: list[Path]) -> Scores:
    scores = Scores()
    for case in cases:
        score_case(case, scores)
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("-v", "--verbose", action="store_true", help="list missed facts and false items")
    parser.add_argument("--record", action="store_true", help=f"write the figures to {SCORES.name}")
    args = parser.parse_args(argv)
    scores = score(case_dirs())
    if args.verbose:
        for fact in scores.missed_suggestions:
            print(f"not suggested: {fact}")
        for fact in scores.missed_coverage:
            print(f"not named by Q004: {fact}")
        for item in scores.false_items:
            print(f"false: {item}")
    print(f"{scores.facts} facts in {scores.articles} articles")
    if args.record:
        if os.environ.get("CI"):
            print("--record is refused under CI", file=sys.stderr)
            return 2
        SCORES.write_text(json.dumps(scores.figures(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(scores.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
