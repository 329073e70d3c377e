"""The progress line: on a terminal only, throttled, and erased at the end."""

from __future__ import annotations

import io
import time

import pytest

from checker.engine import run
from checker.progress import TerminalProgress, for_stream
from checker.project import find_project
from tests.conftest import REPO


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_only_a_terminal_outside_ci_gets_a_progress_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert isinstance(for_stream(Terminal()), TerminalProgress)
    assert for_stream(io.StringIO()) is None  # a pipe or a file: logs never carry it
    monkeypatch.setenv("CI", "true")
    assert for_stream(Terminal()) is None
    monkeypatch.delenv("CI")
    monkeypatch.setenv("TERM", "dumb")
    assert for_stream(Terminal()) is None


def test_line_is_throttled_and_erased(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = iter([0.0, 0.5, 2.0, 2.01, 2.5, 2.5])
    monkeypatch.setattr(time, "monotonic", lambda: next(clock))
    stream = Terminal()
    line = TerminalProgress(stream)  # started at 0.0
    line("loading", 1, 4)  # 0.5: too early to bother anyone
    assert stream.getvalue() == ""
    line("loading", 2, 4)  # 2.0: drawn
    line("loading", 3, 4)  # 2.01: throttled
    line("loading", 4, 4)  # 2.5: drawn
    assert stream.getvalue() == "\rloading: 2/4 (50%)\rloading: 4/4 (100%)"
    line.close()
    assert stream.getvalue().endswith("\r" + " " * len("loading: 4/4 (100%)") + "\r")


def test_engine_reports_each_stage() -> None:
    seen: list[tuple[str, int, int]] = []
    run([REPO / "claims"], find_project([REPO / "claims"]), progress=lambda *step: seen.append(step))
    stages = {stage for stage, _, _ in seen}
    assert stages == {"loading claim files", "comparing claims"}
    assert all(1 <= done <= total for _, done, total in seen)
    assert [s for s in seen if s[0] == "loading claim files"][-1][1:] == (2, 2)
