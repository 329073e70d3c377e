"""Resolution: who each claim is about, and what its dates and values allow.

Computed once per run by :class:`checker.analysis.Analysis` and shared by the rules:

* **Identities.** Every name a claim writes resolves to a catalogue entity
  (by name or alias) or, failing that, to an identity of its own keyed by the
  name. Same-as judgements join identities for certain; name matching
  (:mod:`checker.names`) joins them as *likely* the same unless a
  distinct-from judgement keeps them apart. Rules compare claims within a
  likely cluster and say when the identity is only likely.
* **Dates.** Absolute, partial and relative dates become day intervals.
* **Values.** Quantities become intervals in their dimension's base unit.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from checker import names
from checker.corpus import ClaimRef, Corpus, name_key
from checker.intervals import Interval, on_calendar, partial_date_interval, quantity_interval, shift_dates
from checker.models import (
    Claim,
    DateSpan,
    DateSpecValue,
    DateValue,
    EntityType,
    EntityValue,
    Judgement,
    QuantityValue,
    RelativeDate,
    WeekdayDate,
)

PUBLISHED = "published"


class UnionFind:
    """Disjoint sets over string ids; the smallest id is each set's representative."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        parent = self.parent.setdefault(item, item)
        if parent != item:
            parent = self.parent[item] = self.find(parent)
        return parent

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            low, high = sorted((ra, rb))
            self.parent[high] = low


@dataclass(frozen=True)
class Identity:
    """An entity from the catalogue, or a name that no catalogue entity carries."""

    id: str
    label: str
    type: EntityType | None
    explicit: bool
    forms: tuple[str, ...]


@dataclass(frozen=True)
class Occurrence:
    """A place where a claim writes a name."""

    ref: ClaimRef
    field: str  # "subject" or "value"
    written: str


@dataclass(frozen=True)
class VariantLink:
    """Two identities whose names likely denote one entity, with no judgement recorded."""

    a: str
    b: str
    form_a: str
    form_b: str
    match: names.Match
    why: str


@dataclass
class Identities:
    """Every identity, how claims' names resolve to them, and how they cluster."""

    by_id: dict[str, Identity] = field(default_factory=dict)
    of_name: dict[str, str] = field(default_factory=dict)  # name_key -> identity id
    in_source: dict[tuple[str, str], str] = field(default_factory=dict)  # (source id, name_key) -> id
    occurrences: dict[str, list[Occurrence]] = field(default_factory=lambda: defaultdict(list))
    links: list[VariantLink] = field(default_factory=list)
    confirmed: UnionFind = field(default_factory=UnionFind)
    likely: UnionFind = field(default_factory=UnionFind)
    distinct: set[frozenset[str]] = field(default_factory=set)

    def of(self, written: str, source_id: str | None = None) -> str | None:
        """The identity a name written in a source resolves to (None when it is ambiguous)."""
        key = name_key(written)
        return self.in_source.get((source_id or "", key)) or self.of_name.get(key)

    def cluster(self, identity: str) -> str:
        """The likely cluster an identity belongs to."""
        return self.likely.find(identity)

    def certain(self, a: str, b: str) -> bool:
        """True when two identities are one by the catalogue or a same-as judgement."""
        return self.confirmed.find(a) == self.confirmed.find(b)

    def related(self, a: str, b: str) -> bool:
        """Certainly the same, or joined directly by a name-variant link (chains are not followed)."""
        ra, rb = self.confirmed.find(a), self.confirmed.find(b)
        return ra == rb or (min(ra, rb), max(ra, rb)) in self.linked_roots

    @cached_property
    def linked_roots(self) -> set[tuple[str, str]]:
        """Pairs (sorted) of certain-identity roots that a name-variant link joins directly."""
        pairs = set()
        for link in self.links:
            first, second = sorted((self.confirmed.find(link.a), self.confirmed.find(link.b)))
            if first != second:
                pairs.add((first, second))
        return pairs

    def written_forms(self, identity: str) -> tuple[str, ...]:
        """The distinct names claims write for an identity, sorted (empty when no claim names it)."""
        return tuple(sorted({o.written for o in self.occurrences.get(identity, [])}))

    def label(self, identity: str) -> str:
        return self.by_id[identity].label


@dataclass(frozen=True)
class ClaimFacts:
    """What resolution worked out about one claim."""

    ref: ClaimRef
    subject: str | None  # identity id
    date: Interval | None
    as_of: Interval | None
    value: Interval | None  # quantities in base units; dates as day ordinals
    value_identity: str | None  # for entity values
    dimension: str | None = None  # for quantities in a known unit: what the unit measures
    converted: bool = False  # an amount converted to another currency at a catalogue rate


