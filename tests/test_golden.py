"""The golden-file helper compares, rewrites only when asked, and never rewrites under CI."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.golden import assert_golden


@pytest.fixture
def golden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("UPDATE_GOLDEN", raising=False)
    monkeypatch.delenv("CI", raising=False)
    path = tmp_path / "expected.txt"
    path.write_text("old\n", encoding="utf-8")
    return path


def test_compares_by_default(golden: Path) -> None:
    assert_golden(golden, "old\n")
    with pytest.raises(AssertionError):
        assert_golden(golden, "new\n")
    assert golden.read_text(encoding="utf-8") == "old\n"


def test_rewrites_when_asked(golden: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UPDATE_GOLDEN", "1")
    assert_golden(golden, "new\n")
    assert golden.read_bytes() == b"new\n"


def test_never_rewrites_under_ci(golden: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UPDATE_GOLDEN", "1")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="under CI"):
        assert_golden(golden, "old\n")
    assert golden.read_text(encoding="utf-8") == "old\n"


def test_a_missing_golden_file_fails(golden: Path) -> None:
    with pytest.raises(pytest.fail.Exception, match="missing"):
        assert_golden(golden.with_name("absent.txt"), "x\n")
    assert not golden.with_name("absent.txt").exists()
