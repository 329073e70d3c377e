"""The normal form quotes are compared in, and its offsets back to the original (checker.text.normalise)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.text.normalise import Normalised, Span, _Builder, line_column, normalise


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


def test_line_column() -> None:
    assert line_column("ab\ncd", 0) == (1, 1)
    assert line_column("ab\ncd", 4) == (2, 2)


# -- properties ----------------------------------------------------------------

#: Text with the characters that normalisation cares about mixed in.
TRICKY = st.lists(
    st.one_of(
        st.characters(codec="utf-8", exclude_categories=["Cs"]),
        st.sampled_from(
            list("\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2032\u2033\u2039\u203a")
            + list("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2026\u00ad\u200b\u200d\ufeff\u00a0 \n\t.")
            + ["e\u0301", "\u0301", "\u00e9", "\u00df", "\ufb01", "\uff21", "Ab", "10", "2,000"]
            # the fast path's letters beside ones that fold to several characters or compose
            + ["\u03a3", "\u03c2", "\u0130", "\u0401", "\u0438\u0306", "\u049a", "\u04d9", "\u01c5"]
            + ["\u0390", "\u00bd", "\u0149", "\u1100\u1161", "\u00b5", "\u0345", "\u0307"]
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


@given(TRICKY)
def test_the_fast_path_changes_nothing(text: str) -> None:
    slow = _Builder()
    slow.slow(text, 0, len(text))
    norm = Normalised.of(text)
    assert norm.text == "".join(slow.parts).rstrip(" ")
    assert list(norm.starts) == slow.starts[: len(norm.text)]
    assert list(norm.ends) == slow.ends[: len(norm.text)]


@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x7F)) | st.text())
def test_normalise_shortcut_gives_the_offset_map_answer(text: str) -> None:
    """The normal text skips the offset map for plain ASCII; it must answer exactly as the map does."""
    mapped = Normalised.of(text)
    assert len(mapped.starts) == len(mapped.ends)  # asked first: the text comes from the map
    assert normalise(text) == Normalised.of(text).text == mapped.text
    assert len(mapped.starts) == len(mapped.text)
