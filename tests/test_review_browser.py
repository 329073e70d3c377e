"""``checker review`` in a real browser: decide two findings on the page, and the repository records them.

The server runs in a thread on a free port of 127.0.0.1 over a copy of the
example repository. In headless Chromium (tests/install-browser.sh, driven
by Playwright, as tests/test_html_browser.py does) the test records "same
person" on the Kunbolatuly / Kunbolat name variant and waives the date
conflict, then checks the YAML files, that both findings are gone from the
page and from ``checker check``, that the keys move between findings,
that axe-core finds no violation on the review page, and that the page
still reads without JavaScript. A screenshot of the page after the
decisions, and of a value conflict's decisions, are written to reports/screenshots/ for the
README (review.png, review-decide.png).
"""

from __future__ import annotations

import contextlib
import difflib
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from checker import review
from checker.project import find_project
from tests.conftest import REPO, check_project, example_copy
from tests.test_html_browser import DESKTOP, PHONE, _axe_violations, axe_source, browser
from tests.test_judge import _three_sources
from tests.test_review import serving

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page

__all__ = ["axe_source", "browser"]  # the fixtures, shared with tests/test_html_browser.py

SCREENSHOTS = REPO / "reports" / "screenshots"
REASON = "Same man: the June article drops the patronymic suffix -uly"


def _serving(root: Path) -> contextlib.AbstractContextManager[review.Server]:
    return serving(review.Session(find_project([root / "claims"]), []))


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, review.Server]]:
    root = example_copy(tmp_path)
    with _serving(root) as server:
        yield root, server


def _open(
    browser: Browser, address: str, *, javascript: bool = True, bypass_csp: bool = False, width: int = DESKTOP
) -> Page:
    context = browser.new_context(
        viewport={"width": width, "height": 900}, java_script_enabled=javascript, bypass_csp=bypass_csp
    )
    page = context.new_page()
    page.goto(address)
    return page


def _card(page: Page, code: str, text: str) -> Locator:
    return page.locator("#findings article.finding").filter(
        has=page.locator(f"code.code:text-is('{code}')"), has_text=text
    )


def _decide(page: Page, card: Locator, action: str, **fields: str) -> None:
    card.locator("details.decide > summary").click()
    form = card.locator("form.decision").filter(has=page.locator(f"input[name=action][value='{action}']"))
    for name, value in fields.items():
        form.locator(f"[name='{name}']").fill(value)
    with page.expect_navigation():
        form.locator("button[type=submit]").click()


def test_decide_two_findings_in_the_browser(
    browser: Browser, served: tuple[Path, review.Server], axe_source: str
) -> None:
    root, server = served
    entities = root / "claims" / "entities.yaml"
    before = entities.read_text(encoding="utf-8")
    errors: list[str] = []
    page = _open(browser, server.address)
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    variant = _card(page, "N001", "Kunbolatuly")
    assert variant.count() == 1
    dates = _card(page, "D001", "Kunbolatuly")
    fingerprint = dates.locator("dl.meta code").last.inner_text()
    count = int(page.locator(".count-warning .count-n").inner_text())

    _decide(page, variant, "same-as", reason=REASON, by="Desk")
    assert "Recorded: claims/entities.yaml" in page.locator("#review-status").inner_text()
    # the page returns at the next finding, focused, with what was recorded pinned in sight
    assert page.evaluate("() => document.activeElement.matches('article.finding')")
    assert page.evaluate("() => document.activeElement.getAttribute('aria-describedby')") == "review-status"
    box = page.locator("#review-status").bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 900
    page.keyboard.press("Escape")
    assert "review-pinned" not in (page.locator("#review-status").get_attribute("class") or "")
    assert _card(page, "N001", "Kunbolatuly").count() == 0
    assert int(page.locator(".count-warning .count-n").inner_text()) < count

    _decide(page, _card(page, "D001", "Kunbolatuly"), "waive", reason="two pickets, a week apart")
    assert "Recorded: checker.yaml" in page.locator("#review-status").inner_text()
    assert _card(page, "D001", "Kunbolatuly").count() == 0
    assert page.locator("#undo").is_visible()
    assert errors == []
    page.evaluate("() => window.scrollTo(0, 0)")
    page.screenshot(path=str(SCREENSHOTS / "review.png"))
    conflict = _card(page, "V001", "Jail sentence")
    conflict.locator("details.decide > summary").click()
    page.evaluate(
        "() => { document.getElementById('filter-panel').style.position = 'static'; }"
    )  # not over it
    conflict.screenshot(path=str(SCREENSHOTS / "review-decide.png"))

    after = entities.read_text(encoding="utf-8")
    assert after.startswith(before.removesuffix("judgements: []\n"))  # every comment and line kept
    assert "relation: same-as" in after and "entities: [baibolat-kunbolat, baibolat-kunbolatuly]" in after
    assert f"fingerprint: {fingerprint}" in (root / "checker.yaml").read_text(encoding="utf-8")
    findings = check_project(root).findings
    assert not [f for f in findings if f.code == "N001" and "Kunbolatuly" in f.message]
    assert fingerprint not in {f.fingerprint for f in findings}


