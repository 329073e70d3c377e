"""The seed repository's HTML report in a real browser: Debian's Chromium driven by Playwright.

The page must load with no console error (a wrong CSP hash shows up as one)
and no request of any kind beyond the file itself; the filters must change
what is shown; quotes must be highlighted side by side; without JavaScript
every finding must still be there. A full-page screenshot is written to
reports/screenshots/seed-report.png for people to look at.

Chromium comes from tests/install-browser.sh (Debian's package). Where it or
Playwright is missing, the test is skipped on a developer's machine but fails
under CI (CI=true), so that CI cannot pass without running it.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import pytest

from checker import cli
from checker.reporters.base import Report
from tests.conftest import REPO

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

SCREENSHOT = REPO / "reports" / "screenshots" / "seed-report.png"
# Flags for a headless Chromium in a container: no sandbox (root), and no background traffic.
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _unavailable(reason: str) -> NoReturn:
    if _in_ci():
        pytest.fail(f"{reason}; CI is set, so the browser test must run (see tests/install-browser.sh)")
    pytest.skip(f"{reason} (run tests/install-browser.sh and install the test extras)")


def _chromium() -> str | None:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if importlib.util.find_spec("playwright") is None:
        _unavailable("playwright is not installed")
    executable = _chromium()
    if executable is None:
        _unavailable("Chromium is not installed")
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - only when it is installed

    # Playwright gives each launch a fresh temporary profile (its own --user-data-dir).
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, headless=True, args=ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html-report")
    saved = os.environ.pop("SOURCE_DATE_EPOCH", None)
    try:
        assert cli.main(["report", "--format", "html", "-o", str(out), str(REPO / "claims")]) == 0
    finally:
        if saved is not None:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    return out / "claimcheck.html"


@pytest.fixture(scope="module")
def seed() -> Report:
    from checker import reporting  # noqa: PLC0415
    from tests.conftest import check_project  # noqa: PLC0415

    result = check_project(REPO)
    return reporting.build(result)


@dataclass
class Loaded:
    """A page with the report loaded, and what the browser reported while loading and using it."""

    page: Page
    url: str
    errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


def _load(browser: Browser, report: Path, *, javascript: bool = True) -> Iterator[Loaded]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=javascript)
    page = context.new_page()
    loaded = Loaded(page, report.as_uri())
    page.on(
        "console", lambda message: loaded.errors.append(message.text) if message.type == "error" else None
    )
    page.on("pageerror", lambda error: loaded.errors.append(str(error)))
    page.on("requestfailed", lambda request: loaded.failed.append(request.url))
    page.on("request", lambda request: loaded.requests.append(request.url))
    page.goto(loaded.url, wait_until="load")
    try:
        yield loaded
    finally:
        context.close()


@pytest.fixture
def loaded(browser: Browser, seed_report: Path) -> Iterator[Loaded]:
    yield from _load(browser, seed_report)


def _wait_until_no_card_is_hidden(page: Page) -> None:
    """A locator assertion, not wait_for_function: polling a string expression makes Playwright
    try eval(), which the report's CSP refuses with a console error that the tests would count."""
    from playwright.sync_api import expect  # noqa: PLC0415 - only when it is installed

    expect(page.locator("#findings .finding[hidden]")).to_have_count(0)


def _visible_codes(page: Page) -> list[str]:
    return page.locator("#findings .finding:visible .code").all_inner_texts()


def test_loads_cleanly_and_makes_no_request(loaded: Loaded, seed: Report) -> None:
    page = loaded.page
    assert page.locator("#filter-panel").is_visible()  # the script ran: no CSP block
    total = len(seed.findings)
    assert page.locator("#filter-status").inner_text() == f"Showing all {total} findings."
    assert len(_visible_codes(page)) == total
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert SCREENSHOT.stat().st_size > 10_000
    assert loaded.errors == []
    assert loaded.failed == []
    assert [u for u in loaded.requests if not u.startswith("data:")] == [loaded.url]


def test_severity_filter_hides_the_other_severities(loaded: Loaded, seed: Report) -> None:
    page = loaded.page
    info = page.locator("#findings .finding-info").first
    assert info.is_visible()
    page.select_option("#filter-severity", "warning")
    warnings = [f for f in seed.findings if str(f.severity) == "warning"]
    assert warnings and len(_visible_codes(page)) == len(warnings)
    assert info.is_hidden()
    assert page.locator("#group-info").is_hidden()  # an emptied group hides its heading too
    assert (
        page.locator("#filter-status").inner_text()
        == f"Showing {len(warnings)} of {len(seed.findings)} findings."
    )
    page.click("button[type=reset]")
    _wait_until_no_card_is_hidden(page)
    assert len(_visible_codes(page)) == len(seed.findings)
    assert loaded.errors == []


def test_rule_filter_shows_only_that_rule(loaded: Loaded, seed: Report) -> None:
    page = loaded.page
    for code in ("V001", "N001", "C002"):
        page.select_option("#filter-rule", code)
        expected = [f for f in seed.findings if f.code == code]
        assert expected and _visible_codes(page) == [code] * len(expected)
    assert loaded.errors == []


def test_source_and_entity_filters(loaded: Loaded, seed: Report) -> None:
    page = loaded.page
    page.select_option("#filter-entity", "Qasym-Zhomart Toqaev")
    shown = page.locator("#findings .finding:visible")
    assert 0 < shown.count() < len(seed.findings)
    for text in shown.all_inner_texts():
        assert "Qasym-Zhomart Toqaev" in text
    page.select_option("#filter-entity", "")
    page.select_option("#filter-source", "rferl-kunbolatuly-10-days")
    locations = page.locator("#findings .finding:visible").all_inner_texts()
    assert locations and all("rferl-kunbolatuly-10-days" in text for text in locations)
    # a combination that matches nothing says so, and offers to show everything again
    page.select_option("#filter-severity", "warning")
    page.select_option("#filter-rule", "C001")
    assert page.locator("#no-match").is_visible()
    page.click("#clear-filters")
    _wait_until_no_card_is_hidden(page)
    assert loaded.errors == []


def test_quotes_highlighted_side_by_side(loaded: Loaded) -> None:
    page = loaded.page
    card = page.locator("#findings .finding", has=page.locator(".code", has_text="V001"))
    sides = card.locator(".side")
    assert sides.count() == 2
    marks = card.locator(".side mark").all_inner_texts()
    assert any("15 days" in m for m in marks) and any("10 days" in m for m in marks)
    left, right = (sides.nth(i).bounding_box() for i in range(2))
    assert left is not None and right is not None
    assert abs(left["y"] - right["y"]) < 1 and right["x"] > left["x"] + left["width"] - 1
    background = card.locator(".side mark").first.evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert loaded.errors == []


def test_without_javascript_everything_is_shown(browser: Browser, seed_report: Path, seed: Report) -> None:
    for loaded in _load(browser, seed_report, javascript=False):
        page = loaded.page
        assert page.locator("#filter-panel").is_hidden()
        assert page.locator("#findings .finding:visible").count() == len(seed.findings)
        assert page.locator("mark").count() > 0
        assert loaded.errors == [] and loaded.failed == []
