"""``checker review``: each decision writes exactly itself, and the server takes posts only from its page.

The writes are tested through :meth:`Session.act`, as the server calls it:
the YAML diff of each is exactly the judgement, event, correction or
waiver; the finding it settles is gone from ``checker check``. The HTTP
tests run the server in a thread on a free port of 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import difflib
import http.client
import re
import shutil
import socket
import threading
import urllib.parse
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest

from checker import clock, reporting, review
from checker.cli import main
from checker.project import UsageError, find_project
from checker.reporters import html
from tests.conftest import REPO, check_project, example_copy
from tests.test_judge import _three_sources

REASON = "Same man: same pickets; the June article drops the suffix -uly"
PAIR = ("baibolat-kunbolat", "baibolat-kunbolatuly")
SENTENCES = ("rferl-kunbolat-15-days/sentence", "rferl-kunbolatuly-10-days/sentence")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return example_copy(tmp_path)


@pytest.fixture
def session(root: Path) -> review.Session:
    return review.Session(find_project([root / "claims"]), [])


def _diff(before: str, after: str) -> list[str]:
    lines = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in lines if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def _texts(root: Path) -> dict[str, str]:
    files = [*sorted((root / "claims").glob("*.yaml")), root / "checker.yaml"]
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in files}


def _changes(root: Path, before: dict[str, str]) -> dict[str, list[str]]:
    after = _texts(root)
    return {name: _diff(before[name], after[name]) for name in before if before[name] != after[name]}


def _page_id(page: str) -> str:
    found = re.search(r'name="page" value="([0-9a-f]+)"', page)
    assert found, "the page has no review form"
    return found.group(1)


def _act(session: review.Session, **fields: str) -> review.Outcome:
    page = _page_id(session.page())
    session.act({"token": session.token, "page": page, **fields})
    assert session.outcome is not None
    return session.outcome


def _codes(root: Path, code: str, word: str) -> list[str]:
    return [f.message for f in check_project(root).findings if f.code == code and word in f.message]


def test_same_as_writes_the_judgement_and_nothing_else(root: Path, session: review.Session) -> None:
    before = _texts(root)
    assert _codes(root, "N001", "Kunbolat")
    outcome = _act(session, action="same-as", a=PAIR[0], b=PAIR[1], reason=REASON, by="Desk")
    assert not outcome.failed, outcome.message
    today = clock.today().isoformat()
    assert _changes(root, before) == {
        "claims/entities.yaml": [
            "-judgements: []",
            "+judgements:",
            "+  - relation: same-as",
            f"+    entities: [{PAIR[0]}, {PAIR[1]}]",
            f"+    reason: '{REASON}'",  # quoted: it holds ': '
            "+    by: Desk",
            f'+    date: "{today}"',
        ]
    }
    assert _codes(root, "N001", "Kunbolat") == []
    assert "Kunbolat" not in " ".join(f.message for f in check_project(root).findings if f.code == "N001")


def test_distinct_from_writes_the_judgement(root: Path, session: review.Session) -> None:
    before = _texts(root)
    outcome = _act(session, action="distinct-from", a=PAIR[0], b=PAIR[1], reason="two men")
    assert not outcome.failed, outcome.message
    changed = _changes(root, before)
    assert list(changed) == ["claims/entities.yaml"]
    assert "+  - relation: distinct-from" in changed["claims/entities.yaml"]
    assert all(line.startswith("+") for line in changed["claims/entities.yaml"][1:])
    assert _codes(root, "N001", "Kunbolat") == []


def test_different_events_gives_each_claim_its_event(root: Path, session: review.Session) -> None:
    before = _texts(root)
    assert _codes(root, "V001", "Jail sentence")
    outcome = _act(session, action="different-events", a=SENTENCES[0], b=SENTENCES[1], reason="two sentences")
    assert not outcome.failed, outcome.message
    changed = _changes(root, before)
    assert changed["claims/rferl-kunbolat-15-days.yaml"] == ["+    event: rferl-kunbolat-15-days.sentence"]
    assert changed["claims/rferl-kunbolatuly-10-days.yaml"] == [
        "+    event: rferl-kunbolatuly-10-days.sentence"
    ]
    events = changed["claims/entities.yaml"]
    assert "+  - id: rferl-kunbolat-15-days.sentence" in events
    assert "+  - id: rferl-kunbolatuly-10-days.sentence" in events
    assert all(line.startswith("+") for line in events)  # nothing removed: every comment kept
    assert _codes(root, "V001", "Jail sentence") == []


def test_different_events_for_sides_of_several_claims(tmp_path: Path) -> None:
    """Two sources say 10 days, one 15: the form groups the claims as the finding's sides do, and
    writes one event per side (shared by the two that agree) through ``checker judge``'s code."""
    root = _three_sources(tmp_path)
    session = review.Session(find_project([root / "claims"]), [])
    before = _texts(root)
    v001 = next(f for f in check_project(root).findings if f.code == "V001")
    assert v001.subject.sides == (("two/s",), ("one/s", "three/s"))
    forms = review.Offers(session.project, reporting.build(check_project(root))).forms[v001.fingerprint]
    assert [f.action for f in forms] == ["different-events", "waive"]
    assert forms[0].hidden == (("sides", "two/s|one/s three/s"),)
    assert forms[0].note is not None and "event 1: two/s; event 2: one/s, three/s." in forms[0].note
    assert "event 1: two/s; event 2: one/s, three/s." in session.page()
    outcome = _act(session, action="different-events", **dict(forms[0].hidden), reason="two trials")
    assert not outcome.failed, outcome.message
    today = clock.today().isoformat()
    two = before["claims/two.yaml"].splitlines()[-1]
    assert _changes(root, before) == {
        "claims/entities.yaml": [
            "+events:",
            "+  - id: two.s",
            "+    name: jail-sentence of Jane Doe (two/s)",
            f"+    description: 'Not the event of one/s, three/s (judged on {today}): two trials'",
            "+  - id: one.s",
            "+    name: jail-sentence of Jane Doe (one/s, three/s)",
            f"+    description: 'Not the event of two/s (judged on {today}): two trials'",
        ],
        "claims/one.yaml": ["+    event: one.s"],
        "claims/three.yaml": ["+    event: one.s"],
        "claims/two.yaml": ["-" + two, "+" + two.replace("day}, quote", "day}, event: two.s, quote")],
    }
    assert [f for f in check_project(root).findings if f.code == "V001"] == []