def test_the_issue_bar_same_person_and_different_events(
    browser: Browser, served: tuple[Path, review.Server]
) -> None:
    """The issue's bar: on a copy of the example repository, the Kunbolatuly / Kunbolat variant settled
    with "same person" and the 10-day / 15-day pair with "different events", on the page; then
    ``checker check`` reports neither, and the files' diffs are those decisions alone."""
    root, server = served
    before = {p: p.read_text(encoding="utf-8") for p in sorted((root / "claims").glob("*.yaml"))}
    page = _open(browser, server.address)
    _decide(page, _card(page, "N001", "Kunbolatuly"), "same-as", reason=REASON)
    _decide(page, _card(page, "V001", "Jail sentence"), "different-events", reason="February and June trials")
    assert "Recorded: claims/entities.yaml" in page.locator("#review-status").inner_text()
    assert _card(page, "N001", "Kunbolatuly").count() == 0
    assert _card(page, "V001", "Jail sentence").count() == 0
    findings = check_project(root).findings
    assert not [f for f in findings if f.code == "N001" and "Kunbolatuly" in f.message]
    assert not [f for f in findings if f.code == "V001" and "Jail sentence" in f.message]
    removed = {
        path.name: [line for line in _diff(text, path.read_text(encoding="utf-8")) if line.startswith("-")]
        for path, text in before.items()
    }
    assert removed == {path.name: [] for path in before} | {"entities.yaml": ["-judgements: []"]}
    added = {
        path.name: [line for line in _diff(text, path.read_text(encoding="utf-8")) if line.startswith("+")]
        for path, text in before.items()
    }
    assert added["rferl-kunbolat-15-days.yaml"] == ["+    event: rferl-kunbolat-15-days.sentence"]
    assert added["rferl-kunbolatuly-10-days.yaml"] == ["+    event: rferl-kunbolatuly-10-days.sentence"]
    assert "+  - relation: same-as" in added["entities.yaml"]
    assert "+  - id: rferl-kunbolat-15-days.sentence" in added["entities.yaml"]
    assert added["properties.yaml"] == []


def test_different_events_with_two_sources_on_one_side(browser: Browser, tmp_path: Path) -> None:
    """Two sources say 10 days, one 15: the form shows which claims go together, and one event is
    written per side (shared by the two that agree)."""
    root = _three_sources(tmp_path)
    with _serving(root) as server:
        page = _open(browser, server.address)
        card = _card(page, "V001", "Jane Doe")
        form = card.locator("form.decision").filter(
            has=page.locator("input[name=action][value='different-events']")
        )
        assert "event 1: two/s; event 2: one/s, three/s." in (
            form.locator(".decision-note").text_content() or ""
        )
        _decide(page, card, "different-events", reason="two trials")
        assert "Recorded: claims/entities.yaml" in page.locator("#review-status").inner_text()
        assert _card(page, "V001", "Jane Doe").count() == 0
    named = {p.name: p.read_text(encoding="utf-8") for p in (root / "claims").glob("[ot]*.yaml")}
    assert [(name, "event: one.s" in text) for name, text in sorted(named.items())] == [
        ("one.yaml", True),
        ("three.yaml", True),
        ("two.yaml", False),
    ]
    assert "event: two.s" in named["two.yaml"]


