"""Candidate facts of an article: the numbers, dates and names it states, each in its sentence.

An editor records an article's facts as claims; what the article states
that no claim records is either deliberately left out or forgotten.
:func:`extract` finds the candidates both ``checker new`` (suggestions for a
new claim file) and rule Q004 unrecorded-fact (what no claim quotes) work
from, with the readers the quote checks use, so that the two never disagree
on what a number or a date is:

* numbers by :func:`checker.text.numbers.numbers_in` (digits, grouped
  digits, decimals, scale words, number words in English, Russian, Kazakh
  and German), with the noun they count ("nine other people", "15 горняков");
  the number "one" said by grammar ("one of my sons"), digits that belong to
  a date or a time of day, and superlatives are left out;
* dates by :func:`checker.text.dates.dates_in` (absolute dates, whole or
  partial, in the four languages), and weekdays and relative expressions
  ("a day earlier", "last year", "накануне", "кеше", "gestern");
* names: runs of capitalised words (Latin or Cyrillic) that are not merely
  the first word of a sentence, with a «quoted» name after them.

Each candidate carries its sentence verbatim (the quote a claim would
have), its line and column, and a key that tells repeats of one fact apart
from other facts. The work is linear in the length of the text.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from checker.text.dates import dates_in
from checker.text.normalise import Span
from checker.text.numbers import format_number, numbers_in

NUMBER, DATE, NAME = "number", "date", "name"
KINDS = (NUMBER, DATE, NAME)


@dataclass(frozen=True)
class Candidate:
    """A number, date or name an article states, where, and in which sentence."""

    kind: str  # NUMBER, DATE or NAME
    text: str  # as written: "nine other people", "February 10", "Baibolat Kunbolatuly"
    span: Span  # of ``text`` in the article
    line: int
    column: int
    sentence: str  # the whole sentence, verbatim: the quote a claim would have
    sentence_span: Span
    key: str  # the same for every mention of one fact in one article
    values: tuple[tuple[float, float], ...] = ()  # numbers: each reading, low..high
    unit: str | None = None  # numbers: the unit the counted noun names, when known
    date: str | None = None  # dates: ISO 8601 (partial) when the text gives the year
    parts: tuple[int | None, int | None, int | None] | None = None  # dates: year, month, day as written
    relative: str | None = None  # dates: "-1 day", "weekday:tuesday", ... for relative expressions
    published: bool = False  # dates: relative to the day of publication ("yesterday"), not to another date
    person: bool = False  # names: written like a person's name (see :func:`person_like`)

    @property
    def shown(self) -> str:
        """How a message names the candidate: its text as written, on one line."""
        return " ".join(self.text.split())


def _words(text: str) -> frozenset[str]:
    """A set of words written as one string, separated by spaces."""
    return frozenset(text.split())


# -- sentences ------------------------------------------------------------------------------

_ABBREVIATIONS = _words(
    "jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr st no gen col lt sgt prof jr sr vs etc"
    " inc ltd corp co rep sen gov approx fig ca nr str bzw vgl dr z b г гг ул им т тыс млн млрд руб ст "
    "обл р-н"
)
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”»)\]]*(?=\s+[\"'“«(\[—–-]?\s*[^\W_a-zа-яё])")


def sentences(text: str) -> list[Span]:
    """The sentences of ``text``: a line break always ends one; so does a full stop before a capital,
    outside a quotation ("Freedom! Freedom!" is a part of its sentence) and after no abbreviation."""
    found: list[Span] = []
    position = 0
    for line in text.splitlines(keepends=True):
        start, end = position, position + len(line.rstrip("\r\n"))
        position += len(line)
        cut = counted = start
        depth = straight = 0
        for match in _SENTENCE_END.finditer(text, start, end):
            piece = text[counted : match.start()]
            straight += piece.count('"')
            depth += piece.count("“") + piece.count("«") - piece.count("”") - piece.count("»")
            counted = match.start()
            if straight % 2 or depth > 0:
                continue  # inside a quotation
            before = _LAST_WORD.search(text, max(cut, match.start() - 24), match.start() + 1)
            word = before.group(1) if before else ""
            if word.casefold() in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue  # "Feb. 10", "U.S. State Department", "Ж. Тоқаев"
            found.append(_trimmed(text, cut, match.end()))
            cut = match.end()
        if text[cut:end].strip():
            found.append(_trimmed(text, cut, end))
    return [s for s in found if s.end > s.start]


_LAST_WORD = re.compile(r"(\w+)\W*$")
_OPENING = re.compile(r"[\"'“«(—–-]\s*$")
_AFTER_STOP = re.compile(r"[.!?]\s*$")


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


# -- numbers -------------------------------------------------------------------------------------

#: Counted nouns (by the start of any of their forms, longest first) and the unit each names.
_UNIT_STEMS: tuple[tuple[str, str], ...] = tuple(
    sorted(
        {
            "day": "day", "дн": "day", "дня": "day", "сут": "day", "күн": "day", "tag": "day",
            "week": "week", "недел": "week", "апта": "week", "woche": "week",
            "month": "month", "месяц": "month", "ай": "month", "monat": "month",
            "year": "year", "год": "year", "лет": "year", "жыл": "year", "жас": "year", "jahr": "year",
            "hour": "hour", "час": "hour", "сағат": "hour", "stunde": "hour",
            "minute": "minute", "минут": "minute", "минөт": "minute",
            "people": "person", "person": "person", "человек": "person", "людей": "person",
            "адам": "person", "menschen": "person", "personen": "person",
            "percent": "percent", "per cent": "percent", "%": "percent", "процент": "percent",
            "пайыз": "percent", "prozent": "percent",
            "metre": "metre", "meter": "metre", "метр": "metre",
            "kilomet": "kilometre", "km": "kilometre", "километр": "kilometre", "шақырым": "kilometre",
            "tonne": "tonne", "tons": "tonne", "тонн": "tonne",
            "tenge": "kzt", "тенге": "kzt", "теңге": "kzt",
            "dollar": "usd", "$": "usd", "доллар": "usd",
            "euro": "eur", "€": "eur", "евро": "eur",
            "rouble": "rub", "ruble": "rub", "рубл": "rub",
        }.items(),
        key=lambda entry: -len(entry[0]),
    )
)  # fmt: skip
#: The units counted nouns name.
UNITS = frozenset(unit for _, unit in _UNIT_STEMS)
#: Words between a number and the noun it counts: "nine other people", "10 more days".
_BETWEEN = _words(
    "other others more additional new further of than about another "
    "других ещё еще новых из басқа тағы weitere andere mehr"
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*|[%$€]")
_VERBS = _words(
    "is are was were be been being has have had do did does said say says will would can could may might "
    "must shall should died killed remain remained"
)
_TIME = re.compile(
    r"(?<![\d.,:])(?:\d{1,2}[:.]\d{2}(?![\d.,:]\d)(?:\s*(?:a\.?m\.?|p\.?m\.?))?"
    r"|\d{1,2}\s*(?:a\.m\.|p\.m\.|am|pm)(?!\w)|\d{4}\s*(?:GMT|UTC)\b|\d{1,2}(?:\.\d{2})?\s*Uhr\b)",
    re.IGNORECASE,
)
_GRAMMAR_ONE = re.compile(r"^(?:ones?|a|an|ein\w*|один|одна|одно|одн\w*|бір\w*)$", re.IGNORECASE)
_SUPERLATIVE = re.compile(r"^(?:largest|biggest|greatest|highest|oldest|longest|tallest|most\b.*)$")


def _numbers(text: str, language: str, taken: _Marks) -> list[tuple[Span, list[tuple[float, float]]]]:
    """Spans of numbers (overlapping readings joined) and their readings, outside ``taken`` spans."""
    readings = []
    for reading in numbers_in(text, language):
        written = reading.text.strip()
        if _SUPERLATIVE.match(written.casefold()):
            continue
        if reading.exact and reading.low == 1 and _GRAMMAR_ONE.match(written):
            continue
        if (reading.low, reading.high) == (3, 9) and written.casefold() in ("several", "a few"):
            continue  # "several": no figure anyone records
        if taken.hit(reading.span) or _inside_word(text, reading.span):
            continue
        readings.append(reading)
    groups: list[tuple[Span, list[tuple[float, float]]]] = []
    for reading in sorted(readings, key=lambda r: (r.span.start, -r.span.end)):
        if groups and reading.span.start < groups[-1][0].end:
            span, values = groups[-1]
            groups[-1] = (Span(span.start, max(span.end, reading.span.end)), values)
            values.append((reading.low, reading.high))
        else:
            groups.append((reading.span, [(reading.low, reading.high)]))
    return groups


def _inside_word(text: str, span: Span) -> bool:
    """Digits that are part of a code or a name: "16x9", "COVID-19", "Су-25"."""
    if text[span.end - 1].isdigit() and text[span.end : span.end + 1].isalnum():
        return True
    before = text[max(0, span.start - 2) : span.start]
    return before[-1:].isalnum() or (before.endswith("-") and before[:1].isalpha())


def _counted(text: str, end: int, limit: int) -> tuple[int, str | None]:
    """Where the noun a number counts ends (``end`` when none follows), and the unit it names."""
    position = end
    for _ in range(3):
        match = _WORD.search(text, position, limit)
        if match is None or text[position : match.start()].strip(" ") not in ("", "-"):
            break
        word = match.group().casefold()
        position = match.end()
        if word in _BETWEEN:
            continue
        if word in _FUNCTION_WORDS or word in _VERBS:
            break  # "11 as of Tuesday", "Dozens have rallied": no noun
        unit = next((u for stem, u in _UNIT_STEMS if word.startswith(stem)), None)
        return position, unit
    return end, None


# -- dates ---------------------------------------------------------------------------------------

_WEEKDAYS: dict[str, str] = {
    "monday": "monday", "tuesday": "tuesday", "wednesday": "wednesday", "thursday": "thursday",
    "friday": "friday", "saturday": "saturday", "sunday": "sunday",
    "понедельник": "monday", "вторник": "tuesday", "сред": "wednesday", "четверг": "thursday",
    "пятниц": "friday", "суббот": "saturday", "воскресень": "sunday",
    "дүйсенбі": "monday", "сейсенбі": "tuesday", "сәрсенбі": "wednesday", "бейсенбі": "thursday",
    "жұма": "friday", "сенбі": "saturday", "жексенбі": "sunday",
    "montag": "monday", "dienstag": "tuesday", "mittwoch": "wednesday", "donnerstag": "thursday",
    "freitag": "friday", "samstag": "saturday", "sonnabend": "saturday", "sonntag": "sunday",
}  # fmt: skip
# "сред" and "жұма" are words of their own too: only their weekday forms are read.
_WEEKDAY_RE = re.compile(
    r"(?<!\w)(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?"
    r"|понедельник\w*|вторник\w*|сред[уае]|четверг\w*|пятниц\w*|суббот\w*|воскресень\w*"
    r"|дүйсенбі\w*|сейсенбі\w*|сәрсенбі\w*|бейсенбі\w*|жұма\s+күні|сенбі\w*|жексенбі\w*"
    r"|montag\w*|dienstag\w*|mittwoch\w*|donnerstag\w*|freitag\w*|samstag\w*|sonnabend\w*|sonntag\w*)(?!\w)",
    re.IGNORECASE,
)
_COUNT = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)"
_UNIT = r"(?:day|week|month|year|hour)s?"
#: Relative expressions, each with the offset it states when it states one.
_RELATIVE: tuple[tuple[str, str | None], ...] = (
    (rf"{_COUNT}\s+{_UNIT}\s+(?:earlier|before|ago|previously)", "-"),
    (rf"{_COUNT}\s+{_UNIT}\s+(?:later|after(?:wards?)?)", "+"),
    (r"the\s+(?:day|night|week|month|year)\s+before", "-1"),
    (r"the\s+(?:next|following)\s+(?:day|week|month|year)", "+1"),
    (r"(?:last|previous|past)\s+(?:week|month|year|weekend|night)", "-1"),
    (r"(?:next|coming)\s+(?:week|month|year)", "+1"),
    (r"(?:this|earlier\s+this|later\s+this)\s+(?:week|month|year)", "0"),
    (r"yesterday|today|tomorrow|tonight|overnight", None),
    (r"накануне|вчера|позавчера|сегодня|завтра|послезавтра", None),
    (r"(?:днем|днём|неделей|месяцем|годом)\s+(?:ранее|раньше|позже)", None),
    (r"(?:на\s+)?(?:прошлой|следующей|этой)\s+неделе|в\s+(?:прошлом|следующем|этом)\s+(?:году|месяце)", None),
    (r"\w+\s+(?:дня|дней|недели|недель|месяца|месяцев|года|лет)\s+(?:назад|спустя)", None),
    (r"кеше|бүгін|ертең|былтыр|биыл|алдыңғы\s+күні|бір\s+күн\s+бұрын|өткен\s+(?:жылы|аптада|айда)", None),
    (r"gestern|vorgestern|heute|morgen|übermorgen", None),
    (r"(?:letzte|vergangene|nächste|kommende)n?\s+(?:Woche|Monat|Jahr)", None),
    (r"im\s+(?:vergangenen|letzten|nächsten)\s+Jahr", None),
    (r"(?:einen|zwei|drei|\d+)\s+Tage?n?\s+(?:zuvor|früher|später|danach)|am\s+(?:Vortag|Folgetag)", None),
)  # fmt: skip
_RELATIVE_RE = re.compile(
    "(?<!\\w)(?:" + "|".join(f"(?P<r{i}>{pattern})" for i, (pattern, _) in enumerate(_RELATIVE)) + ")(?!\\w)",
    re.IGNORECASE,
)
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_COUNTS |= {"eight": 8, "nine": 9, "ten": 10}
#: Words that name a day relative to the day of publication.
_RELATIVE_WORDS = {
    "today": "+0 day", "tonight": "+0 day", "overnight": "+0 day", "сегодня": "+0 day", "бүгін": "+0 day",
    "heute": "+0 day", "yesterday": "-1 day", "вчера": "-1 day", "кеше": "-1 day", "gestern": "-1 day",
    "tomorrow": "+1 day", "завтра": "+1 day", "ертең": "+1 day", "morgen": "+1 day",
}  # fmt: skip
_YEAR_WORDS = re.compile(r"\s*(?:year|г\.|года?|году|жыл|jahr)", re.IGNORECASE)


_MONTH_NAMES = frozenset(
    name.casefold()
    for name in [*calendar.month_name[1:], *_words("Januar Jänner Februar März Juni Juli Oktober Dezember")]
)


def _plausible_date(written: str, day: int | None, year: int | None, language: str) -> bool:
    """A month named alone is a date when it is a month's name: not "mainly" read as "Mai"."""
    if day is not None or year is not None:
        return True
    if language.split("-", 1)[0].lower() in ("ru", "kk"):
        return True
    word = written.strip().rstrip(".")
    return word[:1].isupper() and word.casefold() in _MONTH_NAMES


