"""Which facts of an article its claims record, and which they leave out.

A number, date or name of the article (:func:`checker.text.extract.extract`)
is recorded when a claim of its source quotes the passage it is written in,
or when it repeats something recorded: the same number with the same noun,
or the same date, quoted elsewhere in the article; a date the source block
or a claim records (the dateline's date is the ``published`` date); a name a
claim writes as its subject, value, attribution or place, or the outlet's.
Everything else is unrecorded: rule Q004 lists it, and the authoring
benchmark scores it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from checker import names, units
from checker.models import (
    ClaimFile,
    DateSpan,
    DateValue,
    Entity,
    EntityType,
    EntityValue,
    QuantityValue,
    WeekdayDate,
)
from checker.text.extract import DATE, KINDS, NAME, NUMBER, Candidate, extract, sentences
from checker.text.extract import UNITS as KNOWN_UNITS
from checker.text.normalise import Normalised, Span, normalise
from checker.text.quotes import quote_positions


@dataclass
class Recorded:
    """What one source's claim file records: its quotes, the names it writes and the dates it gives."""

    quotes: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)  # ISO 8601, possibly partial
    numbers: dict[float, set[str]] = field(default_factory=dict)  # amounts, minima, maxima -> their units
    weekdays: set[str] = field(default_factory=set)  # the weekdays claims give (``date: {weekday: ...}``)
    published: str = ""

    @classmethod
    def of(cls, model: ClaimFile) -> Recorded:
        source = model.source
        recorded = cls(names=[source.outlet, *([source.publisher] if source.publisher else [])])
        recorded.dates.append(source.published)
        recorded.published = source.published
        for claim in model.claims:
            if isinstance(claim.value, QuantityValue):
                unit = units.lookup(claim.value.unit)
                for number in (claim.value.amount, claim.value.min, claim.value.max):
                    if number is not None:
                        recorded.numbers.setdefault(number, set()).add(
                            unit.name if unit else claim.value.unit
                        )
            for spec in (
                claim.date,
                claim.as_of,
                claim.value.date if isinstance(claim.value, DateValue) else None,
            ):
                if isinstance(spec, WeekdayDate):
                    recorded.weekdays.add(str(spec.weekday))
            recorded.quotes.append(claim.quote)
            recorded.names.append(claim.subject)
            recorded.names.extend(n for n in (claim.attribution, claim.place) if n)
            if isinstance(claim.value, EntityValue):
                recorded.names.append(claim.value.entity)
            if isinstance(claim.value, DateValue):
                recorded.dates.extend(_iso_dates(claim.value.date))
            recorded.dates.extend(_iso_dates(claim.date))
            recorded.dates.extend(_iso_dates(claim.as_of))
        return recorded


def _iso_dates(spec: object) -> list[str]:
    if isinstance(spec, str):
        return [spec]
    if isinstance(spec, WeekdayDate) and spec.date is not None:
        return [spec.date]
    if isinstance(spec, DateSpan):
        return [spec.start, spec.end]
    return []


def people_of(entities: Iterable[Entity]) -> NameIndex:
    """The names and aliases of the catalogue's people, each standing for its entity."""
    return NameIndex(
        (form, e.id) for e in entities if e.type == EntityType.PERSON for form in (e.name, *e.aliases)
    )


@dataclass(frozen=True)
class Options:
    """Which candidates count: their kinds, and whether a name must be written like a person's."""

    kinds: frozenset[str] = frozenset(KINDS)
    all_names: bool = False  # False: only person-like names (two to four capitalised words, or one of them)
    people: NameIndex | None = None  # the catalogue's people: "Nurlan" alone is a person's name too

    def counts(self, candidate: Candidate) -> bool:
        if candidate.kind not in self.kinds:
            return False
        if candidate.kind != NAME or candidate.person or self.all_names:
            return True
        return self.people is not None and bool(self.people.find(candidate.text))


def candidates(
    text: str,
    language: str,
    options: Options = Options(),
    skip: Sequence[Span] = (),
    spans: list[Span] | None = None,
) -> list[Candidate]:
    """The candidate facts of an article that ``options`` asks about (see :func:`extract`)."""
    return [c for c in extract(text, language, skip, spans) if options.counts(c)]


def unrecorded(
    article: Normalised, language: str, recorded: Recorded, options: Options = Options()
) -> list[Candidate]:
    """The candidates of an article (in ``language``) that what its claims record leaves out.

    Quotes are placed in the article's normal text (no offset map is worked
    out); a sentence every part of which is quoted is recorded and not read
    at all, so a well-recorded article costs little more than finding its
    quotes. A candidate is quoted when the normal form of its words is
    quoted, there or elsewhere in the article (a repeat of a quoted fact).
    """
    normal = article.text
    quoted = bytearray(len(normal))
    for quote in recorded.quotes:
        for start, end in quote_positions(article, quote) or ():
            quoted[start:end] = b"\x01" * (end - start)
    skip: list[Span] = []
    position = 0
    spans = sentences(article.original)
    for sentence in spans:
        words = normalise(article.original[sentence.start : sentence.end])
        at = normal.find(words, position) if words else -1
        if at < 0:
            continue
        position = at + len(words)
        if quoted.find(0, at, position) < 0:
            skip.append(sentence)
    if len(skip) == len(spans):
        return []  # every sentence is quoted
    found = candidates(article.original, language, options, skip, spans)
    known = Known(recorded)
    return [c for c in found if not _quoted(c, normal, quoted) and not known.records(c)]