def test_waive_appends_the_waiver(root: Path, session: review.Session) -> None:
    before = _texts(root)
    finding = next(f for f in check_project(root).findings if f.code == "D001")
    outcome = _act(
        session, action="waive", fingerprint=finding.fingerprint, reason="two pickets", expires="2099-01-01"
    )
    assert not outcome.failed, outcome.message
    assert _changes(root, before) == {
        "checker.yaml": [
            "+waivers:",
            f"+  - fingerprint: {finding.fingerprint}",
            "+    reason: two pickets",
            '+    expires: "2099-01-01"',
        ]
    }
    assert finding.fingerprint not in {f.fingerprint for f in check_project(root).findings}


def test_correct_a_value_keeps_its_kind(root: Path, session: review.Session) -> None:
    before = _texts(root)
    outcome = _act(session, action="correct", claim=SENTENCES[0], **{"value.amount": "10"})
    assert not outcome.failed, outcome.message
    assert _changes(root, before) == {
        "claims/rferl-kunbolat-15-days.yaml": [
            "-    value: {amount: 15, unit: day}",
            "+    value: {amount: 10, unit: day}",
        ]
    }
    assert "15 \u2192 10" in outcome.message


def test_a_correction_that_does_not_validate_writes_nothing(root: Path, session: review.Session) -> None:
    before = _texts(root)
    outcome = _act(session, action="correct", claim=SENTENCES[0], **{"value.amount": "fifteen"})
    assert outcome.failed
    assert "not a number" in outcome.message
    assert _changes(root, before) == {}