def resolve_claims(corpus: Corpus, ids: Identities) -> list[ClaimFacts]:
    """What resolution works out about every claim, in corpus order."""
    out: list[ClaimFacts] = []
    for loaded in corpus.files:
        refs = [ClaimRef(loaded, i) for i in range(len(loaded.model.claims))]
        dates = DateResolver(refs)
        for ref in refs:
            value = ref.claim.value
            value_interval: Interval | None = None
            value_identity = None
            dimension = None
            converted = False
            if isinstance(value, QuantityValue):
                unit = corpus.unit(value.unit)
                value_interval = quantity_interval(value, unit)
                dimension = unit.dimension if unit is not None else None
                conversion = corpus.conversions.get(dimension or "")
                converted = conversion is not None and conversion[0] != dimension
                if conversion is not None and value_interval is not None:  # to the group's reference currency
                    dimension, factor, tolerance = conversion
                    scaled = value_interval.scale(factor)
                    value_interval = scaled.widen(relative=tolerance) if scaled is not None else None
            elif isinstance(value, DateValue):
                value_interval = dates.resolve(ref.claim.id, value.date)
            elif isinstance(value, EntityValue):
                value_identity = ids.of(value.entity, ref.source_id)
            out.append(
                ClaimFacts(
                    ref,
                    ids.of(ref.claim.subject, ref.source_id),
                    dates.resolve(ref.claim.id, ref.claim.date),
                    dates.resolve(ref.claim.id, ref.claim.as_of),
                    value_interval,
                    value_identity,
                    dimension,
                    converted,
                )
            )
    return out


# -- identities ----------------------------------------------------------------------------


def resolve_identities(corpus: Corpus) -> Identities:
    """Every identity the corpus names, and how they join (see the module docstring).

    A written name resolves, in this order, to the catalogue entity it is
    the name or an alias of; within its own article, to the one fuller name
    it is a short form of ("Kozhakhmetov" after "Yerbolat Kozhakhmetov");
    to the catalogue entity whose name it is in other letters (Токаев for
    Tokayev); or to the identity of every uncatalogued name spelt like it,
    transliteration aside.
    """
    ids = Identities()
    for entity in corpus.entities.values():
        forms = tuple(dict.fromkeys((entity.name, *entity.aliases)))
        ids.by_id[entity.id] = Identity(entity.id, entity.name, entity.type, True, forms)
        ids.confirmed.find(entity.id)
    spelt: dict[str, set[str]] = defaultdict(set)  # spelling key -> catalogue entities
    for entity in corpus.entities.values():
        for form in (entity.name, *entity.aliases):
            spelt[names.spelling_key(form)].add(entity.id)
    for key, entity_ids in corpus.names.items():
        if len(entity_ids) == 1:
            ids.of_name[key] = entity_ids[0]
    ambiguous = {key for key, entity_ids in corpus.names.items() if len(entity_ids) > 1}

    def by_name(written: str) -> str | None:
        key = name_key(written)
        if key in ambiguous:
            return None
        if key not in ids.of_name:
            spelling = names.spelling_key(written)
            owners = spelt.get(spelling, set())
            if len(owners) > 1:
                return None
            ids.of_name[key] = next(iter(owners)) if owners else "name:" + (spelling or key)
        return ids.of_name[key]

    for loaded in corpus.files:
        source = loaded.model.source.id
        refs = [ClaimRef(loaded, i) for i in range(len(loaded.model.claims))]
        written_here = {written for ref in refs for _, written in ref.written_names()}
        unknown = {w for w in written_here if name_key(w) not in corpus.names}
        for short, identity in _short_forms(unknown, written_here, by_name, ids).items():
            ids.in_source[(source, name_key(short))] = identity
    written_forms: dict[str, list[str]] = defaultdict(list)
    for ref in corpus.claims():
        for field_name, written in ref.written_names():
            resolved = ids.in_source.get((ref.source_id, name_key(written))) or by_name(written)
            if resolved is None:
                continue
            if written not in written_forms[resolved]:
                written_forms[resolved].append(written)
            ids.occurrences[resolved].append(Occurrence(ref, field_name, written))
    for identity, written_list in written_forms.items():
        if identity not in ids.by_id:  # labelled by its first form in sorted order: any order of reading
            ordered = tuple(sorted(written_list))
            ids.by_id[identity] = Identity(identity, ordered[0], None, False, ordered)
    for identity in ids.by_id:
        ids.likely.find(identity)
    if corpus.entities_file is not None:
        judgements = corpus.entities_file.model.judgements
        contradicted = contradicted_pairs(judgements)
        for judgement in judgements:
            a, b = judgement.entities
            if a not in ids.by_id or b not in ids.by_id:
                continue  # unknown-entity reports it
            if frozenset((a, b)) in contradicted:
                continue  # contradictory-judgements reports it; the pair stays unjudged
            if judgement.relation == "same-as":
                ids.confirmed.union(a, b)
                ids.likely.union(a, b)
            else:
                ids.distinct.add(frozenset((a, b)))
    _link_variants(ids)
    return ids