def _quoted(candidate: Candidate, normal: str, quoted: bytearray) -> bool:
    """Whether a claim quotes the candidate's words, where it is written or anywhere else."""
    words = normalise(candidate.text)
    at = normal.find(words) if words else -1
    while at >= 0:
        if quoted.find(1, at, at + len(words)) >= 0:
            return True
        at = normal.find(words, at + 1)
    return False


class Known:
    """What a claim file records, beyond its quotes, indexed to tell whether a candidate is one of it."""

    def __init__(self, recorded: Recorded) -> None:
        self.recorded = recorded
        self.days = _days(recorded)

    @cached_property
    def exact_names(self) -> set[str]:
        return {" ".join(name.casefold().split()) for name in self.recorded.names}

    @cached_property
    def names(self) -> NameIndex:
        return NameIndex((name, name) for name in self.recorded.names)

    def records(self, candidate: Candidate) -> bool:
        """Whether the claims record ``candidate`` as a value, a date or a name, quoted or not."""
        if candidate.kind == NUMBER:
            return any(self._number(n, candidate.unit) for low, high in candidate.values for n in (low, high))
        if candidate.kind == DATE:
            return _date_recorded(candidate, self.recorded, self.days)
        if " ".join(candidate.text.casefold().split()) in self.exact_names:
            return True  # as written: no need to index every name in all its forms
        return bool(self.names.find(candidate.text))

    def _number(self, number: float, unit: str | None) -> bool:
        """The same number in a unit that may be the same: "nine other people" is not 10 days.

        A unit the text's noun does not name, or a claim's unit of the
        catalogue's own (protester, vote), is no evidence either way.
        """
        recorded = self.recorded.numbers.get(number)
        if recorded is None:
            return False
        return unit is None or unit in recorded or not recorded <= KNOWN_UNITS


def _days(recorded: Recorded) -> list[dt.date]:
    """The whole days among the recorded dates."""
    found = []
    for iso in recorded.dates:
        try:
            found.append(dt.date.fromisoformat(iso))
        except ValueError:
            continue  # a partial date
    return found


def _date_recorded(candidate: Candidate, recorded: Recorded, days: list[dt.date]) -> bool:
    """A date of the text that the claims or the source block record, whatever way it is written."""
    if any(_same_date(candidate, iso) for iso in recorded.dates):
        return True
    relative = candidate.relative or ""
    if relative.startswith("weekday:"):
        return relative.removeprefix("weekday:") in recorded.weekdays
    if relative == "+0 day":
        return True  # "today": the day of publication, which the source block records
    if candidate.parts is not None and candidate.parts[1] is None and candidate.parts[0] is not None:
        return any(d.year == candidate.parts[0] for d in days)  # a year alone, of a recorded day
    return False


def _same_date(candidate: Candidate, iso: str) -> bool:
    """Whether a date of the text is the recorded (partial) date ``iso``; a year may be left out."""
    if candidate.parts is None:
        return False
    year, month, day = candidate.parts
    wanted = [*(int(p) for p in iso.split("-")), None, None]
    if year is not None and year != wanted[0]:
        return False
    if month is None:
        return year is not None and wanted[1] is None
    return month == wanted[1] and day == wanted[2]


class NameIndex:
    """Names, each with what it stands for, found by their match keys (blocked, never all with all).

    A name is found in its other forms too: transliterated (Tokayev, Токаев),
    declined (Марата Оспанова, Тулегенову), or a part of a fuller name
    ("Kunbolatuly" of "Baibolat Kunbolatuly"), never a fuller name by a part of it.
    """

    def __init__(self, named: Iterable[tuple[str, str]]) -> None:
        self._by_key: dict[str, list[tuple[names.NameForm, str]]] = defaultdict(list)
        for name, meaning in sorted(set(named)):
            form = names.analyse(name)
            for key in names.block_keys(form) | _prefix_keys(name):
                self._by_key[key].append((form, meaning))

    def find(self, written: str) -> list[str]:
        """What ``written`` stands for: the meanings of the names it is a form of, sorted."""
        form = names.analyse(written)
        found: set[str] = set()
        seen: set[tuple[str, str]] = set()
        for key in sorted(names.block_keys(form) | _prefix_keys(written)):
            for other, meaning in self._by_key.get(key, ()):
                if (other.written, meaning) in seen:
                    continue
                seen.add((other.written, meaning))
                if len(form.tokens) > len(other.tokens):
                    continue
                if names.compare(form, other) is not None or _declined(written, other.written):
                    found.add(meaning)
        return sorted(found)


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_NAME_TOKENS = re.compile(r"[^\W\d_]+")


def _prefix_keys(name: str) -> set[str]:
    """Block keys for declined Cyrillic names: each word's first four letters."""
    return {"cyr:" + w.casefold()[:4] for w in _NAME_TOKENS.findall(name) if _CYRILLIC.match(w)}


def _declined(written: str, other: str) -> bool:
    """Whether every word of ``written`` is a case form of a word of ``other``: one's stem (the word
    less its last two letters, at least four kept) begins the other ("Тулегенову", "Тулегенова")."""
    ours = [w.casefold() for w in _NAME_TOKENS.findall(written)]
    theirs = [w.casefold() for w in _NAME_TOKENS.findall(other)]
    if not ours or not all(_CYRILLIC.match(w) for w in ours + theirs):
        return False

    def same(a: str, b: str) -> bool:
        return b.startswith(a[: max(4, len(a) - 2)]) or a.startswith(b[: max(4, len(b) - 2)])

    return all(any(same(a, b) for b in theirs) for a in ours)
