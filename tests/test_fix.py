"""``checker fix --sha256``: one scalar changes, everything else stays byte for byte."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from checker import fix
from checker.cli import main
from checker.project import find_project
from tests.conftest import REPO, check_project, write_project

ARTICLE = "The court found him guilty and sent him to jail for 10 days.\n"
DIGEST = hashlib.sha256(ARTICLE.encode()).hexdigest()
OLD = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

BLOCK = f"""\
# Recorded from Example News.
source:
  id: example            # the source's id
  title: "Example"
  outlet: Example News
  published: "2021-02-10"
  language: en
  text: sources/example.txt   # the stored article
  sha256: {OLD}  # recorded by hand
claims:
  # the sentence
  - id: sentence
    subject: Jane Doe
    property: jail-sentence
    value: {{amount: 10, unit: day}}
    quote: "sent him to jail for 10 days"
"""


def _project(tmp_path: Path, claim: str | bytes, article: str | None = ARTICLE) -> Path:
    files: list[tuple[str, str | bytes]] = [("claims/example.yaml", claim)]
    if article is not None:
        files.append(("sources/example.txt", article))
    return write_project(tmp_path / "repo", files)


def _fix(root: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    cwd = Path.cwd()
    os.chdir(root)
    try:
        code = main(["fix", "--sha256", *args])
    finally:
        os.chdir(cwd)
    return code, capsys.readouterr().out


def _changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    return [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]


def test_replaces_only_the_hash(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _project(tmp_path, BLOCK)
    code, out = _fix(root, capsys=capsys)
    assert code == 0
    assert out == (
        f"claims/example.yaml: sha256 of sources/example.txt recorded ({OLD[:12]}… → {DIGEST[:12]}…)\n"
        "1 recorded, 0 up to date, 0 not changed (1 claim files)\n"
    )
    after = (root / "claims/example.yaml").read_text(encoding="utf-8")
    assert _changed_lines(BLOCK, after) == [
        (f"  sha256: {OLD}  # recorded by hand", f"  sha256: {DIGEST}  # recorded by hand")
    ]
    assert not [f for f in check_project(root).findings if f.code == "Q002"]
    assert _fix(root, capsys=capsys) == (0, "0 recorded, 1 up to date, 0 not changed (1 claim files)\n")


@pytest.mark.parametrize("quote", ['"', "'"])
def test_keeps_the_quotes(tmp_path: Path, quote: str, capsys: pytest.CaptureFixture[str]) -> None:
    claim = BLOCK.replace(f"sha256: {OLD}", f"sha256: {quote}{OLD}{quote}")
    root = _project(tmp_path, claim)
    assert _fix(root, capsys=capsys)[0] == 0
    after = (root / "claims/example.yaml").read_text(encoding="utf-8")
    assert after == claim.replace(OLD, DIGEST)


def test_adds_a_missing_hash_after_the_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    claim = BLOCK.replace(f"  sha256: {OLD}  # recorded by hand\n", "")
    root = _project(tmp_path, claim)
    assert _fix(root, capsys=capsys)[0] == 0
    after = (root / "claims/example.yaml").read_text(encoding="utf-8")
    assert after == claim.replace(
        "  text: sources/example.txt   # the stored article\n",
        f"  text: sources/example.txt   # the stored article\n  sha256: {DIGEST}\n",
    )


def test_fills_an_empty_hash(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    claim = BLOCK.replace(f"sha256: {OLD}  # recorded by hand", "sha256:")
    root = _project(tmp_path, claim)
    assert _fix(root, capsys=capsys)[0] == 0
    after = (root / "claims/example.yaml").read_text(encoding="utf-8")
    assert after == claim.replace("sha256:", f"sha256: {DIGEST}")


FLOW = (
    "source: {id: example, title: Example, outlet: Example News, published: '2021-02-10', language: en,\n"
    "         text: sources/example.txt%s}  # flow style\n"
    "claims: []\n"
)


@pytest.mark.parametrize(
    ("before", "after"),
    [(FLOW % f", sha256: {OLD}", FLOW % f", sha256: {DIGEST}"), (FLOW % "", FLOW % f", sha256: {DIGEST}")],
    ids=["present", "missing"],
)
def test_flow_mappings(tmp_path: Path, before: str, after: str, capsys: pytest.CaptureFixture[str]) -> None:
    root = _project(tmp_path, before)
    assert _fix(root, capsys=capsys)[0] == 0
    assert (root / "claims/example.yaml").read_text(encoding="utf-8") == after


def test_keeps_crlf_and_byte_order_mark(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    claim = ("\ufeff" + BLOCK.replace(f"  sha256: {OLD}  # recorded by hand\n", "")).replace("\n", "\r\n")
    root = _project(tmp_path, claim.encode("utf-8"))
    assert _fix(root, capsys=capsys)[0] == 0
    after = (root / "claims/example.yaml").read_bytes().decode("utf-8")
    expected = claim.replace(
        "text: sources/example.txt   # the stored article\r\n",
        f"text: sources/example.txt   # the stored article\r\n  sha256: {DIGEST}\r\n",
    )
    assert after == expected


def test_keeps_the_file_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _project(tmp_path, BLOCK)
    (root / "claims/example.yaml").chmod(0o640)
    assert _fix(root, capsys=capsys)[0] == 0
    assert (root / "claims/example.yaml").stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in (root / "claims").iterdir()) == ["example.yaml"]  # no temporary left


def test_check_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _project(tmp_path, BLOCK)
    code, out = _fix(root, "--check", capsys=capsys)
    assert code == 1
    assert "would be recorded" in out and out.endswith(
        "1 would be recorded, 0 up to date, 0 not changed (1 claim files)\n"
    )
    assert (root / "claims/example.yaml").read_text(encoding="utf-8") == BLOCK


@pytest.mark.parametrize(
    ("text", "article", "reason"),
    [
        ("sources/example.txt", None, "source text 'sources/example.txt' does not exist"),
        ("../outside.txt", ARTICLE, "source text '../outside.txt' lies outside the repository"),
        ("sources", ARTICLE, "source text 'sources' is not a file"),
    ],
)
def test_never_touches_a_file_whose_text_is_missing(
    tmp_path: Path, text: str, article: str | None, reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    claim = BLOCK.replace("text: sources/example.txt", f"text: {text}")
    root = _project(tmp_path, claim, article)
    (tmp_path / "outside.txt").write_text(ARTICLE, encoding="utf-8")
    before = (root / "claims/example.yaml").read_bytes()
    code, out = _fix(root, capsys=capsys)
    assert code == 1
    assert out.splitlines()[0] == f"claims/example.yaml: {reason}; not changed"
    assert (root / "claims/example.yaml").read_bytes() == before


@pytest.mark.parametrize(
    ("claim", "reason"),
    [
        (
            BLOCK.replace("  title:", "  id: twice\n  title:"),
            "cannot be loaded (L004 at 4:3: duplicate key 'id'",
        ),
        (BLOCK.replace("  text: sources/example.txt   # the stored article\n", ""), "has no source.text"),
        ("claims: []\n", "has no source.text"),
        (BLOCK.replace(f"sha256: {OLD}  # recorded by hand", f"sha256: |\n    {OLD}"), "one-line value"),
    ],
    ids=["duplicate-key", "no-text", "no-source", "block-scalar"],
)
def test_refuses_what_it_cannot_edit_safely(
    tmp_path: Path, claim: str, reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _project(tmp_path, claim)
    code, out = _fix(root, capsys=capsys)
    assert code == 1
    assert reason in out.splitlines()[0] and "not changed" in out.splitlines()[0]
    assert (root / "claims/example.yaml").read_text(encoding="utf-8") == claim


def test_an_edit_that_changes_more_is_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _project(tmp_path, BLOCK)
    monkeypatch.setattr(
        fix, "_edit", lambda text, digest: text.replace("10 days", "15 days").replace(OLD, digest)
    )
    code, out = _fix(root, capsys=capsys)
    assert code == 1 and "would change more than source.sha256" in out
    assert (root / "claims/example.yaml").read_text(encoding="utf-8") == BLOCK


def test_a_symbolic_link_is_not_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _project(tmp_path, "claims: []\n")
    (root / "elsewhere.yaml").write_text(BLOCK, encoding="utf-8")
    (root / "claims/example.yaml").unlink()
    (root / "claims/example.yaml").symlink_to(root / "elsewhere.yaml")
    code, out = _fix(root, capsys=capsys)
    assert code == 1 and "symbolic link" in out
    assert (root / "claims/example.yaml").is_symlink()


def test_the_example_claims_are_up_to_date() -> None:
    outcomes = fix.record_sha256(
        sorted((REPO / "claims").glob("rferl-*.yaml")), find_project([REPO / "claims"]), write=False
    )
    assert {o.status for o in outcomes} == {fix.Status.CURRENT}


def test_fix_needs_to_be_told_what_to_fix(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fix"]) == 2
    assert "--sha256" in capsys.readouterr().err
