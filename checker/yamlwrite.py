"""Rewrite YAML files without losing anything: the one writer of ``fmt``, ``judge`` and ``waive``.

ruamel.yaml's round-trip mode keeps comments, quotes and flow style, but
not always: it drops comments in a comment-only file, before ``---``, after
``...`` and inside flow collections, and folds long lines. So nothing it
renders is trusted. Every write goes through :func:`verify` first:

* the rendered text, loaded by the checker's own hardened loader, holds
  exactly the data expected (the original data for ``fmt``; the original
  plus the one intended change for an edit);
* every comment of the original is still there (comment texts compared as
  a multiset, found between the scanner's tokens, so a ``#`` inside a
  string is never taken for one);
* rendering the output once more changes nothing.

Then :func:`replace` writes it atomically: a temporary file in the same
folder, flushed to disk, renamed over the file, with the file's
permissions, byte order mark and line endings; just before the rename the
file is read again, and a file that changed since it was read is left
alone. Any failure raises :class:`Refused`, naming the file and why, and
the file stays as it was.

The API is small so that other writers (the review server) use it too.
To record one change, as ``checker judge`` does::

    def change(doc):                        # ruamel's round-trip document, edited in place
        append_record(top_mapping(doc, path), "judgements", entry, path=path)
        return doc

    def expected(data):                     # the data the file must hold afterwards
        return {**data, "judgements": [*data.get("judgements", []), entry]}

    original, text = edit(path, change, expected)   # verified; raises Refused
    replace(original, text)                          # atomic; raises Refused if the file changed

Its pieces, for a writer that needs them apart: :func:`read` (bytes,
text, data, BOM, line endings, mode), :func:`parse`, :func:`render`,
:func:`splice` (an edit applied to the original text only),
:func:`verify`, :func:`replace` and :func:`write_atomically`.
"""

from __future__ import annotations

import difflib
import io
import os
import stat
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml import tokens as tk
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from checker.loader import EMPTY, LoadFailed, load_bytes, load_yaml

BOM = "\ufeff"
#: No line is ever folded: ruamel folds long plain and quoted scalars at its default width of 80.
WIDTH = 1 << 30
#: The repository's own indentation: mappings by 2, sequence dashes indented 2 under their key
#: (mapping indent, sequence indent, dash offset, as ruamel's ``YAML.indent`` takes them).
INDENT = (2, 4, 2)
#: Other common layouts, tried when an edit is spliced into a file laid out another way.
OTHER_INDENTS = ((2, 2, 0), (4, 6, 4), (4, 4, 0), (4, 4, 2), (3, 5, 3))


class Refused(Exception):
    """A file cannot be written safely; ``str()`` says which file and why (with line:col if known)."""

    def __init__(self, path: Path | None, reason: str) -> None:
        super().__init__(f"{path}: {reason}" if path is not None else reason)
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class Original:
    """A file as it was read: the bytes to compare against before replacing it, and its text.

    ``text`` has no byte order mark and ``\\n`` line ends; :func:`encode`
    puts back what the file had. A file that does not exist yet has
    ``raw=None`` and empty text.
    """

    path: Path
    raw: bytes | None
    text: str
    data: Any
    bom: bool = False
    newline: str = "\n"
    mode: int | None = None

    @property
    def exists(self) -> bool:
        return self.raw is not None


def read(path: Path, *, missing_ok: bool = False) -> Original:
    """Read ``path`` and load its data with the checker's loader; raises :class:`Refused`.

    A file holding nothing but comments (or nothing) has data ``None``.
    With ``missing_ok`` a file that does not exist reads as empty.
    """
    if path.is_symlink():
        raise Refused(path, "is a symbolic link (name the file it points to)")
    try:
        raw = path.read_bytes()
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        if missing_ok:
            return Original(path, None, "", None)
        raise Refused(path, "does not exist") from None
    except OSError as exc:
        raise Refused(path, f"cannot be read: {exc.strerror or exc.__class__.__name__}") from None
    try:
        data = load_bytes(raw).data
    except LoadFailed as failure:
        first = failure.problems[0]
        if first.code != EMPTY:
            where = f"{first.mark.line}:{first.mark.column}"
            raise Refused(path, f"cannot be loaded ({first.code} at {where}: {first.message})") from None
        data = None
    text = raw.decode("utf-8")  # load_bytes decoded it already
    bom = text.startswith(BOM)
    text = text.removeprefix(BOM)
    newline = "\r\n" if "\r\n" in text else "\r" if "\r" in text and "\n" not in text else "\n"
    text = text.replace("\r\n", "\n").replace("\r", "\n") if newline != "\n" else text
    return Original(path, raw, text, data, bom, newline, mode)


