"""Comparing values: which can all be true at once, and which agree.

Every rule about values means the same by "agree", because they all use
this module. A claim's value becomes a :class:`Value`:

* quantities and dates become intervals (:mod:`checker.intervals`) grown by
  the property's tolerance. Intervals that overlap pairwise share a point
  (Helly's theorem in one dimension), so whether a whole set of values can
  all be true is one pass over the highest lower end and the lowest upper
  end (:func:`common_point`), and the groups of values that agree are the
  runs of overlapping intervals once sorted (:func:`agreeing_runs`). Nothing
  compares every value with every other.
* texts of a closed vocabulary (a property's ``vocabulary``: guilty,
  acquitted) agree when they are the same entry. Free texts agree when they
  say the same (case, accents, punctuation and word order aside; short texts
  almost exactly); they are grouped that way, but never *conflict*: sources
  word things differently, translate and shorten them. Those few comparisons
  are made pairwise between *distinct* texts, and only up to
  :data:`MAX_TEXTS_COMPARED` of them; beyond that only equal texts agree.
* entity values agree when they denote the same entity, or two entities
  a name-variant link joins directly (chains of links are not followed).
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from checker import units
from checker.intervals import Interval, describe_dates, describe_quantity, is_approximate
from checker.models import DateValue, EntityValue, Property, QuantityValue, TextValue, ValueKind
from checker.resolve import ClaimFacts, Identities, UnionFind

#: token_set_ratio at or above which two texts say the same thing.
TEXT_AGREEMENT = 90
#: Texts of at most this many words are short: a name, a title, a place.
SHORT_TEXT_WORDS = 4
#: token_sort_ratio two short texts need: "Kunbolat" and "Kunbolatuly" are not one text.
SHORT_TEXT_AGREEMENT = 95
#: Distinct texts of one fact compared pairwise at most; beyond, only equal texts agree.
MAX_TEXTS_COMPARED = 200


@dataclass(frozen=True)
class Value:
    """One claim's value, normalised for comparison; equal keys mean equal values."""

    key: tuple[object, ...]
    label: str  # as an editor reads it: "10 days", "about 30 persons", "2021-02-10", "'sister'"
    interval: Interval | None = None  # quantities and dates, grown by the property's tolerance
    text: str | None = None  # a text value in normal form
    entity: str | None = None  # an entity value: the certain identity (root) it resolves to
    word: str | None = None  # a text value of a closed vocabulary: the entry it is
    soft: bool = False  # an estimate ("about", "nearly", "dozens"): it may be loose, so never proof


def value_of(facts: ClaimFacts, prop: Property, ids: Identities) -> Value | None:
    """The claim's value as compared for ``prop``; None when it cannot be compared.

    A value of another kind than the property's, a unit of another dimension,
    an unknown unit or an unknown entity cannot be compared (the reference
    rules report those).
    """
    value = facts.ref.claim.value
    if prop.kind is ValueKind.QUANTITY and isinstance(value, QuantityValue):
        if facts.value is None or facts.dimension is None or not prop.dimension:
            return None
        if not units.measures(facts.dimension, prop.dimension):
            return None
        soft = is_approximate(value) or facts.converted  # a conversion at a rate is an estimate
        return _ranged(facts.value, describe_quantity(value), prop, soft=soft)
    if prop.kind is ValueKind.DATE and isinstance(value, DateValue):
        return None if facts.value is None else _ranged(facts.value, describe_dates(facts.value), prop)
    if prop.kind is ValueKind.TEXT and isinstance(value, TextValue):
        text = normal(value.text)
        if prop.vocabulary is None:
            return Value(("text", text), repr(value.text), text=text)
        word = vocabulary_word(value.text, prop)
        return Value(("word", word), repr(word), word=word) if word is not None else None
    if prop.kind is ValueKind.ENTITY and isinstance(value, EntityValue):
        if facts.value_identity is None:
            return None
        root = ids.confirmed.find(facts.value_identity)
        return Value(("entity", root), ids.label(root), entity=root)
    return None


def vocabulary_word(text: str, prop: Property) -> str | None:
    """The entry of the property's closed vocabulary a text value is (case and accents aside)."""
    wanted = normal(text)
    return next((word for word in prop.vocabulary or () if normal(word) == wanted), None)


def _ranged(interval: Interval, label: str, prop: Property, *, soft: bool = False) -> Value:
    key = ("range", interval.lo, interval.hi, interval.lo_open, interval.hi_open)
    widened = interval.widen(prop.tolerance.absolute, prop.tolerance.relative)
    return Value(key, label, interval=widened, soft=soft)


# -- can they all be true? ---------------------------------------------------------------


def common_point(intervals: Iterable[Interval]) -> Interval | None:
    """The interval every one of ``intervals`` contains (None when they share no point)."""
    shared: Interval | None = None
    for interval in intervals:
        shared = interval if shared is None else shared.intersect(interval)
        if shared is None:
            return None
    return shared


def all_agree(values: Sequence[Value], ids: Identities) -> bool:
    """Whether every pair of ``values`` can be true together."""
    distinct = list({v.key: v for v in values}.values())
    if len(distinct) < 2:
        return True
    if all(v.interval is not None for v in distinct):
        return common_point(v.interval for v in distinct if v.interval is not None) is not None
    return _pairwise_agree(distinct, ids)


