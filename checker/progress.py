"""A progress line for long runs, on a terminal only.

A check of a large archive takes seconds to minutes; a person at a terminal
should see that it is moving. Nothing is printed when standard error is not
a terminal, in CI (``CI`` set) or on a dumb terminal, so logs and machine
formats never carry it. The line is redrawn at most ten times a second and
erased when the run ends.
"""

from __future__ import annotations

import os
import time
from typing import Protocol, TextIO

#: Runs shorter than this print no progress at all.
_QUIET_FOR = 1.0
_EVERY = 0.1


class Progress(Protocol):
    """Told how far a stage has come: ``done`` of ``total`` steps."""

    def __call__(self, stage: str, done: int, total: int) -> None: ...


class TerminalProgress:
    """Redraws one line on a terminal stream (see the module docstring)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.started = time.monotonic()
        self.drawn = 0.0
        self.width = 0

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.started < _QUIET_FOR or (now - self.drawn < _EVERY and done < total):
            return
        self.drawn = now
        share = done / total if total else 1.0
        line = f"{stage}: {done:,}/{total:,} ({share:.0%})"
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.width = len(line)

    def close(self) -> None:
        """Erase the line, if one was drawn."""
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0


def for_stream(stream: TextIO) -> TerminalProgress | None:
    """A progress line on ``stream`` when a person is watching it, else None."""
    if os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return None
    try:
        return TerminalProgress(stream) if stream.isatty() else None
    except (AttributeError, ValueError):  # a closed or odd stream
        return None
