"""Each stored article read once per run, and nothing outside the repository (checker.text.sources)."""

from __future__ import annotations

from pathlib import Path

from checker.text.sources import SourceTexts


def test_source_texts_reads_each_text_once(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    stored = tmp_path / "sources" / "a.txt"
    stored.write_bytes(b"caf\xc3\xa9 \xff bad byte")
    texts = SourceTexts(tmp_path)
    first = texts.text("sources/a.txt")
    assert first is not None
    assert first.original == "caf\u00e9 \ufffd bad byte"
    stored.write_text("changed", encoding="utf-8")
    assert texts.text("sources/a.txt") is first
    assert texts.data("sources/a.txt") == b"caf\xc3\xa9 \xff bad byte"


def test_source_texts_outside_or_missing_read_as_none(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    (root / "sources").mkdir(parents=True)
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    (root / "sources" / "link.txt").symlink_to(tmp_path / "secret.txt")
    texts = SourceTexts(root)
    assert texts.data("../secret.txt") is None
    assert texts.data("sources/link.txt") is None
    assert texts.data("sources/missing.txt") is None
    assert texts.data("sources") is None  # a directory
    assert texts.text("sources/missing.txt") is None
