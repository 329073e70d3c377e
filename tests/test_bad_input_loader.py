"""Regression cases from the bad-input survey: files that are not files, and line ends of every kind."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from checker.loader import LoadFailed, load_bytes, load_file
from checker.text.normalise import line_column
from tests.conftest import check_project, write_project

CLAIMS = (
    "source: {id: s, title: T, outlet: O, published: '2021-02-10', language: en, text: sources/s.txt,"
    " sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}\n"
)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_a_named_pipe_is_reported_not_waited_for(tmp_path: Path) -> None:
    root = write_project(tmp_path / "repo", [("claims/good.yaml", CLAIMS)])
    os.mkfifo(root / "claims" / "x.yaml")
    finished: list[list[str]] = []
    worker = threading.Thread(
        target=lambda: finished.append([f"{f.location} {f.code}" for f in check_project(root).findings]),
        daemon=True,
    )
    worker.start()
    worker.join(timeout=30)
    assert finished, "the check blocked on a named pipe"
    assert "claims/x.yaml:1:1 L001" in finished[0]


def test_a_folder_named_like_a_claim_file_is_not_opened(tmp_path: Path) -> None:
    (tmp_path / "odd.yaml").mkdir()
    with pytest.raises(LoadFailed) as failed:
        load_file(tmp_path / "odd.yaml")
    assert [p.code for p in failed.value.problems] == ["L001"]


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [
        ("a\nb\nc", 4, (3, 1)),
        ("a\r\nb\r\nc", 6, (3, 1)),
        ("a\rb\rc", 4, (3, 1)),
        ("a\r\n\rb", 4, (3, 1)),  # CRLF then a lone CR: two line ends
        ("abc", 2, (1, 3)),
    ],
)
def test_line_column_counts_every_line_end_convention(
    text: str, offset: int, expected: tuple[int, int]
) -> None:
    assert line_column(text, offset) == expected


@pytest.mark.parametrize("newline", [b"\n", b"\r\n", b"\r"])
def test_invalid_utf8_is_located_on_its_line_whatever_the_line_ends(newline: bytes) -> None:
    raw = newline.join([b"a: 1", b"b: 2", b"c: \xff"]) + newline
    with pytest.raises(LoadFailed) as failed:
        load_bytes(raw)
    problem = failed.value.problems[0]
    assert (problem.code, problem.mark.line, problem.mark.column) == ("L002", 3, 4)
