"""A run pauses the cycle collector (a quarter of the CPU at archive scale) and gives it back."""

from __future__ import annotations

import gc

import pytest

from checker.engine import run
from checker.project import find_project
from tests.conftest import REPO


def _check() -> list[str]:
    return [f.fingerprint for f in run([REPO / "claims"], find_project([REPO / "claims"])).findings]


def test_collector_is_paused_during_a_run_and_restored(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    real = gc.disable

    def disable() -> None:
        real()
        seen.append(gc.isenabled())

    monkeypatch.setattr(gc, "disable", disable)
    assert gc.isenabled()
    findings = _check()
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        assert _check() == findings  # the same findings either way
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.enable()