def encode(original: Original, text: str) -> bytes:
    """``text`` (``\\n`` line ends, no BOM) as the file writes it: its BOM and line endings."""
    if original.newline != "\n":
        text = text.replace("\n", original.newline)
    return ((BOM if original.bom else "") + text).encode("utf-8")


# -- ruamel's round trip ------------------------------------------------------------


class _Representer(RoundTripRepresenter):
    """ruamel's round-trip representer, writing null as ``null``: a mapping value it wrote empty
    (``repository_url:``) reads as a key still to be filled in."""


def _null(representer: RoundTripRepresenter, _: None) -> Any:
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")


_Representer.add_representer(type(None), _null)


def _yaml(indent: tuple[int, int, int] = INDENT) -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.Representer = _Representer
    yaml.preserve_quotes = True
    yaml.width = WIDTH
    yaml.indent(mapping=indent[0], sequence=indent[1], offset=indent[2])
    return yaml


def parse(original: Original) -> Any:
    """The round-trip document of ``original`` (None for a file with no content)."""
    return _parse(original.text, original.path)


def _parse(text: str, path: Path | None) -> Any:
    try:
        return _yaml().load(text)
    except YAMLError as exc:
        raise Refused(path, f"cannot be parsed for editing: {_one_line(exc)}") from None
    except Exception as exc:  # ruamel asserts or fails on some inputs the loader accepted
        raise Refused(path, f"cannot be parsed for editing ({exc.__class__.__name__})") from None


def render(
    doc: Any, *, explicit_start: bool = False, path: Path | None = None, indent: tuple[int, int, int] = INDENT
) -> str:
    """The round-trip document as text (``\\n`` line ends, no BOM), indented as ``indent`` says."""
    yaml = _yaml(indent)
    yaml.explicit_start = explicit_start
    out = io.StringIO()
    try:
        yaml.dump(doc, out)
    except Exception as exc:  # the emitter refuses some shapes the parser accepted
        raise Refused(path, f"cannot be rendered ({exc.__class__.__name__}: {_one_line(exc)})") from None
    return out.getvalue()


def explicit_start(text: str) -> bool:
    """Whether the document starts with ``---`` (kept: ruamel does not remember it)."""
    try:
        for token in YAML(typ="safe", pure=True).scan(text):
            if isinstance(token, tk.DocumentStartToken):
                return True
            if not isinstance(token, tk.StreamStartToken | tk.DirectiveToken):
                return False
    except YAMLError:
        return False
    return False


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


# -- what must survive ----------------------------------------------------------------


def comments(text: str) -> Counter[str]:
    """Every comment of ``text`` (``# ...`` up to the line end, trailing blanks dropped), counted.

    Comments are what lies between the scanner's tokens (a ``#`` inside a
    scalar is part of its token), plus the comment a block scalar's header
    line may carry (``key: |  # note``), which its token spans.
    """
    found: Counter[str] = Counter()
    spans: list[tuple[int, int]] = []
    for token in YAML(typ="safe", pure=True).scan(text):
        start, end = int(token.start_mark.index), int(token.end_mark.index)
        if start == end:
            continue
        if isinstance(token, tk.ScalarToken) and token.style in ("|", ">"):
            header_end = text.find("\n", start)
            header_end = end if header_end == -1 or header_end > end else header_end
            _gap_comments(text, start + 1, header_end, found)
        spans.append((start, end))
    position = 0
    for start, end in sorted(spans):
        if start > position:
            _gap_comments(text, position, start, found)
        position = max(position, end)
    _gap_comments(text, position, len(text), found)
    return found


def _gap_comments(text: str, start: int, end: int, found: Counter[str]) -> None:
    """Count the comments in ``text[start:end]``, where no token is: each ``#`` there starts one
    (the scanner skips nothing else between tokens but blanks and line breaks)."""
    at = start
    while (hash_at := text.find("#", at, end)) != -1:
        line_end = text.find("\n", hash_at)
        line_end = len(text) if line_end == -1 else line_end
        found[text[hash_at:line_end].rstrip(" \t\r")] += 1
        at = line_end


