"""The comparison and interval logic on its own: agreement of whole sets of values, without YAML.

Property tests check the set-at-once answers (one pass, one sort) against the
pair-by-pair definition they replace.
"""

from __future__ import annotations

import itertools
import math

from hypothesis import given
from hypothesis import strategies as st

from checker.compare import (
    Value,
    agreeing_runs,
    all_agree,
    common_point,
    conflict_across,
    texts_agree,
)
from checker.intervals import Interval, describe_dates, partial_date_interval
from checker.resolve import Identities, UnionFind

IDS = Identities()


def ranged(lo: float, hi: float, lo_open: bool = False, hi_open: bool = False) -> Value:
    interval = Interval(lo, hi, lo_open, hi_open)
    return Value(("range", lo, hi, lo_open, hi_open), f"{lo}..{hi}", interval=interval)


def text(words: str) -> Value:
    return Value(("text", words), repr(words), text=words)


# -- intervals ------------------------------------------------------------------------------


def test_open_ends_that_touch_do_not_overlap() -> None:
    assert Interval(1, 2).overlaps(Interval(2, 3))
    assert not Interval(1, 2, hi_open=True).overlaps(Interval(2, 3))
    assert not Interval(1, 2).overlaps(Interval(2, 3, lo_open=True))
    assert Interval(2, math.inf, lo_open=True).overlaps(Interval(0, 3))


def test_intersect_keeps_the_tighter_open_end() -> None:
    assert Interval(1, 5).intersect(Interval(3, 9, lo_open=True)) == Interval(3, 5, lo_open=True)
    assert Interval(1, 2).intersect(Interval(3, 4)) is None


def test_partial_dates_cover_their_month_and_year() -> None:
    february, year = partial_date_interval("2021-02"), partial_date_interval("2021")
    assert february is not None and year is not None
    assert describe_dates(february) == "2021-02"
    assert february.hi - february.lo == 27
    assert describe_dates(year) == "2021"
    assert year.overlaps(february)


def test_widen_grows_both_ends_but_not_infinity() -> None:
    assert Interval(10, 10).widen(1, 0.1) == Interval(8, 12)
    assert Interval(4, math.inf).widen(relative=0.5) == Interval(2, math.inf)


# -- sets of values -------------------------------------------------------------------------


def test_common_point_of_nothing_and_of_one() -> None:
    assert common_point([]) is None
    assert common_point([Interval(1, 2)]) == Interval(1, 2)


def test_compatible_approximations_agree_and_exact_figures_do_not() -> None:
    about_30 = ranged(24, 36)
    assert all_agree([about_30, ranged(25, 25)], IDS)
    # 25 and 35 each fit "about 30", but not both: one set of values that agree in a chain
    assert not all_agree([about_30, ranged(25, 25), ranged(35, 35)], IDS)
    assert agreeing_runs([about_30, ranged(25, 25), ranged(35, 35)], IDS) == [[0, 1, 2]]
    assert not all_agree([ranged(10, 10), ranged(15, 15)], IDS)
    assert all_agree([ranged(10, 10), ranged(10, 10)], IDS)


def test_runs_follow_chains_of_agreement() -> None:
    values = [ranged(30, 30), ranged(0, 10), ranged(24, 36), ranged(36, 40), ranged(5, 5)]
    assert agreeing_runs(values, IDS) == [[0, 2, 3], [1, 4]]


def test_equal_values_share_a_run_whatever_their_position() -> None:
    values = [ranged(1, 1), ranged(9, 9), ranged(1, 1)]
    assert agreeing_runs(values, IDS) == [[0, 2], [1]]


def test_conflict_across_looks_at_both_extremes() -> None:
    assert conflict_across([ranged(10, 10)], [ranged(15, 15)], IDS)
    assert conflict_across([ranged(10, 20)], [ranged(0, 1), ranged(12, 12)], IDS)
    assert not conflict_across([ranged(10, 20)], [ranged(12, 14), ranged(18, 30)], IDS)
    assert not conflict_across([], [ranged(1, 1)], IDS)


def test_texts_agree_on_wording_and_order_but_not_on_short_names() -> None:
    assert texts_agree("Violating the law on mass gatherings", "violating the law on mass-gatherings")
    assert not texts_agree("Kunbolat", "Kunbolatuly")
    assert all_agree([text("organizing a rally"), text("organizing a rally")], IDS)
    assert not all_agree([text("kazakh"), text("uyghur")], IDS)


def test_entity_values_agree_when_certainly_or_directly_linked() -> None:
    ids = Identities(confirmed=UnionFind())
    ids.confirmed.union("a", "b")
    a, b, c = (Value(("entity", x), x, entity=ids.confirmed.find(x)) for x in "abc")
    assert all_agree([a, b], ids)
    assert not all_agree([a, c], ids)


# -- the set-at-once answers equal the pair-by-pair definition ------------------------------

ENDS = st.integers(min_value=-20, max_value=20)


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    lo, hi = sorted((draw(ENDS), draw(ENDS)))
    lo_open, hi_open = draw(st.booleans()), draw(st.booleans())
    if lo == hi:
        lo_open = hi_open = False  # an empty interval is not a value anyone states
    return Interval(float(lo), float(hi), lo_open, hi_open)


def as_values(found: list[Interval]) -> list[Value]:
    return [ranged(i.lo, i.hi, i.lo_open, i.hi_open) for i in found]


@given(st.lists(intervals(), max_size=8))
def test_a_common_point_exists_exactly_when_every_pair_overlaps(found: list[Interval]) -> None:
    pairwise = all(a.overlaps(b) for a, b in itertools.combinations(found, 2))
    assert all_agree(as_values(found), IDS) == pairwise
    if found:
        assert (common_point(found) is not None) == pairwise


@given(st.lists(intervals(), max_size=8))
def test_runs_are_the_connected_groups_of_overlapping_values(found: list[Interval]) -> None:
    joined = UnionFind()
    for i, j in itertools.combinations(range(len(found)), 2):
        if found[i].overlaps(found[j]):
            joined.union(str(i), str(j))
    expected: dict[str, list[int]] = {}
    for i in range(len(found)):
        expected.setdefault(joined.find(str(i)), []).append(i)
    assert agreeing_runs(as_values(found), IDS) == sorted(expected.values())


@given(st.lists(intervals(), max_size=5), st.lists(intervals(), max_size=5))
def test_conflict_across_is_some_pair_disjoint(left: list[Interval], right: list[Interval]) -> None:
    expected = any(not a.overlaps(b) for a in left for b in right)
    assert conflict_across(as_values(left), as_values(right), IDS) == expected