def _diff(before: str, after: str) -> list[str]:
    lines = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in lines if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def test_keys_move_between_findings_and_open_the_decisions(
    browser: Browser, served: tuple[Path, review.Server]
) -> None:
    page = _open(browser, served[1].address)
    first, second = (
        page.locator("#findings article.finding").nth(0),
        page.locator("#findings article.finding").nth(1),
    )
    page.keyboard.press("j")
    assert first.evaluate("card => card === document.activeElement")
    page.keyboard.press("j")
    assert second.evaluate("card => card === document.activeElement")
    page.keyboard.press("k")
    assert first.evaluate("card => card === document.activeElement")
    page.keyboard.press("d")
    assert first.locator("details.decide").evaluate("fold => fold.open")
    assert page.evaluate("() => document.activeElement.name") == "reason"
    page.keyboard.type("j stays in the field")
    assert first.locator("textarea[name=reason]").first.input_value() == "j stays in the field"


@pytest.mark.parametrize("width", [DESKTOP, PHONE], ids=["desktop-1280", "phone-375"])
def test_axe_finds_no_violation_on_the_review_page(
    browser: Browser, served: tuple[Path, review.Server], axe_source: str, width: int
) -> None:
    entities = served[0] / "claims" / "entities.yaml"  # an event recorded: the forms offer it in a <select>
    entities.write_text(
        entities.read_text(encoding="utf-8")
        + "\nevents:\n  - id: june-trial\n    name: The June 2021 trial\n",
        encoding="utf-8",
    )
    page = _open(browser, served[1].address, bypass_csp=True, width=width)
    assert page.locator("select[name=event]").count() == 4  # the two claims of V001 and of D001
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    assert _axe_violations(page, axe_source) == []
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width  # fits the screen


def test_record_an_unrecorded_fact_in_the_browser(browser: Browser, axe_source: str, tmp_path: Path) -> None:
    root = tmp_path / "unrecorded"
    shutil.copytree(REPO / "tests/fixtures/rules/Q004-unrecorded-facts-listed", root)
    with _serving(root) as server:
        page = _open(browser, server.address, bypass_csp=True)
        page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
        assert _axe_violations(page, axe_source) == []
        card = _card(page, "Q004", "nine other people")
        title = page.locator(".decision-title", has_text="nine other people")
        form = card.locator("form.decision").filter(has=title)
        assert form.locator("[name=value]").input_value() == "{amount: 10, unit: person}"
        fields = {"id": "picket-size", "subject": "Chinese Consulate", "property": "protest-size", "date": ""}
        for name, value in fields.items():  # every <details> is open already
            form.locator(f"[name='{name}']").fill(value)
        with page.expect_navigation():
            form.locator("button[type=submit]").click()
        assert "recorded claim picket-size" in page.locator("#review-status").inner_text()
        message = _card(page, "Q004", "facts are").locator(".message").inner_text()
        assert "nine other people" not in message  # the finding changed: one fact fewer
    assert "  - id: picket-size\n" in (root / "claims" / "kunbolatuly.yaml").read_text(encoding="utf-8")


def test_without_javascript_the_page_reads_and_the_forms_still_post(
    browser: Browser, served: tuple[Path, review.Server]
) -> None:
    root, server = served
    page = _open(browser, server.address, javascript=False)
    assert page.locator("#findings article.finding").count() > 0
    _decide(page, _card(page, "N001", "Kunbolatuly"), "distinct-from", reason="two men")
    assert "Recorded" in page.locator("#review-status").inner_text()
    assert "relation: distinct-from" in (root / "claims" / "entities.yaml").read_text(encoding="utf-8")
