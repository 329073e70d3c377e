"""The machine-readable and CI reporters: json, sarif, junit, markdown and github.

Golden files of the seed repository, validation against each format's schema,
hostile user text, waived findings, GitHub's size limits and determinism.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from jsonschema import Draft4Validator, Draft202012Validator
from jsonschema.validators import validator_for
from lxml import etree
from markdown_it import MarkdownIt
from markdown_it.token import Token

from checker import cli
from checker.findings import Finding, Location, Quote, Severity, Subject, Waived, Waiver
from checker.reporters import REPORTERS, Options, github, json_report, junit, markdown, sarif
from checker.reporters.base import Report
from checker.rules import RULES
from checker.textsafe import escape
from tests.conftest import REPO, VENDOR
from tests.golden import assert_golden

GOLDEN = Path(__file__).parent / "golden"
FORMATS = {
    "json": "seed.json",
    "sarif": "seed.sarif",
    "junit": "seed.junit.xml",
    "markdown": "seed.md",
    "github": "seed.github.txt",
}

# What no report may show raw: C0/C1 controls (tab aside), DEL, bidi controls; and lone surrogates.
UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
SURROGATE = re.compile("[\ud800-\udfff]")
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _vendor(name: str) -> Path:
    path = VENDOR / name
    if not path.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"the vendored file is missing: {path}")
        pytest.skip(f"the vendored file is missing: {path}")
    return path


def _sarif_validator() -> Draft4Validator:
    schema = json.loads(_vendor("sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    assert validator_for(schema) is Draft4Validator  # the dialect the schema declares
    Draft4Validator.check_schema(schema)
    return Draft4Validator(schema)


def _json_validator() -> Draft202012Validator:
    schema = json.loads((REPO / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _junit_schema() -> Any:
    return etree.XMLSchema(etree.parse(str(_vendor("junit-10.xsd"))))


def _normalise(fmt: str, text: str) -> str:
    """The output without what depends on where the repository is checked out."""
    return text


# -- golden files of the seed repository ---------------------------------------------------------


@pytest.fixture(scope="module")
def seed_output() -> dict[str, str]:
    """`checker check --format X claims/` from the repository root, for every format."""
    out = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(REPO)
        patch.delenv("SOURCE_DATE_EPOCH", raising=False)
        for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"):  # links: not in the goldens
            patch.delenv(name, raising=False)
        for fmt in FORMATS:
            with contextlib.redirect_stdout(io.StringIO()) as stdout:
                cli.main(["check", "--format", fmt, "claims/"])
            out[fmt] = stdout.getvalue()
    return out


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_seed_output_matches_golden(fmt: str, seed_output: dict[str, str]) -> None:
    golden = GOLDEN / FORMATS[fmt]
    text = _normalise(fmt, seed_output[fmt])
    assert_golden(golden, text)


def test_seed_json_fits_its_schema(seed_output: dict[str, str]) -> None:
    doc = json.loads(seed_output["json"])
    _json_validator().validate(doc)
    assert doc["schema"] == json_report.SCHEMA_ID and doc["version"] == 2
    assert doc["summary"]["findings"] == len(doc["findings"]) > 0
    assert sum(doc["summary"]["by_severity"].values()) == len(doc["findings"])
    assert "timestamp" not in doc
    first = doc["findings"][0]
    assert set(first) == {
        "code",
        "rule",
        "severity",
        "message",
        "location",
        "related",
        "quotes",
        "action",
        "subject",
        "fingerprint",
    }
    assert any(f["quotes"] and f["quotes"][0]["source_id"] for f in doc["findings"])


def test_seed_sarif_fits_the_sarif_schema(seed_output: dict[str, str]) -> None:
    doc = json.loads(seed_output["sarif"])
    _sarif_validator().validate(doc)
    run = doc["runs"][0]
    driver = run["tool"]["driver"]
    assert [r["id"] for r in driver["rules"]] == [r.code for r in RULES]
    value_conflict = driver["rules"][[r.code for r in RULES].index("V001")]
    assert value_conflict["name"] == "ValueConflict"
    assert value_conflict["defaultConfiguration"]["level"] == "error"
    assert "Bad:" in value_conflict["help"]["markdown"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert "uri" not in run["originalUriBaseIds"]["%SRCROOT%"]  # no machine path in a report
    assert "file://" not in seed_output["sarif"]
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert len(result["partialFingerprints"]["claimcheck/v1"]) == 16
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert location["artifactLocation"]["uri"].startswith("claims/")
        for related in result.get("relatedLocations", []):
            assert f"]({related['id']})" in result["message"]["text"]  # linked from the message


def test_seed_junit_fits_the_junit_schema(seed_output: dict[str, str]) -> None:
    tree = etree.fromstring(seed_output["junit"].encode("utf-8"))
    _junit_schema().assertValid(tree)
    json_doc = json.loads(seed_output["json"])
    assert tree.get("tests") == str(len(json_doc["findings"]))
    assert tree.get("failures") == str(json_doc["summary"]["by_severity"]["warning"])
    assert tree.get("errors") == str(json_doc["summary"]["by_severity"]["error"])
    names = [suite.get("name") for suite in tree.iter("testsuite")]
    assert names == sorted(names) and "N001 name-variant" in names
    # A test case is tracked across runs by its name: the code and fingerprint, never a line:col.
    fingerprints = {f["fingerprint"]: f["code"] for f in json_doc["findings"]}
    cases = [(case.get("classname"), case.get("name", "")) for case in tree.iter("testcase")]
    assert len(set(cases)) == len(cases)
    for _, name in cases:
        code, fingerprint, _about = name.split(" ", 2)
        assert fingerprints[fingerprint] == code
        assert not re.search(r"\d+:\d+", name), name


def test_seed_markdown_and_github_cover_every_finding(seed_output: dict[str, str]) -> None:
    findings = json.loads(seed_output["json"])["findings"]
    assert seed_output["markdown"].count("\n- **") == len(findings)
    assert len(seed_output["markdown"].encode("utf-8")) <= markdown.MAX_LENGTH
    lines = seed_output["github"].splitlines()
    assert len(lines) == len(findings)
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)


def test_committed_report_schema_matches_the_types() -> None:
    committed = (REPO / "schemas" / "report.schema.json").read_text(encoding="utf-8")
    assert committed == json_report.render_schema(), "schemas/ is stale: run `checker schema`"


def test_every_format_is_registered() -> None:
    expected = {
        "json": "claimcheck.json",
        "sarif": "claimcheck.sarif",
        "junit": "claimcheck.junit.xml",
        "markdown": "claimcheck.md",
        "github": "claimcheck.github.txt",
    }
    assert {name: REPORTERS[name].filename for name in expected} == expected


# -- hostile text --------------------------------------------------------------------------------

HOSTILE = (
    "nul\x00 bell\x07 esc\x1b[31mred rlo\u202eevil\u2066 nel\x85 del\x7f ff\uffff fe\ufffe"
    " lone\ud800 </script><b>bold</b> :: 100% a,b a|b `tick` *star* _under_ ~~strike~~"
    " [link](https://example.com) ![img](x.png) &amp; \\n {braces}\nsecond line\r\n::error::injected"
)
HOSTILE_ID = SURROGATE.sub("", HOSTILE)  # an id is hashed into the fingerprint: UTF-8 text
HOSTILE_PATH = "claims/we\x1bird\u202e,:%|`[x]\n.yaml"
OTHER = Location("claims/other.yaml", 7, 9)


def _hostile_finding(severity: Severity, code: str = "V001") -> Finding:
    return Finding(
        code=code,
        rule="value-conflict",
        severity=severity,
        message=HOSTILE,
        location=Location(HOSTILE_PATH, 3, 5),
        related=(OTHER,),
        quotes=(
            Quote(HOSTILE, Location(HOSTILE_PATH, 4, 12), "src\u202e<script>"),
            Quote("plain quote", Location("claims/other.yaml", 8, 12), "other"),
        ),
        action=HOSTILE,
        subject=Subject(claims=(f"s/{severity}", f"t/{HOSTILE_ID}")),
    )


@pytest.fixture
def hostile() -> Report:
    waived = _hostile_finding(Severity.ERROR, code="R002")
    waiver = Waiver(
        reason=HOSTILE,
        location=Location("checker.yaml", 5, 5),
        fingerprint=waived.fingerprint,
        by="night desk\u202e",
        expires=dt.date(2030, 1, 31),
    )
    return Report(
        findings=tuple(_hostile_finding(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)),
        files=2,
        claims=3,
        waived=(Waived(waived, waiver),),
        rules=RULES,
        root_uri="file:///srv/news%20room/",
    )


def _raw(text: str) -> str:
    """What the data formats keep: the text itself, with lone surrogates replaced."""
    return SURROGATE.sub("\ufffd", text)


def _shown(text: str) -> str:
    """What the display formats show: control and bidi characters as visible escapes."""
    return SURROGATE.sub("\ufffd", escape(text))


def test_hostile_json(hostile: Report) -> None:
    out = json_report.render(hostile, Options())
    out.encode("utf-8")  # no lone surrogate left
    assert not re.search("[\x00-\x09\x0b-\x1f]", out)  # JSON escapes control characters
    doc = json.loads(out)
    _json_validator().validate(doc)
    [first, *_] = doc["findings"]
    assert first["message"] == first["action"] == first["quotes"][0]["text"] == _raw(HOSTILE)
    assert first["location"] == {"path": HOSTILE_PATH, "line": 3, "column": 5}
    assert first["quotes"][0]["source_id"] == "src\u202e<script>"
    assert [f["severity"] for f in doc["findings"]] == ["error", "warning", "info"]
    [waived] = doc["waived"]
    assert waived["code"] == "R002"
    assert waived["waiver"] == {
        "reason": _raw(HOSTILE),
        "by": "night desk\u202e",
        "expires": "2030-01-31",
        "fingerprint": waived["fingerprint"],
        "rule": None,
        "claims": [],
        "sources": [],
        "location": {"path": "checker.yaml", "line": 5, "column": 5},
    }
    assert doc["summary"] == {
        "files": 2,
        "claims": 3,
        "compared_files": 2,
        "compared_claims": 3,
        "findings": 3,
        "by_severity": {"error": 1, "warning": 1, "info": 1},
        "waived": 1,
    }


def test_hostile_sarif(hostile: Report) -> None:
    out = sarif.render(hostile, Options())
    out.encode("utf-8")
    doc = json.loads(out)
    _sarif_validator().validate(doc)
    run = doc["runs"][0]
    assert run["originalUriBaseIds"]["%SRCROOT%"] == {"uri": "file:///srv/news%20room/"}
    results = run["results"]
    assert [r["level"] for r in results] == ["error", "warning", "note", "error"]
    first = results[0]
    text = first["message"]["text"]
    assert not UNSAFE.search(text) and not SURROGATE.search(text)
    assert "\\x1b[31mred" not in text  # the bracket is escaped too: SARIF's embedded-link syntax
    assert "\\\\x1b\\[31mred rlo\\\\u202eevil" in text
    assert "\\[link\\](https://example.com)" in text
    assert "</script>" in text  # plain text: a viewer escapes it, SARIF does not
    assert text.endswith(", [claims/other.yaml:7:9](3).")
    uri = first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert re.fullmatch(r"[A-Za-z0-9\-._~!$&'()*+,;=@/%]+", uri)
    assert unquote(uri) == HOSTILE_PATH
    related = first["relatedLocations"]
    assert [r["id"] for r in related] == [1, 2, 3]
    source = sarif._link_text(escape("src\u202e<script>"))
    # quotes are messages too: their brackets are escaped like the finding's own
    assert related[0]["message"]["text"] == f"\u201c{sarif._link_text(_shown(HOSTILE))}\u201d ({source})"
    assert related[2]["message"]["text"] == "see also"
    assert first["properties"]["quotes"][0]["text"] == _raw(HOSTILE)  # data, kept as it is
    assert first["properties"]["action"] == _raw(HOSTILE)
    [suppression] = results[3]["suppressions"]
    assert suppression["kind"] == "external" and suppression["status"] == "accepted"
    assert suppression["justification"] == _shown(HOSTILE)
    assert suppression["properties"] == {"by": "night desk\u202e", "expires": "2030-01-31"}  # data
    assert "suppressions" not in first


def test_hostile_junit(hostile: Report) -> None:
    out = junit.render(hostile, Options())
    assert not NOT_XML.search(out) and not UNSAFE.search(out.replace("\n", ""))
    assert "</script>" not in out and "<b>" not in out
    tree = etree.fromstring(out.encode("utf-8"))
    _junit_schema().assertValid(tree)
    root = ET.fromstring(out)  # the standard library's parser reads it too
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("4", "1", "1")
    expected = SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", escape(HOSTILE))
    expected = expected.replace("\uffff", "\\uffff").replace("\ufffe", "\\ufffe")
    cases = root.findall("./testsuite/testcase")
    assert [c.get("classname") for c in cases] == [escape(HOSTILE_PATH)] * 4
    error = cases[[c.find("error") is not None for c in cases].index(True)]
    [finding] = [f for f in hostile.findings if f.severity is Severity.ERROR]
    about = junit.xml_text(f"s/error, t/{HOSTILE_ID}")
    assert error.get("name") == f"V001 {finding.fingerprint} {about[: junit.NAME_LENGTH - 1]}\u2026"
    problem = error.find("error")
    assert problem is not None and problem.get("message") == expected
    assert "</script><b>bold</b>" in (problem.text or "")
    failure = root.find("./testsuite/testcase/failure")
    assert failure is not None and failure.get("type") == "V001 value-conflict"
    info = [c for c in cases if c.find("system-out") is not None]
    assert len(info) == 1 and not list(info[0].iter("failure"))
    skipped = root.find("./testsuite/testcase/skipped")
    assert skipped is not None and skipped.get("message") == f"waived: {expected}"
    suites = {s.get("name", ""): s for s in root.iter("testsuite")}
    assert sorted(suites) == ["R002 value-conflict", "V001 value-conflict"]
    assert suites["R002 value-conflict"].get("skipped") == "1"


def _inline(tokens: list[Token]) -> list[Token]:
    out = []
    for token in tokens:
        out.append(token)
        out.extend(_inline(token.children or []))
    return out


def _markdown_tokens(text: str) -> list[Token]:
    return _inline(MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(text))


def _our_html(tokens: list[Token], info: int) -> None:
    """The only HTML is the fold around the info findings."""
    html_blocks = [t.content for t in tokens if t.type == "html_block"]
    assert html_blocks == [
        f"<details>\n<summary>Show {info} info {'finding' if info == 1 else 'findings'}: notes, not problems"
        "</summary>\n",
        "</details>\n",
    ]


def test_hostile_markdown(hostile: Report) -> None:
    out = markdown.render(hostile, Options())
    out.encode("utf-8")
    assert not UNSAFE.search(out.replace("\n", ""))
    tokens = _markdown_tokens(out)
    kinds = {t.type for t in tokens}
    assert not kinds & {"html_inline", "link_open", "image", "em_open", "s_open"}
    _our_html(tokens, info=1)
    assert [t.content for t in tokens if t.type == "code_inline"] == ["checker explain CODE"]  # ours
    assert sum(t.type == "strong_open" for t in tokens) == 4  # our own: the code of each finding
    # The summary table is the only table, and has its four rows.
    assert sum(t.type == "table_open" for t in tokens) == 1
    assert sum(t.type == "tr_open" for t in tokens) == 5
    text = "".join(t.content for t in tokens if t.type == "text")
    literal = (
        "</script><b>bold</b> :: 100% a,b a|b `tick` *star* _under_ ~~strike~~ [link](https://example.com)"
    )
    assert literal in text
    assert "\\x1b[31mred rlo\\u202eevil" in text  # visible escapes, on one line
    assert "\\nsecond line\\r\\n::error::injected" in text
    headings = [t for t in tokens if t.type == "heading_open"]
    assert [h.tag for h in headings] == ["h2", "h3", "h4", "h3", "h4", "h3", "h4", "h3"]
    assert "### Waived (1)" in out and "Waived by night desk\\\\u202e, until 2030-01-31" in out


def _unescape(value: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(code, char)
    return value


def test_hostile_github(hostile: Report) -> None:
    out = github.render(hostile, Options())
    out.encode("utf-8")
    assert out.endswith("\n") and "\r" not in out
    lines = out.split("\n")[:-1]
    assert len(lines) == 3  # waived findings are not annotated
    for line, command in zip(lines, ("error", "warning", "notice"), strict=True):
        assert not UNSAFE.search(line)
        found = re.fullmatch(r"::(\w+) ([^:]*)::(.*)", line)
        assert found is not None, line
        assert found.group(1) == command
        properties = dict(item.split("=", 1) for item in found.group(2).split(","))
        assert {k: _unescape(v) for k, v in properties.items()} == {
            "file": escape(HOSTILE_PATH),
            "line": "3",
            "col": "5",
            "title": "V001 value-conflict",
        }
        data = _unescape(found.group(3))
        message, *details = data.split("\n")
        assert message == _shown(HOSTILE)
        assert details == [
            f"\u201c{_shown(HOSTILE)}\u201d at {escape(HOSTILE_PATH)}:4:12 (src\\u202e<script>)",
            "\u201cplain quote\u201d at claims/other.yaml:8:12 (other)",
            "see also claims/other.yaml:7:9",
            f"help: {_shown(HOSTILE)}",
        ]
    assert "100%25 a%2Cb" not in out and "100%25 a,b" in out  # ',' is escaped in properties only


# -- waived findings, timestamps, empty reports ------------------------------------------------


@pytest.fixture
def waived_report() -> Report:
    reported = Finding("N001", "name-variant", Severity.WARNING, "two names", Location("claims/a.yaml", 2, 3))
    covered = Finding(
        "R001", "unknown-entity", Severity.WARNING, "unknown name", Location("claims/a.yaml", 9, 4)
    )
    waiver = Waiver(
        reason="checked with the reporter",
        location=Location("checker.yaml", 3, 5),
        rule="R001",
        claims=("a/x",),
    )
    return Report(findings=(reported,), files=1, claims=2, waived=(Waived(covered, waiver),), rules=RULES)


def test_waived_findings_have_their_place(waived_report: Report) -> None:
    doc = json.loads(json_report.render(waived_report))
    assert [w["code"] for w in doc["waived"]] == ["R001"]
    assert doc["waived"][0]["waiver"]["rule"] == "R001" and doc["waived"][0]["waiver"]["claims"] == ["a/x"]

    results = json.loads(sarif.render(waived_report))["runs"][0]["results"]
    assert [(r["ruleId"], "suppressions" in r) for r in results] == [("N001", False), ("R001", True)]
    assert results[1]["suppressions"] == [
        {
            "kind": "external",
            "status": "accepted",
            "justification": "checked with the reporter",
            "location": {
                "physicalLocation": {
                    "artifactLocation": {"uri": "checker.yaml", "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": 3, "startColumn": 5},
                }
            },
        }
    ]

    root = ET.fromstring(junit.render(waived_report))
    skipped = root.findall(".//skipped")
    assert [s.get("message") for s in skipped] == ["waived: checked with the reporter"]
    assert "R001 on a/x, checker.yaml:3:5" in (skipped[0].text or "")
    assert root.get("failures") == "1"  # the waived warning is not a failure

    text = markdown.render(waived_report)
    assert "| waived | 1 |" in text and "### Waived (1)" in text
    assert "Waived: checked with the reporter" in text

    assert "R001" not in github.render(waived_report)


def test_timestamp_only_when_asked(waived_report: Report) -> None:
    outputs = {name: REPORTERS[name].render(waived_report, Options()) for name in FORMATS}
    assert not any("2021-02-10T" in out for out in outputs.values())
    stamped = Report(findings=waived_report.findings, files=1, claims=2, timestamp="2021-02-10T08:00:00Z")
    assert json.loads(json_report.render(stamped))["timestamp"] == "2021-02-10T08:00:00Z"
    log = json.loads(sarif.render(stamped))
    assert log["runs"][0]["invocations"][0]["endTimeUtc"] == "2021-02-10T08:00:00Z"
    suite = ET.fromstring(junit.render(stamped)).find("testsuite")
    assert suite is not None and suite.get("timestamp") == "2021-02-10T08:00:00Z"
    assert "2021-02-10T08:00:00Z" in markdown.render(stamped)


def test_empty_report() -> None:
    empty = Report(findings=(), files=0, claims=0, rules=RULES)
    assert github.render(empty) == ""
    assert "No findings." in markdown.render(empty)
    _sarif_validator().validate(json.loads(sarif.render(empty)))
    _json_validator().validate(json.loads(json_report.render(empty)))
    _junit_schema().assertValid(etree.fromstring(junit.render(empty).encode("utf-8")))


def test_unknown_rule_gets_a_descriptor() -> None:
    """A finding whose code is not in the catalogue still points at a rule of the log."""
    finding = Finding("X999", "made-up", Severity.ERROR, "m", Location("claims/a.yaml"))
    doc = json.loads(sarif.render(Report(findings=(finding,), files=1, claims=1)))
    _sarif_validator().validate(doc)
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    assert rules == [
        {
            "id": "X999",
            "name": "MadeUp",
            "shortDescription": {"text": "made-up"},
            "defaultConfiguration": {"level": "error"},
            "properties": {"tags": ["claims"]},
        }
    ]
    assert doc["runs"][0]["results"][0]["ruleIndex"] == 0


# -- limits --------------------------------------------------------------------------------------


def _many(n: int, message: str = "m", *, error_at: int | None = None) -> tuple[Finding, ...]:
    return tuple(
        Finding(
            "C001",
            "single-source",
            Severity.ERROR if i == error_at else Severity.INFO,
            f"{message} {i}",
            Location("claims/a.yaml", i + 1, 1),
            subject=Subject(detail=(str(i),)),
        )
        for i in range(n)
    )


def test_sarif_keeps_within_githubs_result_limit() -> None:
    findings = _many(25_001, error_at=25_000)  # the only error comes last
    out = sarif.render(Report(findings=findings, files=1, claims=1, rules=RULES))
    assert sarif.gzip_size(out) < sarif.MAX_BYTES
    run = json.loads(out)["runs"][0]
    assert len(run["results"]) == 25_000
    assert run["results"][-1]["level"] == "error"  # the most severe is kept ...
    assert run["results"][-2]["message"]["text"] == "m 24998"  # ... and the last info left out
    [note] = run["invocations"][0]["toolExecutionNotifications"]
    assert note["level"] == "warning"
    assert note["message"]["text"].startswith("1 of 25,001 findings left out (1 info)")
    assert note["properties"] == {
        "omitted": 1,
        "total": 25_001,
        "omittedBySeverity": {"error": 0, "warning": 0, "info": 1},
    }


def _noise(n: int, length: int) -> list[str]:
    """``n`` texts that gzip cannot shrink much (base64 of a hash): the same every run."""
    raw = (length * 3 + 3) // 4
    return [
        base64.b64encode(hashlib.shake_256(str(i).encode()).digest(raw)).decode()[:length] for i in range(n)
    ]


def _mixed(n: int, length: int) -> tuple[Finding, ...]:
    """Findings with hard-to-compress messages; every 7th an error, every 5th a warning, the rest info."""
    severities = [
        Severity.ERROR if i % 7 == 3 else Severity.WARNING if i % 5 == 1 else Severity.INFO for i in range(n)
    ]
    return tuple(
        Finding(
            "C001",
            "single-source",
            severity,
            text,
            Location("claims/a.yaml", i + 1, 1),
            subject=Subject(detail=(str(i),)),
        )
        for i, (severity, text) in enumerate(zip(severities, _noise(n, length), strict=True))
    )


def test_sarif_size_is_measured_compressed() -> None:
    """What GitHub limits is the gzip of the upload: a repetitive log far over 10 MB uncompressed is whole."""
    findings = _many(6_000, "x" * 3_000)
    out = sarif.render(Report(findings=findings, files=1, claims=1))
    assert len(out.encode("utf-8")) > sarif.GITHUB_MAX_GZIP_BYTES  # too big as a plain file ...
    assert sarif.gzip_size(out) < sarif.MAX_BYTES  # ... but not as the upload GitHub measures
    assert len(json.loads(out)["runs"][0]["results"]) == 6_000
    assert "toolExecutionNotifications" not in out


def test_sarif_keeps_within_a_size_limit() -> None:
    findings = _mixed(300, 400)
    report = Report(findings=findings, files=1, claims=1)  # no catalogue: the results are most of it
    full = sarif.render(report)
    limit = sarif.gzip_size(full) // 2
    log = sarif.log(report, max_bytes=limit)
    _sarif_validator().validate(log)
    run = log["runs"][0]
    kept = len(run["results"])
    assert 100 < kept < 300
    levels = Counter(r["level"] for r in run["results"])
    every = Counter(sarif.LEVELS[f.severity] for f in findings)
    assert levels["error"] == every["error"] and levels["warning"] == every["warning"]  # info goes first
    assert 0 < levels["note"] < every["note"]
    # the info findings kept are the first ones, in the report's order
    notes = [r["message"]["text"] for r in run["results"] if r["level"] == "note"]
    info = [sarif._link_text(f.message) for f in findings if f.severity is Severity.INFO]
    assert notes == info[: len(notes)]
    [note] = run["invocations"][0]["toolExecutionNotifications"]
    assert note["properties"] == {
        "omitted": 300 - kept,
        "total": 300,
        "omittedBySeverity": {"error": 0, "warning": 0, "info": 300 - kept},
    }
    assert note["message"]["text"].startswith(f"{300 - kept} of 300 findings left out ({300 - kept} info)")
    # the same cut as the text written: under the limit compressed, and not far from the most it holds
    text = sarif._build(report, sarif.MAX_RESULTS, limit)[1]
    assert sarif.gzip_size(text) <= limit
    assert len(json.loads(text)["runs"][0]["results"]) == kept
    one_more = sarif._build(report, sarif.MAX_RESULTS, limit * 105 // 100)[1]
    assert len(json.loads(one_more)["runs"][0]["results"]) > kept
    assert sarif.log(report, max_results=10)["runs"][0]["results"][-1]["level"] == "error"


def test_sarif_trims_a_large_generated_report_to_githubs_upload_limit() -> None:
    """A report whose log would be about 12 MB compressed: under the limit, valid, errors kept."""
    findings = _mixed(12_000, 1_300)
    report = Report(findings=findings, files=1, claims=1, rules=RULES)
    out = sarif.render(report)
    assert sarif.gzip_size(out) <= sarif.MAX_BYTES
    assert sarif.gzip_size(out) > sarif.MAX_BYTES * 9 // 10  # filled, not cut far short
    doc = json.loads(out)
    run = doc["runs"][0]
    _sarif_validator().validate({**doc, "runs": [{**run, "results": run["results"][:50]}]})  # quicker
    levels = Counter(r["level"] for r in run["results"])
    every = Counter(sarif.LEVELS[f.severity] for f in findings)
    assert levels["error"] == every["error"] and levels["warning"] == every["warning"]
    assert levels["note"] < every["note"]
    [note] = run["invocations"][0]["toolExecutionNotifications"]
    assert note["properties"]["omittedBySeverity"]["info"] == every["note"] - levels["note"] > 0
    assert "JSON report" in note["message"]["text"]


def test_sarif_caps_related_locations() -> None:
    related = tuple(Location("claims/b.yaml", i + 1, 1) for i in range(1_500))
    finding = Finding(
        "V001", "value-conflict", Severity.ERROR, "m", Location("claims/a.yaml"), related=related
    )
    [result] = json.loads(sarif.render(Report(findings=(finding,), files=1, claims=1)))["runs"][0]["results"]
    assert len(result["relatedLocations"]) == sarif.MAX_RELATED
    assert result["properties"]["relatedLocationsOmitted"] == 500


def test_markdown_keeps_within_githubs_comment_limit() -> None:
    findings = _many(1_000, "y" * 300)
    out = markdown.render(Report(findings=findings, files=1, claims=1))
    assert len(out.encode("utf-8")) <= markdown.MAX_LENGTH
    shown = out.count("\n- **")
    assert 0 < shown < 1_000
    assert f"{1_000 - shown} of 1000 findings not shown" in out
    assert out.rstrip().splitlines()[-3].startswith("> Truncated")


# -- determinism ---------------------------------------------------------------------------------


def _report_files(out: Path, seed: str) -> dict[str, bytes]:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env["PYTHONHASHSEED"] = seed
    formats = ",".join(FORMATS)
    subprocess.run(
        [sys.executable, "-m", "checker", "report", "--format", formats, "-o", str(out), "claims/"],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
    )
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_output_is_byte_identical_whatever_the_hash_seed(tmp_path: Path) -> None:
    first = _report_files(tmp_path / "one", "1")
    second = _report_files(tmp_path / "two", "4242")
    assert sorted(first) == sorted(REPORTERS[name].filename for name in FORMATS)
    assert first == second


# -- layering ------------------------------------------------------------------------------------


def test_reporters_do_not_import_the_rules() -> None:
    """Reporters only render: importing any of them must not load a rule module (nor run its import).

    A fresh interpreter, because this test process has imported everything already.
    """
    folder = REPO / "checker" / "reporters"
    modules = ["checker.reporters"] + [f"checker.reporters.{p.stem}" for p in sorted(folder.glob("*.py"))]
    program = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "import checker\n"
        "rules = sorted(m for m in sys.modules if m == 'checker.rules' or m.startswith('checker.rules.'))\n"
        "print(json.dumps({'checker': checker.__file__, 'rules': rules}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stdout)
    assert Path(loaded["checker"]).resolve().parent == REPO / "checker"  # this tree's package
    assert len(modules) > 8 and loaded["rules"] == []