def _offset(written: str, sign: str | None) -> str | None:
    """The offset a relative expression states ("a day earlier": "-1 day"), when it states one."""
    lowered = " ".join(written.casefold().split())
    if sign is None:
        return _RELATIVE_WORDS.get(lowered)
    unit = re.search(r"(day|week|month|year|hour)", lowered)
    if unit is None:
        return None
    if sign in ("-1", "+1", "0"):
        return None if sign == "0" else f"{sign} {unit.group(1)}"
    count_word = lowered.split()[0]
    count = int(count_word) if count_word.isdigit() else _COUNTS.get(count_word)
    return None if count is None else f"{sign}{count} {unit.group(1)}"


# -- names ---------------------------------------------------------------------------------------

_NAME_WORD = re.compile(r"[^\W\d_](?:[\w’'.-]*\w)?")
_QUOTED = re.compile(r"[«“\"„]([^»”\"“\n]{1,80})[»”\"“]")
#: Words that begin a sentence by grammar and are no name however they are written.
_FUNCTION_WORDS = _words(
    "a an the this that these those there then thus he she it they we i you his her its their our my "
    "in on at by for from of to with after before when while as but and or if so since during under "
    "about according although because despite however meanwhile other some many most all another "
    "in на в во с со по из за к о об от до при для и а но что это как он она они его ее её их мы "
    "der die das ein eine im am zum zur und aber auch nach vor bei mit von für auf aus "
    "бұл ол олар және мен бірақ сол осы"
)