def test_link_a_claim_to_a_recorded_event(root: Path, session: review.Session) -> None:
    entities = root / "claims/entities.yaml"
    entities.write_text(
        entities.read_text(encoding="utf-8")
        + "\nevents:\n  - id: june-trial\n    name: The June 2021 trial\n",
        encoding="utf-8",
    )
    v001 = next(f for f in check_project(root).findings if f.code == "V001")
    offered = review.Offers(session.project, reporting.build(check_project(root))).forms[v001.fingerprint]
    links = [form for form in offered if form.action == "link-event"]
    assert [dict(form.hidden)["claim"] for form in links] == list(SENTENCES)
    assert links[0].fields[0].options == (("june-trial", "june-trial: The June 2021 trial"),)
    before = _texts(root)
    assert _act(session, action="link-event", claim=SENTENCES[0], event="no-such-event").failed
    outcome = _act(session, action="link-event", claim=SENTENCES[0], event="june-trial")
    assert not outcome.failed, outcome.message
    assert _changes(root, before) == {"claims/rferl-kunbolat-15-days.yaml": ["+    event: june-trial"]}


@pytest.fixture
def unrecorded(tmp_path: Path) -> Path:
    """A source with facts no claim records (Q004): tests/fixtures/rules/Q004-unrecorded-facts-listed."""
    root = tmp_path / "unrecorded"
    shutil.copytree(REPO / "tests/fixtures/rules/Q004-unrecorded-facts-listed", root)
    return root


def test_record_an_unrecorded_fact_as_a_claim(unrecorded: Path) -> None:
    session = review.Session(find_project([unrecorded / "claims"]), [])
    before = _texts(unrecorded)
    q004 = next(f for f in check_project(unrecorded).findings if f.code == "Q004")
    assert "'nine other people' at line 5" in q004.message
    offered = review.Offers(session.project, reporting.build(check_project(unrecorded))).forms[
        q004.fingerprint
    ]
    nine = next(form for form in offered if "nine other people" in form.title)
    prefilled = {field.name: field.value for field in nine.fields}
    assert prefilled["value"] == "{amount: 10, unit: person}"  # as `checker new` suggests it
    assert prefilled["quote"].startswith("A day earlier, Kunbolatuly and nine other people")
    fields = {**prefilled, "id": "picket-size", "subject": "Chinese Consulate", "property": "protest-size"}
    fields["date"] = '{relative_to: sentence, offset: "-1 day"}'
    outcome = _act(session, action="record-claim", **dict(nine.hidden), **fields)
    assert not outcome.failed, outcome.message
    assert _changes(unrecorded, before) == {
        "claims/kunbolatuly.yaml": [
            "+  - id: picket-size",
            '+    subject: "Chinese Consulate"',
            "+    property: protest-size",
            "+    value: {amount: 10, unit: person}",
            '+    date: {relative_to: sentence, offset: "-1 day"}',
            f'+    quote: "{prefilled["quote"]}"',
        ]
    }
    after = next(f for f in check_project(unrecorded).findings if f.code == "Q004")
    assert "nine other people" not in after.message  # the finding changed: one fact fewer
    assert "'A day earlier' at line 5" not in after.message  # the claim quotes that sentence too


def test_a_claim_that_does_not_validate_is_not_recorded(unrecorded: Path) -> None:
    session = review.Session(find_project([unrecorded / "claims"]), [])
    before = _texts(unrecorded)
    claim = {"source": "kunbolatuly", "id": "x", "subject": "S", "property": "p", "quote": "q"}
    assert "TEXT" not in _act(session, action="record-claim", **claim, value="{amount: [").message
    assert _act(
        session, action="record-claim", **claim, value="{amount: 10, unit: UNIT}", date='"YYYY"'
    ).failed
    assert _act(session, action="record-claim", **{**claim, "id": "sentence"}, value="{text: a}").failed
    assert _changes(unrecorded, before) == {}


def test_undo_puts_back_every_file(root: Path, session: review.Session) -> None:
    before = _texts(root)
    _act(session, action="different-events", a=SENTENCES[0], b=SENTENCES[1], reason="two sentences")
    assert session.last is not None
    outcome = _act(session, action="undo")
    assert outcome.message.startswith("Undone: "), outcome.message
    assert _changes(root, before) == {}
    assert session.last is None
    assert _act(session, action="undo").failed  # only the last action, once


def test_undo_refuses_a_file_changed_since(root: Path, session: review.Session) -> None:
    _act(session, action="same-as", a=PAIR[0], b=PAIR[1], reason=REASON)
    entities = root / "claims/entities.yaml"
    entities.write_text(entities.read_text(encoding="utf-8") + "# an editor's note\n", encoding="utf-8")
    outcome = _act(session, action="undo")
    assert outcome.failed
    assert "changed on disk after the last action" in outcome.message
    assert entities.read_text(encoding="utf-8").endswith("# an editor's note\n")


