"""Did-you-mean hints for unknown keys, ids and names."""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz, process, utils


def closest(word: str, choices: Iterable[str], limit: int = 3, cutoff: float = 70.0) -> list[str]:
    """The choices most like ``word``, best first (ties broken alphabetically)."""
    options = sorted(set(choices))
    if not options:
        return []
    scored = process.extract(
        word, options, scorer=fuzz.WRatio, processor=utils.default_process, limit=None, score_cutoff=cutoff
    )
    ranked = sorted(scored, key=lambda hit: (-hit[1], hit[0]))
    return [hit[0] for hit in ranked[:limit]]


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint such as `` (did you mean 'quote'?)``, or an empty string."""
    best = closest(word, choices, limit=1)
    return f" (did you mean {best[0]!r}?)" if best else ""