def contradicted_pairs(judgements: Iterable[Judgement]) -> set[frozenset[str]]:
    """The pairs judged both same-as and distinct-from: the checker follows neither."""
    relations: dict[frozenset[str], set[str]] = defaultdict(set)
    for judgement in judgements:
        relations[frozenset(judgement.entities)].add(judgement.relation)
    return {pair for pair, found in relations.items() if len(found) > 1}


def _short_forms(
    shorts: set[str], written: set[str], by_name: Callable[[str], str | None], ids: Identities
) -> dict[str, str]:
    """Names of ``shorts`` that are short forms of exactly one fuller name the same article writes.

    "Kozhakhmetov" in an article that names "Yerbolat Kozhakhmetov" is him;
    in one that names both him and his father Amangeldy it is either, and
    stays a name of its own. Only people's names are shortened so: "Almaty"
    is not "the Chinese Consulate in Almaty".
    """
    forms = {w: names.analyse(w) for w in written}
    found: dict[str, str] = {}
    for short in sorted(shorts):
        form = forms[short]
        if not form.tokens:
            continue
        fuller: set[str | None] = set()
        for other, other_form in forms.items():
            if len(other_form.tokens) <= len(form.tokens):
                continue
            match = names.compare(form, other_form)
            if match is None or not match.subset or not match.exact_tokens:
                continue
            identity = by_name(other)
            known = ids.by_id.get(identity) if identity is not None else None
            if known is not None and known.type not in (EntityType.PERSON, None):
                continue
            fuller.add(identity)
        identity = fuller.pop() if len(fuller) == 1 else None
        if identity is not None:
            found[short] = identity
    return found


def _link_variants(ids: Identities) -> None:
    """Find likely-same identities by name matching, blocked so it scales."""
    owner: dict[str, set[str]] = defaultdict(set)
    for identity in ids.by_id.values():
        for form in identity.forms:
            if not names.is_descriptive(form):  # "Kunbolatuly's mother" is not a spelling of him
                owner[form].add(identity.id)
    best: dict[tuple[str, str], VariantLink] = {}
    fullest = {identity.id: _fullest(identity) for identity in ids.by_id.values()}
    for form_a, form_b in names.candidate_pairs(owner):
        match = names.compare(names.analyse(form_a), names.analyse(form_b))
        if match is None:
            continue
        for a in sorted(owner[form_a]):
            for b in sorted(owner[form_b]):
                if a == b or ids.certain(a, b) or frozenset((a, b)) in ids.distinct:
                    continue
                if not _types_fit(ids.by_id[a], ids.by_id[b], match):
                    continue
                if not _full_names_fit(fullest[a], fullest[b]):
                    continue  # "Kunbolatuly" fits both brothers; their full names tell them apart
                first, second = sorted((a, b))
                fa, fb = (form_a, form_b) if first == a else (form_b, form_a)
                link = VariantLink(first, second, fa, fb, match, names.explain(fa, fb))
                current = best.get((first, second))
                if current is None or _link_rank(link) < _link_rank(current):
                    best[(first, second)] = link
    for key in sorted(best):
        link = best[key]
        ids.links.append(link)
        ids.likely.union(link.a, link.b)


def _fullest(identity: Identity) -> names.NameForm:
    """The identity's name with the most words: the one that tells it apart best."""
    return max((names.analyse(f) for f in identity.forms), key=lambda n: (len(n.tokens), n.written))


def _full_names_fit(a: names.NameForm, b: names.NameForm) -> bool:
    if len(a.tokens) < 2 or len(b.tokens) < 2:
        return True
    return names.compare(a, b) is not None


def _link_rank(link: VariantLink) -> tuple[bool, float, int, str, str]:
    """Prefer the most telling pair of forms: full names over short ones, then best score."""
    length = len(link.form_a) + len(link.form_b)
    return (link.match.subset, -link.match.score, -length, link.form_a, link.form_b)


def _types_fit(a: Identity, b: Identity, match: names.Match) -> bool:
    """Entities of different types never merge; partial names only for people."""
    if a.type is not None and b.type is not None and a.type is not b.type:
        return False
    if match.subset:
        kinds = {a.type, b.type}
        return EntityType.PERSON in kinds and kinds <= {EntityType.PERSON, None}
    return True


# -- dates ---------------------------------------------------------------------------------


