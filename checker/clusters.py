"""Fact clusters: claims grouped into the facts they state, so rules read facts, not pairs.

A **fact cluster** is one entity's property in one context: the claims
about the same (certainly the same) subject and property whose context
says they can be about the same fact. The context is

* the property's **scope** qualifiers (a rank in China is not a rank in
  Xinjiang), and always the ``category`` qualifier ("12 police officers
  among the dead" is a sub-total, not the toll): claims that differ in
  scope, or state it and do not, are different facts;
* for time series, the **as-of** date and, when the claim gives it, the
  time of day (a death toll as of 3 March is not the toll as of 5 March,
  nor turnout at 10:00 the turnout at 14:00;
  :mod:`checker.rules.series_reversal` compares those);
* the **event** a claim names. A claim that names no event joins the one
  event its cluster's other claims name; when they name several, it is
  compared only with the other claims that name none.

Inside a cluster, claims that state the same value form a
:class:`ValueGroup`, so equal values are compared once however many
sources repeat them. Subjects that are only *likely* the same (an unjudged
name variant) are not merged: a :class:`ClusterLink` joins their clusters
of the same property and context, so a rule can say "if these are the
same person". A :class:`Statement` is a run of agreeing values across the
clusters of likely-same subjects: what the corroboration and date rules
count sources of.

Everything here is built by sorting and grouping by keys; nothing compares
every claim with every other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from checker import units
from checker.compare import Value, agreeing_runs, normal, value_of
from checker.findings import Fact, Location
from checker.intervals import Interval, describe_dates, time_key
from checker.models import Property
from checker.resolve import ClaimFacts, Identities, VariantLink


@dataclass(frozen=True)
class Member:
    """A claim of a cluster, with its value as compared and where it is written."""

    facts: ClaimFacts
    value: Value
    where: Location  # the claim's own location: members sort by it

    @property
    def key(self) -> str:
        return self.facts.ref.key

    @property
    def source_id(self) -> str:
        return self.facts.ref.source_id

    @property
    def event(self) -> str | None:
        return self.facts.ref.claim.event


@dataclass(frozen=True)
class ValueGroup:
    """The claims of a cluster (or a link) that state one value."""

    members: tuple[Member, ...]  # in location order

    @property
    def value(self) -> Value:
        return self.members[0].value

    @property
    def label(self) -> str:
        return self.value.label

    @cached_property
    def sources(self) -> tuple[str, ...]:
        """The sources stating this value, sorted."""
        return tuple(sorted({m.source_id for m in self.members}))


@dataclass(frozen=True)
class Context:
    """What separates one fact from others about the same entity and property."""

    scope: tuple[tuple[str, str], ...] = ()  # (qualifier, normal form of its value), sorted
    as_of: Interval | None = None  # time series only
    event: str | None = None
    at: str | None = None  # time series only: the time of day of the as-of date, as :func:`time_key`

    def parts(self) -> tuple[str, ...]:
        """The context as stable ``name=value`` strings (a fingerprint's material)."""
        parts = [f"scope:{key}={value}" for key, value in self.scope]
        if self.as_of is not None:
            parts.append(f"as-of={describe_dates(self.as_of)}" + (f" {self.at}" if self.at else ""))
        if self.event is not None:
            parts.append(f"event={self.event}")
        return tuple(parts)

    def without_as_of(self) -> Context:
        return Context(self.scope, None, self.event, None)


@dataclass(frozen=True)
class FactCluster:
    """One entity's property in one context, and every claim that states it."""

    entity: str  # the certain identity (root) the claims are about
    prop: Property
    context: Context
    members: tuple[Member, ...]  # in location order

    @cached_property
    def fact(self) -> Fact:
        return Fact(self.entity, self.prop.id, self.context.parts())

    @cached_property
    def groups(self) -> tuple[ValueGroup, ...]:
        """The distinct values, each with its claims; in the order of their first claim."""
        return group_values(self.members)


@dataclass(frozen=True)
class ClusterLink:
    """Clusters of one property and context whose subjects a name-variant link joins."""

    first: FactCluster
    second: FactCluster
    link: VariantLink


@dataclass(frozen=True)
class Statement:
    """Claims stating one thing: agreeing values of one fact, across likely-same subjects."""

    prop: Property
    fact: Fact  # entity: the likely cluster of the subjects
    members: tuple[Member, ...]  # in location order


def group_values(members: Iterable[Member]) -> tuple[ValueGroup, ...]:
    """Members grouped by equal value, in the order of each value's first member."""
    by_key: dict[tuple[object, ...], list[Member]] = {}
    for member in sorted(members, key=lambda m: m.where):
        by_key.setdefault(member.value.key, []).append(member)
    return tuple(ValueGroup(tuple(found)) for found in by_key.values())


# -- building --------------------------------------------------------------------------------


def build_clusters(
    facts: Sequence[ClaimFacts], properties: Mapping[str, Property], ids: Identities
) -> tuple[FactCluster, ...]:
    """Every fact cluster of the corpus, sorted by entity, property and context."""
    base: dict[tuple[str, str, tuple[tuple[str, str], ...], tuple[float, float, str] | None], list[Member]]
    base = defaultdict(list)
    as_of_of: dict[tuple[float, float, str], Interval] = {}
    for claim in facts:
        prop = properties.get(claim.ref.claim.property)
        if claim.subject is None or prop is None:
            continue
        value = value_of(claim, prop, ids)
        if value is None:
            continue
        scope = _scope(claim, prop, ids)
        if prop.dimension == units.MONEY and claim.dimension:  # tenge and dollars are never compared
            scope = tuple(sorted((*scope, ("currency", claim.dimension.removeprefix("money-")))))
        as_of = (claim.as_of or claim.date) if prop.time_series else None
        clock = time_key(claim.ref.claim.time) if claim.ref.claim.time else ""
        as_of_key = (as_of.lo, as_of.hi, clock) if as_of is not None else None
        if as_of is not None and as_of_key is not None:
            as_of_of[as_of_key] = as_of
        member = Member(claim, value, claim.ref.location())
        base[(ids.confirmed.find(claim.subject), prop.id, scope, as_of_key)].append(member)
    clusters: list[FactCluster] = []
    for (entity, prop_id, scope, as_of_key), members in base.items():
        as_of = as_of_of[as_of_key] if as_of_key is not None else None
        at = (as_of_key[2] or None) if as_of_key is not None else None
        by_event: dict[str | None, list[Member]] = defaultdict(list)
        for member in members:
            by_event[member.event].append(member)
        named = sorted(e for e in by_event if e is not None)
        if len(named) == 1 and None in by_event:
            by_event[named[0]].extend(by_event.pop(None))  # unplaced claims join the only event
        for event, found in by_event.items():
            context = Context(scope, as_of, event, at)
            ordered = tuple(sorted(found, key=lambda m: m.where))
            clusters.append(FactCluster(entity, properties[prop_id], context, ordered))
    return tuple(sorted(clusters, key=lambda c: (c.entity, c.prop.id, c.context.parts())))


#: Qualifiers that always make a different fact: "12 police officers among the dead" is a
#: sub-total, not the death toll.
ALWAYS_SCOPE = ("category",)


def _scope(claim: ClaimFacts, prop: Property, ids: Identities) -> tuple[tuple[str, str], ...]:
    """The claim's scope qualifiers; a value the catalogue knows (a group, a place) by its entry,
    so that "police officers" and its alias "полицейские" are one scope."""
    found = []
    for key in dict.fromkeys((*prop.scope, *ALWAYS_SCOPE)):
        written = claim.ref.claim.place if key == "place" else claim.ref.claim.qualifiers.get(key)
        if written:
            known = ids.of(written, claim.ref.source_id)
            explicit = known is not None and ids.by_id[known].explicit
            found.append(
                (key, f"entity:{ids.confirmed.find(known)}" if explicit and known else normal(written))
            )
    return tuple(sorted(found))


def link_clusters(clusters: Sequence[FactCluster], ids: Identities) -> tuple[ClusterLink, ...]:
    """Clusters of the same property and context whose subjects are linked as likely the same.

    Only direct links count (chains of guesses are not followed); each pair
    of subjects is joined by its best link (the first in ``ids.links``).
    """
    index = {(c.entity, c.prop.id, c.context): c for c in clusters}
    by_entity: dict[str, list[FactCluster]] = defaultdict(list)
    for cluster in clusters:
        by_entity[cluster.entity].append(cluster)
    best: dict[tuple[str, str], VariantLink] = {}
    for link in ids.links:
        roots = tuple(sorted((ids.confirmed.find(link.a), ids.confirmed.find(link.b))))
        if roots[0] != roots[1]:
            best.setdefault((roots[0], roots[1]), link)
    found = []
    for (first, second), link in sorted(best.items()):
        for cluster in by_entity.get(first, []):
            other = index.get((second, cluster.prop.id, cluster.context))
            if other is not None:
                found.append(ClusterLink(cluster, other, link))
    return tuple(found)


def build_statements(clusters: Sequence[FactCluster], ids: Identities) -> tuple[Statement, ...]:
    """Runs of agreeing values per fact, with the clusters of likely-same subjects together."""
    together: dict[tuple[str, str, Context], list[FactCluster]] = defaultdict(list)
    for cluster in clusters:
        together[(ids.cluster(cluster.entity), cluster.prop.id, cluster.context)].append(cluster)
    statements = []
    for (likely, _prop_id, context), parts in together.items():
        members = sorted((m for c in parts for m in c.members), key=lambda m: m.where)
        prop = parts[0].prop
        fact = Fact(likely, prop.id, context.parts())
        for run in agreeing_runs([m.value for m in members], ids):
            statements.append(Statement(prop, fact, tuple(members[i] for i in run)))
    return tuple(sorted(statements, key=lambda s: s.members[0].where))


def date_runs(members: Sequence[Member]) -> list[tuple[Member, ...]]:
    """Members split where their dates cannot be one occasion; an undated member joins every run.

    Runs of overlapping dates are found by sorting, as for values; when a
    member is undated nothing separates the others, so they stay one run.
    """
    dated = [m for m in members if m.facts.date is not None]
    if len(dated) < len(members) or len(dated) < 2:
        return [tuple(members)]
    runs: list[list[Member]] = []
    reach: Interval | None = None
    for member in sorted(dated, key=lambda m: (_date(m).lo, m.where)):
        interval = _date(member)
        if reach is not None and reach.overlaps(interval):
            runs[-1].append(member)
            reach = interval if interval.hi > reach.hi else reach
        else:
            runs.append([member])
            reach = interval
    return [tuple(sorted(run, key=lambda m: m.where)) for run in runs]


def _date(member: Member) -> Interval:
    assert member.facts.date is not None
    return member.facts.date