class _Article:
    """An article's text and sentences, and what tells names apart in it, worked out when first asked."""

    def __init__(self, text: str, spans: list[Span]) -> None:
        self.text = text
        self.spans = spans
        self.starts = {s.start for s in spans}

    @cached_property
    def lowercase(self) -> set[str]:
        """The words the article writes in lower case, and their first five letters."""
        words = [w for w in _NAME_WORD.findall(self.text) if w[0].islower()]
        return {*words, *(w[:5] for w in words)}

    @cached_property
    def inside(self) -> set[str]:
        return _capitalised_inside(self.text, self.starts)

    @cached_property
    def person_words(self) -> set[str]:
        """The words (stemmed) of the article's person-like names: "Tursyn" alone is one of them."""
        every = _names(self, _Marks(len(self.text)), _Readable.of(self.text, ()))
        full = [self.text[s.start : s.end] for s in every if person_like(self.text[s.start : s.end])]
        return {_stem(token) for name in full for token in re.split(r"[\s-]+", name)}


def _names(article: _Article, taken: _Marks, readable: _Readable) -> list[Span]:
    """Runs of capitalised words (joined by spaces or hyphens), with a «quoted» name after them,
    in ``readable`` (``text`` with what is not to be read blanked out).

    A headline in title case ("Kazakh Man Gets 10 Days In Jail") capitalises
    every word: its words are no evidence of a name, and are skipped.
    """
    text = article.text
    headline = _title_case_words(readable.text)
    found: list[Span] = []
    run: list[re.Match[str]] = []

    def close() -> None:
        if not run:
            return
        words = list(run)
        while words and (
            _grammar_capital(article, words[0], alone=len(words) == 1)
            or (len(words) > 1 and words[0].group().casefold().rstrip(".") in _TITLES)
        ):
            words.pop(0)
        if words:
            end = words[-1].end()
            possessive = re.search(r"['’]s$", words[-1].group())
            found.append(Span(words[0].start(), end - 2 if possessive else end))
        run.clear()

    for match in readable.find(_NAME_WORD):
        if match.start() in headline or taken.hit(Span(match.start(), match.end())):
            close()  # a headline's words, or a number or a date ("Zwei Verletzte", "Montag")
            continue
        word = match.group()
        capital = word[0].isupper()
        joined = run and text[run[-1].end() : match.start()] in (" ", "\u00a0")
        if capital and (joined or not run):
            run.append(match)
            continue
        close()
        if capital:
            run.append(match)
    close()
    for match in readable.find(_QUOTED):
        inner = match.group(1)
        if inner[:1].isupper() and len(inner.split()) <= 6:
            found.append(Span(match.start(), match.end()))
    return _join_quoted(text, found)


