"""``checker fmt`` and the lossless writer (checker/yamlwrite.py): layout changes, nothing else does."""

from __future__ import annotations

import os
import stat
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

import pytest

from checker import fmt, yamlwrite
from checker.cli import main
from checker.loader import load_yaml
from checker.models import ClaimFile
from tests.conftest import REPO, write_project

UNORDERED = """\
# A claim file laid out by hand.
claims:
  # the sentence
  - quote: "sent him to jail for 10 days"   # verbatim
    id: sentence
    value: {unit: day, amount: 10}
    subject: Jane Doe
    property: jail-sentence
source:
  title: "Example"
  id: example
  outlet: Example News
  published: "2021-02-10"
  language: en
  text: sources/example.txt
  sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
"""

ORDERED = """\
# A claim file laid out by hand.
source:
  id: example
  title: "Example"
  outlet: Example News
  published: "2021-02-10"
  language: en
  text: sources/example.txt
  sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
claims:
  # the sentence
  - id: sentence
    subject: Jane Doe
    property: jail-sentence
    value: {amount: 10, unit: day}
    quote: "sent him to jail for 10 days"   # verbatim
"""


def _run(root: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    cwd = Path.cwd()
    os.chdir(root)
    try:
        code = main(["fmt", *args])
    finally:
        os.chdir(cwd)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _format(text: str, name: str = "example.yaml", tmp_path: Path | None = None) -> str:
    path = (tmp_path or Path("/nonexistent")) / name
    data = load_yaml(text).data
    return fmt.format_text(yamlwrite.Original(path, text.encode(), text, data), fmt.model_for(path))


def test_orders_keys_as_the_models_do_and_keeps_every_comment() -> None:
    assert _format(UNORDERED) == ORDERED
    assert _format(ORDERED) == ORDERED


def test_unknown_keys_keep_their_order_after_the_known_ones() -> None:
    text = "zeta: 1\nclaims: []\nalpha: 2\nsource: {id: x}\n"
    assert _format(text) == "source: {id: x}\nclaims: []\nzeta: 1\nalpha: 2\n"


def test_the_repository_is_formatted(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(REPO, "--check", capsys=capsys)
    assert code == 0, out + err
    assert "0 would be reformatted" in err and "0 not formatted" in err


def test_check_exits_1_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_project(tmp_path / "repo", [("claims/example.yaml", UNORDERED)])
    code, out, err = _run(root, "--check", "--diff", capsys=capsys)
    assert code == 1
    assert "claims/example.yaml: would be reformatted" in err
    assert (
        out.startswith("--- a/claims/example.yaml\n+++ b/claims/example.yaml\n@@") and "+  id: example" in out
    )
    assert "1 would be reformatted, 1 already formatted, 0 not formatted (2 files)" in err
    assert (root / "claims/example.yaml").read_text(encoding="utf-8") == UNORDERED


def test_diff_alone_writes_nothing_either(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """As in black and ruff: --diff shows the change and leaves the file to the editor."""
    root = write_project(tmp_path / "repo", [("claims/example.yaml", UNORDERED)])
    code, out, err = _run(root, "--diff", capsys=capsys)
    assert code == 1 and "+  id: example" in out and "1 would be reformatted" in err
    assert (root / "claims/example.yaml").read_text(encoding="utf-8") == UNORDERED


def test_what_init_writes_is_formatted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A new repository passes `checker fmt --check` in CI from its first commit."""
    root = tmp_path / "new"
    root.mkdir()
    assert main(["init", str(root)]) == 0
    capsys.readouterr()
    code, out, err = _run(root, "--check", capsys=capsys)
    assert code == 0, out + err


def test_the_diff_applies_as_a_patch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_project(tmp_path / "repo", [("claims/example.yaml", UNORDERED)])
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    _, patch, _ = _run(root, "--check", "--diff", capsys=capsys)
    subprocess.run(["git", "apply", "-"], cwd=root, input=patch.encode(), check=True)
    assert (root / "claims/example.yaml").read_text(encoding="utf-8") == ORDERED


def test_writes_the_formatted_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_project(tmp_path / "repo", [("claims/example.yaml", UNORDERED)])
    (root / "claims/example.yaml").chmod(0o640)
    code, out, _ = _run(root, capsys=capsys)
    assert code == 0 and "claims/example.yaml: reformatted" in out
    assert (root / "claims/example.yaml").read_text(encoding="utf-8") == ORDERED
    assert stat.S_IMODE((root / "claims/example.yaml").stat().st_mode) == 0o640
    assert [p.name for p in (root / "claims").iterdir()] == ["example.yaml"]  # no temporary file left
    assert _run(root, "--check", capsys=capsys)[0] == 0


def test_keeps_a_byte_order_mark_and_crlf_line_ends(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = ("\ufeff" + UNORDERED.replace("\n", "\r\n")).encode()
    root = write_project(tmp_path / "repo", [("claims/example.yaml", raw)])
    assert _run(root, capsys=capsys)[0] == 0
    assert (root / "claims/example.yaml").read_bytes() == ("\ufeff" + ORDERED.replace("\n", "\r\n")).encode()


def test_keeps_old_mac_line_ends(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_project(tmp_path / "repo", [("claims/example.yaml", UNORDERED.replace("\n", "\r"))])
    assert _run(root, capsys=capsys)[0] == 0
    assert (root / "claims/example.yaml").read_bytes() == ORDERED.replace("\n", "\r").encode()


def test_long_lines_are_not_folded() -> None:
    long = "word " * 60
    text = ORDERED.replace('quote: "sent him to jail for 10 days"', f'quote: "{long.strip()}"')
    assert _format(text) == text


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("# a header\n---\nsource: {id: x}\n", "ruamel.yaml would drop the comment '# a header' at 1:1"),
        ("source: [a, # inside\n  b]\n", "ruamel.yaml would drop the comment '# inside' at 1:13"),
        ("source: {id: x}\n...\n# after the end\n", "ruamel.yaml would drop the comment '# after the end'"),
    ],
    ids=["before-document-start", "inside-flow-list", "after-document-end"],
)
def test_refuses_what_ruamel_would_drop(
    tmp_path: Path, text: str, reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_project(tmp_path / "repo", [("claims/example.yaml", text)])
    code, _, err = _run(root, capsys=capsys)
    assert code == 1
    assert f"claims/example.yaml: not formatted: {reason}" in err
    assert (root / "claims/example.yaml").read_text(encoding="utf-8") == text


def test_a_file_of_comments_only_is_left_as_it_is(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_project(tmp_path / "repo", [("claims/notes.yaml", "# nothing yet\n\n# more\n")])
    code, _, err = _run(root, "--check", capsys=capsys)
    assert code == 0 and "0 would be reformatted, 2 already formatted" in err


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("source: {id: x\n", "cannot be loaded (L003 at 2:1"),
        ("a: 1\na: 2\n", "cannot be loaded (L004 at 2:1: duplicate key 'a'"),
        (b"a: \xff\n", "cannot be loaded (L002 at 1:4: invalid UTF-8"),
    ],
    ids=["syntax-error", "duplicate-key", "not-utf8"],
)
def test_bad_yaml_is_reported_and_left_alone(
    tmp_path: Path, content: str | bytes, reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_project(tmp_path / "repo", [("claims/bad.yaml", content)])
    before = (root / "claims/bad.yaml").read_bytes()
    code, _, err = _run(root, capsys=capsys)
    assert code == 1
    assert "claims/bad.yaml: not formatted: " + reason in err
    assert "Traceback" not in err
    assert (root / "claims/bad.yaml").read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads and writes whatever the permissions say")
def test_an_unreadable_file_and_a_read_only_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_project(tmp_path / "repo", [("claims/a.yaml", UNORDERED), ("claims/b.yaml", UNORDERED)])
    (root / "claims/a.yaml").chmod(0)
    (root / "claims").chmod(0o555)
    try:
        code, _, err = _run(root, capsys=capsys)
    finally:
        (root / "claims").chmod(0o755)
        (root / "claims/a.yaml").chmod(0o644)
    assert code == 1
    assert "claims/a.yaml: not formatted: cannot be read: Permission denied" in err
    assert "claims/b.yaml: not formatted: cannot write in its folder: Permission denied" in err
    assert (root / "claims/b.yaml").read_text(encoding="utf-8") == UNORDERED


def test_a_read_only_folder_refuses_the_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Also as root, who may write anywhere: the temporary file cannot be made, the file stays."""
    path = tmp_path / "example.yaml"
    path.write_text(UNORDERED, encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    outcome = fmt.format_file(path, write=True)
    assert outcome.refused == "cannot write in its folder: Permission denied"
    assert path.read_text(encoding="utf-8") == UNORDERED


def test_a_file_changed_during_the_write_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "example.yaml"
    path.write_text(UNORDERED, encoding="utf-8")
    real = yamlwrite.verify

    def meanwhile(*args: object, **kwargs: object) -> None:
        real(*args, **kwargs)  # type: ignore[arg-type]
        path.write_text(UNORDERED + "# an editor's change\n", encoding="utf-8")

    monkeypatch.setattr(yamlwrite, "verify", meanwhile)
    outcome = fmt.format_file(path, write=True)
    assert outcome.refused is not None and "changed while it was being rewritten" in outcome.refused
    assert path.read_text(encoding="utf-8") == UNORDERED + "# an editor's change\n"
    assert [p.name for p in tmp_path.iterdir()] == ["example.yaml"]


def test_a_rendering_that_changes_data_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "example.yaml"
    path.write_text(UNORDERED, encoding="utf-8")
    real = yamlwrite.render
    monkeypatch.setattr(
        yamlwrite, "render", lambda *a, **k: real(*a, **k).replace("amount: 10", "amount: 15")
    )
    outcome = fmt.format_file(path, write=True)
    assert outcome.refused == (
        "the rewritten text would change the data at claims[0].value.amount: 10 would become 15"
    )
    assert path.read_text(encoding="utf-8") == UNORDERED


def test_comments_are_found_by_the_scanner_not_by_a_hash_search() -> None:
    text = 'a: "x # y" # real\nb: |  # header\n  # content\n  x\n# after\nc: a#b\nd: [1, # in\n  2]\n'
    assert yamlwrite.comments(text) == Counter({"# real": 1, "# header": 1, "# after": 1, "# in": 1})


def test_the_claim_model_orders_every_level() -> None:
    shape = fmt.Shape.of(ClaimFile)
    assert shape.item is None and shape.models == [ClaimFile]
    claims = fmt.Shape.of(ClaimFile.model_fields["claims"].annotation)
    assert claims.item is not None and claims.item.model(["id", "quote"]) is not None
    text = 'source: {id: x}\nclaims:\n  - {id: a, date: {offset: "-1 day", relative_to: b}}\n'
    assert (
        _format(text) == 'source: {id: x}\nclaims:\n  - {id: a, date: {relative_to: b, offset: "-1 day"}}\n'
    )


def test_checker_yaml_follows_the_configuration_model(tmp_path: Path) -> None:
    text = "waivers:\n  - reason: ok\n    fingerprint: 0123456789abcdef\nfail_on: warning\n"
    assert _format(text, "checker.yaml") == (
        "fail_on: warning\nwaivers:\n  - fingerprint: 0123456789abcdef\n    reason: ok\n"
    )


def test_a_heading_comment_stays_before_the_next_item() -> None:
    text = "claims:\n  - quote: q\n    id: a\n\n  # -- next --\n  - id: b\n"
    assert _format(text) == "claims:\n  - id: a\n    quote: q\n\n  # -- next --\n  - id: b\n"


def test_missing_paths_are_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_project(tmp_path / "repo", [])
    code, _, err = _run(root, "claims/nothing.yaml", capsys=capsys)
    assert code == 2 and "claims/nothing.yaml: no such file or directory" in err


def test_an_unreadable_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Also as root, who reads whatever the permissions say: reading fails, nothing is written."""
    path = tmp_path / "example.yaml"
    path.write_text(UNORDERED, encoding="utf-8")
    real = Path.read_bytes

    def unreadable(self: Path) -> bytes:
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", unreadable)
    assert fmt.format_file(path, write=True).refused == "cannot be read: Permission denied"
    monkeypatch.undo()
    assert path.read_text(encoding="utf-8") == UNORDERED


def test_a_rendering_that_adds_a_comment_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "example.yaml"
    path.write_text(UNORDERED, encoding="utf-8")
    real = yamlwrite.render
    monkeypatch.setattr(yamlwrite, "render", lambda *a, **k: real(*a, **k) + "# the end\n")
    outcome = fmt.format_file(path, write=True)
    assert outcome.refused == "ruamel.yaml would add the comment '# the end' (or write one twice)"
    assert path.read_text(encoding="utf-8") == UNORDERED