def verify(original: Original, text: str, expected: Any, *, stable: bool = True) -> None:
    """Refuse ``text`` unless it holds ``expected``, keeps every comment and (``stable``) formatting
    it again would not change it (an edit of a file laid out by hand need not be laid out as fmt would)."""
    path = original.path
    try:
        data = load_yaml(text).data
    except LoadFailed as failure:
        first = failure.problems[0]
        where = f"{first.mark.line}:{first.mark.column}"
        raise Refused(
            path, f"the rewritten text would not load ({first.code} at {where}: {first.message})"
        ) from None
    if not _same(data, expected):
        raise Refused(path, f"the rewritten text would change the data{_first_difference(data, expected)}")
    try:
        before, after = comments(original.text), comments(text)
    except YAMLError as exc:
        raise Refused(path, f"cannot be scanned for comments: {_one_line(exc)}") from None
    if lost := before - after:
        comment = min(lost)
        where = _where(original.text, comment)
        raise Refused(path, f"ruamel.yaml would drop the comment {comment!r}{where}")
    if gained := after - before:
        raise Refused(path, f"ruamel.yaml would add the comment {min(gained)!r} (or write one twice)")
    if not stable:
        return
    again = render(_parse(text, path), explicit_start=explicit_start(text), path=path)
    if again != text:
        raise Refused(path, "formatting it twice would change it again (ruamel.yaml is not stable on it)")


def _same(a: Any, b: Any) -> bool:
    """Equal data, and equal types too: 1 and 1.0 and True are different values in a claim file."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _first_difference(data: Any, expected: Any, path: str = "") -> str:
    if isinstance(data, dict) and isinstance(expected, dict) and data.keys() == expected.keys():
        for key in data:
            if not _same(data[key], expected[key]):
                return _first_difference(data[key], expected[key], f"{path}.{key}" if path else str(key))
    if isinstance(data, list) and isinstance(expected, list) and len(data) == len(expected):
        for index, (x, y) in enumerate(zip(data, expected, strict=True)):
            if not _same(x, y):
                return _first_difference(x, y, f"{path}[{index}]")
    return f" at {path}: {_short(expected)} would become {_short(data)}" if path else ""


def _short(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 60 else f"{shown[:57]}..."


def _where(text: str, comment: str) -> str:
    offset = text.find(comment)
    if offset == -1:
        return ""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f" at {line}:{column}"


# -- local edits ------------------------------------------------------------------------


def splice(original: Original, before: str, after: str) -> str:
    """Apply the change from ``before`` to ``after`` (two renderings) to the original text only.

    ``before`` is the unedited document as ruamel renders it and ``after``
    the edited one. A file that is not formatted exactly as ruamel would
    render it keeps its own layout everywhere but where the edit is: each
    changed run of lines is mapped back onto the original's lines through
    the lines the original and ``before`` share. Raises :class:`Refused`
    when an edit falls where the two differ (``checker fmt`` the file first).
    """
    text = original.text if original.text.endswith("\n") or not original.text else original.text + "\n"
    lines = text.splitlines(keepends=True)
    rendered = before.splitlines(keepends=True)
    shared: dict[int, int] = {}  # line of `before` -> the same line of the original
    for block in difflib.SequenceMatcher(None, rendered, lines, autojunk=False).get_matching_blocks():
        for k in range(block.size):
            shared[block.a + k] = block.b + k
    edits = difflib.SequenceMatcher(None, rendered, after.splitlines(keepends=True), autojunk=False)
    result = list(lines)
    new = after.splitlines(keepends=True)
    for tag, i1, end, j1, j2 in reversed(edits.get_opcodes()):
        if tag == "equal":
            continue
        blank = all(i not in shared and not rendered[i].strip() for i in range(i1, end))
        i2 = i1 if blank else end  # blank lines ruamel wrote where the file has none: an insertion
        if i1 < i2:
            start, last = shared.get(i1), shared.get(i2 - 1)
            if start is None or last is None or last - start != i2 - 1 - i1:
                raise Refused(original.path, _UNFORMATTED)
            result[start : last + 1] = new[j1:j2]
        else:
            if i1 in shared:
                at = shared[i1]
            elif i1 == 0:
                at = 0
            elif i1 - 1 in shared:
                at = shared[i1 - 1] + 1
            else:
                raise Refused(original.path, _UNFORMATTED)
            result[at:at] = new[j1:j2]
    return "".join(result)


_UNFORMATTED = (
    "the change falls where the file is laid out unlike `checker fmt` would; run `checker fmt` on it first"
)


def edit(
    path: Path,
    change: Callable[[Any], Any],
    expected: Callable[[Any], Any],
    *,
    create: str | None = None,
) -> tuple[Original, str]:
    """Read ``path``, apply ``change`` to its round-trip document and work out the text to write.

    ``change`` edits the document in place and returns it (or returns a
    new root for an empty file); it may be called more than once, on fresh
    parses, when the file is laid out with another indentation; ``expected`` maps the original data to the
    data the file must hold afterwards. ``create``, when given, is the text
    of a file that does not exist yet (it is edited like any other). The
    edit is spliced into the original text so that nothing else changes,
    and verified. Nothing is written: :func:`replace` does that.
    """
    original = read(path, missing_ok=create is not None)
    if not original.exists:
        original = Original(path, None, create or "", None)
    doc = parse(original)
    start = explicit_start(original.text)
    if doc is None:
        text = _with_header(original.text, render(change(doc), explicit_start=start, path=path))
        verify(original, text, expected(original.data), stable=False)
        return original, text
    # The new lines must be indented as the file is: try the repository's layout, then other common
    # ones, each on a fresh parse (ruamel's rendering adjusts the comments of the document it renders).
    first: Refused | None = None
    for indent in (INDENT, *OTHER_INDENTS):
        doc = doc if indent == INDENT else parse(original)
        before = render(doc, explicit_start=start, path=path, indent=indent)
        try:
            after = render(change(doc), explicit_start=start, path=path, indent=indent)
            text = splice(original, before, after)
            verify(original, text, expected(original.data), stable=before == original.text)
        except Refused as refused:
            first = first or refused
            continue
        return original, text
    assert first is not None
    raise first


def _with_header(text: str, rendered: str) -> str:
    """A file that held only comments (or nothing) keeps them, above its new content."""
    if not text.strip():
        return rendered
    return (text if text.endswith("\n") else text + "\n") + rendered


# -- writing ------------------------------------------------------------------------------


def replace(original: Original, text: str) -> None:
    """Write ``text`` over the file atomically, unless the file changed since ``original`` was read."""
    write_atomically(original.path, original.raw, encode(original, text), original.mode)


def write_atomically(path: Path, before: bytes | None, after: bytes, mode: int | None = None) -> None:
    """Write ``after`` to ``path`` through a temporary file in its folder, then rename it over ``path``.

    ``before`` is what the file held when it was read (None: it did not
    exist); the file is read again just before the rename, and the write
    refused if it holds anything else by then. ``mode`` is the permissions
    to keep (default: what a new file gets under the umask).
    """
    try:
        current: bytes | None = path.read_bytes()
    except FileNotFoundError:
        current = None
    except OSError as exc:
        raise Refused(path, f"cannot be read again before writing: {exc.strerror or 'error'}") from None
    if current != before:
        raise Refused(path, "changed while it was being rewritten; not written (run the command again)")
    if mode is None:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise Refused(path, f"cannot write in its folder: {exc.strerror or 'error'}") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(after)
            out.flush()
            os.fsync(out.fileno())
        Path(temporary).chmod(mode)
        Path(temporary).replace(path)
        _sync_folder(path.parent)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise Refused(path, f"cannot be written: {exc.strerror or exc.__class__.__name__}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _sync_folder(folder: Path) -> None:
    """Flush the rename to disk too (where folders can be opened: not on Windows)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass  # some file systems cannot sync a folder; the rename itself is done
    finally:
        os.close(handle)