#: Titles written before a name: "President Kassym-Jomart Tokayev" is Kassym-Jomart Tokayev.
_TITLES = _words(
    "president mr mrs ms dr judge minister prime general gen colonel col sen senator governor gov mayor "
    "chairman chairwoman director professor prof sheikh king queen prince pope "
    "президент премьер-министр министр судья генерал аким депутат председатель директор "
    "präsident präsidentin bundeskanzler kanzler kanzlerin ministerin richter richterin landrat landrätin "
    "bürgermeister bürgermeisterin stellvertreter stellvertreterin sprecher sprecherin herr frau"
)


def _title_case_words(text: str) -> set[int]:
    """Where the words of title-case lines start: lines of four or more long words, nearly all capitalised."""
    starts: set[int] = set()
    for line in re.finditer(r"[^\n]+", text):
        long_words = [w for w in _NAME_WORD.finditer(line.group()) if len(w.group()) >= 4]
        capital = sum(1 for w in long_words if w.group()[0].isupper())
        if len(long_words) >= 4 and capital >= 0.8 * len(long_words):
            starts.update(line.start() + w.start() for w in _NAME_WORD.finditer(line.group()))
    return starts


def _grammar_capital(article: _Article, word: re.Match[str], *, alone: bool) -> bool:
    """Whether a capitalised word is capitalised by grammar only: a function word, or the first
    word of a sentence that the article otherwise writes in lower case (or, alone, never capitalises
    anywhere else)."""
    folded = word.group().casefold()
    if folded in _FUNCTION_WORDS:
        return True
    opening = article.text[max(0, word.start() - 3) : word.start()]
    if word.start() not in article.starts and not _OPENING.search(opening):
        return False
    if folded in article.lowercase or folded[:5] in article.lowercase:
        return True
    return alone and folded not in article.inside


