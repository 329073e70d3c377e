"""What every reporter is given."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from checker.findings import Finding, Severity
from checker.waivers import Waived


@dataclass(frozen=True)
class Report:
    """The findings of one run, sorted, and what was checked."""

    findings: tuple[Finding, ...]
    files: int
    claims: int
    waived: tuple[Waived, ...] = ()  # findings a waiver covers: not reported, but counted

    def counts(self) -> dict[Severity, int]:
        """Findings per severity, every severity present (0 when none)."""
        found = Counter(f.severity for f in self.findings)
        return {severity: found.get(severity, 0) for severity in sorted(Severity, reverse=True)}