def test_a_file_changed_since_the_page_was_shown_is_not_written(root: Path, session: review.Session) -> None:
    page = _page_id(session.page())
    entities = root / "claims/entities.yaml"
    changed = entities.read_text(encoding="utf-8") + "# edited meanwhile\n"
    entities.write_text(changed, encoding="utf-8")
    session.act(
        {"token": session.token, "page": page, "action": "same-as", "a": PAIR[0], "b": PAIR[1], "reason": "x"}
    )
    assert session.outcome is not None and session.outcome.failed
    assert "changed on disk since this page was shown" in session.outcome.message
    assert entities.read_text(encoding="utf-8") == changed
    assert "changed on disk" in session.page()  # the page is served again, and says so


def test_an_unknown_page_or_action_writes_nothing(root: Path, session: review.Session) -> None:
    before = _texts(root)
    session.act({"page": "0" * 16, "action": "same-as", "a": PAIR[0], "b": PAIR[1], "reason": "x"})
    assert session.outcome is not None and "out of date" in session.outcome.message
    assert _act(session, action="rm -rf").failed
    assert _changes(root, before) == {}


def test_the_forms_offered(root: Path, session: review.Session) -> None:
    page = session.page()
    findings = check_project(root).findings
    n001 = next(f for f in findings if f.code == "N001" and "Kunbolat" in f.message)
    v001 = next(f for f in findings if f.code == "V001")
    offered = review.Offers(session.project, reporting.build(check_project(root))).forms
    assert [f.action for f in offered[n001.fingerprint]] == ["same-as", "distinct-from", "waive"]
    assert [f.title for f in offered[n001.fingerprint]][:2] == ["Same person", "Different people"]
    assert [f.action for f in offered[v001.fingerprint]] == [
        "different-events",
        "correct",
        "correct",
        "waive",
    ]
    assert all(any(form.action == "waive" for form in offered[f.fingerprint]) for f in findings)
    assert page.count('<form class="decision"') == sum(len(forms) for forms in offered.values())
    assert "form-action 'self'" in unescape(page)


def test_the_static_report_has_no_forms(root: Path) -> None:
    page = html.render(reporting.build(check_project(root)))
    assert '<form class="decision"' not in page
    assert "form-action 'none'" in unescape(page)
    assert "review.js" not in page and "Decide" not in page


def test_nothing_is_written_outside_the_repository(
    root: Path, session: review.Session, tmp_path: Path
) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("claims: []\n", encoding="utf-8")
    link = root / "claims" / "linked.yaml"
    link.symlink_to(outside)
    for path in (outside, link, root / ".." / "outside.yaml"):
        with pytest.raises(UsageError, match="not a file of the repository"):
            session._inside(path)
    session._inside(root / "claims" / "entities.yaml")


