"""The console script: an unchanged run answered from its record, anything else by the command line.

The quick path (checker/replay.py) imports none of the checker's models,
rules or reporters, which take most of a second to import; the command line
(checker/cli.py) is imported only when a run has to be made.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from checker import replay


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script and of ``python -m checker``."""
    given = list(sys.argv[1:] if argv is None else argv)
    try:
        found = replay.answer(given)
    except Exception:  # the quick path must never fail a run: the full run decides
        found = None
    if found is None:
        from checker import cli  # noqa: PLC0415 - imported only when a run has to be made

        return cli.main(given)
    try:
        sys.stdout.write(found.out)
        sys.stdout.flush()
        sys.stderr.write(found.err)
    except BrokenPipeError:  # `checker check | head`: the reader left; say nothing more
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115, PTH123 - silence the flush at exit
        return 2  # the command line's EXIT_ERROR
    return found.code
