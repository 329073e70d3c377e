"""Typed options of the rules that take some, as the configuration's ``options:`` mapping gives them.

Rules never see the configuration; the engine hands these options to the
run's :class:`~checker.analysis.Analysis`, which every rule reads. Each rule
with options has one model here, under its rule name.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from checker import coverage

Kind = Literal["number", "date", "name"]


def _every_kind() -> list[Kind]:
    return ["number", "date", "name"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, populate_by_name=True)


class UnrecordedFactOptions(_Strict):
    """Options of Q004 unrecorded-fact."""

    kinds: list[Kind] = Field(
        default_factory=_every_kind,
        min_length=1,
        description="What to report: number, date, name.",
        examples=[["number", "date"]],
    )
    names: Literal["person", "all"] = Field(
        default="person",
        description="person: names written like a person's (or the catalogue's people); all: every "
        "capitalised name.",
        examples=["all"],
    )

    def coverage(self) -> coverage.Options:
        return coverage.Options(kinds=frozenset(self.kinds), all_names=self.names == "all")


class RuleOptions(_Strict):
    """The ``options:`` mapping of the configuration: rule name -> that rule's options."""

    unrecorded_fact: UnrecordedFactOptions = Field(
        default_factory=UnrecordedFactOptions,
        alias="unrecorded-fact",
        description="Q004 unrecorded-fact: which unrecorded facts of an article to list.",
        examples=[{"kinds": ["number", "date"], "names": "person"}],
    )