def conflict_across(first: Sequence[Value], second: Sequence[Value], ids: Identities) -> bool:
    """Whether some value of ``first`` and some value of ``second`` cannot both be true."""
    left = list({v.key: v for v in first}.values())
    right = list({v.key: v for v in second}.values())
    if not left or not right:
        return False
    if all(v.interval is not None for v in (*left, *right)):
        return _ranges_conflict(
            [v.interval for v in left if v.interval], [v.interval for v in right if v.interval]
        )
    if len(left) * len(right) > MAX_TEXTS_COMPARED**2:
        return bool({v.key for v in left} ^ {v.key for v in right})
    return any(not _agree(a, b, ids) for a in left for b in right)


def _ranges_conflict(left: list[Interval], right: list[Interval]) -> bool:
    """Some interval on the left and some on the right are disjoint: checked at the extremes."""
    for lows, highs in ((left, right), (right, left)):
        lowest_top = min(lows, key=lambda i: (i.hi, not i.hi_open))
        highest_bottom = max(highs, key=lambda i: (i.lo, i.lo_open))
        if not lowest_top.overlaps(highest_bottom):
            return True
    return False


def _pairwise_agree(distinct: Sequence[Value], ids: Identities) -> bool:
    if len(distinct) > MAX_TEXTS_COMPARED:
        return False  # many distinct texts: only equal ones agree, and these are not all equal
    return all(_agree(a, b, ids) for i, a in enumerate(distinct) for b in distinct[i + 1 :])


def _agree(a: Value, b: Value, ids: Identities) -> bool:
    if a.key == b.key:
        return True
    if a.interval is not None and b.interval is not None:
        return a.interval.overlaps(b.interval)
    if a.text is not None and b.text is not None:
        return _normal_texts_agree(a.text, b.text)
    if a.entity is not None and b.entity is not None:
        return ids.related(a.entity, b.entity)
    return False


class Verdict(enum.StrEnum):
    """What two values say together: the same thing, maybe not, or surely not."""

    AGREE = "agree"  # both can be true
    REVIEW = "review"  # they cannot both be true, but one is an estimate that may be loose
    CONFLICT = "conflict"  # they cannot both be true


def verdict(a: Value, b: Value, ids: Identities) -> Verdict:
    """Whether ``a`` and ``b`` agree, need a review (an estimate is off) or conflict."""
    if _agree(a, b, ids):
        return Verdict.AGREE
    return Verdict.REVIEW if a.soft or b.soft else Verdict.CONFLICT


# -- which agree? --------------------------------------------------------------------------


def agreeing_runs(values: Sequence[Value], ids: Identities) -> list[list[int]]:
    """Indexes of ``values`` grouped into runs that agree (connected by agreement).

    Intervals: sorted by lower end, a run continues while the next interval
    starts within the run's reach. Texts and entities: joined pair by pair
    among distinct values (bounded, see the module docstring). Runs are in
    the order of their first index.
    """
    joined = UnionFind()
    by_key: dict[tuple[object, ...], list[int]] = {}
    for index, value in enumerate(values):
        by_key.setdefault(value.key, []).append(index)
    firsts = {key: members[0] for key, members in by_key.items()}
    ranged = sorted(
        ((interval, i) for i in firsts.values() if (interval := values[i].interval) is not None),
        key=lambda pair: (pair[0].lo, pair[0].lo_open, pair[1]),
    )
    reach: Interval | None = None  # the interval of the current run that reaches highest
    head = -1
    for interval, index in ranged:
        if reach is not None and reach.overlaps(interval):
            joined.union(str(head), str(index))
            if (interval.hi, not interval.hi_open) > (reach.hi, not reach.hi_open):
                reach = interval
        else:
            reach, head = interval, index
    others = [i for i in firsts.values() if values[i].interval is None]
    if len(others) <= MAX_TEXTS_COMPARED:
        for n, i in enumerate(others):
            for j in others[n + 1 :]:
                if _agree(values[i], values[j], ids):
                    joined.union(str(i), str(j))
    runs: dict[str, list[int]] = {}
    for key, members in by_key.items():
        root = joined.find(str(firsts[key]))
        runs.setdefault(root, []).extend(members)
    return sorted((sorted(run) for run in runs.values()), key=lambda run: run[0])


# -- texts ---------------------------------------------------------------------------------


def texts_agree(a: str, b: str) -> bool:
    """Two texts say the same (case, accents, punctuation and word order aside).

    Short texts (names, a charge in three words) must match almost exactly;
    longer ones may differ by a word or two.
    """
    return _normal_texts_agree(normal(a), normal(b))


def _normal_texts_agree(na: str, nb: str) -> bool:
    if na == nb:
        return True
    if max(len(na.split()), len(nb.split())) <= SHORT_TEXT_WORDS:
        return fuzz.token_sort_ratio(na, nb) >= SHORT_TEXT_AGREEMENT
    return fuzz.token_set_ratio(na, nb) >= TEXT_AGREEMENT


def normal(text: str) -> str:
    """Case-folded, accent-free, punctuation-free, single-spaced."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", stripped).split())
