"""Reading quotes, numbers, dates and words in article texts (checker.textmatch)."""

from __future__ import annotations

import calendar
import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from checker.textmatch import (
    Normalised,
    SourceTexts,
    Span,
    _Builder,
    closest_passage,
    dates_in,
    find_quote,
    line_column,
    name_readable,
    normalise,
    numbers_in,
    quote_pieces,
    text_readable,
    token_coverage,
)

ARTICLE = (
    "ALMATY, Kazakhstan -- A court in Kazakhstan\u2019s largest city, Almaty, "
    "has sentenced a man to 10 days.\n\n"
    "A day earlier, Kunbolatuly and nine other people, mainly women, picketed the Chinese Consulate.\n"
    "\u201cChina incarcerated one of my sons,\u201d Tursyn said \u2014 again.\n"
)

# -- normalise -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u201cChina\u201d \u2018Stop\u2019", "\"china\" 'stop'"),
        ("\u201eA\u201f \u00abB\u00bb \u2032C\u2033 \u201aD\u201b", '"a" "b" \'c" \'d\''),
        ("a\u2010b\u2011c\u2012d\u2013e\u2014f\u2015g\u2212h", "a-b-c-d-e-f-g-h"),
        ("wait\u2026 what", "wait... what"),
        ("soft\u00adhyphen zero\u200bwidth\u200d\ufeff", "softhyphen zerowidth"),
        ("  many \t\n spaces\u00a0here \n", "many spaces here"),
        ("\uff21\uff22\uff23 \ufb01ne", "abc fine"),  # fullwidth letters and the fi ligature (NFKC)
        ("Stra\u00dfe KAZAKH", "strasse kazakh"),  # case folding
        ("e\u0301", "\u00e9"),  # composed
    ],
)
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_normalised_maps_back_to_the_original() -> None:
    text = "  \u201cI\u2019m\u00ad  here\u201d"
    norm = Normalised.of(text)
    assert norm.text == '"i\'m here"'
    start = norm.text.index("here")
    assert norm.span(start, start + 4) == Span(text.index("here"), text.index("here") + 4)
    assert norm.span(0, len(norm.text)) == Span(2, len(text))
    assert norm.span(len(norm.text), len(norm.text)) == Span(len(text), len(text))


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
    pieces = Normalised.of(ARTICLE).find("A day earlier ... picketed")
    assert pieces is not None
    assert [ARTICLE[s:e] for s, e in pieces] == ["A day earlier", "picketed"]
    whole = find_quote(ARTICLE, "A day earlier ... picketed")
    assert whole == Span(pieces[0].start, pieces[1].end)


def test_quote_pieces() -> None:
    assert quote_pieces("A \u2026 B ... C [...] D (...) E") == ["a", "b", "c", "d", "e"]
    assert quote_pieces("... \u2026") == []


# -- closest_passage -------------------------------------------------------------


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


def test_line_column() -> None:
    assert line_column("ab\ncd", 0) == (1, 1)
    assert line_column("ab\ncd", 4) == (2, 2)


# -- numbers -----------------------------------------------------------------------