def top_mapping(doc: Any, path: Path) -> CommentedMap:
    """The document's top mapping; a file whose top is anything else cannot take a new key."""
    if not isinstance(doc, CommentedMap):
        raise Refused(path, "holds no mapping at the top")
    return doc


def append_record(
    mapping: CommentedMap,
    key: str,
    fields: dict[str, Any],
    *,
    at: int | None = None,
    path: Path | None = None,
) -> None:
    """Append a record to the list ``mapping[key]``, making the list (at position ``at``) if missing.

    The record is laid out as the repository writes records: in flow style
    when the list's last record is (``- {id: a, name: A}``), else one key a
    line; lists inside it in flow style (``[a, b]``), dates double-quoted.
    """
    found = mapping.get(key)
    if isinstance(found, CommentedSeq):
        seq = found
    elif key in mapping and found is not None:
        raise Refused(path, f"{key!r} is not a list")
    else:
        seq = CommentedSeq()
        if key in mapping:
            mapping[key] = seq
        else:
            mapping.insert(len(mapping) if at is None else at, key, seq)
    if not seq:
        seq.fa.set_block_style()
    flow = bool(seq) and isinstance(seq[-1], CommentedMap) and seq[-1].fa.flow_style()
    record = CommentedMap()
    for name, value in fields.items():
        if isinstance(value, list):
            inner = CommentedSeq(value)
            inner.fa.set_flow_style()
            record[name] = inner
        elif name in ("date", "expires"):
            record[name] = DoubleQuotedScalarString(value)
        else:
            record[name] = value
    if flow:
        record.fa.set_flow_style()
    else:
        record.fa.set_block_style()
    seq.append(record)


def block_map(pairs: dict[str, Any]) -> CommentedMap:
    """A block-style mapping of ``pairs``, in their order."""
    mapping = CommentedMap(pairs)
    mapping.fa.set_block_style()
    return mapping
