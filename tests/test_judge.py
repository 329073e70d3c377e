"""``checker judge`` and ``checker waive``: the diff is the judgement or waiver, and nothing else."""

from __future__ import annotations

import difflib
import os
from pathlib import Path
from typing import Any

import pytest

from checker import engine, lookup, yamlwrite
from checker.cache import Cache
from checker.cli import main
from tests.conftest import check_project, example_copy, write_project

REASON = "Same man: same pickets, same mother; the June article drops the patronymic suffix -uly"
PAIR = ("baibolat-kunbolatuly", "baibolat-kunbolat")


def _run(root: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    cwd = Path.cwd()
    os.chdir(root)
    try:
        code = main(list(args))
    finally:
        os.chdir(cwd)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _diff(before: str, after: str) -> list[str]:
    """The changed lines, as a unified diff marks them (no context)."""
    lines = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in lines if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def _n001(root: Path) -> list[str]:
    result = check_project(root)
    return [f.message for f in result.findings if f.code == "N001" and "Kunbolat" in f.message]


def test_same_as_silences_the_kunbolatuly_variant(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The issue's bar: on a copy of the example repository, one command and the N001 is gone."""
    root = example_copy(tmp_path)
    entities = root / "claims/entities.yaml"
    before = entities.read_text(encoding="utf-8")
    assert _n001(root)
    code, out, err = _run(
        root,
        "judge",
        "same-as",
        *PAIR,
        "--reason",
        REASON,
        "--by",
        "Desk",
        "--date",
        "2026-11-30",
        capsys=capsys,
    )
    assert (code, err) == (0, "")
    after = entities.read_text(encoding="utf-8")
    assert out == "claims/entities.yaml:108: recorded baibolat-kunbolatuly same-as baibolat-kunbolat\n"
    assert _diff(before, after) == [
        "-judgements: []",
        "+judgements:",
        "+  - relation: same-as",
        "+    entities: [baibolat-kunbolatuly, baibolat-kunbolat]",
        f"+    reason: '{REASON}'",
        "+    by: Desk",
        '+    date: "2026-11-30"',
    ]
    assert yamlwrite.comments(after) == yamlwrite.comments(before)
    assert len(yamlwrite.comments(before)) > 5
    assert _n001(root) == []
    assert _run(root, "fmt", "--check", capsys=capsys)[0] == 0


def test_names_and_aliases_resolve_and_a_second_judgement_appends(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = example_copy(tmp_path)
    assert _run(root, "judge", "same-as", "Kunbolatuly", "Kunbolat", "--reason", "one", capsys=capsys)[0] == 0
    before = (root / "claims/entities.yaml").read_text(encoding="utf-8")
    code, out, _ = _run(
        root,
        "judge",
        "distinct-from",
        "Tursyn",
        "baimurat",
        "--reason",
        "mother and son",
        "--date",
        "2026-01-02",
        capsys=capsys,
    )
    assert code == 0 and out == "claims/entities.yaml:112: recorded zauatkhan-tursyn distinct-from baimurat\n"
    assert _diff(before, (root / "claims/entities.yaml").read_text(encoding="utf-8")) == [
        "+  - relation: distinct-from",
        "+    entities: [zauatkhan-tursyn, baimurat]",
        "+    reason: mother and son",
        '+    date: "2026-01-02"',
    ]


def test_a_name_in_another_script_resolves(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = example_copy(tmp_path)
    code, out, _ = _run(root, "judge", "distinct-from", "Тоқаев", "Kunbolat", "--reason", "r", capsys=capsys)
    assert (
        code == 0
        and out == "claims/entities.yaml:108: recorded qasym-zhomart-toqaev distinct-from baibolat-kunbolat\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("same-as", "Kunbolatul", "han"),
            "'Kunbolatul' names no entity of claims/entities.yaml; did you mean 'Kunbolatuly'",
        ),
        (
            ("same-as", "Kunbolat", "kunbolat"),
            "'Kunbolat' and 'kunbolat' are the same entity (baibolat-kunbolat)",
        ),
        (("same-as", "Almaty", "Almaty"), "are the same entity"),
    ],
    ids=["unknown", "same-entity", "same-name"],
)
def test_bad_entities_are_usage_errors(
    tmp_path: Path, args: tuple[str, ...], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    root = example_copy(tmp_path)
    before = (root / "claims/entities.yaml").read_bytes()
    code, out, err = _run(root, "judge", *args, "--reason", "r", capsys=capsys)
    assert code == 2 and out == "" and message in err
    assert (root / "claims/entities.yaml").read_bytes() == before


def test_an_ambiguous_name_lists_the_candidates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    entities = (
        "entities:\n"
        "  - {id: a-smith, name: Anna Smith, type: person, aliases: [Smith]}\n"
        "  - {id: b-smith, name: Bob Smith, type: person, aliases: [Smith]}\n"
    )
    root = write_project(tmp_path / "repo", [("claims/entities.yaml", entities)])
    code, _, err = _run(root, "judge", "distinct-from", "Smith", "a-smith", "--reason", "r", capsys=capsys)
    assert code == 2
    assert (
        "'Smith' names 2 entities of claims/entities.yaml: a-smith (Anna Smith), b-smith (Bob Smith)" in err
    )


def test_a_judgement_is_recorded_once_and_never_contradicted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = example_copy(tmp_path)
    assert _run(root, "judge", "same-as", *PAIR, "--reason", "r", capsys=capsys)[0] == 0
    after = (root / "claims/entities.yaml").read_bytes()
    code, _, err = _run(root, "judge", "same-as", *reversed(PAIR), "--reason", "again", capsys=capsys)
    assert (
        code == 2
        and "claims/entities.yaml:108: baibolat-kunbolat same-as baibolat-kunbolatuly is already" in err
    )
    code, _, err = _run(root, "judge", "distinct-from", *PAIR, "--reason", "no", capsys=capsys)
    assert code == 2 and "are already judged same-as" in err
    assert (root / "claims/entities.yaml").read_bytes() == after


def test_the_judgements_key_is_made_when_missing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    entities = (
        "# people\nentities:\n"
        "  - {id: a, name: A, type: person}  # first\n"
        "  - {id: b, name: B, type: person}\n"
    )
    root = write_project(tmp_path / "repo", [("claims/entities.yaml", entities)])
    code, out, _ = _run(
        root, "judge", "distinct-from", "a", "b", "--reason", "r", "--date", "2026-11-30", capsys=capsys
    )
    assert code == 0 and out == "claims/entities.yaml:6: recorded a distinct-from b\n"
    assert (root / "claims/entities.yaml").read_text(encoding="utf-8") == entities + (
        "judgements:\n  - relation: distinct-from\n    entities: [a, b]\n"
        '    reason: r\n    date: "2026-11-30"\n'
    )


def test_a_file_changed_meanwhile_is_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = example_copy(tmp_path)
    entities = root / "claims/entities.yaml"
    real = yamlwrite.verify

    def meanwhile(*args: object, **kwargs: object) -> None:
        real(*args, **kwargs)  # type: ignore[arg-type]
        entities.write_text(entities.read_text(encoding="utf-8") + "# edited meanwhile\n", encoding="utf-8")

    monkeypatch.setattr(yamlwrite, "verify", meanwhile)
    code, _, err = _run(root, "judge", "same-as", *PAIR, "--reason", "r", capsys=capsys)
    assert code == 2
    assert "claims/entities.yaml: changed while it was being rewritten; not written" in err
    assert entities.read_text(encoding="utf-8").endswith("judgements: []\n# edited meanwhile\n")


def test_an_entities_file_that_does_not_load_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_project(tmp_path / "repo", [("claims/entities.yaml", "entities: [\n")])
    code, _, err = _run(root, "judge", "same-as", "a", "b", "--reason", "r", capsys=capsys)
    assert code == 2 and "claims/entities.yaml:2:1:" in err and "Traceback" not in err


# -- different events -------------------------------------------------------------------

SOURCE = (
    'source: {{id: {id}, title: T, outlet: {id} News, published: "2021-02-10", language: en,\n'
    "         text: sources/{id}.txt,\n"
    "         sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}}\n"
)


def _events_project(tmp_path: Path, event_two: str = "") -> Path:
    one = SOURCE.format(id="one") + (
        "claims:\n"
        "  # the February trial\n"
        "  - id: s\n"
        "    subject: Jane Doe\n"
        "    property: jail-sentence\n"
        "    value: {amount: 10, unit: day}\n"
        '    date: "2021-02-10"   # court day\n'
        '    quote: "10 days"\n'
    )
    two = SOURCE.format(id="two") + (
        "claims:\n"
        f"  - {{id: s, subject: Jane Doe, property: jail-sentence,{event_two}"
        " value: {amount: 15, unit: day},"
        ' quote: "15 days"}\n'
    )
    entities = "entities:\n  - {id: jane, name: Jane Doe, type: person}\n# no events yet\n"
    properties = (
        "properties:\n  - {id: jail-sentence, label: jail sentence, kind: quantity, dimension: duration}\n"
    )
    return write_project(
        tmp_path / "repo",
        [
            ("claims/one.yaml", one),
            ("claims/two.yaml", two),
            ("claims/entities.yaml", entities),
            ("claims/properties.yaml", properties),
            ("sources/one.txt", ""),
            ("sources/two.txt", ""),
        ],
    )


def _v001(root: Path) -> list[str]:
    return [f.code for f in check_project(root).findings if f.code == "V001"]


def test_different_events_gives_each_claim_an_event(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _events_project(tmp_path)
    before = {name: (root / "claims" / name).read_text(encoding="utf-8") for name in ("one.yaml", "two.yaml")}
    entities_before = (root / "claims/entities.yaml").read_text(encoding="utf-8")
    assert _v001(root) == ["V001"]
    code, out, err = _run(
        root,
        "judge",
        "different-events",
        "one/s",
        "two/s",
        "--reason",
        "two trials",
        "--date",
        "2026-11-30",
        capsys=capsys,
    )
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "claims/entities.yaml:5: added event one.s, two.s",
        "claims/one.yaml:10: one/s names event one.s",
        "claims/two.yaml:5: two/s names event two.s",
    ]
    assert _diff(entities_before, (root / "claims/entities.yaml").read_text(encoding="utf-8")) == [
        "+events:",
        "+  - id: one.s",
        "+    name: jail-sentence of Jane Doe (one/s)",
        "+    description: 'Not the event of two/s (judged on 2026-11-30): two trials'",
        "+  - id: two.s",
        "+    name: jail-sentence of Jane Doe (two/s)",
        "+    description: 'Not the event of one/s (judged on 2026-11-30): two trials'",
    ]
    assert _diff(before["one.yaml"], (root / "claims/one.yaml").read_text(encoding="utf-8")) == [
        "+    event: one.s"
    ]
    assert _diff(before["two.yaml"], (root / "claims/two.yaml").read_text(encoding="utf-8")) == [
        "-" + before["two.yaml"].splitlines()[-1],
        "+" + before["two.yaml"].splitlines()[-1].replace("day}, quote", "day}, event: two.s, quote"),
    ]
    assert "# no events yet" in (root / "claims/entities.yaml").read_text(encoding="utf-8")
    assert _v001(root) == []
    code, _, err = _run(root, "judge", "different-events", "two/s", "one/s", "--reason", "r", capsys=capsys)
    assert code == 2 and "already name different events (two.s, one.s)" in err


def test_claims_naming_one_event_cannot_be_judged_different(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _events_project(tmp_path, event_two=" event: trial,")
    (root / "claims/one.yaml").write_text(
        (root / "claims/one.yaml")
        .read_text(encoding="utf-8")
        .replace("    date:", "    event: trial\n    date:"),
        encoding="utf-8",
    )
    code, _, err = _run(root, "judge", "different-events", "one/s", "two/s", "--reason", "r", capsys=capsys)
    assert code == 2 and "both name event 'trial'" in err
    code, _, err = _run(root, "judge", "different-events", "one/s", "three/s", "--reason", "r", capsys=capsys)
    assert code == 2 and "no claim three/s in claims/" in err


# -- different events, sides of several claims -----------------------------------------------

THREE = SOURCE.format(id="three") + (
    "claims:\n"
    "  - id: s   # the caption\n"
    "    subject: Jane Doe\n"
    "    property: jail-sentence\n"
    "    value: {amount: 10, unit: day}\n"
    '    date: "2021-02-10"\n'
    '    quote: "ten days"\n'
)


def _three_sources(tmp_path: Path, three: str = THREE) -> Path:
    """Two sources say 10 days (one, three), one says 15 (two): as in the seed, two sentences."""
    root = _events_project(tmp_path)
    (root / "claims/three.yaml").write_text(three, encoding="utf-8")
    (root / "sources/three.txt").write_text("", encoding="utf-8")
    return root


def _conflicts(root: Path) -> list[tuple[str, str, tuple[tuple[str, ...], ...]]]:
    return [
        (f.code, str(f.severity), f.subject.sides) for f in check_project(root).findings if f.code == "V001"
    ]


def test_the_claims_that_agree_share_one_event(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """10 days (two sources) versus 15 days: one event for the two that agree, one for the other;
    the diff is exactly the events and the event: lines, and the two that agree are still compared."""
    root = _three_sources(tmp_path)
    names = ("entities.yaml", "one.yaml", "two.yaml", "three.yaml")
    before = {name: (root / "claims" / name).read_text(encoding="utf-8") for name in names}
    assert _conflicts(root) == [("V001", "warning", (("two/s",), ("one/s", "three/s")))]
    code, out, err = _run(
        root,
        "judge",
        "different-events",
        "one/s",
        "three/s",
        "--versus",
        "two/s",
        "--reason",
        "two trials",
        "--date",
        "2026-11-30",
        capsys=capsys,
    )
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "claims/entities.yaml:5: added event one.s, two.s",
        "claims/one.yaml:10: one/s names event one.s",
        "claims/three.yaml:9: three/s names event one.s",
        "claims/two.yaml:5: two/s names event two.s",
    ]
    after = {name: (root / "claims" / name).read_text(encoding="utf-8") for name in names}
    two = before["two.yaml"].splitlines()[-1]
    assert {name: _diff(before[name], after[name]) for name in names} == {
        "entities.yaml": [
            "+events:",
            "+  - id: one.s",
            "+    name: jail-sentence of Jane Doe (one/s, three/s)",
            "+    description: 'Not the event of two/s (judged on 2026-11-30): two trials'",
            "+  - id: two.s",
            "+    name: jail-sentence of Jane Doe (two/s)",
            "+    description: 'Not the event of one/s, three/s (judged on 2026-11-30): two trials'",
        ],
        "one.yaml": ["+    event: one.s"],
        "two.yaml": ["-" + two, "+" + two.replace("day}, quote", "day}, event: two.s, quote")],
        "three.yaml": ["+    event: one.s"],
    }
    assert _conflicts(root) == []
    # the two that agree tell one event: still compared, and now certainly (an error) if they disagree
    three = root / "claims/three.yaml"
    three.write_text(three.read_text(encoding="utf-8").replace("amount: 10", "amount: 12"), encoding="utf-8")
    assert _conflicts(root) == [("V001", "error", (("one/s",), ("three/s",)))]
    assert "all name event one.s" in next(f.message for f in check_project(root).findings if f.code == "V001")


def test_the_sides_can_be_taken_from_the_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--finding FINGERPRINT decides as the claims given side by side do, in the order the finding
    gives its sides (15 days; 10 days)."""
    by_hand, by_finding = _three_sources(tmp_path / "a"), _three_sources(tmp_path / "b")
    common = ["--reason", "two trials", "--date", "2026-11-30"]
    sides = ["two/s", "--versus", "one/s", "three/s"]
    assert _run(by_hand, "judge", "different-events", *sides, *common, capsys=capsys)[0] == 0
    (conflict,) = [f for f in check_project(by_finding).findings if f.code == "V001"]
    code, _, err = _run(
        by_finding,
        "judge",
        "different-events",
        "--finding",
        conflict.fingerprint.upper(),
        *common,
        capsys=capsys,
    )
    assert (code, err) == (0, "")
    for name in ("entities.yaml", "one.yaml", "two.yaml", "three.yaml"):
        assert (by_finding / "claims" / name).read_bytes() == (by_hand / "claims" / name).read_bytes(), name
    assert _conflicts(by_finding) == []


@pytest.mark.parametrize(
    ("given", "said"),
    [
        (["--finding", "0123456789abcdef"], "no finding has the fingerprint 0123456789abcdef"),
        (["--finding", "not-a-fingerprint"], "is not a fingerprint"),
        (["one/s", "--finding", "FINDING"], "--finding takes its sides from the finding: name no claims"),
        (["--finding", "C001"], "not a value or date conflict between sides"),
    ],
)
def test_a_finding_that_is_not_a_conflict_is_refused(
    given: list[str], said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _three_sources(tmp_path)
    findings = check_project(root).findings
    conflict = next(f for f in findings if f.code == "V001").fingerprint
    other = next(f for f in findings if f.code == "C001").fingerprint
    given = [{"FINDING": conflict, "C001": other}.get(word, word) for word in given]
    before = {p: p.read_bytes() for p in sorted((root / "claims").iterdir())}
    code, _, err = _run(root, "judge", "different-events", *given, "--reason", "r", capsys=capsys)
    assert code == 2 and said in err
    assert {p: p.read_bytes() for p in sorted((root / "claims").iterdir())} == before


def test_claims_of_one_file_on_one_side_are_written_in_one_edit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    three = THREE + (
        "  - id: body\n"
        "    subject: Jane Doe\n"
        "    property: jail-sentence\n"
        "    value: {amount: 10, unit: day}   # the body agrees\n"
        '    quote: "for 10 days"\n'
    )
    root = _three_sources(tmp_path, three)
    before = (root / "claims/three.yaml").read_text(encoding="utf-8")
    code, out, _ = _run(
        root,
        "judge",
        "different-events",
        "three/s",
        "three/body",
        "--versus",
        "two/s",
        "--reason",
        "r",
        capsys=capsys,
    )
    assert code == 0
    assert out.splitlines()[1:3] == [
        "claims/three.yaml:9: three/s names event three.s",
        "claims/three.yaml:16: three/body names event three.s",
    ]
    assert _diff(before, (root / "claims/three.yaml").read_text(encoding="utf-8")) == [
        "+    event: three.s",
        "+    event: three.s",
    ]


def test_a_side_keeps_the_event_its_claims_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _three_sources(tmp_path, THREE.replace("    value:", "    event: feb-trial\n    value:"))
    entities = root / "claims/entities.yaml"
    entities.write_text(
        entities.read_text(encoding="utf-8") + "events:\n  - {id: feb-trial, name: February trial}\n",
        encoding="utf-8",
    )
    before = entities.read_text(encoding="utf-8")
    one = (root / "claims/one.yaml").read_text(encoding="utf-8")
    code, out, _ = _run(
        root,
        "judge",
        "different-events",
        "one/s",
        "three/s",
        "--versus",
        "two/s",
        "--reason",
        "r",
        "--date",
        "2026-11-30",
        capsys=capsys,
    )
    assert code == 0
    assert out.splitlines() == [
        "claims/entities.yaml:6: added event two.s",
        "claims/one.yaml:10: one/s names event feb-trial",
        "claims/two.yaml:5: two/s names event two.s",
    ]
    assert _diff(before, entities.read_text(encoding="utf-8")) == [
        "+  - {id: two.s, name: jail-sentence of Jane Doe (two/s), description: 'Not the event of one/s,"
        " three/s (judged on 2026-11-30): r'}"  # in flow style, as the event before it
    ]
    assert _diff(one, (root / "claims/one.yaml").read_text(encoding="utf-8")) == ["+    event: feb-trial"]
    assert _conflicts(root) == []


@pytest.mark.parametrize(
    ("three", "args", "message"),
    [
        (THREE, ("one/s", "two/s", "three/s"), "3 claims: give two (each gets an event of its own), or say"),
        (THREE, ("one/s", "--versus", "two/s", "one/s"), "one/s is given twice; each claim goes on one side"),
        (
            THREE.replace("    value:", "    event: trial\n    value:"),
            ("one/s", "--versus", "two/s", "three/s"),
            "claims put on one side name different events (three/s names trial; two/s names two-trial)",
        ),
        (
            THREE.replace("    value:", "    event: two-trial\n    value:"),
            ("one/s", "three/s", "--versus", "two/s"),
            "three/s and two/s both name event 'two-trial': they cannot be different events",
        ),
    ],
    ids=["three-without-sides", "twice", "one-side-two-events", "two-sides-one-event"],
)
def test_a_decision_contradicting_recorded_events_is_refused(
    tmp_path: Path, three: str, args: tuple[str, ...], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _three_sources(tmp_path, three)
    two = root / "claims/two.yaml"
    two.write_text(two.read_text(encoding="utf-8").replace("{id: s,", "{id: s, event: two-trial,"), "utf-8")
    before = {p.name: p.read_bytes() for p in (root / "claims").iterdir()}
    code, out, err = _run(root, "judge", "different-events", *args, "--reason", "r", capsys=capsys)
    assert (code, out) == (2, "") and message in err, err
    assert {p.name: p.read_bytes() for p in (root / "claims").iterdir()} == before


# -- waive ----------------------------------------------------------------------------------


def _fingerprint(root: Path, code: str) -> str:
    return next(f.fingerprint for f in check_project(root).findings if f.code == code)


def test_waive_appends_exactly_the_waiver(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = example_copy(tmp_path)
    config = root / "checker.yaml"
    before = config.read_text(encoding="utf-8")
    fingerprint = _fingerprint(root, "D001")
    code, out, err = _run(
        root,
        "waive",
        fingerprint,
        "--reason",
        "he picketed on several days",
        "--expires",
        "2099-12-31",
        capsys=capsys,
    )
    assert (code, err) == (0, "")
    assert out.startswith(
        "checker.yaml:3: waived D001 date-conflict at claims/rferl-kunbolatuly-10-days.yaml:"
    )
    after = config.read_text(encoding="utf-8")
    assert _diff(before, after) == [
        "+waivers:",
        f"+  - fingerprint: {fingerprint}",
        "+    reason: he picketed on several days",
        '+    expires: "2099-12-31"',
    ]
    assert after.startswith(before)  # the comment of the file is kept
    result = check_project(root)
    assert [w.finding.fingerprint for w in result.waived] == [fingerprint]
    code, _, err = _run(root, "waive", fingerprint, "--reason", "again", capsys=capsys)
    assert code == 2 and f"{fingerprint} is already waived (checker.yaml:3:5)" in err


@pytest.mark.parametrize(
    ("fingerprint", "message"),
    [
        ("0123456789abcdef", "no finding has the fingerprint 0123456789abcdef"),
        ("xyz", "'xyz' is not a fingerprint (16 hexadecimal digits)"),
    ],
)
def test_waive_refuses_what_names_no_finding(
    tmp_path: Path, fingerprint: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    root = example_copy(tmp_path)
    before = (root / "checker.yaml").read_bytes()
    code, _, err = _run(root, "waive", fingerprint, "--reason", "r", capsys=capsys)
    assert code == 2 and message in err
    assert (root / "checker.yaml").read_bytes() == before


def test_a_finding_about_a_waiver_cannot_be_waived(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = example_copy(tmp_path)
    (root / "checker.yaml").write_text(
        "waivers:\n  - {fingerprint: 0123456789abcdef, reason: stale}\n", encoding="utf-8"
    )
    fingerprint = _fingerprint(root, "W001")
    code, _, err = _run(root, "waive", fingerprint, "--reason", "r", capsys=capsys)
    assert code == 2 and "is a W001 finding about a waiver; those cannot be waived" in err


def test_waive_reads_the_parse_cache_check_fills(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The check that finds the finding reads `.checker-cache/` as `checker check` does: unchanged
    files are not parsed again (cache hits); --cache-dir and --no-cache work as they do for check."""
    root = example_copy(tmp_path)
    fingerprint = _fingerprint(root, "D001")
    caches: list[Cache | None] = []

    def spy(*args: Any, **kwargs: Any) -> Any:
        result = engine.run(*args, **kwargs)
        caches.append(kwargs.get("cache"))
        return result

    monkeypatch.setattr(lookup, "run", spy)  # the run waive_finding has made
    assert _run(root, "check", "--fail-on", "never", capsys=capsys)[0] == 0  # fills the cache
    config = root / "checker.yaml"
    before = config.read_bytes()
    assert _run(root, "waive", fingerprint, "--reason", "r", capsys=capsys)[0] == 0
    cache = caches[-1]
    assert cache is not None and cache.folder == root / ".checker-cache"
    assert cache.hits > 0 and cache.misses == 0
    for options, folder in ((["--no-cache"], None), (["--cache-dir", "elsewhere"], Path("elsewhere"))):
        config.write_bytes(before)
        assert _run(root, "waive", fingerprint, "--reason", "r", *options, capsys=capsys)[0] == 0
        used = caches[-1]
        assert (used.folder if used is not None else None) == folder
    assert (root / "elsewhere").is_dir()


def test_waive_does_not_rewrite_pyproject(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = example_copy(tmp_path)
    (root / "checker.yaml").unlink()
    (root / "pyproject.toml").write_text('[tool.checker]\nfail_on = "warning"\n', encoding="utf-8")
    code, _, err = _run(root, "waive", _fingerprint(root, "D001"), "--reason", "r", capsys=capsys)
    assert code == 2 and "pyproject.toml: the configuration is in [tool.checker]" in err
    assert not (root / "checker.yaml").exists()


def test_a_file_laid_out_another_way_gets_its_own_indentation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Four-space lists and a comment closing the last item: the new item fits in, nothing else moves."""
    entities = (
        "entities:\n"
        "    -   id: a   # A\n"
        '        name: "A"\n'
        "        type: person\n"
        "    -   {id: b, name: B,\n"
        "         type: person}\n"
        "    - {id: c, name: C, type: person}\n"
        "\n"
        "# the judgements\n"
        "judgements:\n"
        "    - relation: distinct-from\n"
        "      entities:\n"
        "        - a\n"
        "        - c\n"
        "      reason: >\n"
        "        folded\n"
        "        reason\n"
        "    # closing the list\n"
    )
    root = write_project(tmp_path / "repo", [("claims/entities.yaml", entities)])
    code, out, _ = _run(
        root, "judge", "same-as", "a", "b", "--reason", "r", "--date", "2026-01-01", capsys=capsys
    )
    assert code == 0 and out == "claims/entities.yaml:19: recorded a same-as b\n"
    assert (root / "claims/entities.yaml").read_text(encoding="utf-8") == entities + (
        '    - relation: same-as\n      entities: [a, b]\n      reason: r\n      date: "2026-01-01"\n'
    )