def test_the_command_warns_when_it_listens_beyond_this_computer(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    served: list[tuple[str, int]] = []

    class Stopped:
        address = "http://192.0.2.1:8123/"

        def serve_forever(self) -> None:
            raise KeyboardInterrupt  # as Ctrl+C stops it

        def server_close(self) -> None:
            pass

    def fake(session: review.Session, host: str, port: int) -> Stopped:
        served.append((host, port))
        return Stopped()

    monkeypatch.setattr(review, "make_server", fake)
    monkeypatch.chdir(root)
    assert main(["review", "--host", "192.0.2.1", "--port", "8123"]) == 0
    captured = capsys.readouterr()
    assert served == [("192.0.2.1", 8123)]
    assert "warning: listening on 192.0.2.1" in captured.err
    assert "reviewing claims/ at http://192.0.2.1:8123/" in captured.out
    assert main(["review"]) == 0
    assert served[-1] == ("127.0.0.1", 0)
    assert "warning" not in capsys.readouterr().err
    with pytest.raises(SystemExit) as stopped:
        main(["review", "--port", "70000"])
    assert stopped.value.code == 2
    assert "not a port" in capsys.readouterr().err


def test_the_host_names_answered() -> None:
    assert review._names("127.0.0.1") == {"127.0.0.1", "localhost", "[::1]"}
    assert review._names("192.0.2.7") == {"192.0.2.7"}
    assert review._names("::1") == {"127.0.0.1", "localhost", "[::1]"}
    wildcard = review._names("0.0.0.0")
    assert {"0.0.0.0", socket.gethostname(), "localhost"} <= wildcard


def test_back_keeps_only_the_filters_and_a_plain_anchor() -> None:
    form = {"query": "severity=warning&rule=V001&evil=1", "next": "f-58cc2efd1618204f f-1"}
    assert review._back(form) == "/?severity=warning&rule=V001#f-58cc2efd1618204f"
    assert review._back(form, '<article id="f-1">') == "/?severity=warning&rule=V001#f-1"  # the first left
    assert review._back(form, "") == "/?severity=warning&rule=V001"
    assert review._back({"next": "x\r\nSet-Cookie: a"}) == "/"
    assert review._back({}) == "/"


# -- HTTP ----------------------------------------------------------------------------------------------


@contextlib.contextmanager
def serving(session: review.Session) -> Iterator[review.Server]:
    """``session``'s server on a free port of 127.0.0.1, in a thread, while the block runs."""
    running = review.make_server(session)
    thread = threading.Thread(target=running.serve_forever, daemon=True)
    thread.start()
    try:
        yield running
    finally:
        running.shutdown()
        running.server_close()
        thread.join()


@pytest.fixture
def server(session: review.Session) -> Iterator[review.Server]:
    with serving(session) as running:
        yield running


def _request(
    server: review.Server, method: str, path: str, body: dict[str, str] | None = None, **headers: str
) -> tuple[int, dict[str, str], str]:
    host, port = server.server_address[:2]
    connection = http.client.HTTPConnection(str(host), int(port), timeout=60)
    data = urllib.parse.urlencode(body or {}) if body is not None else None
    sent = {"Host": f"127.0.0.1:{port}", **{k.replace("_", "-"): v for k, v in headers.items()}}
    if data is not None:
        sent["Content-Type"] = "application/x-www-form-urlencoded"
    connection.request(method, path, body=data, headers=sent)
    response = connection.getresponse()
    text = response.read().decode("utf-8")
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, text


def test_the_server_binds_loopback_and_serves_the_page(server: review.Server) -> None:
    assert server.server_address[0] == "127.0.0.1"
    assert re.fullmatch(r"http://127\.0\.0\.1:[0-9]+/", server.address)
    status, headers, page = _request(server, "GET", "/")
    assert status == 200
    assert headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert '<form class="decision"' in page
    assert _request(server, "GET", "/etc/passwd")[0] == 404


def test_the_server_refuses_foreign_hosts_origins_and_tokens(
    server: review.Server, session: review.Session, root: Path
) -> None:
    before = _texts(root)
    _, _, page = _request(server, "GET", "/")
    form = {"token": session.token, "page": _page_id(page), "action": "same-as", "a": PAIR[0], "b": PAIR[1]}
    form["reason"] = REASON
    assert _request(server, "GET", "/", Host="attacker.example")[0] == 421  # DNS rebinding
    assert _request(server, "POST", "/action", form, Origin="http://attacker.example")[0] == 403
    assert _request(server, "POST", "/action", form, Sec_Fetch_Site="cross-site")[0] == 403
    assert _request(server, "POST", "/action", {**form, "token": "guess"})[0] == 403
    assert _request(server, "POST", "/action", {k: v for k, v in form.items() if k != "token"})[0] == 403
    assert _changes(root, before) == {}
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    d001 = next(f for f in check_project(root).findings if f.code == "D001")  # not changed by same-as
    following = {**form, "next": f"f-0000000000000000 f-{d001.fingerprint}"}  # the first is gone
    status, headers, _ = _request(server, "POST", "/action", following, Origin=origin)
    assert (status, headers["location"]) == (303, f"/#f-{d001.fingerprint}")
    assert list(_changes(root, before)) == ["claims/entities.yaml"]
    _, _, page = _request(server, "GET", "/")
    assert "Recorded: claims/entities.yaml" in page
    assert "Undo the last decision" in page
