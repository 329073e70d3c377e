"""Finding a quote in its article, and reading a value or a name in a quote.

A quote is checked twice over: is it in the article (word for word, after
:func:`~checker.text.normalise.normalise`), and does it state the claim's
value? This module answers both for text: where a quote is (an ellipsis
inside it, "A day earlier ... picketed", is an elision: each piece is found
in order, with any text in between), which passage is closest when it is not
there, and whether a text value or an entity name can be read in it. Numbers
and dates have readers of their own (:mod:`checker.text.numbers`,
:mod:`checker.text.dates`).
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from checker.text.normalise import Normalised, Span, normalise

_ELISION = re.compile(r"\s*[\[(]?\.{3,}[\])]?\s*")


def quote_pieces(quote: str) -> list[str]:
    """The normalised pieces of a quote between its elisions ("...", "…", "[...]")."""
    return [piece for piece in _ELISION.split(normalise(quote)) if piece.strip()]


def find_pieces(article: Normalised, quote: str) -> list[Span] | None:
    """The original span of each ellipsis-separated piece of ``quote`` in ``article``, found in order.

    None when a piece is not found, or the quote has no words at all.
    """
    found = quote_positions(article, quote)
    return None if found is None else [article.span(start, end) for start, end in found]


def quote_in(article: Normalised, quote: str) -> bool:
    """Whether every ellipsis-separated piece of ``quote`` is in ``article``, in order.

    :func:`find_pieces` without the spans: the normal text alone answers,
    so the article's offset map is not worked out for a quote that is there.
    """
    return quote_positions(article, quote) is not None


def quote_positions(article: Normalised, quote: str) -> list[tuple[int, int]] | None:
    """Where each piece of ``quote`` is in the article's normal text, in order (None: not all are)."""
    pieces = quote_pieces(quote)
    if not pieces:
        return None
    found: list[tuple[int, int]] = []
    position = 0
    for piece in pieces:
        at = article.text.find(piece, position)
        if at < 0:
            return None
        found.append((at, at + len(piece)))
        position = at + len(piece)
    return found


def find_quote(text: str, quote: str) -> Span | None:
    """Where ``quote`` is in ``text`` (original offsets, first to last piece), or None.

    Both sides are normalised; an ellipsis inside the quote stands for any
    text in between.
    """
    found = find_pieces(Normalised.of(text), quote)
    return Span(found[0].start, found[-1].end) if found else None


def closest_in(article: Normalised, quote: str) -> tuple[Span, float] | None:
    """The passage of ``article`` most similar to ``quote`` and its similarity (0-100), in whole words."""
    needle = " ".join(quote_pieces(quote))
    if not needle or not article.text:
        return None
    if len(needle) >= len(article.text):
        start, end, score = 0, len(article.text), fuzz.ratio(needle, article.text)
    else:
        aligned = fuzz.partial_ratio_alignment(needle, article.text)
        if aligned is None:  # only with a score_cutoff, which is not given
            return None
        start, end, score = aligned.dest_start, aligned.dest_end, aligned.score
    if start >= end:
        return None
    span = article.span(start, end)
    return _whole_words(article.original, span), float(score)


def closest_passage(text: str, quote: str) -> tuple[Span, float] | None:
    """The passage of ``text`` most similar to ``quote`` (original offsets) and its similarity, 0-100."""
    return closest_in(Normalised.of(text), quote)


def _whole_words(text: str, span: Span) -> Span:
    start, end = span
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    return Span(start, end)


#: A text value is readable when its words score this much (see :func:`token_coverage`) ...
TEXT_COVERAGE = 80.0
#: ... or when it is found, nearly as written, within the quote (:func:`contains_score`).
CONTAINED = 90.0


def contains_score(needle: str, haystack: str) -> float:
    """How well ``needle`` is found within ``haystack``, 0-100 (rapidfuzz partial ratio, one-way).

    A needle longer than the haystack cannot be within it: the plain ratio is used.
    """
    needle, haystack = _words(needle), _words(haystack)
    if not needle or not haystack:
        return 0.0
    if len(needle) > len(haystack):
        return float(fuzz.ratio(needle, haystack))
    return float(fuzz.partial_ratio(needle, haystack))


def token_coverage(value: str, quote: str) -> float:
    """How much of ``value``'s words ``quote`` has, 0-100: rapidfuzz's token set ratio, one-way.

    ``fuzz.token_set_ratio`` scores 100 when either side's words are a subset
    of the other's; a quote that has only some of the value's words must not
    count, so the comparison of the shared words with the quote's words is
    left out.
    """
    ours, theirs = set(_words(value).split()), set(_words(quote).split())
    if not ours:
        return 0.0
    shared = " ".join(sorted(ours & theirs))
    with_ours = " ".join(filter(None, [shared, " ".join(sorted(ours - theirs))]))
    with_theirs = " ".join(filter(None, [shared, " ".join(sorted(theirs - ours))]))
    return float(max(fuzz.ratio(shared, with_ours), fuzz.ratio(with_ours, with_theirs)))


def _words(text: str) -> str:
    """``text`` normalised, punctuation made space, as words separated by one space."""
    return " ".join(default_process(normalise(text)).split())


def text_readable(value: str, quote: str) -> tuple[bool, float]:
    """Whether a text value can be read in a quote, and the better of its two scores."""
    coverage, contained = token_coverage(value, quote), contains_score(value, quote)
    return coverage >= TEXT_COVERAGE or contained >= CONTAINED, max(coverage, contained)


def name_readable(name: str, quote: str) -> tuple[bool, float]:
    """Whether an entity name appears in a quote, and its score.

    Russian and Kazakh decline names ("Баткенская областная больница" is
    "в Баткенской областной больнице" in a sentence), so Cyrillic words are
    also compared without their last two letters.
    """
    score = max(contains_score(name, quote), contains_score(_stems(name), _stems(quote)))
    return score >= CONTAINED, score


_CYRILLIC_WORD = re.compile(r"\w*[\u0400-\u04ff]\w*")


def _stems(text: str) -> str:
    """Cyrillic words cut to their stem (at least four letters): case endings set aside."""
    return _CYRILLIC_WORD.sub(lambda m: m.group()[: max(4, len(m.group()) - 2)], text)
