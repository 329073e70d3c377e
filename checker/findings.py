"""Findings: the small immutable records every stage of the checker produces.

A finding says what is wrong (code, message), where (a primary location and
the related locations of the other side), what the sources say (quotes) and
what to do about it. Its fingerprint is derived from the rule and the ids of
what it is about, never from line numbers, so that waivers survive edits.
"""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass, field


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
class Finding:
    """One problem the checker found.

    ``subject`` holds the stable ids the fingerprint is made from (source ids,
    claim ids, entity ids, or for load problems the file path and key path).
    """

    code: str
    rule: str
    severity: Severity
    message: str
    location: Location
    related: tuple[Location, ...] = ()
    quotes: tuple[Quote, ...] = ()
    action: str | None = None
    subject: tuple[str, ...] = ()
    fingerprint: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not self.fingerprint:
            object.__setattr__(self, "fingerprint", make_fingerprint(self.code, self.subject))

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Order findings by place, then code, then message: deterministic output."""
        loc = self.location
        return (loc.path, loc.line, loc.column, self.code, self.message)


def make_fingerprint(code: str, subject: tuple[str, ...]) -> str:
    """A short stable hash of a rule code and the ids a finding is about.

    The ids are sorted so that a symmetric finding (A conflicts with B) has
    one fingerprint whichever side is reported first.
    """
    material = "\x1f".join([code, *sorted(subject)])
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:16]
