"""Reporters render findings; they never decide what is a finding or the exit code.

Each format is one module exposing a :class:`Reporter`; ``REPORTERS`` maps
format names to them.
"""

from __future__ import annotations

from collections.abc import Callable
from types import MappingProxyType

from checker.reporters import text
from checker.reporters.base import Report

Reporter = Callable[[Report], str]

REPORTERS: MappingProxyType[str, Reporter] = MappingProxyType({"text": text.render})

__all__ = ["REPORTERS", "Report", "Reporter"]