def _numbers(text: str) -> list[tuple[float, float]]:
    return [(r.low, r.high) for r in numbers_in(text)]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("sent him to jail for 10 days", 10),
        ("a 15-day sentence", 15),
        ("2,000,000 people", 2_000_000),
        ("2000000 people", 2_000_000),
        ("2.5 percent", 2.5),
        ("as many as 2 million Uyghurs", 2_000_000),
        ("1.8m people", 1_800_000),
        ("1.8m tall", 1.8),
        ("$2bn", 2_000_000_000),
        ("5k runners", 5000),
        ("ten days", 10),
        ("Nine people", 9),
        ("twenty-five protesters", 25),
        ("two million people", 2_000_000),
        ("a hundred and twenty three", 123),
        ("a dozen women", 12),
        ("half a dozen women", 6),
        ("two dozen women", 24),
        ("3 dozen eggs", 36),
        ("the third day in a row", 3),
        ("the 3rd day", 3),
        ("the second-largest community", 2),
        ("Han, China's largest ethnicity", 1),
        ("Kunbolatuly and nine other people", 10),
        ("Kunbolatuly and nine other people", 9),
        ("he was detained along with 4 others", 5),
        ("together with twenty other activists", 21),
        ("Dozens have rallied", 24),
        ("Dozens have rallied", 30),
        ("hundreds of people", 200),
        ("thousands of ethnic Kazakhs", 2000),
        ("millions", 3_000_000),
        ("tens of thousands of people", 50_000),
        ("hundreds of thousands", 500_000),
        ("several women", 3),
        ("several hundred", 500),
        ("more than four months", 4),
    ],
)
def test_number_is_read(text: str, number: float) -> None:
    readings = numbers_in(text)
    assert any(r.contains(number) for r in readings), [str(r) for r in readings]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("sent him to jail for 10 days", 15),
        ("as many as 2 million", 2),  # a scaled number is not its bare digits
        ("Dozens have rallied", 20),
        ("Dozens have rallied", 300),
        ("hundreds of people", 100),  # "hundreds" is vague, not a hundred
        ("thousands of people", 1000),
        ("several women", 10),
        ("the second-largest community", 1),  # not a superlative on its own
        ("the 2nd largest city", 1),
        ("in 2021 the number rose", 2),
        ("a man", 1),
    ],
)
def test_number_is_not_read(text: str, number: float) -> None:
    readings = numbers_in(text)
    assert not any(r.contains(number) for r in readings), [str(r) for r in readings]


def test_number_readings_know_where_they_are_written() -> None:
    text = "A day earlier, Kunbolatuly and nine other people \u2014 2,000 in all"
    readings = numbers_in(text)
    assert [(r.text, str(r)) for r in readings] == [
        ("nine", "9"),
        ("nine other", "10"),
        ("2,000", "2000"),
    ]
    for reading in readings:
        assert text[reading.span.start : reading.span.end] == reading.text
    assert str(numbers_in("Dozens")[0]) == "Dozens (24-199)"


def test_number_words_in_the_source_language() -> None:
    assert any(r.contains(9) for r in numbers_in("neuf personnes", "fr"))
    assert any(r.contains(9) for r in numbers_in("nine people", "kk"))  # unknown to text2num: English


# -- dates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("The court on February 10 found", "2021-02-10"),
        ("The court on Feb. 10 found", "2021-02-10"),
        ("on Feb 10", "2021-02-10"),
        ("on 10 February", "2021-02-10"),
        ("the 10th of February", "2021-02-10"),
        ("on February 10th, 2021", "2021-02-10"),
        ("dated 2021-02-10", "2021-02-10"),
        ("dated 10.02.2021", "2021-02-10"),
        ("dated 02/10/2021", "2021-02-10"),  # month first
        ("in February 2021", "2021-02"),
        ("in February", "2021-02"),
        ("on Sept. 3", "2020-09-03"),
        ("since 2021", "2021"),
        ("on February 10, 2021", "2021"),
    ],
)
def test_date_is_read(text: str, iso: str) -> None:
    readings = dates_in(text)
    assert any(r.matches(iso) for r in readings), [str(r) for r in readings]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("The court on February 10 found", "2021-02-11"),
        ("on February 10, 2020", "2021-02-10"),  # another year
        ("in February", "2021-02-10"),  # no day
        ("in 2021", "2021-02"),  # no month
        ("on February 10", "2021"),  # no year
        ("a day earlier", "2021-02-09"),
        ("you may go", "2021-05"),  # "may" alone is not a month
        ("on February 30", "2021-02"),  # not a date; "February" alone is still read
    ],
)
def test_date_is_not_read(text: str, iso: str) -> None:
    readings = dates_in(text)
    if iso == "2021-02":
        assert all(r.day is None for r in readings)
    else:
        assert not any(r.matches(iso) for r in readings), [str(r) for r in readings]


