"""The HTML report: golden seed page, hostile text, CSP hashes, excerpts, no-JS content."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import hashlib
import itertools
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import jinja2
import pytest

from checker import cli
from checker.findings import Finding, Location, Quote, Severity, Subject, Waived, Waiver
from checker.reporters import REPORTERS, Options, html
from checker.reporters.base import Article, FindingEntities, QuoteSpan, Report, VariantRow
from checker.textsafe import escape
from tests.conftest import REPO
from tests.golden import assert_golden

GOLDEN = Path(__file__).parent / "golden" / "seed.html"

HOSTILE = "</script><script>alert(1)</script> <img src=x onerror=alert(2)> \u202e\x1b[31m \"'` &amp;"
HOSTILE_ARTICLE = f"Before the quote. The {HOSTILE} said so.\n\nAfter it."


def render_seed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The seed repository's HTML report, as `checker report --format html` writes it."""
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert cli.main(["report", "--format", "html", "-o", str(tmp_path), "claims/"]) == 0
    return (tmp_path / "claimcheck.html").read_text(encoding="utf-8")


def test_seed_report_matches_golden(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = render_seed(tmp_path, monkeypatch)
    capsys.readouterr()
    assert_golden(GOLDEN, out)


class Page(HTMLParser):
    """Every start tag with its attributes, and the text of each script and style element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.blocks: list[tuple[str, dict[str, str | None], str]] = []
        self._open: tuple[str, dict[str, str | None]] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._open, self._text = (tag, dict(attrs)), []

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._open is not None and tag == self._open[0]:
            self.blocks.append((*self._open, "".join(self._text)))
            self._open = None


def parse(document: str) -> Page:
    page = Page()
    page.feed(document)
    page.close()
    return page


def csp_of(page: Page) -> dict[str, list[str]]:
    [content] = [
        a["content"] or ""
        for tag, a in page.tags
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy"
    ]
    directives = [part.split() for part in content.split(";") if part.strip()]
    return {words[0]: words[1:] for words in directives}


def sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def assert_csp_allows_exactly_the_inline_blocks(page: Page) -> None:
    csp = csp_of(page)
    assert csp["default-src"] == ["'none'"]
    styles = [text for tag, _, text in page.blocks if tag == "style"]
    scripts = [text for tag, attrs, text in page.blocks if tag == "script" and "type" not in attrs]
    assert len(styles) == 1 and len(scripts) == 1
    assert csp["style-src"] == [sha256_source(styles[0])]
    assert csp["script-src"] == [sha256_source(scripts[0])]
    assert not [a for tag, a in page.tags if tag == "style" or (tag != "meta" and "style" in a)][1:]


def hostile_report(*, waived: bool = True) -> Report:
    where = Location(f"claims/{HOSTILE}.yaml", 3, 5)
    quote = Quote(HOSTILE, Location(where.path, 4, 12), "evil")
    other = Quote(f"not in the text {HOSTILE}", Location(where.path, 9, 12), "evil")
    finding = Finding(
        "V001",
        "value-conflict",
        Severity.ERROR,
        f"message {HOSTILE}",
        where,
        related=(Location(where.path, 9, 12), Location("claims/other.yaml", 1, 1)),
        quotes=(quote, other),
        action=f"action {HOSTILE}",
        subject=Subject(claims=("evil/a", "evil/b")),
    )
    start = HOSTILE_ARTICLE.index(HOSTILE)
    article = Article(
        "evil", f"title {HOSTILE}", HOSTILE, HOSTILE, "2021", "en", where.path, "t", HOSTILE_ARTICLE
    )
    waiver = Waiver(f"reason {HOSTILE}", Location("checker.yaml", 2, 3), rule="V001", by=HOSTILE)
    return Report(
        findings=(finding,),
        files=1,
        claims=2,
        waived=(Waived(finding, waiver),) if waived else (),
        articles=(article,),
        quote_spans=(QuoteSpan("evil", HOSTILE, start, start + len(HOSTILE)),),
        variants=(VariantRow(HOSTILE, "a", (HOSTILE,), "B", "b", ("B",), HOSTILE),),
        finding_entities=(FindingEntities(finding.fingerprint, (HOSTILE, "plain")),),
    )


def test_hostile_text_stays_text() -> None:
    document = html.render(hostile_report())
    page = parse(document)
    scripts = [(attrs, text) for tag, attrs, text in page.blocks if tag == "script"]
    assert [attrs for attrs, _ in scripts] == [{"type": "application/json", "id": "finding-data"}, {}]
    assert "alert" not in scripts[1][1]  # our script is our script
    assert not [tag for tag, _ in page.tags if tag in ("img", "iframe", "object", "embed", "base")]
    assert not [(tag, name) for tag, attrs in page.tags for name in attrs if name.startswith("on")]
    assert "<script>alert" not in document and "<img" not in document
    assert "\u202e" not in document and "\x1b" not in document
    assert "\\u202e\\x1b[31m" in document  # shown as visible escapes instead
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in document
    assert "&amp;amp;" in document  # an entity in user text is shown as written, not decoded
    assert_csp_allows_exactly_the_inline_blocks(page)


def test_filter_data_cannot_close_its_script_block() -> None:
    document = html.render(hostile_report())
    raw = document.split('<script type="application/json" id="finding-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in raw and ">" not in raw and "&" not in raw
    assert "\u2028" not in html._json_block(["\u2028\u2029"])
    [entry] = json.loads(raw)["findings"]
    assert entry["entities"] == [escape(HOSTILE), "plain"]
    assert entry["rule"] == "V001" and entry["severity"] == "error"


def test_filter_options_match_the_data_values() -> None:
    """The option values the page prints equal the values in the JSON the script compares them with."""
    document = html.render(hostile_report())
    page = parse(document)
    options = [a.get("value") for tag, a in page.tags if tag == "option"]
    [entry] = json.loads(next(t for tag, a, t in page.blocks if a.get("id") == "finding-data"))["findings"]
    for value in entry["entities"] + entry["sources"] + [entry["rule"], entry["severity"]]:
        assert value in options


def test_quotes_are_marked_in_their_excerpts() -> None:
    document = html.render(hostile_report(waived=False))
    marks = re.findall(r"<mark>(.*?)</mark>", document, re.DOTALL)
    assert marks[0].startswith("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;")
    assert "Before the quote. The " in document
    assert "this passage was not found in the stored article text" in document


def test_environment_autoescapes_every_template_and_is_strict() -> None:
    env = html._environment()
    assert env.autoescape is True
    assert env.undefined is jinja2.StrictUndefined
    assert env.list_templates()  # the templates ship with the package
    assert env.from_string("{{ x }}").render(x="<b>\u202e") == "&lt;b&gt;\\u202e"
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ missing }}").render()


def test_excerpt_context_cut_at_words_with_elisions() -> None:
    text = "word " * 100 + "alpha beta gamma delta epsilon" + " tail" * 100
    start = text.index("alpha")
    span = QuoteSpan(
        "s",
        "alpha ... delta",
        start,
        text.index("delta") + 5,
        ((start, start + 5), (text.index("delta"), text.index("delta") + 5)),
    )
    segments = html.excerpt_of(text, span)
    kinds = [s.kind for s in segments]
    assert kinds == ["text", "text", "mark", "elided", "mark", "text", "text"]
    assert segments[0].text == "\u2026 " and segments[-1].text == " \u2026"
    assert segments[1].text.startswith("word ") and segments[1].text.endswith(" ")
    assert [s.text for s in segments if s.kind == "mark"] == ["alpha", "delta"]
    assert segments[3].text == " beta gamma "
    before = len(segments[1].text)
    assert 140 <= before <= html.CONTEXT and segments[5].text.startswith(" epsilon tail")


def test_excerpt_shows_paragraph_breaks_and_whole_short_texts() -> None:
    text = "First paragraph.\n\nThe quoted   words\nhere."
    start = text.index("quoted")
    segments = html.excerpt_of(text, QuoteSpan("s", "quoted words", start, start + len("quoted   words")))
    assert [(s.kind, s.text) for s in segments] == [
        ("text", "First paragraph."),
        ("break", "\u00b6"),
        ("text", "The "),
        ("mark", "quoted words"),
        ("break", "\u00b6"),
        ("text", "here."),
    ]


def test_without_javascript_every_finding_is_visible() -> None:
    page = parse(html.render(hostile_report()))
    cards = [a for tag, a in page.tags if tag == "article"]
    assert len(cards) == 2  # the finding, and the waived one
    assert not [a for a in cards if "hidden" in a]
    [panel] = [a for tag, a in page.tags if a.get("id") == "filter-panel"]
    assert "hidden" in panel  # the filters appear only when the script runs


def test_waived_findings_apart_with_reason_who_and_expiry() -> None:
    report = hostile_report()
    waiver = Waiver(
        "checked with the reporter",
        Location("checker.yaml", 4, 5),
        fingerprint="abc",
        by="night desk",
        expires=dt.date(2030, 1, 31),
    )
    report = dataclasses.replace(report, waived=(Waived(report.findings[0], waiver),))
    document = html.render(report)
    waived = document.split('id="waived"', 1)[1]
    assert "<details>" in waived and "checked with the reporter" in waived
    assert "night desk" in waived and '<time datetime="2030-01-31">' in waived
    assert 'id="w-' in waived


def test_empty_state_and_no_timestamp_unless_asked() -> None:
    empty = html.render(Report(findings=(), files=3, claims=12))
    assert "No findings." in empty and "3 files (12 claims)" in empty
    assert 'id="filter-panel"' not in empty
    assert "<time" not in empty
    stamped = html.render(Report(findings=(), files=1, claims=1, timestamp="2021-06-24T00:00:00Z"))
    assert '<time datetime="2021-06-24T00:00:00Z">' in stamped
    assert_csp_allows_exactly_the_inline_blocks(parse(empty))


def test_registered_and_deterministic() -> None:
    reporter = REPORTERS["html"]
    assert reporter.filename == "claimcheck.html"
    report = hostile_report()
    assert reporter.render(report, Options()) == reporter.render(report, Options())


def test_headings_descend_without_skipping() -> None:
    page = parse(GOLDEN.read_text(encoding="utf-8"))
    levels = [int(tag[1]) for tag, _ in page.tags if re.fullmatch(r"h[1-6]", tag)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))
    landmarks = {tag for tag, _ in page.tags} & {"header", "main", "footer"}
    assert landmarks == {"header", "main", "footer"}
    ids = [a["id"] for _, a in page.tags if a.get("id")]
    assert len(ids) == len(set(ids))
    labelled = {a.get("for") for tag, a in page.tags if tag == "label"}
    assert {a.get("id") for tag, a in page.tags if tag == "select"} <= labelled


# -- folds, caps and scroll regions ---------------------------------------------------------------


def _report_of(severities: list[Severity], *, articles: int = 1, variants: int = 1) -> Report:
    """``len(severities)`` findings, each quoting one article, plus tables of the given sizes."""
    text = "Before. The court sent him to jail for 10 days. After."
    start = text.index("The court")
    quote = "The court sent him to jail for 10 days."
    findings = tuple(
        Finding(
            "V001",
            "value-conflict",
            severity,
            f"finding {i}",
            Location(f"claims/f{i}.yaml", 3, 5),
            quotes=(Quote(quote, Location(f"claims/f{i}.yaml", 4, 12), "a0"),),
            subject=Subject(claims=(f"a0/c{i}",)),
        )
        for i, severity in enumerate(severities)
    )
    return Report(
        findings=findings,
        files=len(findings),
        claims=len(findings),
        articles=tuple(
            Article(f"a{i}", f"Title {i}", "Outlet", "Pub", "2021", "en", f"claims/a{i}.yaml", "t", text)
            for i in range(articles)
        ),
        quote_spans=(QuoteSpan("a0", quote, start, start + len(quote)),),
        variants=tuple(
            VariantRow(f"N{i}", f"n{i}", ("N",), f"M{i}", f"m{i}", ("M",), "why") for i in range(variants)
        ),
    )


def _fold(document: str) -> str:
    return document.split('<details class="fold" id="fold-info">', 1)[1].split("</details>", 1)[0]


def test_info_findings_are_folded_and_the_rest_is_not() -> None:
    severities = [Severity.ERROR, Severity.INFO, Severity.WARNING, Severity.INFO]
    document = html.render(_report_of(severities))
    fold = _fold(document)
    assert "<summary>Show 2 info findings: notes for review, not problems</summary>" in fold
    assert fold.count('<article class="finding finding-info"') == 2
    outside = document.replace(fold, "")
    assert outside.count('<article class="finding finding-error"') == 1
    assert outside.count('<article class="finding finding-warning"') == 1
    assert 'finding-info"' not in outside
    # no fold when there is no info
    assert "fold-info" not in html.render(_report_of([Severity.WARNING]))


def test_seed_page_folds_its_info(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    document = GOLDEN.read_text(encoding="utf-8")
    fold = _fold(document)
    assert fold.count('<article class="finding finding-info"') == 18
    assert document.count('<article class="finding finding-warning"') == 3
    assert "finding-warning" not in fold


def test_a_large_report_is_capped_with_a_notice() -> None:
    severities = [Severity.ERROR] * 7 + [Severity.WARNING] * 2 + [Severity.INFO] * 1_234
    report = _report_of(severities, articles=5, variants=4)
    document = html.render(report, max_cards=3, max_rows=2)
    page = parse(document)
    cards = [a for tag, a in page.tags if tag == "article"]
    assert len(cards) == 3 + 2 + 3
    assert '<span class="count-n">7</span> errors' in document  # the header counts everything
    assert '<span class="count-n">1234</span> info' in document
    assert 'Errors <span class="group-count">(7)</span>' in document
    assert (
        '<p class="capped" id="capped-error"><strong>4 more errors not shown.</strong>'
        " This page shows the first 3 of 7, to stay a reasonable size; the JSON report"
        " (<code>claimcheck.json</code>) and the SARIF report (<code>claimcheck.sarif</code>) hold every"
        " finding, and <code>checker check --show error</code> prints them.</p>"
    ) in document
    assert 'id="capped-warning"' not in document
    assert "<strong>1,231 more info not shown.</strong> This page shows the first 3 of 1,234" in document
    assert "<strong>3 more articles not shown.</strong>" in document
    assert "<strong>2 more name variants not shown.</strong>" in document
    assert "The filters search the findings shown on this page" in document
    data = json.loads(next(t for tag, a, t in page.blocks if a.get("id") == "finding-data"))
    assert len(data["findings"]) == 8  # the filters know the cards on the page
    assert 'class="capped"' not in html.render(_report_of([Severity.ERROR] * 3), max_cards=3)
    assert_csp_allows_exactly_the_inline_blocks(page)


def test_waived_findings_are_capped_too() -> None:
    report = hostile_report()
    waived = report.waived * 5
    document = html.render(dataclasses.replace(report, waived=waived), max_cards=2)
    assert '<span class="count-n">5</span> waived' in document
    assert "<strong>3 more waived findings not shown.</strong>" in document
    assert len(re.findall(r'<article [^>]* id="w-', document)) == 2


def test_size_stays_reasonable_for_a_hundred_thousand_findings() -> None:
    three = _report_of([Severity.ERROR, Severity.WARNING, Severity.INFO], articles=2_000, variants=5_000)
    report = dataclasses.replace(three, findings=three.findings * 33_334)  # quicker than 100,002 new ones
    document = html.render(report)
    size = len(document.encode("utf-8"))
    assert size < 3_000_000, size
    assert document.count("<article ") == 3 * html.MAX_CARDS


_OVERFLOW = re.compile(r"([^{}]+)\{[^}]*overflow(?:-[xy])?\s*:\s*(?:auto|scroll)", re.MULTILINE)


def test_every_scroll_region_takes_the_focus_and_has_a_name() -> None:
    """axe's scrollable-region-focusable, checked without a browser: every element of a class the
    stylesheet lets scroll is focusable (tabindex 0), a named region (its label names an element)."""
    css = (REPO / "checker" / "reporters" / "templates" / "report.css").read_text(encoding="utf-8")
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    scrolling = {
        selector.strip().removeprefix(".")
        for match in _OVERFLOW.finditer(css)
        for selector in match.group(1).split(",")
    }
    assert scrolling == {"table-scroll"}  # a new scrolling class must be added here and be focusable
    page = parse(GOLDEN.read_text(encoding="utf-8"))
    ids = {a["id"] for _, a in page.tags if a.get("id")}
    regions = [a for _, a in page.tags if "table-scroll" in (a.get("class") or "").split()]
    assert len(regions) == 2
    for attrs in regions:
        assert attrs.get("tabindex") == "0" and attrs.get("role") == "region"
        assert attrs.get("aria-labelledby") in ids
