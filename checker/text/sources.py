"""The stored article texts of a run, each read and normalised once.

Several rules and the report builder all need the same articles; reading
and normalising each once per run keeps the cost of a check proportional
to the size of the corpus, not to the number of quotes.
"""

from __future__ import annotations

from pathlib import Path

from checker.text.normalise import Normalised


class SourceTexts:
    """The stored article texts of one run, each read once.

    A path that is missing, unreadable or outside the repository reads as
    None (rule R010 missing-source-text reports those).
    """

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._data: dict[str, bytes | None] = {}
        self._texts: dict[str, Normalised | None] = {}

    @property
    def read(self) -> list[str]:
        """Every path asked for so far, as written (read or not)."""
        return sorted(self._data)

    def data(self, written: str) -> bytes | None:
        """The bytes of the text stored at ``written`` (relative to the root)."""
        if written not in self._data:
            self._data[written] = self._read(written)
        return self._data[written]

    def text(self, written: str) -> Normalised | None:
        """The text stored at ``written``, decoded as UTF-8 (bad bytes replaced) and normalised."""
        if written not in self._texts:
            data = self.data(written)
            self._texts[written] = None if data is None else Normalised.of(data.decode("utf-8", "replace"))
        return self._texts[written]

    def _read(self, written: str) -> bytes | None:
        try:
            target = (self.root / written).resolve()
            if not target.is_relative_to(self.root) or not target.is_file():
                return None
            return target.read_bytes()
        except (OSError, ValueError):
            return None
