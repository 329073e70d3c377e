"""How findings about facts are worded and located, the same way for every rule.

A finding about a fact lists each distinct value with the sources that
state it ("10 days — rferl-a, rferl-b; 15 days — steppe-daily"), points at
the odd one out (the value fewest sources state; ties go to the value
written first), and carries every claim involved in its subject. Messages,
related locations and quotes are capped so that a fact stated by three
hundred sources still reads as one entry; the subject and the counts stay
complete.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from checker.clusters import Member, ValueGroup
from checker.compare import normal
from checker.findings import Location, Quote
from checker.intervals import describe_dates
from checker.models import Property, RelativeDate, WeekdayDate
from checker.resolve import ClaimFacts, Identities
from checker.wording import plural

#: Values listed in a message at most.
MAX_VALUES_SHOWN = 6
#: Sources listed per value at most.
MAX_SOURCES_SHOWN = 4
#: Related locations a finding carries at most.
MAX_RELATED = 20
#: Quotes a finding carries at most (the odd one out's first).
MAX_QUOTES = 4


@dataclass(frozen=True)
class Placement:
    """Where a finding about several claims is reported, and what it shows of the others."""

    primary: Location
    related: tuple[Location, ...]
    quotes: tuple[Quote, ...]
    claims: tuple[str, ...]  # every claim involved, sorted
    more: int  # claims involved beyond the related locations shown
    sides: tuple[tuple[str, ...], ...]  # the claims of each group, odd one out first


def odd_one_out(groups: Sequence[ValueGroup]) -> ValueGroup:
    """The group fewest sources (then fewest claims) state; ties go to the one written first."""
    return min(groups, key=lambda g: (len(g.sources), len(g.members), g.members[0].where))


def in_reading_order(groups: Sequence[ValueGroup]) -> list[ValueGroup]:
    """The odd one out first, then the others in the order they are written."""
    odd = odd_one_out(groups)
    return [odd, *sorted((g for g in groups if g is not odd), key=lambda g: g.members[0].where)]


def place(groups: Sequence[ValueGroup], field: str = "value") -> Placement:
    """Locate a finding about ``groups`` (odd one out first) at ``field`` of its claims."""
    ordered = in_reading_order(groups)
    members = [m for g in ordered for m in g.members]
    primary = members[0].facts.ref.location(field)
    others = sorted(
        {m.facts.ref.location(field) for m in members[1:]} - {primary},
    )
    quotes = [g.members[0].facts.ref.quote() for g in ordered[:MAX_QUOTES]]
    return Placement(
        primary,
        tuple(others[:MAX_RELATED]),
        tuple(quotes),
        tuple(sorted({m.key for m in members})),
        max(0, len(others) - MAX_RELATED),
        tuple(tuple(sorted({m.key for m in g.members})) for g in ordered),
    )


def values_listed(groups: Sequence[ValueGroup], label: Callable[[ValueGroup], str] | None = None) -> str:
    """ "10 days — rferl-a, rferl-b; 15 days — steppe-daily", capped, in reading order."""
    shown = []
    for group in groups[:MAX_VALUES_SHOWN]:
        shown.append(f"{label(group) if label else group.label} — {sources_listed(group.sources)}")
    rest = len(groups) - MAX_VALUES_SHOWN
    if rest > 0:
        shown.append(f"and {rest:,} more {plural('value', rest)}")
    return "; ".join(shown)


def sources_listed(sources: Sequence[str]) -> str:
    """Source ids, capped: "a, b, c and 12 more"."""
    if len(sources) <= MAX_SOURCES_SHOWN:
        return ", ".join(sources)
    return ", ".join(sources[:MAX_SOURCES_SHOWN]) + f" and {len(sources) - MAX_SOURCES_SHOWN:,} more"


def differences(groups: Sequence[ValueGroup]) -> list[str]:
    """What tells the groups' claims apart: dates, places, qualifiers that differ between groups.

    Each entry lists, per group in order, what its claims say:
    "date 2021-06-22 (-2 days from rally-size) / 2021-02-10".
    """
    shown = groups[:MAX_VALUES_SHOWN]
    found: list[str] = []
    dates = [_distinct(date_text(m.facts) for m in g.members) for g in shown]
    if len(set(dates)) > 1:
        found.append("date " + " / ".join(", ".join(d) for d in dates))
    places = [_distinct(m.facts.ref.claim.place or "" for m in g.members) for g in shown]
    if all(any(p) for p in places) and len(set(places)) > 1:
        found.append("place " + " / ".join(", ".join(repr(p) for p in ps if p) for ps in places))
    keys = set.intersection(*({k for m in g.members for k in m.facts.ref.claim.qualifiers} for g in shown))
    for key in sorted(keys):
        said = [_distinct(m.facts.ref.claim.qualifiers.get(key, "") for m in g.members) for g in shown]
        if len({tuple(_normalised(s)) for s in said}) > 1:
            found.append(f"{key} " + " / ".join(", ".join(repr(v) for v in s if v) for s in said))
    return found


def _distinct(items: Iterable[str]) -> tuple[str, ...]:
    """Each item once, in first-seen order."""
    return tuple(dict.fromkeys(items))


def _normalised(texts: Sequence[str]) -> list[str]:
    return sorted({normal(t) for t in texts if t})


def date_text(facts: ClaimFacts) -> str:
    """A claim's date as messages show it: "2021-02-09 (-1 day from sentence)", or "undated"."""
    if facts.date is None:
        return "undated"
    relative = relative_note(facts)
    return describe_dates(facts.date) + (f" ({relative})" if relative else "")


def relative_note(facts: ClaimFacts) -> str | None:
    """How a relative claim date was stated: "-1 day from sentence", "Tuesday before published"."""
    spec = facts.ref.claim.date
    if isinstance(spec, RelativeDate):
        return f"{spec.offset} from {spec.relative_to}"
    if isinstance(spec, WeekdayDate) and spec.date is None:
        return f"{spec.weekday.value.capitalize()} {spec.direction} {spec.relative_to}"
    return None


def subject_label(member: Member, ids: Identities) -> str:
    """The subject of a member's claim as the catalogue (or the claim) names it."""
    subject = member.facts.subject
    return ids.label(subject) if subject is not None else member.facts.ref.claim.subject


def fact_label(member: Member, prop: Property, ids: Identities) -> str:
    """A fact in words: "Baibolat Kunbolatuly, jail sentence"."""
    return f"{subject_label(member, ids)}, {prop.label.lower()}"
