"""Words that agree with a count (checker.wording)."""

from __future__ import annotations

import pytest

from checker.wording import plural


@pytest.mark.parametrize(
    ("word", "n", "expected"),
    [
        ("file", 1, "file"),
        ("file", 0, "files"),
        ("file", 2, "files"),
        ("error", 3, "errors"),
        ("info", 2, "info"),  # a severity: "2 info"
        ("entity", 1, "entity"),
        ("entity", 5, "entities"),
    ],
)
def test_plural(word: str, n: int, expected: str) -> None:
    assert plural(word, n) == expected
