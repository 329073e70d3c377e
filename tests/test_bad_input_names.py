"""Names that resolve only within their article: reports never look them up without it.

Found by the fuzz suite (tests/fuzz): "Kunbolatuly's mother x" names no
identity of its own once the article's short forms are worked out, and the
report's entity labels looked it up by its source-free key: an internal error
(KeyError) instead of a report.
"""

from __future__ import annotations

import json
from pathlib import Path

from checker.reporters import REPORTERS, Options
from checker.reporting import build
from tests.conftest import check_project, write_project

CLAIMS = """\
source: {id: a, title: t, outlet: o, published: "2019-01-01", language: en, text: sources/a.txt,
  sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
claims:
  - {id: c0, subject: Kunbolatuly, property: p, value: {entity: "Kunbolatuly's mother x"}, quote: q}
  - {id: c1, subject: "Kunbolatuly's mother", property: p, value: {date: "2019-01-01"}, quote: q}
"""


def test_every_report_renders_names_resolved_within_their_article(tmp_path: Path) -> None:
    root = write_project(tmp_path / "repo", [("claims/a.yaml", CLAIMS), ("sources/a.txt", "")])
    result = check_project(root)
    report = build(result)
    labels = {label for row in report.finding_entities for label in row.labels}
    assert "Kunbolatuly" in labels
    for reporter in REPORTERS.values():
        reporter.render(report, Options())
    assert json.loads(REPORTERS["json"].render(report, Options()))["findings"]