def test_date_readings_know_where_they_are_written() -> None:
    text = "On Feb. 10, 2021 the court sat."
    full = [r for r in dates_in(text) if r.day]
    assert [(r.text, str(r)) for r in full] == [("Feb. 10, 2021", "February 10 2021")]


# -- words ---------------------------------------------------------------------------


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


# -- stored texts ----------------------------------------------------------------------


def test_source_texts_reads_each_text_once(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    stored = tmp_path / "sources" / "a.txt"
    stored.write_bytes(b"caf\xc3\xa9 \xff bad byte")
    texts = SourceTexts(tmp_path)
    first = texts.text("sources/a.txt")
    assert first is not None
    assert first.original == "caf\u00e9 \ufffd bad byte"
    stored.write_text("changed", encoding="utf-8")
    assert texts.text("sources/a.txt") is first
    assert texts.data("sources/a.txt") == b"caf\xc3\xa9 \xff bad byte"


def test_source_texts_outside_or_missing_read_as_none(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    (root / "sources").mkdir(parents=True)
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    (root / "sources" / "link.txt").symlink_to(tmp_path / "secret.txt")
    texts = SourceTexts(root)
    assert texts.data("../secret.txt") is None
    assert texts.data("sources/link.txt") is None
    assert texts.data("sources/missing.txt") is None
    assert texts.data("sources") is None  # a directory
    assert texts.text("sources/missing.txt") is None


# -- properties --------------------------------------------------------------------------

#: Text with the characters that normalisation cares about mixed in.
TRICKY = st.lists(
    st.one_of(
        st.characters(codec="utf-8", exclude_categories=["Cs"]),
        st.sampled_from(
            list("\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2032\u2033\u2039\u203a")
            + list("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2026\u00ad\u200b\u200d\ufeff\u00a0 \n\t.")
            + ["e\u0301", "\u0301", "\u00e9", "\u00df", "\ufb01", "\uff21", "Ab", "10", "2,000"]
        ),
    ),
    max_size=40,
).map("".join)


@given(TRICKY)
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@given(TRICKY)
def test_normalised_offsets_are_ordered_and_in_range(text: str) -> None:
    norm = Normalised.of(text)
    assert len(norm.text) == len(norm.starts) == len(norm.ends)
    for start, end in zip(norm.starts, norm.ends, strict=True):
        assert 0 <= start < end <= len(text)
    assert list(norm.starts) == sorted(norm.starts)


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


@given(st.integers(0, 10**15), st.sampled_from(["{:d}", "{:,d}"]), st.sampled_from(["", "about ", "\u2014"]))
def test_any_integer_in_digits_is_read(number: int, form: str, before: str) -> None:
    text = f"{before}{form.format(number)} people"
    assert any(r.exact and r.low == number for r in numbers_in(text))


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)), st.integers(0, 5))
def test_any_date_written_out_is_read(date: dt.date, form: int) -> None:
    month = calendar.month_name[date.month]
    written = [
        f"{month} {date.day}, {date.year}",
        f"{month[:3]}. {date.day}",
        f"{date.day} {month} {date.year}",
        date.isoformat(),
        f"{date.day:02d}.{date.month:02d}.{date.year}",
        f"{month} {date.year}",
    ][form]
    iso = date.isoformat() if form < 5 else date.isoformat()[:7]
    assert any(r.matches(iso) for r in dates_in(f"The court sat on {written} in Almaty."))


@given(TRICKY)
def test_the_ascii_fast_path_changes_nothing(text: str) -> None:
    slow = _Builder()
    slow.slow(text, 0, len(text))
    norm = Normalised.of(text)
    assert norm.text == "".join(slow.parts).rstrip(" ")
    assert list(norm.starts) == slow.starts[: len(norm.text)]
    assert list(norm.ends) == slow.ends[: len(norm.text)]
