"""Today's date, as every part of a run sees it.

Waivers expire on a date and a cached run's outcome is valid for one day, so
both must agree on what today is; ``SOURCE_DATE_EPOCH`` fixes it for
reproducible runs and tests. A module of its own: the quick path of an
unchanged run (checker/replay.py) needs it without importing the rules.
"""

from __future__ import annotations

import datetime as dt
import os

from checker.project import UsageError


def today() -> dt.date:
    """Today's date (UTC), or the day of ``SOURCE_DATE_EPOCH`` when it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return dt.datetime.now(dt.UTC).date()
    try:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    except (ValueError, OverflowError, OSError):
        raise UsageError(f"SOURCE_DATE_EPOCH={epoch!r} is not a whole number of seconds") from None
