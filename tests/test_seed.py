"""The seed repository: the worked example of DESIGN.md, checked end to end against a golden file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker import cli
from checker.findings import Finding, Severity
from tests.conftest import REPO, check_project
from tests.golden import assert_golden

GOLDEN = Path(__file__).parent / "golden" / "seed-check.txt"


def test_seed_check_output_matches_golden(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    code = cli.main(["check", "claims/"])
    out = capsys.readouterr().out
    assert_golden(GOLDEN, out)
    assert code == 0  # warnings and notes only: nothing here is a proven contradiction


@pytest.fixture(scope="module")
def findings() -> list[Finding]:
    return check_project(REPO).findings


def _with(findings: list[Finding], code: str, *words: str) -> list[Finding]:
    return [f for f in findings if f.code == code and all(w in f.message for w in words)]


def test_name_variant_until_judged(findings: list[Finding]) -> None:
    [variant] = _with(findings, "N001", "Kunbolat", "Kunbolatuly")
    assert variant.severity is Severity.WARNING
    assert "suffix -uly dropped" in variant.message
    assert len(variant.quotes) == 2


def test_ten_versus_fifteen_days_is_a_possibly_different_events_warning(findings: list[Finding]) -> None:
    [conflict] = _with(findings, "V001", "15 days", "10 days")
    assert conflict.severity is Severity.WARNING
    assert "may describe different events" in conflict.message
    assert "charge" in conflict.message and "date" in conflict.message
    assert {q.source_id for q in conflict.quotes} == {"rferl-kunbolat-15-days", "rferl-kunbolatuly-10-days"}


def test_caption_date_against_a_day_earlier(findings: list[Finding]) -> None:
    [note] = _with(findings, "D001", "2021-02-01", "2021-02-09")
    assert note.severity is Severity.WARNING


def test_two_million_agreement_is_not_independent(findings: list[Finding]) -> None:
    [agreement] = _with(findings, "C002", "2,000,000", "RFE/RL")
    assert agreement.severity is Severity.INFO
    assert "not independent" in agreement.message


def test_nine_others_versus_around_thirty_is_no_conflict(findings: list[Finding]) -> None:
    assert not [f for f in findings if f.code.startswith(("V", "D")) and "protest size" in f.message]


def test_no_errors(findings: list[Finding]) -> None:
    assert [f for f in findings if f.severity is Severity.ERROR] == []


def test_recorded_judgement_settles_the_variant(tmp_path: Path) -> None:
    """After an editor records same-as, the variant finding goes; the sentences stay a warning."""
    for part in ("claims", "sources"):
        shutil.copytree(REPO / part, tmp_path / part)
    (tmp_path / "checker.yaml").write_text("# seed copy\n", encoding="utf-8")
    entities = tmp_path / "claims" / "entities.yaml"
    text = entities.read_text(encoding="utf-8").replace(
        "judgements: []",
        "judgements:\n  - relation: same-as\n    entities: [baibolat-kunbolatuly, baibolat-kunbolat]\n"
        "    reason: Kazakh patronymic suffix -uly dropped by the second article\n",
    )
    assert "same-as" in text
    entities.write_text(text, encoding="utf-8")
    found = check_project(tmp_path).findings
    assert not [f for f in found if f.code == "N001"]
    [conflict] = _with(found, "V001", "15 days", "10 days")
    assert conflict.severity is Severity.WARNING
    assert "are the same" not in conflict.message  # the identity is now certain


def test_fail_on_follows_the_flag(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    assert cli.main(["check", "claims/", "--fail-on", "warning"]) == 1
    assert cli.main(["check", "claims/", "--fail-on", "info"]) == 1
    assert cli.main(["check", "claims/", "--fail-on", "error"]) == 0
    capsys.readouterr()
