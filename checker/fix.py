"""``checker fix --sha256``: record each claim file's ``source.sha256`` from its stored article text.

A claim file records the SHA-256 of the article text its claims were read
from, so that Q002 (source-changed) can tell when the stored text changes
afterwards. Editors should not compute it by hand: this records it.

The edit is the smallest there is: the one scalar that holds the hash is
replaced where it is written (keeping its quotes), or, when ``sha256`` is
missing, one ``sha256: ...`` entry is added after ``text``. Everything
else — comments, order, quoting, line endings, a byte order mark — stays as
it was. Before writing, the edited text is loaded again and must hold the
same data as before but for the new hash; then it replaces the file
atomically (a temporary file in the same folder, renamed over it, with the
file's permissions). A file is never touched when its article text is
missing, outside the repository or unreadable, when it cannot be loaded, or
when it changed while being fixed: each is reported instead.
"""

from __future__ import annotations

import argparse
import copy
import enum
import hashlib
import stat
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml import events as ev
from ruamel.yaml.error import YAMLError

from checker import yamlwrite
from checker.loader import LoadFailed, load_bytes, load_yaml
from checker.project import Project, UsageError, discover, find_project
from checker.textsafe import escape

BOM = "\ufeff"
SHOWN = 12  # hex digits of a hash shown in messages


class Status(enum.Enum):
    """What happened to (or would happen to) one claim file."""

    CURRENT = "up to date"
    RECORDED = "recorded"  # written, or with --check: would be written
    NOT_CHANGED = "not changed"  # a problem kept the file as it was


@dataclass(frozen=True)
class Outcome:
    """One claim file's result."""

    path: Path
    status: Status
    message: str
    old: str | None = None
    new: str | None = None


def command(args: argparse.Namespace) -> int:
    """``checker fix --sha256 [--check] [PATHS]``: 0 done (or nothing to do), 1 see the report."""
    if not args.sha256:
        raise UsageError("name what to fix: --sha256 (record each claim file's source.sha256)")
    paths: list[Path] = list(args.paths)
    project = find_project(paths)
    outcomes = record_sha256(discover(paths, project), project, write=not args.check)
    for outcome in outcomes:
        if outcome.status is not Status.CURRENT:
            print(f"{project.display(outcome.path)}: {escape(outcome.message)}")
    counts = Counter(outcome.status for outcome in outcomes)
    recorded = "would be recorded" if args.check else "recorded"
    print(
        f"{counts[Status.RECORDED]} {recorded}, {counts[Status.CURRENT]} up to date,"
        f" {counts[Status.NOT_CHANGED]} not changed ({len(outcomes)} claim files)"
    )
    if counts[Status.NOT_CHANGED] or (args.check and counts[Status.RECORDED]):
        return 1
    return 0


class _Refused(Exception):
    """The file cannot be fixed; the message says why."""


def record_sha256(files: list[Path], project: Project, *, write: bool = True) -> list[Outcome]:
    """Record (or, ``write=False``, only work out) the sha256 of each claim file's article text."""
    return [_one(path, project, write=write) for path in files]


def _one(path: Path, project: Project, *, write: bool) -> Outcome:
    try:
        return _fix(path, project, write=write)
    except _Refused as refused:
        return Outcome(path, Status.NOT_CHANGED, f"{refused}; not changed")


def _fix(path: Path, project: Project, *, write: bool) -> Outcome:
    if path.is_symlink():
        raise _Refused("is a symbolic link (fix the file it points to)")
    raw = _read(path)
    try:
        data = load_bytes(raw).data
    except LoadFailed as failure:
        first = failure.problems[0]
        where = f"{first.mark.line}:{first.mark.column}"
        raise _Refused(f"cannot be loaded ({first.code} at {where}: {first.message})") from None
    source = data.get("source") if isinstance(data, dict) else None
    written = source.get("text") if isinstance(source, dict) else None
    if not isinstance(source, dict) or not isinstance(written, str) or not written:
        raise _Refused("has no source.text naming its stored article text")
    digest = hashlib.sha256(_article(written, project)).hexdigest()
    old = source.get("sha256")
    shown_old = old if isinstance(old, str) else None
    if old == digest:
        return Outcome(path, Status.CURRENT, f"sha256 of {written} is up to date", shown_old, digest)
    text = raw.decode("utf-8")
    bom = BOM if text.startswith(BOM) else ""
    edited = bom + _edit(text.removeprefix(bom), digest)
    expected = copy.deepcopy(data)
    expected["source"]["sha256"] = digest
    if _load(edited) != expected:
        raise _Refused("the edit would change more than source.sha256 (please report this)")
    if write:
        _replace(path, raw, edited.encode("utf-8"))
    action = "recorded" if write else "would be recorded"
    before = f"{old[:SHOWN]}…" if isinstance(old, str) and old else "none"
    message = f"sha256 of {written} {action} ({before} → {digest[:SHOWN]}…)"
    return Outcome(path, Status.RECORDED, message, shown_old, digest)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise _Refused(f"cannot be read: {exc.strerror or exc.__class__.__name__}") from None


