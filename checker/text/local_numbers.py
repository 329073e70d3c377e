"""Numbers as Russian, Kazakh and German texts write them: "169 600", "5,82", "2.500", "10 млн",
"1 млн 179 мың 600", "двое", "пятнадцати", "екі", "бесеу".

English habits are read by :mod:`checker.text.numbers` (and German number
words by text2num); this module adds what those miss in the other languages
of our sources: digits grouped by spaces or dots with a decimal comma, scale
words and their abbreviations after a number, and Russian and Kazakh number
words, declined (пятнадцати, екіге) or collective (двое, пятеро, бесеу).
Each reading is ``(low, high, start, end)`` in the text it was given.
"""

from __future__ import annotations

import functools
import re

Reading = tuple[float, float, int, int]

_SCALE_WORDS: tuple[tuple[str, int], ...] = (
    # longest first: "миллиард" before "миллион"
    ("миллиард", 10**9), ("млрд", 10**9), ("milliarde", 10**9), ("mrd", 10**9),
    ("миллион", 10**6), ("млн", 10**6), ("million", 10**6), ("mio", 10**6),
    ("тысяч", 10**3), ("тыс", 10**3), ("мың", 10**3), ("tausend", 10**3), ("tsd", 10**3),
)  # fmt: skip
_SCALE = "|".join(re.escape(word) for word, _ in _SCALE_WORDS)
_NUMBER = (
    r"(?<![\w.,])(?P<int>\d{1,3}(?:[ .](?=\d{3}(?!\d))\d{3})+|\d+)(?:,(?P<frac>\d+))?"
    rf"(?:\s*(?P<scale>(?:{_SCALE})\w*)\.?)?"
)
_NUMBER_RE = re.compile(_NUMBER)
_JOIN = re.compile(r"\s*")

# Russian: stems (longest first) that carry every case form: "пятнадцат" reads пятнадцать,
# пятнадцати, пятнадцатью; collective numerals (двое, пятеро, их родительный двоих ...).
_RUSSIAN: tuple[tuple[str, int], ...] = (
    ("одиннадцат", 11), ("двенадцат", 12), ("тринадцат", 13), ("четырнадцат", 14), ("пятнадцат", 15),
    ("шестнадцат", 16), ("семнадцат", 17), ("восемнадцат", 18), ("девятнадцат", 19),
    ("двадцат", 20), ("тридцат", 30), ("сорок", 40), ("пятьдесят", 50), ("пятидесят", 50),
    ("шестьдесят", 60), ("шестидесят", 60), ("семьдесят", 70), ("семидесят", 70),
    ("восемьдесят", 80), ("восьмидесят", 80), ("девяност", 90), ("двест", 200), ("двухсот", 200),
    ("трист", 300), ("трехсот", 300), ("четырест", 400), ("четырехсот", 400), ("пятьсот", 500),
    ("пятисот", 500), ("шестьсот", 600), ("шестисот", 600), ("семьсот", 700), ("семисот", 700),
    ("восемьсот", 800), ("восьмисот", 800), ("девятьсот", 900), ("девятисот", 900),
    ("четверо", 4), ("четверы", 4), ("пятеро", 5), ("пятеры", 5), ("шестеро", 6), ("шестеры", 6),
    ("семеро", 7), ("семеры", 7), ("двое", 2), ("двои", 2), ("трое", 3), ("трои", 3),
    ("один", 1), ("одна", 1), ("одно", 1), ("одного", 1), ("одной", 1), ("одному", 1), ("одним", 1),
    ("два", 2), ("две", 2), ("двух", 2), ("двум", 2), ("тр", 3), ("четыр", 4), ("пят", 5),
    ("шест", 6), ("сем", 7), ("восем", 8), ("восьм", 8), ("девят", 9), ("десят", 10),
    ("сто", 100), ("ста", 100),
    ("тысяч", 1000), ("миллион", 10**6), ("миллиард", 10**9),
)  # fmt: skip
#: What may follow a Russian stem: the endings of the number words' cases.
_RUSSIAN_ENDINGS = re.compile(
    r"(?:ь|и|ью|ти|тью|ми|ёх|ех|ём|ем|ьмя|умя|ья|ое|ого|ой|ому|ым|ых|а|ам|ами|ах|е|ы|у|х|м|)"
)
_RUSSIAN_ONLY_WHOLE = {"тр": ("три", "трех", "трём", "трем", "тремя"), "сем": ("семь", "семи", "семью")}

