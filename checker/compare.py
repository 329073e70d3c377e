"""Comparing two claims: do they speak of the same thing, and do their values agree?

Shared by the value, date and corroboration rules so that all of them mean
the same by "aligned" and "agree".

Two claims about one subject and property are **aligned** when they name the
same event, or when their dates (as-of dates for time series) are the same
day and no qualifier they both carry differs. When neither names an event
and a date, charge, court or place differs (or only one side is dated), the
alignment is **uncertain**: they may describe different events. Claims naming
two different events, or differing in a qualifier the property names as its
scope (a rank in China versus a rank in Xinjiang), are not comparable.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz

from checker import units
from checker.corpus import Corpus
from checker.intervals import Interval, describe_dates, describe_quantity
from checker.models import DateValue, EntityValue, Property, QuantityValue, RelativeDate, TextValue
from checker.resolve import ClaimFacts, Identities, UnionFind, resolution

#: token_set_ratio at or above which two texts say the same thing.
TEXT_AGREEMENT = 90
#: Texts of at most this many words are short: a name, a title, a place.
SHORT_TEXT_WORDS = 4
#: token_sort_ratio two short texts need: "Kunbolat" and "Kunbolatuly" are not one text.
SHORT_TEXT_AGREEMENT = 95


@dataclass(frozen=True)
class Alignment:
    """How sure we are that two claims speak of the same occurrence."""

    comparable: bool  # False when they name different events
    aligned: bool  # same event, or same date with no differing qualifier
    same_event: bool
    differences: tuple[str, ...]  # what tells them apart, for the message


def related_pairs(corpus: Corpus) -> Iterator[tuple[Property, ClaimFacts, ClaimFacts]]:
    """Every pair of claims about one property of the same (or a likely same) subject.

    Subjects are the same when the catalogue or a same-as judgement says so;
    likely the same when a name-variant link joins them *directly*. Chains of
    links (A ~ B ~ C) are not followed: each step is a guess, and following
    them would compare everyone with everyone in a large corpus. Each pair is
    ordered by location, so findings do not depend on reading order.
    """
    res = resolution(corpus)
    ids = res.identities
    by_key: dict[tuple[str, str], list[ClaimFacts]] = defaultdict(list)
    for facts in res.facts:
        if facts.subject is None or facts.ref.claim.property not in corpus.properties:
            continue
        by_key[(ids.confirmed.find(facts.subject), facts.ref.claim.property)].append(facts)
    properties_of: dict[str, set[str]] = defaultdict(set)
    for root, prop_id in by_key:
        properties_of[root].add(prop_id)
    for root, prop_id in sorted(by_key):
        yield from ((corpus.properties[prop_id], a, b) for a, b in _ordered_pairs(by_key[(root, prop_id)]))
    for first, second in sorted(ids.linked_roots):
        for prop_id in sorted(properties_of[first] & properties_of[second]):
            for a in by_key[(first, prop_id)]:
                for b in by_key[(second, prop_id)]:
                    yield (corpus.properties[prop_id], *_in_order(a, b))


def _ordered_pairs(members: list[ClaimFacts]) -> Iterator[tuple[ClaimFacts, ClaimFacts]]:
    ordered = sorted(members, key=lambda f: f.ref.location())
    for i, first in enumerate(ordered):
        for second in ordered[i + 1 :]:
            yield first, second


def _in_order(a: ClaimFacts, b: ClaimFacts) -> tuple[ClaimFacts, ClaimFacts]:
    return (a, b) if a.ref.location() <= b.ref.location() else (b, a)


def align(a: ClaimFacts, b: ClaimFacts, prop: Property) -> Alignment:
    """Whether two claims about one subject and property describe the same occurrence."""
    ca, cb = a.ref.claim, b.ref.claim
    for key in prop.scope:
        scope_a = ca.place if key == "place" else ca.qualifiers.get(key)
        scope_b = cb.place if key == "place" else cb.qualifiers.get(key)
        if scope_a and scope_b and not texts_agree(scope_a, scope_b):
            return Alignment(False, False, False, (f"{key} {scope_a!r} / {scope_b!r}",))
    if ca.event and cb.event:
        if ca.event != cb.event:
            return Alignment(False, False, False, (f"events {ca.event} / {cb.event}",))
        return Alignment(True, True, True, ())
    differences: list[str] = []
    when_a, when_b = (a.as_of or a.date, b.as_of or b.date) if prop.time_series else (a.date, b.date)
    label = "as of" if prop.time_series else "date"
    if when_a is None and when_b is None:
        dates_equal = True
    elif when_a is None or when_b is None:
        dates_equal = False
        differences.append(f"only one is dated ({_date_text(when_a, a)} / {_date_text(when_b, b)})")
    else:
        dates_equal = when_a == when_b and when_a.is_point
        if when_a != when_b:
            differences.append(f"{label} {_date_text(when_a, a)} / {_date_text(when_b, b)}")
    if ca.place and cb.place and normal(ca.place) != normal(cb.place):
        differences.append(f"place {ca.place!r} / {cb.place!r}")
    for key in sorted(set(ca.qualifiers) & set(cb.qualifiers)):
        if not texts_agree(ca.qualifiers[key], cb.qualifiers[key]):
            differences.append(f"{key} {ca.qualifiers[key]!r} / {cb.qualifiers[key]!r}")
    return Alignment(True, dates_equal and not differences, False, tuple(differences))


def agree(a: ClaimFacts, b: ClaimFacts, prop: Property, ids: Identities) -> bool | None:
    """Whether two values can both be true (within the property's tolerance); None if incomparable."""
    va, vb = a.ref.claim.value, b.ref.claim.value
    if type(va) is not type(vb):
        return None
    if isinstance(va, QuantityValue | DateValue):
        wa, wb = widened(a, prop), widened(b, prop)
        if wa is None or wb is None:
            return None
        if isinstance(va, QuantityValue) and isinstance(vb, QuantityValue) and not _same_dimension(va, vb):
            return None
        return wa.overlaps(wb)
    if isinstance(va, TextValue) and isinstance(vb, TextValue):
        return texts_agree(va.text, vb.text)
    if a.value_identity is None or b.value_identity is None:
        return None
    return ids.related(a.value_identity, b.value_identity)


def widened(facts: ClaimFacts, prop: Property) -> Interval | None:
    """The claim's value interval grown by the property's tolerance."""
    if facts.value is None:
        return None
    return facts.value.widen(prop.tolerance.absolute, prop.tolerance.relative)


def value_text(facts: ClaimFacts, ids: Identities) -> str:
    """The value as an editor reads it: "10 days", "about 30 persons", "2021-02-10"."""
    value = facts.ref.claim.value
    if isinstance(value, QuantityValue):
        return describe_quantity(value)
    if isinstance(value, DateValue):
        return describe_dates(facts.value) if facts.value is not None else str(value.date)
    if isinstance(value, TextValue):
        return repr(value.text)
    assert isinstance(value, EntityValue)
    return ids.label(facts.value_identity) if facts.value_identity else value.entity


def texts_agree(a: str, b: str) -> bool:
    """Two texts say the same (case, accents, punctuation and word order aside).

    Short texts (names, a charge in three words) must match almost exactly;
    longer ones may differ by a word or two.
    """
    na, nb = normal(a), normal(b)
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


def _same_dimension(a: QuantityValue, b: QuantityValue) -> bool:
    ua, ub = units.lookup(a.unit), units.lookup(b.unit)
    return ua is not None and ub is not None and ua.dimension == ub.dimension


def _date_text(interval: Interval | None, facts: ClaimFacts) -> str:
    if interval is None:
        return "undated"
    relative = relative_note(facts)
    return describe_dates(interval) + (f", {relative}" if relative else "")


def relative_note(facts: ClaimFacts) -> str | None:
    """How a relative claim date was stated: "-1 day from sentence"; None for an absolute date."""
    spec = facts.ref.claim.date
    return f"{spec.offset} from {spec.relative_to}" if isinstance(spec, RelativeDate) else None


def facts_stated(corpus: Corpus) -> list[list[ClaimFacts]]:
    """Claims grouped into facts: same likely subject and property, agreeing values, compatible dates.

    Each fact is a list of claims in location order; facts are sorted by their first claim.
    """
    res = resolution(corpus)
    ids = res.identities
    joined = UnionFind()
    for prop, a, b in related_pairs(corpus):
        if not align(a, b, prop).comparable:
            continue
        if a.date is not None and b.date is not None and not a.date.overlaps(b.date):
            continue
        if agree(a, b, prop, ids):
            joined.union(a.ref.key, b.ref.key)
    by_root: dict[str, list[ClaimFacts]] = defaultdict(list)
    for facts in res.facts:
        if facts.subject is None or facts.ref.claim.property not in corpus.properties:
            continue
        by_root[joined.find(facts.ref.key)].append(facts)
    stated = [sorted(members, key=lambda f: f.ref.location()) for members in by_root.values()]
    return sorted(stated, key=lambda members: members[0].ref.location())


def describe_fact(facts: ClaimFacts, corpus: Corpus) -> str:
    """A fact in words: "Baibolat Kunbolatuly, jail sentence: 10 days"."""
    ids = resolution(corpus).identities
    prop = corpus.properties.get(facts.ref.claim.property)
    label = prop.label.lower() if prop else facts.ref.claim.property
    subject = ids.label(facts.subject) if facts.subject else facts.ref.claim.subject
    return f"{subject}, {label}: {value_text(facts, ids)}"