def _capitalised_inside(text: str, starts: set[int]) -> set[str]:
    """The capitalised words (case-folded) the article writes inside a sentence."""
    return {
        m.group().casefold()
        for m in _NAME_WORD.finditer(text)
        if m.group()[0].isupper()
        and m.start() not in starts
        and not _AFTER_STOP.search(text, max(0, m.start() - 3), m.start())
    }


_PERSON_WORD = re.compile(r"[^\W\d_][^\W\d_’']*(?:-[^\W\d_][^\W\d_’']*)?")


#: Words of the names of institutions, places and things, not people (German ones end compounds).
_INSTITUTION = re.compile(
    r"^(?:consulate|embassy|department|ministry|service|news|court|committee|council|agency|office|"
    r"government|police|party|university|school|hospital|valley|river|lake|mountains?|region|province|"
    r"district|city|street|square|avenue|weather|company|bank|group|union|republic|state|states|"
    r"national|international|assembly|parliament|commission|foundation|institute|centre|center|"
    r"министерств\w*|суд\w*|акимат\w*|област\w*|район\w*|город\w*|улиц\w*|компани\w*|"
    r"министрлі\w*|облыс\w*|қала\w*|аудан\w*)$"
    r"|(?:dienst|werk|amt|stadt|kreis|teil|ministerium|gericht|polizei|wehr|wehren|medien|verband|partei|"
    r"landes|zeitung|rundschau|schaft|ung)$"
)