_KAZAKH: tuple[tuple[str, int], ...] = (
    ("жиырма", 20), ("отыз", 30), ("қырық", 40), ("елу", 50), ("алпыс", 60), ("жетпіс", 70),
    ("сексен", 80), ("тоқсан", 90), ("жүз", 100), ("мың", 1000), ("миллион", 10**6), ("миллиард", 10**9),
    ("бір", 1), ("екі", 2), ("екеу", 2), ("үш", 3), ("үшеу", 3), ("төрт", 4), ("төртеу", 4),
    ("бес", 5), ("бесеу", 5), ("алты", 6), ("алтау", 6), ("жеті", 7), ("жетеу", 7), ("сегіз", 8),
    ("тоғыз", 9), ("он", 10),
)  # fmt: skip
#: Kazakh case, possessive and collective endings a number word may carry.
_KAZAKH_ENDINGS = re.compile(
    r"(?:|ы|і|ге|ке|ға|қа|де|те|да|та|ден|тен|нен|дан|тан|нан|нің|дің|тің|ның|дың|тың|мен|бен|пен|ін|ын|"
    r"еуі|ауы|еуін|ауын|ншы|нші|ыншы|інші)"
)
_WORD = re.compile(r"[а-яёәғқңөұүһі]+")
#: Kazakh words that look like a number word with an ending but are not one: "оны" (him), "үшін" (for).
_KAZAKH_NOT_NUMBERS = frozenset({"оны", "оның", "онда", "оған", "одан", "онымен", "үшін"})


def local_numbers(text: str, language: str) -> list[Reading]:
    """The numbers ``text`` (normalised, lower case) states in the habits of ``language``."""
    primary = language.split("-", maxsplit=1)[0].lower()
    found = _grouped_digits(text) if primary != "en" else []
    if primary in ("ru", "kk"):
        found += _words(text, _RUSSIAN if primary == "ru" else _KAZAKH, primary)
    return found


def _grouped_digits(text: str) -> list[Reading]:
    """Digits with spaces or dots between thousands, a decimal comma, a scale word; joined when
    a larger scale is followed by a smaller one ("1 млн 179 мың 600")."""
    parts: list[tuple[float, int, int, int]] = []  # value, scale, start, end
    for match in _NUMBER_RE.finditer(text):
        digits = re.sub(r"[ .]", "", match["int"])
        value = float(f"{digits}.{match['frac']}" if match["frac"] else digits)
        scale = _scale_of(match["scale"]) if match["scale"] else 1
        parts.append((value * scale, scale, match.start(), match.end()))
    found: list[Reading] = [(v, v, start, end) for v, _, start, end in parts]
    run: list[tuple[float, int, int, int]] = []
    for part in parts:
        joins = run and part[1] < run[-1][1] and not text[run[-1][3] : part[2]].strip()
        run = [*run, part] if joins else [part]
        if len(run) > 1:
            total = sum(p[0] for p in run)
            found.append((total, total, run[0][2], run[-1][3]))
    return found


def _scale_of(word: str) -> int:
    for stem, scale in _SCALE_WORDS:
        if word.startswith(stem):
            return scale
    return 1


@functools.lru_cache(maxsize=65536)
def _word_value(word: str, table: tuple[tuple[str, int], ...], language: str) -> int | None:
    """The value of one number word (any ending), or None; remembered, as words recur."""
    endings = _RUSSIAN_ENDINGS if language == "ru" else _KAZAKH_ENDINGS
    if language == "kk" and word in _KAZAKH_NOT_NUMBERS:
        return None
    for stem, value in _longest_first(table):
        if not word.startswith(stem) or not endings.fullmatch(word[len(stem) :]):
            continue
        whole = _RUSSIAN_ONLY_WHOLE.get(stem) if language == "ru" else None
        if whole is not None and word not in whole:
            continue
        return value
    return None


@functools.lru_cache(maxsize=16)
def _longest_first(table: tuple[tuple[str, int], ...]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(table, key=lambda entry: -len(entry[0])))


def _words(text: str, table: tuple[tuple[str, int], ...], language: str) -> list[Reading]:
    """Runs of number words, composed as they are said: "две тысячи пятьсот" is 2,500."""
    found: list[Reading] = []
    total = current = 0
    start = end = -1
    for match in _WORD.finditer(text):
        value = _word_value(match.group(), table, language)
        adjacent = end >= 0 and not text[end : match.start()].strip()
        if value is None or not adjacent:
            if start >= 0:
                number = float(total + current)
                found.append((number, number, start, end))
            total = current = 0
            start = end = -1
            if value is None:
                continue
        if start < 0:
            if value >= 1000 and re.search(r"\d\s*$", text[: match.start()]):
                continue  # "10 млн": read with its digits
            start = match.start()
        if value >= 1000:
            total += max(current, 1) * value
            current = 0
        elif value == 100 and language == "kk" and current:
            current *= 100  # "бес жүз": five hundred
        else:
            current += value
        end = match.end()
    if start >= 0:
        number = float(total + current)
        found.append((number, number, start, end))
    return found