#: A date given relative to another: an offset from it, or the weekday nearest it.
Step = RelativeDate | WeekdayDate


@dataclass(frozen=True)
class RelativeWalk:
    """Where following a relative date (or an anchored weekday) leads.

    ``base`` is the date the chain ends on — an absolute date, a span, a
    weekday with its date, or ``published`` — and ``steps`` what to apply to
    it, innermost first; or ``problem`` says why there is none and
    ``target`` names the claim where it went wrong.
    """

    base: DateSpecValue | None = None
    steps: tuple[Step, ...] = ()
    problem: str | None = None  # "unknown", "circle" or "undated"
    target: str | None = None


def is_step(spec: DateSpecValue | None) -> bool:
    """Whether ``spec`` is given relative to another date (and a walk must follow it)."""
    return isinstance(spec, RelativeDate) or (isinstance(spec, WeekdayDate) and spec.date is None)


def walk_relative(spec: Step, own_id: str, by_id: Mapping[str, Claim]) -> RelativeWalk:
    """Follow a relative date from claim to claim until an absolute date, without recursion."""
    seen = {own_id}
    steps: list[Step] = [spec]
    current = spec
    while True:
        target_id = current.relative_to
        if target_id == PUBLISHED:
            return RelativeWalk(PUBLISHED, tuple(reversed(steps)))
        target = by_id.get(target_id)
        if target is None:
            return RelativeWalk(problem="unknown", target=target_id)
        if target_id in seen:
            return RelativeWalk(problem="circle", target=target_id)
        seen.add(target_id)
        if target.date is None:
            return RelativeWalk(problem="undated", target=target_id)
        if not is_step(target.date):
            return RelativeWalk(target.date, tuple(reversed(steps)))
        assert isinstance(target.date, RelativeDate | WeekdayDate)
        steps.append(target.date)
        current = target.date


def absolute_interval(spec: DateSpecValue) -> Interval | None:
    """The days a date that needs no other date allows (None for a relative one)."""
    if isinstance(spec, str):
        return partial_date_interval(spec)
    if isinstance(spec, DateSpan):
        start, end = partial_date_interval(spec.start), partial_date_interval(spec.end)
        return Interval(start.lo, end.hi) if start is not None and end is not None else None
    if isinstance(spec, WeekdayDate) and spec.date is not None:
        return partial_date_interval(spec.date)
    return None


def on_weekday(anchor: Interval, spec: WeekdayDate) -> Interval | None:
    """The latest ``spec.weekday`` on or before a one-day anchor (the first on or after, for 'after').

    An anchor of several days (a month) leaves the day open within it. None
    when that weekday is off the calendar (a Sunday before Monday 0001-01-01).
    """
    if not anchor.is_point:
        return anchor
    if on_calendar(anchor) is None:
        return None
    day = dt.date.fromordinal(int(anchor.lo))
    if spec.direction == "before":
        found = day.toordinal() - (day.weekday() - spec.weekday.number) % 7
    else:
        found = day.toordinal() + (spec.weekday.number - day.weekday()) % 7
    return on_calendar(Interval(found, found))


def apply_step(interval: Interval, step: Step) -> Interval | None:
    """The days one step of a walk leads to from ``interval``; None off the calendar."""
    return shift_dates(interval, step) if isinstance(step, RelativeDate) else on_weekday(interval, step)


class DateResolver:
    """Resolves the dates of one file's claims, following relative dates."""

    def __init__(self, refs: list[ClaimRef]) -> None:
        self.by_id = {ref.claim.id: ref.claim for ref in reversed(refs)}  # the first of a duplicate id wins
        self.published = partial_date_interval(refs[0].file.model.source.published) if refs else None

    def resolve(self, own_id: str, spec: DateSpecValue | None) -> Interval | None:
        """The days ``spec`` (a date of claim ``own_id``) allows; None when it leads nowhere."""
        if spec is None:
            return None
        if not is_step(spec):
            return absolute_interval(spec)
        assert isinstance(spec, RelativeDate | WeekdayDate)
        return self.follow(walk_relative(spec, own_id, self.by_id))[-1]

    def follow(self, walk: RelativeWalk) -> list[Interval | None]:
        """The days a walk's base allows, then those after each of its steps (None once lost).

        A walk that leads nowhere (an unknown claim, a circle) is ``[None]``
        (bad-date-reference reports it); one step that leaves the calendar
        makes the rest None.
        """
        if walk.base is None:
            return [None]
        interval = self.published if walk.base == PUBLISHED else absolute_interval(walk.base)
        out = [interval]
        for step in walk.steps:
            interval = apply_step(interval, step) if interval is not None else None
            out.append(interval)
        return out