def person_like(written: str) -> bool:
    """Written like a person's name: two to four capitalised words, none in capitals only, each
    hyphenated part capitalised too ("Касым-Жомарт Токаев", not "Поисково-спасательная операция")."""
    words = written.split()
    if not 2 <= len(words) <= 4:
        return False
    if any(_INSTITUTION.search(word.casefold()) for word in words):
        return False
    for word in words:
        if not _PERSON_WORD.fullmatch(word) or word.isupper():
            return False
        if not all(part[:1].isupper() and part[1:].islower() for part in word.replace("’", "'").split("-")):
            return False
    return True


def _stem(word: str) -> str:
    """A name word without case endings, roughly: its first five letters, case-folded."""
    return word.casefold()[:5]


def _join_quoted(text: str, spans: list[Span]) -> list[Span]:
    """A capitalised run followed by a «quoted» name is one name: ТОО «Сарыарка Комир»."""
    ordered = sorted(set(spans))
    joined: list[Span] = []
    for span in ordered:
        if joined and joined[-1].end >= span.start:
            joined[-1] = Span(joined[-1].start, max(joined[-1].end, span.end))
        elif joined and re.fullmatch(r" ", text[joined[-1].end : span.start]) and text[span.start] in '«“"„':
            joined[-1] = Span(joined[-1].start, span.end)
        else:
            joined.append(span)
    return joined


# -- the whole article ---------------------------------------------------------------------------