def _article(written: str, project: Project) -> bytes:
    """The stored text's bytes, as Q002 hashes them: a readable file inside the repository."""
    root = project.root.resolve()
    target = (root / written).resolve()
    if not target.is_relative_to(root):
        raise _Refused(f"source text {written!r} lies outside the repository")
    if not target.exists():
        raise _Refused(f"source text {written!r} does not exist")
    if not target.is_file():
        raise _Refused(f"source text {written!r} is not a file")
    try:
        return target.read_bytes()
    except OSError as exc:
        raise _Refused(f"source text {written!r} cannot be read: {exc.strerror or 'error'}") from None


def _load(text: str) -> Any:
    try:
        return load_yaml(text.removeprefix(BOM)).data
    except LoadFailed:
        return None


# -- the edit ----------------------------------------------------------------------


@dataclass
class _Node:
    """A node of the YAML text: where it is written and, for mappings, its keys and values."""

    event: ev.Event
    end: int
    pairs: list[tuple[ev.ScalarEvent, _Node]] = field(default_factory=list)

    @property
    def start(self) -> int:
        return int(self.event.start_mark.index)

    def get(self, key: str) -> tuple[ev.ScalarEvent, _Node] | None:
        return next(((k, v) for k, v in self.pairs if k.value == key), None)


def _edit(text: str, digest: str) -> str:
    """``text`` with source.sha256 set to ``digest``, by one located replacement or insertion."""
    try:
        root = _tree(iter(YAML(typ="safe", pure=True).parse(text)))
    except (YAMLError, StopIteration):  # the hardened loader read it, so this should not happen
        raise _Refused("cannot be parsed for editing") from None
    source = root.get("source") if root is not None else None
    if source is None or not isinstance(source[1].event, ev.MappingStartEvent):
        raise _Refused("has no source mapping")
    mapping = source[1]
    found = mapping.get("sha256")
    if found is not None:
        key, value = found
        return _replace_value(text, key, value, digest)
    return _insert(text, mapping, digest)


def _replace_value(text: str, key: ev.ScalarEvent, value: _Node, digest: str) -> str:
    event = value.event
    if not isinstance(event, ev.ScalarEvent) or event.style in ("|", ">"):
        raise _Refused("source.sha256 is not written as a one-line value")
    if value.start == value.end:  # `sha256:` with no value: the hash goes after the colon
        colon = text.index(":", int(key.end_mark.index))
        return f"{text[: colon + 1]} {digest}{text[colon + 1 :]}"
    quote = event.style or ""
    return f"{text[: value.start]}{quote}{digest}{quote}{text[value.end :]}"


def _insert(text: str, mapping: _Node, digest: str) -> str:
    if not mapping.pairs:
        raise _Refused("source mapping is empty")
    if getattr(mapping.event, "flow_style", False):  # {id: x, ..., text: t}: add ", sha256: ..." at the end
        at = mapping.pairs[-1][1].end
        return f"{text[:at]}, sha256: {digest}{text[at:]}"
    anchor = mapping.get("text") or mapping.pairs[-1]
    key, value = anchor
    indent = int(key.start_mark.column)
    line_end = text.find("\n", max(value.end - 1, value.start))
    if line_end == -1:
        return f"{text}\n{' ' * indent}sha256: {digest}\n"
    newline = "\r\n" if text[line_end - 1 : line_end] == "\r" else "\n"
    return f"{text[: line_end + 1]}{' ' * indent}sha256: {digest}{newline}{text[line_end + 1 :]}"


def _tree(events: Iterator[ev.Event]) -> _Node | None:
    """The document's root node (the stream's first document)."""
    for event in events:
        if isinstance(event, ev.DocumentStartEvent):
            return _node(next(events), events)
    return None


def _node(event: ev.Event, events: Iterator[ev.Event]) -> _Node:
    if isinstance(event, ev.MappingStartEvent):
        node = _Node(event, int(event.end_mark.index))
        while not isinstance(key := next(events), ev.MappingEndEvent):
            _node(key, events)  # a key that is a collection is read past (the loader refuses those)
            value = _node(next(events), events)
            if isinstance(key, ev.ScalarEvent):
                node.pairs.append((key, value))
            node.end = value.end
        return node
    if isinstance(event, ev.SequenceStartEvent):
        node = _Node(event, int(event.end_mark.index))
        while not isinstance(item := next(events), ev.SequenceEndEvent):
            node.end = _node(item, events).end
        return node
    return _Node(event, int(event.end_mark.index))


def _replace(path: Path, before: bytes, after: bytes) -> None:
    """Write ``after`` over ``path`` atomically, unless the file no longer holds ``before``."""
    try:
        yamlwrite.write_atomically(path, before, after, stat.S_IMODE(path.stat().st_mode))
    except yamlwrite.Refused as refused:
        raise _Refused(refused.reason) from None
    except OSError as exc:
        raise _Refused(f"cannot be written: {exc.strerror or exc.__class__.__name__}") from None
