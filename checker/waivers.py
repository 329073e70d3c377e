"""Waivers: findings an editor has reviewed and accepted, with a reason.

A waiver names a finding by its fingerprint, or by its rule and the claims it
is about (``source-id/claim-id`` keys, all of which must be among the
finding's subject ids). Waivers are applied after severities: a waived
finding is not reported but counted. A waiver past its ``expires`` date no
longer applies and is itself a finding (W002); a waiver that matches nothing
is one too (W001), so that stale waivers do not pile up. Those two findings
are never waivable.

"Today" is injectable for tests; otherwise it honours ``SOURCE_DATE_EPOCH``
so that a rebuilt report is byte-identical.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from checker.findings import Finding, Waived, Waiver
from checker.rules import expired_waiver, unused_waiver


@dataclass
class Outcome:
    """What applying the waivers did."""

    findings: list[Finding] = field(default_factory=list)  # still reported
    waived: list[Waived] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)  # W001/W002 findings about the waivers


def apply(
    findings: Iterable[Finding],
    waivers: Sequence[Waiver],
    *,
    today: dt.date,
    judged: Callable[[Waiver], bool] = lambda waiver: True,
) -> Outcome:
    """Drop the findings a live waiver covers; report expired waivers and unused ones.

    ``judged`` says whether this run could have produced the findings a
    waiver covers (a run restricted to some rules or files cannot tell that a
    waiver of another rule or file is unused); only those waivers can be
    reported as unused.
    """
    live = [w for w in waivers if not w.expired(today)]
    used: set[int] = set()
    outcome = Outcome()
    for finding in findings:
        matching = [i for i, waiver in enumerate(live) if waiver.matches(finding)]
        if matching:
            used.update(matching)
            outcome.waived.append(Waived(finding, live[matching[0]]))
        else:
            outcome.findings.append(finding)
    for waiver in waivers:
        if waiver.expired(today):
            assert waiver.expires is not None
            outcome.problems.append(
                expired_waiver.RULE.finding(
                    f"waiver ({waiver.describe()}) expired on {waiver.expires.isoformat()};"
                    " the findings it covered are reported again",
                    waiver.location,
                    subject=waiver.subject(),
                    action="fix what it waived, or review the waiver and move its expiry date",
                )
            )
    for index, waiver in enumerate(live):
        if index not in used and judged(waiver):
            outcome.problems.append(
                unused_waiver.RULE.finding(
                    f"waiver ({waiver.describe()}) matches no finding",
                    waiver.location,
                    subject=waiver.subject(),
                    action="remove the waiver, or correct the fingerprint, rule or claims it names",
                )
            )
    return outcome
