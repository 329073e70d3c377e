"""The finding a decision names by its fingerprint, as the check reports it now.

``checker waive FINGERPRINT`` and ``checker judge different-events --finding
FINGERPRINT`` act on a finding an editor read in a report. The check is run
again (with the parse cache ``checker check`` fills, so unchanged files are
not parsed again) and the finding looked up, so that a decision is never
recorded against a finding that no longer exists or was already settled.
"""

from __future__ import annotations

import re

from checker.cache import Cache
from checker.config import load_config
from checker.engine import run
from checker.findings import Finding
from checker.project import Project, UsageError

_FINGERPRINT = re.compile(r"^[0-9a-f]{16}$")


def fingerprint_of(text: str) -> str:
    """``text`` as a fingerprint (16 hexadecimal digits, any case); raises UsageError."""
    fingerprint = text.strip().lower()
    if not _FINGERPRINT.match(fingerprint):
        raise UsageError(f"{text!r} is not a fingerprint (16 hexadecimal digits)")
    return fingerprint


def reported(project: Project, fingerprint: str, cache: Cache | None = None) -> Finding:
    """The finding the check reports now with ``fingerprint``; raises UsageError (none, or waived)."""
    result = run([], project, config=load_config(project), cache=cache)
    finding = next((f for f in result.findings if f.fingerprint == fingerprint), None)
    if finding is not None:
        return finding
    covered = next((w for w in result.waived if w.finding.fingerprint == fingerprint), None)
    if covered is not None:
        raise UsageError(f"{fingerprint} is already waived ({covered.waiver.location})")
    raise UsageError(
        f"no finding has the fingerprint {fingerprint}; `checker check --format json` lists them"
    )
