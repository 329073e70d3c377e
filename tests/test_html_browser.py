"""The seed repository's HTML report in a real browser: Debian's Chromium driven by Playwright.

The page must load with no console error (a wrong CSP hash shows up as one)
and no request of any kind beyond the file itself; the filters must change
what is shown and live in the page's address (restored on load); the info
notes are folded until a click, a filter or a link opens them; quotes must
be highlighted side by side; without JavaScript every error and warning must
still be there and the notes a click away. axe-core (vendored in
tests/data/axe-core/, see its README) must find no accessibility violation
at a desktop (1280 px) and a phone (375 px) width, folded and unfolded, nor
on a page whose findings are capped. A full-page screenshot is written to
reports/screenshots/seed-report.png for people to look at.

Chromium comes from tests/install-browser.sh (Debian's package). Where it,
Playwright or the vendored axe-core is missing, the test is skipped on a
developer's machine but fails under CI (CI=true), so that CI cannot pass
without running it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import pytest

from checker import cli
from checker.findings import Severity
from checker.reporters import html
from checker.reporters.base import Report
from tests.conftest import REPO, VENDOR

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

SCREENSHOT = REPO / "reports" / "screenshots" / "seed-report.png"
AXE = VENDOR / "axe-core" / "axe.min.js"  # see tests/data/axe-core/README.md
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"  # axe-core 4.14.1
DESKTOP, PHONE = 1280, 375
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


def _load(
    browser: Browser,
    report: Path,
    *,
    javascript: bool = True,
    width: int = DESKTOP,
    address: str = "",
    bypass_csp: bool = False,
) -> Iterator[Loaded]:
    """The report loaded at ``width``; ``address`` is what follows the file's URL (?query#hash).

    ``bypass_csp`` lets a test add its own script (axe-core); the page's own CSP is tested without it.
    """
    context = browser.new_context(
        viewport={"width": width, "height": 900}, java_script_enabled=javascript, bypass_csp=bypass_csp
    )
    page = context.new_page()
    loaded = Loaded(page, report.as_uri() + address)
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


def _unfolded(seed: Report) -> int:
    """The findings shown before the info fold is opened: errors and warnings."""
    return sum(f.severity > Severity.INFO for f in seed.findings)


def test_loads_cleanly_and_makes_no_request(loaded: Loaded, seed: Report) -> None:
    page = loaded.page
    assert page.locator("#filter-panel").is_visible()  # the script ran: no CSP block
    total = len(seed.findings)
    assert page.locator("#filter-status").inner_text() == f"Showing all {total} findings."
    assert len(_visible_codes(page)) == _unfolded(seed) == 3  # the info notes are folded
    assert page.locator("#fold-info > summary").is_visible()
    assert page.url == loaded.url  # no filter: the address is left alone
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert SCREENSHOT.stat().st_size > 10_000
    assert loaded.errors == []
    assert loaded.failed == []
    assert [u for u in loaded.requests if not u.startswith("data:")] == [loaded.url]


def test_severity_filter_hides_the_other_severities(loaded: Loaded, seed: Report) -> None:
    page = loaded.page
    info = page.locator("#findings .finding-info").first
    assert info.is_hidden()  # folded
    page.select_option("#filter-severity", "info")
    assert info.is_visible()  # a filter that matches folded findings opens the fold
    assert len(_visible_codes(page)) == len([f for f in seed.findings if f.severity is Severity.INFO])
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
        assert page.locator("#findings .finding:visible").count() == _unfolded(seed)
        page.click("#fold-info > summary")  # a native <details>: no script needed
        assert page.locator("#findings .finding:visible").count() == len(seed.findings)
        assert page.locator("mark").count() > 0
        assert loaded.errors == [] and loaded.failed == []


# -- the filters in the address ----------------------------------------------------------------


def test_filters_are_kept_in_the_address(browser: Browser, seed_report: Path, seed: Report) -> None:
    for loaded in _load(browser, seed_report):
        page = loaded.page
        page.select_option("#filter-rule", "V001")
        page.select_option("#filter-source", "rferl-kunbolatuly-10-days")
        assert page.url == loaded.url + "?rule=V001&source=rferl-kunbolatuly-10-days"
        page.reload(wait_until="load")
        assert page.input_value("#filter-rule") == "V001"
        assert page.input_value("#filter-source") == "rferl-kunbolatuly-10-days"
        assert _visible_codes(page) == ["V001"]
        page.click("button[type=reset]")
        _wait_until_no_card_is_hidden(page)
        assert page.url == loaded.url
        assert loaded.errors == []


def test_address_restores_filters_on_load(browser: Browser, seed_report: Path, seed: Report) -> None:
    expected = [f for f in seed.findings if f.code == "C002"]
    for loaded in _load(browser, seed_report, address="?severity=info&rule=C002&entity=nobody&x=1"):
        page = loaded.page
        assert expected and _visible_codes(page) == ["C002"] * len(expected)
        assert page.evaluate("() => document.getElementById('fold-info').open") is True
        assert page.input_value("#filter-entity") == ""  # a value no option has is ignored
        assert page.locator("#filter-status").inner_text() == (
            f"Showing {len(expected)} of {len(seed.findings)} findings."
        )
        assert loaded.errors == []


def test_a_link_into_the_fold_opens_it(browser: Browser, seed_report: Path) -> None:
    for loaded in _load(browser, seed_report):
        anchor = loaded.page.locator("#fold-info article.finding").first.get_attribute("id")
    assert anchor
    for loaded in _load(browser, seed_report, address=f"#{anchor}"):
        page = loaded.page
        assert page.locator(f"#{anchor}").is_visible()
        assert page.evaluate("() => document.getElementById('fold-info').open") is True
        assert loaded.errors == []


# -- accessibility: axe-core ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        _unavailable(f"axe-core is missing: {AXE.relative_to(REPO)} (see tests/data/axe-core/README.md)")
    data = AXE.read_bytes()
    assert hashlib.sha256(data).hexdigest() == AXE_SHA256, (
        "not the axe-core tests/data/axe-core/README.md names"
    )
    return data.decode("utf-8")


def _axe_violations(page: Page, axe_source: str) -> list[str]:
    """What axe-core finds on the page as it is now (every rule axe runs by default)."""
    page.add_script_tag(content=axe_source)
    found: list[dict[str, object]] = page.evaluate(
        "async () => (await axe.run(document)).violations.map(v => ({id: v.id, impact: v.impact,"
        " help: v.help, targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))"
    )
    return [f"{v['id']} ({v['impact']}): {v['help']} at {v['targets']}" for v in found]


@pytest.mark.parametrize("width", [DESKTOP, PHONE], ids=["desktop-1280", "phone-375"])
@pytest.mark.parametrize("address", ["", "?severity=info"], ids=["folded", "info-open"])
def test_axe_finds_no_violation(
    browser: Browser, seed_report: Path, axe_source: str, width: int, address: str
) -> None:
    for loaded in _load(browser, seed_report, width=width, address=address, bypass_csp=True):
        page = loaded.page
        assert page.locator("#filter-panel").is_visible()
        assert _axe_violations(page, axe_source) == []
        # nothing but the scroll regions scrolls sideways: the page fits the screen
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
        assert loaded.errors == []


@pytest.mark.parametrize("width", [DESKTOP, PHONE], ids=["desktop-1280", "phone-375"])
def test_axe_finds_no_violation_on_a_capped_page(
    browser: Browser, seed: Report, axe_source: str, tmp_path: Path, width: int
) -> None:
    capped = tmp_path / "capped.html"
    capped.write_text(html.render(seed, max_cards=2, max_rows=1), encoding="utf-8")
    for loaded in _load(browser, capped, width=width, bypass_csp=True):
        page = loaded.page
        ids = page.locator(".capped").evaluate_all("notices => notices.map(n => n.id)")
        assert ids == ["capped-warning", "capped-info", "capped-sources"]
        page.click("#fold-info > summary")
        assert _axe_violations(page, axe_source) == []
        assert loaded.errors == []


def test_scroll_regions_take_the_keyboard_focus(loaded: Loaded) -> None:
    page = loaded.page
    regions = page.locator(".table-scroll")
    assert regions.count() == 2
    for index in range(regions.count()):
        region = regions.nth(index)
        region.focus()
        assert region.evaluate("r => document.activeElement === r")
        name = region.evaluate("r => document.getElementById(r.getAttribute('aria-labelledby')).textContent")
        assert name.startswith("Table of ")
