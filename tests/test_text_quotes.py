"""Finding quotes in articles and reading text values and names in quotes (checker.text.quotes)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from checker.text.normalise import Normalised, Span, normalise
from checker.text.quotes import (
    closest_passage,
    find_pieces,
    find_quote,
    name_readable,
    quote_pieces,
    text_readable,
    token_coverage,
)
from tests.test_text_normalise import TRICKY

ARTICLE = (
    "ALMATY, Kazakhstan -- A court in Kazakhstan\u2019s largest city, Almaty, "
    "has sentenced a man to 10 days.\n\n"
    "A day earlier, Kunbolatuly and nine other people, mainly women, picketed the Chinese Consulate.\n"
    "\u201cChina incarcerated one of my sons,\u201d Tursyn said \u2014 again.\n"
)

# -- find_quote ----------------------------------------------------------------


@pytest.mark.parametrize(
    "quote",
    [
        "A court in Kazakhstan's largest city, Almaty",  # straight apostrophe for a curly one
        "a COURT in kazakhstan\u2019s   largest\ncity",  # case and whitespace
        '"China incarcerated one of my sons," Tursyn said - again.',  # straight quotes, hyphen for a dash
        "sentenced a man to 10 days. A day earlier",  # across a paragraph break
        "A day earlier, Kunbolatuly ... picketed the Chinese Consulate",  # elision
        "A day earlier \u2026 mainly women \u2026 Consulate",  # two elisions with the ellipsis character
        "...sentenced a man to 10 days.",  # leading elision
        "Kunbolatuly and nine [...] people",  # bracketed elision
        "Kaza\u00adkhstan",  # soft hyphen in the quote
    ],
)
def test_quote_is_found(quote: str) -> None:
    assert find_quote(ARTICLE, quote) is not None


@pytest.mark.parametrize(
    "quote",
    [
        "sentenced a man to 15 days",  # a different number
        "picketed the Chinese Consulate ... A day earlier",  # pieces out of order
        "Kunbolat and nine other people",  # this article writes Kunbolatuly
        "...",  # nothing but an elision
        " ",
    ],
)
def test_quote_is_not_found(quote: str) -> None:
    assert find_quote(ARTICLE, quote) is None


def test_found_span_is_in_original_offsets() -> None:
    span = find_quote(ARTICLE, "Kazakhstan's largest city")
    assert span is not None
    assert ARTICLE[span.start : span.end] == "Kazakhstan\u2019s largest city"
    pieces = find_pieces(Normalised.of(ARTICLE), "A day earlier ... picketed")
    assert pieces is not None
    assert [ARTICLE[s:e] for s, e in pieces] == ["A day earlier", "picketed"]
    whole = find_quote(ARTICLE, "A day earlier ... picketed")
    assert whole == Span(pieces[0].start, pieces[1].end)


def test_quote_pieces() -> None:
    assert quote_pieces("A \u2026 B ... C [...] D (...) E") == ["a", "b", "c", "d", "e"]
    assert quote_pieces("... \u2026") == []


# -- closest_passage -----------------------------------------------------------


def test_closest_passage_is_the_near_miss_in_whole_words() -> None:
    found = closest_passage(ARTICLE, "sentenced a man to 15 days")
    assert found is not None
    span, similarity = found
    assert ARTICLE[span.start : span.end] == "sentenced a man to 10 days"
    assert 85 <= similarity < 100


def test_closest_passage_of_a_quote_longer_than_the_text() -> None:
    found = closest_passage("ten days", "sent to jail for ten days and more")
    assert found is not None
    assert found[0] == Span(0, 8)
    assert found[1] < 70


def test_closest_passage_of_nothing() -> None:
    assert closest_passage(ARTICLE, "...") is None
    assert closest_passage("", "anything") is None


# -- words ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "quote"),
    [
        ("violating the law on mass gatherings", "found him guilty of violating the law on mass gatherings"),
        (
            "an Almaty city official and police monitored the protest",
            "An Almaty city official and police were monitoring the protest",
        ),
        ("China, Stop Genocide.", "had posters saying \u201cChina, Stop Genocide.\u201d"),
        ("Kazakh", "Kazakh Man Gets 10 Days In Jail"),
    ],
)
def test_text_is_readable(value: str, quote: str) -> None:
    assert text_readable(value, quote)[0]


@pytest.mark.parametrize(
    ("value", "quote"),
    [
        ("immediate release of Baibolat Kunbolat", "demanding the immediate release of a man"),
        ("violating the law on mass gatherings", "the"),  # the quote's words are a subset of the value's
        ("organizing an unsanctioned rally", "sent him to jail for 10 days"),
    ],
)
def test_text_is_not_readable(value: str, quote: str) -> None:
    assert not text_readable(value, quote)[0]


def test_token_coverage_is_one_way() -> None:
    assert token_coverage("mass gatherings", "the law on mass gatherings") == 100
    assert token_coverage("the law on mass gatherings", "mass gatherings") < 80


@pytest.mark.parametrize(
    ("name", "quote", "readable"),
    [
        ("Chinese Consulate in Almaty", "picketed the Chinese Consulate in Almaty", True),
        ("Qasym-Zhomart Toqaev", "President Qasym Zhomart Toqaev", True),
        ("Kazakhstan", "Kazakhstan\u2019s largest city", True),
        ("Baibolat Kunbolatuly", "Kunbolatuly", False),  # only part of the name
        ("Hui", "ethnic Kyrgyz, Tajiks", False),
    ],
)
def test_name_readable(name: str, quote: str, readable: bool) -> None:
    assert name_readable(name, quote)[0] is readable


# -- properties ----------------------------------------------------------------


def _starts_with_mark(text: str) -> bool:
    """True when the first visible character of ``text`` is a combining mark (it belongs to a cut letter)."""
    visible = [c for c in text if unicodedata.category(c) != "Cf"]
    return bool(visible) and unicodedata.combining(visible[0]) != 0


@given(TRICKY, st.data())
def test_a_quote_cut_from_any_text_is_found(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    quote = text[start:end]
    assume(quote_pieces(quote))
    assume(not _starts_with_mark(quote) and not _starts_with_mark(text[end:]))
    span = find_quote(text, quote)
    assert span is not None
    if len(quote_pieces(quote)) == 1:
        assert quote_pieces(quote)[0] in normalise(text[span.start : span.end])