def extract(
    text: str, language: str = "en", skip: Sequence[Span] = (), spans: list[Span] | None = None
) -> list[Candidate]:
    """Every candidate fact of ``text`` (an article in ``language``), in order of where it is written.

    What lies in a ``skip`` span (a sentence every part of which a claim
    quotes) is not read: what is quoted is recorded, so a check of coverage
    reads only what is left; the rest of the text still tells names apart.
    ``spans`` are the text's :func:`sentences`, when the caller has them.
    """
    readable = _Readable.of(text, skip)
    lines = _line_starts(text)
    spans = sentences(text) if spans is None else spans
    sentence_starts = [s.start for s in spans]
    found: list[Candidate] = []

    def sentence_of(span: Span) -> Span:
        index = bisect.bisect_right(sentence_starts, span.start) - 1
        return spans[index] if index >= 0 else Span(0, len(text))

    def located(kind: str, span: Span, key: str) -> Candidate:
        line = bisect.bisect_right(lines, span.start)
        column = span.start - lines[line - 1] + 1
        sentence = sentence_of(span)
        end = max(sentence.end, span.end)
        whole = Span(sentence.start, end)
        return Candidate(
            kind, text[span.start : span.end], span, line, column, text[whole.start : end], whole, key
        )

    taken = _Marks(len(text))  # times of day, then dates: their digits are no numbers
    for match in readable.find(_TIME):
        taken.mark(Span(match.start(), match.end()))
    for reading in dates_in(readable.text):
        if reading.month is None and reading.day is None:  # a year alone: "2021", or a number?
            after = text[reading.span.end : reading.span.end + 12]
            if re.match(r"\s+[^\W\d_]", after) and not _YEAR_WORDS.match(after):
                continue  # "2000 people": a number
        if taken.hit(reading.span) or not _plausible_date(reading.text, reading.day, reading.year, language):
            continue
        iso = "-".join(f"{part:02d}" for part in (reading.year, reading.month, reading.day) if part)
        date = iso if reading.year is not None else None
        parts = (reading.year, reading.month, reading.day)
        key = f"date:{reading.year}-{reading.month}-{reading.day}"
        found.append(replace(located(DATE, reading.span, key), date=date, parts=parts))
        taken.mark(reading.span)
    for match in readable.find(_WEEKDAY_RE):
        span = Span(match.start(), match.end())
        if taken.hit(span):
            continue
        folded = match.group().casefold()
        day = next(v for k, v in _WEEKDAYS.items() if folded.startswith(k))
        found.append(replace(located(DATE, span, f"weekday:{day}"), relative=f"weekday:{day}"))
        taken.mark(span)
    for match in readable.find(_RELATIVE_RE):
        span = Span(match.start(), match.end())
        if taken.hit(span):
            continue
        group = match.lastgroup or "r0"
        offset = _offset(match.group(), _RELATIVE[int(group[1:])][1])
        key = "relative:" + " ".join(match.group().casefold().split())
        to_published = " ".join(match.group().casefold().split()) in _RELATIVE_WORDS
        found.append(replace(located(DATE, span, key), relative=offset, published=to_published))
        taken.mark(span)
    for span, values in _numbers(readable.text, language, taken):
        sentence = sentence_of(span)
        end, unit = _counted(text, span.end, sentence.end)
        key = "number:" + ",".join(f"{format_number(lo)}-{format_number(hi)}" for lo, hi in sorted(values))
        noun = text[span.end : end].strip().casefold()
        number = located(NUMBER, Span(span.start, end), f"{key} {noun[:4]}")
        found.append(replace(number, values=tuple(sorted(set(values))), unit=unit))
        taken.mark(span)
    article = _Article(text, spans)
    name_spans = _names(article, taken, readable)
    for span in name_spans:
        written = text[span.start : span.end]
        person = person_like(written) or (" " not in written and _stem(written) in article.person_words)
        key = "name:" + " ".join(re.sub(r"[«»“”\"]", " ", written).casefold().split())
        found.append(replace(located(NAME, span, key), person=person))
    return sorted(found, key=lambda c: (c.span.start, c.span.end, c.kind))


@dataclass(frozen=True)
class _Readable:
    """An article with what is not to be read blanked out (offsets and lines unchanged), and the
    spans left to read: a blank searched is time lost."""

    text: str
    open: tuple[Span, ...]

    @classmethod
    def of(cls, text: str, skip: Sequence[Span]) -> _Readable:
        parts: list[str] = []
        left: list[Span] = []
        position = 0
        for span in sorted(skip):
            if span.start > position:
                parts.append(text[position : span.start])
                left.append(Span(position, span.start))
            blank = text[max(span.start, position) : span.end]
            parts.append(
                _NOT_LINE_BREAK.sub(" ", blank) if "\n" in blank or "\r" in blank else " " * len(blank)
            )
            position = max(position, span.end)
        parts.append(text[position:])
        left.append(Span(position, len(text)))
        return cls("".join(parts), tuple(left))

    def find(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """``pattern.finditer`` over the spans left to read."""
        for span in self.open:
            yield from pattern.finditer(self.text, span.start, span.end)


_NOT_LINE_BREAK = re.compile(r"[^\r\n]")


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer(r"\r\n|\n|\r", text))
    return starts


class _Marks:
    """Which characters of a text some span already covers: overlap tests in the span's length."""

    def __init__(self, size: int) -> None:
        self._marked = bytearray(size)

    def mark(self, span: Span) -> None:
        self._marked[span.start : span.end] = b"\x01" * (span.end - span.start)

    def hit(self, span: Span) -> bool:
        return self._marked.find(1, span.start, span.end) >= 0
