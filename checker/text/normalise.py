"""Text normalised for matching, with the way back to the original offsets.

Editors copy quotes from articles by hand, so a quote and its article differ
in ways that do not matter: curly or straight quotation marks, the kind of
dash, line breaks, letter case, an invisible soft hyphen. :func:`normalise`
removes those differences; :class:`Normalised` remembers, for every character
it produces, which characters of the original it came from, so that whatever
is found in the normalised text can be located (and highlighted) in the
original. Every reader of article text (quotes, numbers, dates) works on this
one normal form, which is why it lives apart from all of them.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

#: Typographic variants that do not change what a quote says.
_PUNCTUATION = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u2039\u203a", "'"),  # ‘ ’ ‚ ‛ ′ ‹ ›
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),  # “ ” „ ‟ ″ « »
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),  # ‐ ‑ ‒ – — ― −
        "\u2026": "...",  # …
    }
)


class Span(NamedTuple):
    """A range ``[start, end)`` of character offsets in an original text."""

    start: int
    end: int


def _invisible(char: str) -> bool:
    """Soft hyphens, zero-width spaces and joiners, bidi marks, BOMs: format characters."""
    return unicodedata.category(char) == "Cf"


@functools.lru_cache(maxsize=8192)
def _fold(cluster: str) -> str:
    """One grapheme cluster (a base character and its combining marks), normalised."""
    visible = "".join(char for char in cluster if not _invisible(char))
    folded = unicodedata.normalize("NFKC", visible.translate(_PUNCTUATION)).casefold()
    folded = unicodedata.normalize("NFKC", folded).translate(_PUNCTUATION)
    return "".join(char for char in folded if not _invisible(char))


def _clusters(text: str, low: int, high: int) -> Iterator[tuple[int, int]]:
    """The (start, end) of each visible base character with the combining marks after it."""
    start = end = -1
    for index in range(low, high):
        char = text[index]
        if _invisible(char):
            continue
        if start >= 0 and unicodedata.combining(char):
            end = index + 1
            continue
        if start >= 0:
            yield start, end
        start, end = index, index + 1
    if start >= 0:
        yield start, end


def _one_for_one() -> dict[int, str]:
    """The characters whose normal form is one visible character of their own, whatever surrounds
    them (the fast path's translation table): ASCII, and the Latin, Greek and Cyrillic letters of
    the languages claims are read in. Combining marks, invisible characters and anything that
    folds to several characters or to a space are left to the slow path, cluster by cluster.
    Blocks where two plain characters compose (Hangul jamo) are not among those scanned.
    """
    scanned = [*range(0x21, 0x7F), *range(0xA1, 0x250), *range(0x370, 0x530)]
    table: dict[int, str] = {}
    for code in scanned:
        char = chr(code)
        if unicodedata.combining(char) or _invisible(char) or unicodedata.category(char) == "Cn":
            continue
        folded = _fold(char)
        if len(folded) == 1 and not folded.isspace() and not unicodedata.combining(folded):
            table[code] = folded
    return table


_FOLD_TABLE = _one_for_one()


def _ranges(codes: Iterable[int]) -> str:
    """A regular-expression character class body for ``codes``, as ranges."""
    parts: list[str] = []
    ordered = sorted(codes)
    low = previous = ordered[0]
    for code in [*ordered[1:], -1]:
        if code != previous + 1:
            parts.append(re.escape(chr(low)) + ("-" + re.escape(chr(previous)) if previous > low else ""))
            low = code
        previous = code
    return "".join(parts)


#: Text of one-for-one characters and ASCII whitespace: the fast path of :class:`Normalised`.
_SIMPLE = _ranges(_FOLD_TABLE)
_FAST_RUN = re.compile(rf"[{_SIMPLE}\t\n\v\f\r ]+")
_FAST_PART = re.compile(rf"[\t\n\v\f\r ]+|[{_SIMPLE}]+")
_ASCII_SPACE = re.compile(r"[\t\n\v\f\r ]+")


class _Builder:
    """Normalised characters with the original offsets each came from."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.last = ""
        self.starts: list[int] = []
        self.ends: list[int] = []

    def space(self, start: int, end: int) -> None:
        if not self.last:
            return  # leading whitespace
        if self.last == " ":
            self.ends[-1] = end  # a run of whitespace is one space
            return
        self.chars(" ", start, end)

    def chars(self, text: str, start: int, end: int) -> None:
        """``text`` from the original characters ``[start, end)``, all of them."""
        self.parts.append(text)
        self.last = text[-1]
        self.starts.extend([start] * len(text))
        self.ends.extend([end] * len(text))

    def plain(self, text: str, start: int) -> None:
        """One-for-one characters (see :func:`_one_for_one`), no whitespace."""
        self.parts.append(text.translate(_FOLD_TABLE))
        self.last = text[-1]
        self.starts.extend(range(start, start + len(text)))
        self.ends.extend(range(start + 1, start + len(text) + 1))

    def slow(self, original: str, low: int, high: int) -> None:
        for start, end in _clusters(original, low, high):
            for char in _fold(original[start:end]):
                if char.isspace():
                    self.space(start, end)
                else:
                    self.chars(char, start, end)


class Normalised:
    """A text normalised for matching, with the way back to the original.

    ``starts[i]`` and ``ends[i]`` are the original offsets of the characters
    that normalised character ``i`` came from. They are worked out when
    first asked for: most quotes are found, or not, in the normal text
    alone, and an article's offset map costs more than its text.
    """

    __slots__ = ("_ends", "_starts", "_text", "original")

    def __init__(self, original: str) -> None:
        self.original = original
        self._text: str | None = None
        self._starts: Sequence[int] | None = None
        self._ends: Sequence[int] | None = None

    @classmethod
    def of(cls, original: str) -> Normalised:
        """``original`` normalised (see :func:`normalise`); the offset map follows on demand."""
        return cls(original)

    @property
    def text(self) -> str:
        if self._text is None:
            if _FAST_RUN.fullmatch(self.original):
                self._text = _ASCII_SPACE.sub(" ", self.original.translate(_FOLD_TABLE)).strip(" ")
            else:
                self._map()
        assert self._text is not None
        return self._text

    @property
    def starts(self) -> Sequence[int]:
        if self._starts is None:
            self._map()
        assert self._starts is not None
        return self._starts

    @property
    def ends(self) -> Sequence[int]:
        if self._ends is None:
            self._map()
        assert self._ends is not None
        return self._ends

    def _map(self) -> None:
        """Normalise with the offset map: runs of one-for-one characters at once, the rest cluster by
        cluster."""
        original = self.original
        built = _Builder()
        position = 0
        for run in _FAST_RUN.finditer(original):
            start, end = run.span()
            after = end
            while after < len(original) and _invisible(original[after]):
                after += 1
            if after < len(original) and unicodedata.combining(original[after]):
                end -= 1  # the last letter carries the marks that follow: the slow path
            built.slow(original, position, start)
            for part in _FAST_PART.finditer(original, start, end):
                if part.group()[0] in " \t\n\v\f\r":
                    built.space(part.start(), part.end())
                else:
                    built.plain(part.group(), part.start())
            position = max(position, end)
        built.slow(original, position, len(original))
        text = "".join(built.parts)
        starts, ends = built.starts, built.ends
        if text.endswith(" "):
            text, starts, ends = text[:-1], starts[:-1], ends[:-1]
        self._text, self._starts, self._ends = text, tuple(starts), tuple(ends)

    def span(self, start: int, end: int) -> Span:
        """The original span that normalised characters ``[start, end)`` come from."""
        if start >= end:
            at = self.starts[start] if start < len(self.starts) else len(self.original)
            return Span(at, at)
        return Span(self.starts[start], self.ends[end - 1])


#: Texts up to this long (quotes, not articles) are remembered by :func:`normalised`.
SHORT_TEXT = 2000


def normalised(text: str) -> Normalised:
    """``Normalised.of(text)``, remembered for short texts: every rule reading numbers and dates
    in quotes asks for the same ones (articles are kept by checker.text.sources)."""
    return _short(text) if len(text) <= SHORT_TEXT else Normalised.of(text)


@functools.lru_cache(maxsize=65536)
def _short(text: str) -> Normalised:
    return Normalised.of(text)


@functools.lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """``text`` as quotes are compared: NFKC, case-folded, typographic variants unified.

    Curly quotation marks and apostrophes become ``'`` and ``"``, dashes and
    the minus sign ``-``, the ellipsis character ``...``; soft hyphens and
    other invisible format characters go; every run of whitespace becomes
    one space, and none is left at either end. Plain ASCII, most quotes,
    takes a shortcut without the offset map (tests/test_text_normalise.py
    holds it to the same answer); answers are remembered, as every rule
    reading quotes asks for the same ones.
    """
    return Normalised.of(text).text


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def line_column(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column (in characters) of ``offset`` in ``text``.

    Every line-end convention counts, as it does for YAML: CRLF, a lone CR
    (old Mac files) and LF.
    """
    offset = max(0, min(offset, len(text)))
    line, line_start = 1, 0
    for match in _LINE_BREAK.finditer(text, 0, offset):
        line, line_start = line + 1, match.end()
    return line, offset - line_start + 1


def one_line(text: str) -> str:
    """``text`` with every run of whitespace made one space, for one-line display."""
    return " ".join(text.split())
