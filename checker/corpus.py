"""The loaded corpus: every claim file, the catalogues, and where each thing is written.

Rules read a :class:`Corpus`; they never touch files or YAML themselves.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Generic, TypeVar

from checker import units
from checker.findings import Location, Quote
from checker.loader import Document, KeyPath
from checker.models import (
    Claim,
    ClaimFile,
    EntitiesFile,
    Entity,
    EntityValue,
    Event,
    PropertiesFile,
    Property,
    StrictModel,
)
from checker.project import Project
from checker.units import Unit

M = TypeVar("M", bound=StrictModel)


@dataclass
class LoadedFile(Generic[M]):
    """A validated YAML file: its display path, its marks and its model."""

    path: str
    doc: Document
    model: M

    def location(self, keypath: KeyPath = ()) -> Location:
        """Where the value at ``keypath`` is written."""
        mark = self.doc.mark(keypath)
        return Location(self.path, mark.line, mark.column)


@dataclass(frozen=True)
class ClaimRef:
    """One claim together with the file it is in."""

    file: LoadedFile[ClaimFile]
    index: int

    @property
    def claim(self) -> Claim:
        return self.file.model.claims[self.index]

    @property
    def source_id(self) -> str:
        return self.file.model.source.id

    @property
    def key(self) -> str:
        """The claim's stable id across the corpus: ``source-id/claim-id``."""
        return f"{self.source_id}/{self.claim.id}"

    def location(self, *field_path: str | int) -> Location:
        """Where the claim (or one of its fields) is written."""
        return self.file.location(("claims", self.index, *field_path))

    def written_names(self) -> list[tuple[str, str]]:
        """The entity names this claim writes, with the field each is in."""
        names = [("subject", self.claim.subject)]
        if isinstance(self.claim.value, EntityValue):
            names.append(("value", self.claim.value.entity))
        return names

    def quote(self) -> Quote:
        """The claim's supporting quote, located."""
        return Quote(self.claim.quote, self.location("quote"), self.source_id)


@dataclass
class Corpus:
    """Everything loaded for one run."""

    project: Project
    checked: list[Path] = field(default_factory=list)  # every claim file asked for, loaded or not
    files: list[LoadedFile[ClaimFile]] = field(default_factory=list)  # those that loaded and validated
    entities_file: LoadedFile[EntitiesFile] | None = None
    properties_file: LoadedFile[PropertiesFile] | None = None

    @property
    def root(self) -> Path:
        return self.project.root

    def claims(self) -> Iterator[ClaimRef]:
        """Every claim of every file, in file then document order."""
        for loaded in self.files:
            for index in range(len(loaded.model.claims)):
                yield ClaimRef(loaded, index)

    @cached_property
    def entities(self) -> dict[str, Entity]:
        """Entities by id (the first of a duplicated id wins; a rule reports the rest)."""
        found: dict[str, Entity] = {}
        for entity in self.entities_file.model.entities if self.entities_file else []:
            found.setdefault(entity.id, entity)
        return found

    @cached_property
    def events(self) -> dict[str, Event]:
        found: dict[str, Event] = {}
        for event in self.entities_file.model.events if self.entities_file else []:
            found.setdefault(event.id, event)
        return found

    @cached_property
    def properties(self) -> dict[str, Property]:
        found: dict[str, Property] = {}
        for prop in self.properties_file.model.properties if self.properties_file else []:
            found.setdefault(prop.id, prop)
        return found

    @cached_property
    def units(self) -> dict[str, Unit]:
        """The units the property catalogue adds to the built-in ones, by name."""
        found: dict[str, Unit] = {}
        for unit in self.properties_file.model.units if self.properties_file else []:
            found.setdefault(unit.name, Unit(unit.name, unit.dimension, unit.factor))
        return found

    @cached_property
    def conversions(self) -> dict[str, tuple[str, float, float]]:
        """For each currency dimension a rate reaches: (reference dimension, factor, tolerance).

        Currencies joined by rates (directly or through others) are converted
        to the alphabetically first of them; tolerances add up along the way.
        """
        links: dict[str, list[tuple[str, float, float]]] = {}
        for rate in self.properties_file.model.rates if self.properties_file else []:
            a, b = f"{units.MONEY}-{rate.source}", f"{units.MONEY}-{rate.target}"
            links.setdefault(a, []).append((b, rate.rate, rate.tolerance))
            links.setdefault(b, []).append((a, 1 / rate.rate, rate.tolerance))
        found: dict[str, tuple[str, float, float]] = {}
        for start in sorted(links):
            if start in found:
                continue
            found[start] = (start, 1.0, 0.0)  # the first of its group is the reference
            queue = [start]
            while queue:
                here = queue.pop(0)
                _, factor, tolerance = found[here]
                for there, worth, slack in links[here]:
                    if there not in found:  # from 'there' to the reference: divide by its worth here
                        found[there] = (start, factor / worth, tolerance + slack)
                        queue.append(there)
        return found

    def unit(self, name: str) -> Unit | None:
        """A unit as a claim writes it: built in, or added by the catalogue."""
        return units.lookup(name, self.units)

    @cached_property
    def names(self) -> dict[str, list[str]]:
        """Entity ids by every name and alias, case-folded with whitespace collapsed."""
        index: dict[str, list[str]] = {}
        for entity in self.entities.values():
            for name in (entity.name, *entity.aliases):
                ids = index.setdefault(name_key(name), [])
                if entity.id not in ids:
                    ids.append(entity.id)
        return index

    def resolve_name(self, written: str) -> list[str]:
        """The entity ids a name as written may denote (exact match on name or alias)."""
        return self.names.get(name_key(written), [])


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The exact-match key of a name: case-folded, whitespace collapsed."""
    return " ".join(name.casefold().split())
