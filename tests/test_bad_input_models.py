"""Values the schema patterns admit but arithmetic cannot take: located findings, never a crash.

Year 0 in a partial date, offsets that leave the calendar, amounts near the
float limit and contradictory judgements each become a finding at the
offending node; `checker validate` never passes a file that `checker check`
cannot take.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.cli import main
from checker.findings import Finding
from tests.conftest import check_project, write_project

SHA = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
PROPERTIES = """\
properties:
  - {id: jail-sentence, label: jail sentence, kind: quantity, dimension: duration}
  - {id: protest-size, label: protest size, kind: quantity, dimension: count}
  - {id: picketed, label: picketed, kind: entity, single_valued: false}
  - {id: born, label: date of birth, kind: date}
"""
ENTITIES = """\
entities:
  - {id: kunbolatuly, name: Baibolat Kunbolatuly, type: person}
  - {id: kunbolat, name: Baibolat Kunbolat, type: person}
  - {id: consulate, name: Chinese Consulate in Almaty, type: place}
"""


def source(published: str = "2021-02-10") -> str:
    return (
        f'source: {{id: one, title: One, outlet: Example News, published: "{published}", language: en,\n'
        f"         text: sources/one.txt, sha256: {SHA}}}\n"
        "claims:\n"
    )


def claim(claim_id: str, extra: str, value: str = "{entity: Chinese Consulate in Almaty}") -> str:
    """One claim (block style, one key a line); ``extra`` holds further key lines."""
    return (
        f"  - id: {claim_id}\n"
        "    subject: Baibolat Kunbolatuly\n"
        "    property: picketed\n"
        f"    value: {value}\n"
        f"{extra}"
        '    quote: "q"\n'
    )


def project_with(root: Path, claims: str, entities: str = ENTITIES) -> Path:
    return write_project(
        root,
        [
            ("claims/properties.yaml", PROPERTIES),
            ("claims/entities.yaml", entities),
            ("claims/one.yaml", claims),
            ("sources/one.txt", ""),
        ],
    )


def findings_of(root: Path, code: str) -> list[Finding]:
    return [f for f in check_project(root).findings if f.code == code]


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def assert_validate_and_check_agree(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Neither command has an internal error, and validate fails the file check reports on."""
    code, out, err = run_cli(["validate", str(root / "claims")], capsys)
    assert code == 1 and "internal error" not in err and "Traceback" not in err, (out, err)
    code, out, err = run_cli(["check", str(root / "claims")], capsys)
    assert code == 1 and "internal error" not in err and "Traceback" not in err, (out, err)


# -- 1. year 0 -----------------------------------------------------------------------------

YEAR_ZERO = [
    pytest.param(source("0000-01") + claim("c", ""), (1, 64), id="published"),
    pytest.param(source() + claim("c", '    date: "0000"\n'), (8, 11), id="claim-date"),
    pytest.param(source() + claim("c", '    as_of: "0000-12-31"\n'), (8, 12), id="as-of"),
    pytest.param(
        source() + claim("c", "    date: {weekday: tuesday, date: '0000-01-04'}\n"),
        (8, 36),
        id="weekday-date",
    ),
    pytest.param(source() + claim("c", "    date: {from: '0000-01', to: '2021'}\n"), (8, 18), id="span-from"),
    pytest.param(source() + claim("c", "    date: {from: '2021', to: '0000'}\n"), (8, 30), id="span-to"),
    pytest.param(
        source() + claim("c", "", value="{date: '0000-02-29'}").replace("picketed", "born"),
        (7, 19),
        id="date-value",
    ),
]


@pytest.mark.parametrize(("claims", "where"), YEAR_ZERO)
def test_year_zero_is_a_located_model_finding(
    tmp_path: Path, claims: str, where: tuple[int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    root = project_with(tmp_path / "repo", claims)
    found = findings_of(root, "S002")
    assert len(found) == 1, found
    assert (found[0].location.line, found[0].location.column) == where
    assert "year 0" in found[0].message
    assert_validate_and_check_agree(root, capsys)


@pytest.mark.parametrize("field", ["event", "judgement"])
def test_year_zero_in_the_catalogue(tmp_path: Path, field: str) -> None:
    entities = ENTITIES + (
        "events:\n  - {id: rally, name: Rally, date: '0000'}\n"
        if field == "event"
        else "judgements:\n"
        "  - {relation: distinct-from, entities: [kunbolatuly, kunbolat], reason: r, date: '0000'}\n"
    )
    root = project_with(tmp_path / "repo", source() + claim("c", ""), entities)
    found = findings_of(root, "S002")
    assert len(found) == 1 and "year 0" in found[0].message, found
    assert found[0].location.path == "claims/entities.yaml"
