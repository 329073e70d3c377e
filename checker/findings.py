"""Findings: the small immutable records every stage of the checker produces.

A finding says what is wrong (code, message), where (a primary location and
the related locations of the other side), what the sources say (quotes) and
what to do about it. Its fingerprint is derived from the rule and the ids of
what it is about, never from line numbers, so that waivers survive edits.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
from dataclasses import dataclass, field
from typing import NamedTuple


class Severity(enum.IntEnum):
    """How serious a finding is; ordered so that ``ERROR > WARNING > INFO``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        """Read a severity name as written in configuration or on the command line."""
        try:
            return cls[text.strip().upper()]
        except KeyError:
            names = ", ".join(str(s) for s in cls)
            raise ValueError(f"unknown severity {text!r} (expected one of: {names})") from None


@dataclass(frozen=True, order=True)
class Location:
    """A place in a file: repo-relative POSIX path, 1-based line and column."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Quote:
    """What one side of a finding says, verbatim, and where it says it."""

    text: str
    location: Location
    source_id: str | None = None


@dataclass(frozen=True)
class Fact:
    """A fact the checker reasons about: one entity's property in one context.

    ``context`` holds what separates this fact from others about the same
    entity and property, as ``name=value`` strings: ``event=trial-feb``,
    ``as-of=2021-03-05``, ``scope:category=police``.
    """

    entity: str
    property: str
    context: tuple[str, ...] = ()

    def __str__(self) -> str:
        return "/".join((self.entity, self.property, *self.context))


@dataclass(frozen=True)
class Subject:
    """What a finding is about, by stable ids: never a line, a column or a message.

    Reporters, waivers and scores read it; the fingerprint is made from it
    (:meth:`fingerprint_material`). Every field is optional; a finding fills
    in what it is about.
    """

    claims: tuple[str, ...] = ()  # claim keys: "source-id/claim-id"
    entities: tuple[str, ...] = ()  # identity ids (catalogue ids, or "name:..." for uncatalogued names)
    sources: tuple[str, ...] = ()  # source ids
    catalogue: tuple[str, ...] = ()  # catalogue entries: "property:ID", "event:ID", "unit:NAME", ...
    config: tuple[str, ...] = ()  # configuration entries: "waiver:fingerprint=...", ...
    file: str | None = None  # repo-relative path, for findings about a file's content
    key_path: tuple[str, ...] = ()  # where in ``file``: keys; list items as "id=ID" (else the index)
    fact: Fact | None = None  # the fact a value, date or corroboration finding is about
    values: tuple[str, ...] = ()  # the distinct values (or dates) a fact finding lists
    detail: tuple[str, ...] = ()  # what else tells two findings apart: a key name, a spelling
    # The claims grouped by what they state (a value, a date, a spelling), the odd one out first:
    # which claims disagree with which. Not part of the fingerprint.
    sides: tuple[tuple[str, ...], ...] = ()

    def fingerprint_material(self) -> tuple[str, ...]:
        """The ids the fingerprint hashes, each tagged with its field and sorted within it.

        A finding about a fact or about entities is identified by the fact,
        the entities and the values in dispute, not by the claims that state
        them: a further source repeating one of the values (or writing one of
        the names) leaves the fingerprint, and a waiver naming it, as it was;
        a new value changes it. Other findings are identified by their claims
        and sources.
        """
        fields: dict[str, tuple[str, ...]] = {
            "entity": self.entities,
            "catalogue": self.catalogue,
            "config": self.config,
            "file": (self.file,) if self.file is not None else (),
            "key": ("/".join(self.key_path),) if self.key_path else (),
            "value": self.values,
            "detail": self.detail,
            "fact": (str(self.fact),) if self.fact is not None else (),
        }
        if self.fact is None and not self.entities:
            fields["claim"] = self.claims
            fields["source"] = self.sources
        return tuple(f"{name}={item}" for name in sorted(fields) for item in sorted(fields[name]))


@dataclass(frozen=True)
class Finding:
    """One problem the checker found: a small immutable record, about a typed :class:`Subject`."""

    code: str
    rule: str
    severity: Severity
    message: str
    location: Location
    related: tuple[Location, ...] = ()
    quotes: tuple[Quote, ...] = ()
    action: str | None = None
    subject: Subject = Subject()
    fingerprint: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not self.fingerprint:
            object.__setattr__(self, "fingerprint", make_fingerprint(self.code, self.subject))

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Order findings by place, then code, then message: deterministic output."""
        loc = self.location
        return (loc.path, loc.line, loc.column, self.code, self.message)


def make_fingerprint(code: str, subject: Subject) -> str:
    """A short stable hash of a rule code and what a finding is about.

    Every id is sorted within its field, so a symmetric finding (A conflicts
    with B) has one fingerprint whichever side is reported first.
    """
    material = "\x1f".join([code, *subject.fingerprint_material()])
    # surrogatepass: a YAML escape ("\uD800") can put a lone surrogate in a key, and so in a key path.
    return hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()[:16]


# -- waivers -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Waiver:
    """One waiver of the configuration, located where it is written.

    It names a finding by its fingerprint, or by its rule and the claims or
    sources it is about (``source-id/claim-id`` keys and source ids, all of
    which must be among the finding's subject claims and sources). Applying waivers is :mod:`checker.waivers`.
    """

    reason: str
    location: Location
    fingerprint: str | None = None
    rule: str | None = None  # a rule code, when the waiver names a rule and claims
    claims: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # source ids, when the waiver names a rule and sources
    by: str | None = None
    expires: dt.date | None = None

    def matches(self, finding: Finding) -> bool:
        """Whether this waiver covers ``finding``."""
        if self.fingerprint is not None:
            return finding.fingerprint == self.fingerprint
        return (
            finding.code == self.rule
            and set(self.claims) <= set(finding.subject.claims)
            and set(self.sources) <= set(finding.subject.sources)
        )

    def expired(self, today: dt.date) -> bool:
        """A waiver applies up to and including its expiry date."""
        return self.expires is not None and self.expires < today

    def describe(self) -> str:
        """How the waiver is written: its fingerprint, or its rule and claims."""
        if self.fingerprint is not None:
            return f"fingerprint {self.fingerprint}"
        return f"{self.rule} on {', '.join((*self.claims, *self.sources))}"

    def subject(self) -> Subject:
        """What a finding about this waiver is about (W001, W002)."""
        if self.fingerprint is not None:
            return Subject(file=self.location.path, config=(f"waiver:fingerprint={self.fingerprint}",))
        return Subject(
            file=self.location.path,
            config=(f"waiver:rule={self.rule}",),
            claims=tuple(self.claims),
            sources=tuple(self.sources),
        )


class Waived(NamedTuple):
    """A finding that was not reported, and the waiver that covered it."""

    finding: Finding
    waiver: Waiver
