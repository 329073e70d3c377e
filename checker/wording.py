"""Words that agree with a count: "1 file", "2 files", "3 entities", "4 info".

Reporters and rules both write counts into messages; one helper keeps the
wording the same everywhere. It lives outside :mod:`checker.reporters` and
:mod:`checker.rules` so that either may import it without importing the other.
"""

from __future__ import annotations

#: Plurals that are not the word plus "s"; "info" (a severity) does not change.
_IRREGULAR = {"entity": "entities", "info": "info"}


def plural(word: str, n: int) -> str:
    """``word`` as it goes with the count ``n``: ``file`` for 1, ``files`` for any other."""
    return word if n == 1 else _IRREGULAR.get(word, word + "s")
