"""Values the schema patterns admit but arithmetic cannot take: located findings, never a crash.

Year 0 in a partial date, offsets that leave the calendar, amounts near the
float limit and contradictory judgements each become a finding at the
offending node; `checker validate` never passes a file that `checker check`
cannot take.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from checker import units
from checker.cli import main
from checker.findings import Finding
from checker.intervals import (
    FIRST_DAY,
    LAST_DAY,
    Interval,
    describe_dates,
    partial_date_interval,
    quantity_interval,
    shift_dates,
)
from checker.models import QuantityValue, RelativeDate, Vague, Weekday, WeekdayDate
from checker.resolve import on_weekday
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


# -- 2. offsets that leave the calendar ----------------------------------------------------


def assert_check_reports_without_crash(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("validate", "check"):
        code, out, err = run_cli([command, str(root / "claims")], capsys)
        assert code in (0, 1) and "internal error" not in err and "Traceback" not in err, (out, err)
    assert code == 1, out


@pytest.mark.parametrize("offset", ["+99999999999 days", "-123456 years", "+000001 day"])
def test_an_absurd_offset_is_a_located_schema_finding(
    tmp_path: Path, offset: str, capsys: pytest.CaptureFixture[str]
) -> None:
    claims = source() + claim("c", f"    date: {{relative_to: published, offset: {offset}}}\n")
    root = project_with(tmp_path / "repo", claims)
    found = findings_of(root, "S001")
    assert len(found) == 1, found
    assert (found[0].location.line, found[0].location.column) == (8, 44)
    assert "five digits" in found[0].message
    assert_validate_and_check_agree(root, capsys)


OUTSIDE = [
    pytest.param(
        source(),
        "    date: {relative_to: published, offset: +8000 years}\n",
        (8, 44),
        "date: '+8000 years' from 2021-02-10",
        id="plus-8000-years",
    ),
    pytest.param(
        source(),
        "    date: {relative_to: published, offset: -99999 months}\n",
        (8, 44),
        "date: '-99999 months' from 2021-02-10",
        id="minus-99999-months",
    ),
    pytest.param(
        source("9000-01-01"),
        "    date: {relative_to: published, offset: +99999 weeks}\n",
        (8, 44),
        "date: '+99999 weeks' from 9000-01-01",
        id="plus-99999-weeks",
    ),
    pytest.param(
        source("9999-12-31"),
        "    as_of: {relative_to: published, offset: +1 day}\n",
        (8, 45),
        "as_of: '+1 day' from 9999-12-31",
        id="day-after-the-last",
    ),
    pytest.param(
        source("0001-01-01"),
        "    date: {relative_to: published, offset: -1 day}\n",
        (8, 44),
        "date: '-1 day' from 0001-01-01",
        id="day-before-the-first",
    ),
    pytest.param(
        source("9999-12"),
        "    date: {relative_to: published, offset: +1 month}\n",
        (8, 44),
        "date: '+1 month' from 9999-12",
        id="month-after-the-last",
    ),
    pytest.param(
        source("0001-01-01"),  # a Monday
        "    date: {weekday: sunday}\n",
        (8, 21),
        "date: the sunday on or before 0001-01-01",
        id="weekday-before-the-first",
    ),
    pytest.param(
        source("9999-12-31"),  # a Friday
        "    date: {weekday: monday, direction: after}\n",
        (8, 21),
        "date: the monday on or after 9999-12-31",
        id="weekday-after-the-last",
    ),
]


@pytest.mark.parametrize(("head", "date", "where", "message"), OUTSIDE)
def test_a_date_outside_the_calendar_is_a_bad_date_reference(
    tmp_path: Path,
    head: str,
    date: str,
    where: tuple[int, int],
    message: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = project_with(tmp_path / "repo", head + claim("c", date))
    found = findings_of(root, "R007")
    assert [f.message for f in found] == [f"{message} leads outside the calendar (0001-01-01 to 9999-12-31)"]
    assert (found[0].location.line, found[0].location.column) == where
    assert_check_reports_without_crash(root, capsys)


def test_a_chain_leaving_the_calendar_is_reported_once_where_it_leaves(tmp_path: Path) -> None:
    claims = (
        source()
        + claim("a", "    date: {relative_to: published, offset: +8000 years}\n")
        + claim("b", "    date: {relative_to: a, offset: -1 day}\n")
        + claim("c", "    date: {weekday: friday, relative_to: b}\n")
    )
    found = findings_of(project_with(tmp_path / "repo", claims), "R007")
    assert [(f.location.line, f.message.split(":")[0]) for f in found] == [(8, "date")]


def test_a_date_value_outside_the_calendar(tmp_path: Path) -> None:
    claims = source() + claim(
        "c", "", value="{date: {relative_to: published, offset: +99999 years}}"
    ).replace("picketed", "born")
    found = findings_of(project_with(tmp_path / "repo", claims), "R007")
    assert [(f.location.line, f.location.column) for f in found] == [(7, 52)]
    assert found[0].message.startswith("value.date: '+99999 years' from 2021-02-10 leads outside")


def test_a_relative_date_value_to_an_unknown_claim_is_reported(tmp_path: Path) -> None:
    claims = source() + claim("c", "", value="{date: {relative_to: sentense, offset: -1 day}}").replace(
        "picketed", "born"
    )
    found = findings_of(project_with(tmp_path / "repo", claims), "R007")
    assert [f.message for f in found] == ["value.date is relative to unknown claim 'sentense'"]


def test_date_arithmetic_never_raises() -> None:
    first, last = Interval(FIRST_DAY, FIRST_DAY), Interval(LAST_DAY, LAST_DAY)
    assert shift_dates(first, RelativeDate(relative_to="published", offset="-1 day")) is None
    assert shift_dates(last, RelativeDate(relative_to="published", offset="+1 week")) is None
    assert shift_dates(last, RelativeDate(relative_to="published", offset="+1 year")) is None
    assert shift_dates(first, RelativeDate(relative_to="published", offset="-1 month")) is None
    assert shift_dates(Interval(0, 0), RelativeDate(relative_to="published", offset="+1 month")) is None
    assert partial_date_interval("0000") is None
    assert partial_date_interval("2021-02-30") is None
    assert on_weekday(first, WeekdayDate(weekday=Weekday.SUNDAY)) is None
    assert describe_dates(Interval(-5, 3)) == "a date outside the calendar"
    assert describe_dates(Interval(LAST_DAY - 30, LAST_DAY)) == "9999-12"
    assert describe_dates(Interval(LAST_DAY - 364, LAST_DAY)) == "9999"


# -- 3. amounts near the float limit -------------------------------------------------------

HUGE = [
    pytest.param("{amount: 1.0e+308, unit: day}", (7, 21), "at most", id="amount"),
    pytest.param("{amount: -1.7e+308, unit: person}", (7, 21), "at least", id="negative-amount"),
    pytest.param("{min: 1, max: 1.0e+308, unit: day}", (7, 26), "at most", id="max"),
    pytest.param("{min: -1.0e+16, unit: day}", (7, 18), "at least", id="min"),
    pytest.param("{amount: 1.0e+308, unit: day, approx: about}", (7, 21), "at most", id="about"),
]


@pytest.mark.parametrize(("value", "where", "side"), HUGE)
def test_an_amount_past_a_quadrillion_is_a_located_schema_finding(
    tmp_path: Path, value: str, where: tuple[int, int], side: str, capsys: pytest.CaptureFixture[str]
) -> None:
    claims = source() + claim("c", "", value=value).replace("picketed", "jail-sentence")
    root = project_with(tmp_path / "repo", claims)
    found = findings_of(root, "S001")
    assert len(found) == 1, found
    assert (found[0].location.line, found[0].location.column) == where
    assert f"out of range; it must be {side} " in found[0].message
    assert_validate_and_check_agree(root, capsys)


def test_a_quadrillion_is_still_accepted(tmp_path: Path) -> None:
    claims = (
        source()
        + claim("a", "", value="{amount: 1.0e+15, unit: day}")
        + claim("b", "", value="{amount: 5, unit: day}")
    ).replace("picketed", "jail-sentence")
    result = check_project(project_with(tmp_path / "repo", claims))
    assert [f for f in result.findings if f.code.startswith("S")] == []
    assert any(f.code == "V001" for f in result.findings)  # far apart, and still compared


def test_scaling_that_overflows_is_no_interval() -> None:
    assert Interval(1e15, 1e15).scale(1e300) is None
    assert Interval(-1e15, 0).scale(1e300) is None
    assert Interval(1, math.inf).scale(2) == Interval(2, math.inf)
    assert Interval(1, 2).scale(math.inf) is None and Interval(1, 2).scale(0) is None
    huge_unit = units.Unit("eon", "duration", 1e300)
    assert quantity_interval(QuantityValue(amount=1e15, unit="eon"), huge_unit) is None
    assert quantity_interval(QuantityValue(vague=Vague.MILLIONS, unit="eon"), huge_unit) is None
    assert quantity_interval(QuantityValue(amount=1e15, unit="day")) == Interval(
        1e15 - 0.5, 1e15 + 0.5, hi_open=True
    )


def test_a_huge_unit_factor_does_not_make_values_agree(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    properties = PROPERTIES + "units:\n  - {name: eon, dimension: duration, factor: 1.0e+300}\n"
    claims = (
        source()
        + claim("a", "", value="{amount: 1.0e+15, unit: eon}")
        + claim("b", "", value="{amount: 9.0e+14, unit: eon}")
    ).replace("picketed", "jail-sentence")
    root = project_with(tmp_path / "repo", claims)
    (root / "claims" / "properties.yaml").write_text(properties, encoding="utf-8")
    result = check_project(root)
    assert [f.code for f in result.findings if f.code in {"V001", "S001", "S002"}] == []
    code, out, err = run_cli(["check", str(root / "claims")], capsys)
    assert code in (0, 1) and "internal error" not in err and "Traceback" not in err, (out, err)


# -- 4. contradictory judgements -----------------------------------------------------------

SAME = "  - {relation: same-as, entities: [kunbolatuly, kunbolat], reason: a misspelling}\n"
DISTINCT = "  - {relation: distinct-from, entities: [kunbolat, kunbolatuly], reason: cousins}\n"
TWO = (
    "source: {id: two, title: Two, outlet: Other Daily, published: '2021-06-24', language: en,\n"
    f"         text: sources/two.txt, sha256: {SHA}}}\n"
    "claims:\n"
    "  - {id: s, subject: Baibolat Kunbolat, property: jail-sentence,\n"
    "     value: {amount: 15, unit: day}, quote: q}\n"
)


def judged_project(root: Path, *judgements: str) -> Path:
    one = source() + claim("s", "", value="{amount: 10, unit: day}").replace("picketed", "jail-sentence")
    entities = ENTITIES + ("judgements:\n" + "".join(judgements) if judgements else "")
    root = project_with(root, one, entities)
    (root / "claims" / "two.yaml").write_text(TWO, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("judgements", "where", "message"),
    [
        pytest.param(
            (SAME, DISTINCT),
            (7, 16),
            "judgement distinct-from kunbolat, kunbolatuly contradicts the same-as judgement at line 6",
            id="same-then-distinct",
        ),
        pytest.param(
            (DISTINCT, SAME),
            (7, 16),
            "judgement same-as kunbolat, kunbolatuly contradicts the distinct-from judgement at line 6",
            id="distinct-then-same",
        ),
    ],
)
def test_contradictory_judgements_are_reported_at_the_second(
    tmp_path: Path, judgements: tuple[str, ...], where: tuple[int, int], message: str
) -> None:
    found = findings_of(judged_project(tmp_path / "repo", *judgements), "R012")
    assert [f.message for f in found] == [message + "; neither is followed"]
    assert (found[0].location.line, found[0].location.column) == where
    assert [(r.line, r.column) for r in found[0].related] == [(6, 16)]


def test_each_judgement_against_the_first_is_reported_once(tmp_path: Path) -> None:
    found = findings_of(judged_project(tmp_path / "repo", SAME, DISTINCT, SAME, DISTINCT), "R012")
    assert [f.location.line for f in found] == [7, 9]
    assert len({f.fingerprint for f in found}) == 2


def test_agreeing_judgements_are_not_contradictory(tmp_path: Path) -> None:
    assert findings_of(judged_project(tmp_path / "repo", SAME, SAME), "R012") == []


@pytest.mark.parametrize(
    ("judgements", "variant", "conflict"),
    [
        pytest.param((), "warning", "warning", id="unjudged"),
        pytest.param((SAME,), None, "error", id="same-as"),
        pytest.param((DISTINCT,), None, None, id="distinct-from"),
        pytest.param((SAME, DISTINCT), "warning", "warning", id="contradictory-is-unjudged"),
        pytest.param((DISTINCT, SAME), "warning", "warning", id="contradictory-either-order"),
    ],
)
def test_a_contradicted_pair_stays_unjudged(
    tmp_path: Path, judgements: tuple[str, ...], variant: str | None, conflict: str | None
) -> None:
    findings = check_project(judged_project(tmp_path / "repo", *judgements)).findings
    severities = {f.code: str(f.severity) for f in findings if f.code in {"N001", "V001"}}
    assert severities.get("N001") == variant
    assert severities.get("V001") == conflict
