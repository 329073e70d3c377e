"""A hardened YAML loader that remembers where every key and value came from.

Claim files are small, plain data. This loader reads them from the parser's
event stream (ruamel.yaml's C parser when it is installed) and builds plain
``dict``/``list``/``str``/``int``/``float``/``bool``/``None`` values itself,
so that it can

* keep a 1-based line:column for every key and every value,
* resolve plain scalars by the YAML 1.2 core schema only (``2021-02-10`` and
  ``yes`` stay strings: no timestamps, no YAML 1.1 booleans),
* and refuse what YAML allows but claims never need: anchors and aliases
  (alias bombs), explicit tags (``!!python/object``), directives
  (``%YAML 1.1`` changes booleans), duplicate and non-string keys,
  NaN/Infinity, absurd nesting, oversized files, text that is not UTF-8.

Every refusal is a :class:`LoadProblem` with a code and a location; the loader
never lets a parser exception escape. Problems that leave the structure
intact (a duplicate key, a tag) are collected so the editor sees them all at
once; the rest stop at the first. A problem also says what it is about
without naming a line (its key path in the document, or the offending
character or tag), because a finding's fingerprint is made from that and
must survive edits that only move text.
"""

from __future__ import annotations

import contextlib
import math
import re
import stat
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml import events as ev
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from checker.text.normalise import line_column, one_line

try:  # the C parser is ~20x faster; the pure one is a faithful fallback
    from ruamel.yaml.cyaml import CParser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - depends on the installed wheels
    CParser = None

#: A path into a document: mapping keys and sequence indexes from the root.
KeyPath = tuple[str | int, ...]


@dataclass(frozen=True)
class LoaderLimits:
    """Bounds that keep a hostile file from exhausting the machine."""

    max_bytes: int = 5 * 1024 * 1024
    max_depth: int = 32


DEFAULT_LIMITS = LoaderLimits()


@dataclass(frozen=True, order=True)
class Mark:
    """A 1-based line and column."""

    line: int
    column: int


@dataclass(frozen=True)
class LoadProblem:
    """Why (part of) a file could not be loaded, and where.

    ``message`` and ``mark`` are for the editor and may name lines.
    ``key_path`` and ``detail`` never do: they say what the problem is about
    (where in the document, see :func:`stable_key_path`; the offending tag,
    anchor, character or value), so a finding made from them keeps its
    fingerprint when lines are inserted or claims reordered.
    """

    code: str
    message: str
    mark: Mark
    key_path: tuple[str, ...] = ()
    detail: tuple[str, ...] = ()


@dataclass
class Document:
    """The data of one YAML file and the place of each of its keys and values.

    Marks are stored packed, one int per key or value (see :func:`pack`): an
    archive has millions of them, and they are kept (and cached) for every
    file, while a rule asks for a few.
    """

    data: Any
    value_marks: dict[KeyPath, int] = field(default_factory=dict)
    key_marks: dict[KeyPath, int] = field(default_factory=dict)

    def mark(self, path: KeyPath) -> Mark:
        """Where the value at ``path`` starts, or its nearest known ancestor."""
        for end in range(len(path), -1, -1):
            found = self.value_marks.get(path[:end])
            if found is not None:
                return unpack(found)
        return Mark(1, 1)

    def key_mark(self, path: KeyPath) -> Mark:
        """Where the key of the value at ``path`` is written (falls back to the value)."""
        found = self.key_marks.get(path)
        return unpack(found) if found is not None else self.mark(path)


def pack(mark: Mark) -> int:
    """A mark as one int: the line in the high bits, the column in the low 32."""
    return mark.line << 32 | mark.column


def unpack(packed: int) -> Mark:
    return Mark(packed >> 32, packed & 0xFFFFFFFF)


class LoadFailed(Exception):
    """Raised by :func:`load_yaml` with every problem found in the file."""

    def __init__(self, problems: list[LoadProblem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


# Codes (documented one per module in checker/rules/).
UNREADABLE = "L001"
BAD_TEXT = "L002"
SYNTAX = "L003"
DUPLICATE_KEY = "L004"
ALIAS = "L005"
TAG = "L006"
DIRECTIVE = "L007"
NON_STRING_KEY = "L008"
BAD_NUMBER = "L009"
TOO_DEEP = "L010"
TOO_LARGE = "L011"
EMPTY = "L012"
MULTIPLE_DOCUMENTS = "L013"

# YAML 1.2 core schema, plain scalars only.
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT10 = re.compile(r"^[-+]?[0-9]+$")
_INT8 = re.compile(r"^0o[0-7]+$")
_INT16 = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
#: UTF-16 and UTF-32 without a BOM, told as YAML 1.2 (5.2) does: ASCII characters next to NUL bytes.
_WIDE_ASCII = re.compile(
    rb"\x00\x00\x00[\x01-\x7f]|[\x01-\x7f]\x00\x00\x00"  # UTF-32 BE, LE
    rb"|\x00[\x01-\x7f]\x00[\x01-\x7f]|[\x01-\x7f]\x00[\x01-\x7f]\x00"  # UTF-16 BE, LE: two characters
)
_NON_FINITE = re.compile(r"^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")
# Characters YAML 1.2 does not allow in a stream (c-printable's complement).
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Line breaks in YAML 1.1 but not in 1.2: parsers disagree on what they mean.
_AMBIGUOUS_BREAKS = re.compile("[\x85\u2028\u2029]")


def load_file(path: Path, limits: LoaderLimits = DEFAULT_LIMITS) -> Document:
    """Read and load one file; raises :class:`LoadFailed`, never anything else."""
    return load_bytes(read_file(path, limits), limits)


def read_file(path: Path, limits: LoaderLimits = DEFAULT_LIMITS) -> bytes:
    """A file's bytes (up to one byte past the size limit); raises :class:`LoadFailed`."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a named pipe would block the run, a device never end
            problem = LoadProblem(
                UNREADABLE, "not a regular file", Mark(1, 1), detail=("not a regular file",)
            )
            raise LoadFailed([problem])
        with path.open("rb") as handle:
            raw = handle.read(limits.max_bytes + 1)
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        problem = LoadProblem(UNREADABLE, f"cannot read file: {reason}", Mark(1, 1), detail=(reason,))
        raise LoadFailed([problem]) from None
    return raw


def load_bytes(raw: bytes, limits: LoaderLimits = DEFAULT_LIMITS) -> Document:
    """Decode (strict UTF-8) and load; raises :class:`LoadFailed`."""
    if len(raw) > limits.max_bytes:
        message = f"file is larger than the limit of {limits.max_bytes} bytes"
        raise LoadFailed([LoadProblem(TOO_LARGE, message, Mark(1, 1))])
    if raw.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) or _WIDE_ASCII.match(raw):
        message = "file is UTF-16 or UTF-32; save it as UTF-8"
        raise LoadFailed([LoadProblem(BAD_TEXT, message, Mark(1, 1), detail=("UTF-16 or UTF-32",))])
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        mark = _byte_offset_mark(raw, exc.start)
        byte = f"byte 0x{raw[exc.start]:02x}"
        message = f"invalid UTF-8: {byte} cannot start or continue a character"
        raise LoadFailed([LoadProblem(BAD_TEXT, message, mark, detail=(byte,))]) from None
    return load_yaml(text, limits)


def load_yaml(text: str, limits: LoaderLimits = DEFAULT_LIMITS) -> Document:
    """Load one YAML document from text; raises :class:`LoadFailed`."""
    if len(text.encode("utf-8", "surrogatepass")) > limits.max_bytes:
        message = f"file is larger than the limit of {limits.max_bytes} bytes"
        raise LoadFailed([LoadProblem(TOO_LARGE, message, Mark(1, 1))])
    bad = _NOT_PRINTABLE.search(text)
    if bad:
        character = f"U+{ord(bad.group()):04X}"
        message = f"character {character} is not allowed in YAML"
        mark = _char_offset_mark(text, bad.start())
        raise LoadFailed([LoadProblem(BAD_TEXT, message, mark, detail=(character,))])
    bad = _AMBIGUOUS_BREAKS.search(text)
    if bad:
        character = f"U+{ord(bad.group()):04X}"
        message = (
            f"character {character} is a line break to some YAML parsers and not to others;"
            " remove it or write it as an escape in a double-quoted string"
        )
        mark = _char_offset_mark(text, bad.start())
        raise LoadFailed([LoadProblem(BAD_TEXT, message, mark, detail=(character,))])
    builder = _build(text, _events(text), limits)
    if CParser is not None and any(p.code == SYNTAX for p in builder.problems):
        # libyaml refuses some valid YAML 1.2: ask the reference parser before calling it a syntax error
        with contextlib.suppress(Exception):  # it asserts on some inputs: then libyaml's answer stands
            builder = _build(text, YAML(typ="safe", pure=True).parse(text), limits)
    if builder.problems:
        problems = builder.located_problems()
        raise LoadFailed(sorted(problems, key=lambda p: (p.mark, p.code, p.message)))
    if not builder.seen_document or builder.root is None:
        raise LoadFailed([LoadProblem(EMPTY, "file is empty: it holds no YAML document", Mark(1, 1))])
    return builder.document()


def _build(text: str, events: Iterator[ev.Event], limits: LoaderLimits) -> _Builder:
    """Feed a parser's events to a fresh builder; syntax errors become problems, never exceptions."""
    builder = _Builder(limits, text)
    try:
        for event in events:
            builder.feed(event)
    except _Stop:
        pass
    except MarkedYAMLError as exc:
        builder.problems.append(_syntax_problem(exc, text))
    except YAMLError as exc:  # ReaderError and friends carry no usable mark
        position = getattr(exc, "position", None)
        mark = _char_offset_mark(text, position) if isinstance(position, int) else Mark(1, 1)
        reason = getattr(exc, "reason", None)
        detail = (_line_free(str(reason)) if reason else type(exc).__name__,)
        builder.problems.append(LoadProblem(SYNTAX, one_line(str(exc)), mark, detail=detail))
    except RecursionError:  # pragma: no cover - the depth limit stops this first
        builder.problems.append(LoadProblem(TOO_DEEP, "nesting is too deep", Mark(1, 1)))
    return builder


def _events(text: str) -> Iterator[ev.Event]:
    if CParser is not None:
        parser = CParser(text)
        try:
            while True:
                event = parser.get_event()
                yield event
                if isinstance(event, ev.StreamEndEvent):
                    return
        finally:
            parser.dispose()
    else:  # pragma: no cover
        yield from YAML(typ="safe", pure=True).parse(text)


class _Stop(Exception):
    """A problem after which nothing more of the file can be read sensibly."""


_DISCARD = object()  # stands for a key that is not a string


@dataclass
class _Frame:
    container: dict[str, Any] | list[Any] | None  # None: content being discarded
    path: KeyPath
    role: str = "value"  # "key": a complex key being skipped; "skip": a discarded value
    key: Any = None  # the pending mapping key
    has_key: bool = False  # whether a key was read and its value is expected next


class _Builder:
    """Turns parser events into plain data, marks and problems."""

    def __init__(self, limits: LoaderLimits, text: str = "") -> None:
        self.limits = limits
        self.text = text
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.seen_document = False
        self.problems: list[LoadProblem] = []
        self.problem_paths: dict[int, KeyPath] = {}  # problem index -> where in the document
        self.value_marks: dict[KeyPath, int] = {}
        self.key_marks: dict[KeyPath, int] = {}

    def document(self) -> Document:
        return Document(self.root, self.value_marks, self.key_marks)

    def problem(self, code: str, message: str, event: ev.Event, *detail: str) -> None:
        """Record a problem at ``event``, about the node it is at (see :meth:`_where`)."""
        self.problem_paths[len(self.problems)] = self._where(event)
        self.problems.append(LoadProblem(code, message, _mark(event), detail=detail))

    def located_problems(self) -> list[LoadProblem]:
        """The problems with their key paths, named only now that every list item's id is known."""
        indexes = sorted(self.problem_paths)
        paths = stable_key_paths(self.root, [self.problem_paths[i] for i in indexes])
        named = dict(zip(indexes, paths, strict=True))
        return [
            replace(problem, key_path=named[i]) if i in named else problem
            for i, problem in enumerate(self.problems)
        ]

    def _where(self, event: ev.Event) -> KeyPath:
        """The path of the node at ``event``: a key's own path, or the nearest kept ancestor's.

        A scalar key stands for the value it introduces; a mapping or
        sequence used as a key, and anything inside a discarded node, for
        the mapping it is in.
        """
        if not self.stack:
            return ()
        top = self.stack[-1]
        if top.container is None:
            return top.path
        if isinstance(top.container, dict) and not top.has_key:
            return (*top.path, event.value) if isinstance(event, ev.ScalarEvent) else top.path
        path = self._child_path()
        return top.path if path is None else path

    def feed(self, event: ev.Event) -> None:
        if isinstance(event, ev.DocumentStartEvent):
            if self.seen_document:
                self.problem(
                    MULTIPLE_DOCUMENTS, "a claim file holds one YAML document; found a second", event
                )
                raise _Stop
            self.seen_document = True
            other = self._other_directive(event)
            if getattr(event, "version", None) or getattr(event, "tags", None):
                self.problem(DIRECTIVE, "YAML directives (%YAML, %TAG) are not allowed", event)
            elif other is not None:  # the parser skips it with a warning: report it at its line
                line, name = other
                self.problem(DIRECTIVE, f"YAML directives ({name}) are not allowed", event, name)
                self.problems[-1] = replace(self.problems[-1], mark=Mark(line, 1))
        elif isinstance(event, ev.ScalarEvent):
            self._check_node(event)
            if self._expecting_key():
                self._take_key(event)
            else:
                self._add(self._scalar(event), event)
        elif isinstance(event, ev.AliasEvent):
            alias = f"*{event.anchor}"
            self.problem(ALIAS, f"aliases ({alias}) are not allowed; write the value out", event, alias)
            if self._expecting_key():
                self._set_key(_DISCARD)
            else:
                self._add(None, event)
        elif isinstance(event, ev.MappingStartEvent | ev.SequenceStartEvent):
            self._check_node(event)
            if len(self.stack) >= self.limits.max_depth:
                self.problem(TOO_DEEP, f"nesting is deeper than {self.limits.max_depth} levels", event)
                raise _Stop
            self._start(event)
        elif isinstance(event, ev.MappingEndEvent | ev.SequenceEndEvent):
            self._end()

    # -- helpers -----------------------------------------------------------

    def _check_node(self, event: ev.NodeEvent) -> None:
        if event.anchor is not None:
            anchor = f"&{event.anchor}"
            self.problem(ALIAS, f"anchors ({anchor}) are not allowed", event, anchor)
        tag = getattr(event, "tag", None)
        if tag is not None and not _is_implicit(event):
            short = _short_tag(tag)
            self.problem(TAG, f"explicit tags ({short}) are not allowed", event, short)

    def _expecting_key(self) -> bool:
        top = self.stack[-1] if self.stack else None
        return top is not None and isinstance(top.container, dict) and not top.has_key

    def _set_key(self, key: Any) -> None:
        top = self.stack[-1]
        top.key, top.has_key = key, True

    def _take_key(self, event: ev.ScalarEvent) -> None:
        key = self._scalar(event)
        top = self.stack[-1]
        assert isinstance(top.container, dict)
        if not isinstance(key, str):
            if event.value == "":
                message = "a key is empty"
            else:
                message = f"keys must be strings; quote {event.value!r} if it is meant as text"
            self.problem(NON_STRING_KEY, message, event)
            self._set_key(_DISCARD)
            return
        if key in top.container:
            packed = self.key_marks.get((*top.path, key))
            first = unpack(packed) if packed is not None else None
            where = f" (first at line {first.line}, column {first.column})" if first else ""
            self.problem(DUPLICATE_KEY, f"duplicate key {key!r}{where}", event)
            self._set_key(_DISCARD)
            return
        self.key_marks[(*top.path, key)] = _packed(event)
        self._set_key(key)

    def _child_path(self) -> KeyPath | None:
        """Path of the value about to be added, or None when it is being discarded."""
        if not self.stack:
            return ()
        top = self.stack[-1]
        if top.container is None:
            return None
        if isinstance(top.container, dict):
            return None if top.key is _DISCARD else (*top.path, top.key)
        return (*top.path, len(top.container))

    def _add(self, value: Any, event: ev.Event) -> None:
        path = self._child_path()
        if path is not None:
            self.value_marks[path] = _packed(event)
        self._attach(value)

    def _attach(self, value: Any) -> None:
        if not self.stack:
            self.root = value
            return
        top = self.stack[-1]
        if isinstance(top.container, dict):
            if top.key is not _DISCARD:
                top.container[top.key] = value
            top.key, top.has_key = None, False
        elif isinstance(top.container, list):
            top.container.append(value)

    def _start(self, event: ev.CollectionStartEvent) -> None:
        # Discarded frames keep their nearest kept ancestor's path, for the problems found inside.
        if self._expecting_key():
            message = "keys must be strings, not mappings or sequences"
            self.problem(NON_STRING_KEY, message, event, "mapping or sequence as a key")
            self._set_key(_DISCARD)
            self.stack.append(_Frame(None, self.stack[-1].path, role="key"))
            return
        path = self._child_path()
        if path is None:  # inside something being discarded
            parent = self.stack[-1].path
            self._attach(None)
            self.stack.append(_Frame(None, parent, role="skip"))
            return
        self.value_marks[path] = _packed(event)
        container: dict[str, Any] | list[Any] = {} if isinstance(event, ev.MappingStartEvent) else []
        # Attached before it is filled, so that the partial data of a file that stops early still
        # holds the item a problem is in (and its id, for stable_key_paths).
        self._attach(container)
        self.stack.append(_Frame(container, path))

    def _end(self) -> None:
        self.stack.pop()  # a skipped key leaves its parent waiting for the value

    def _other_directive(self, event: ev.Event) -> tuple[int, str] | None:
        """A directive the parser skips (``%FOO``): its line and name, from a % line before the document."""
        before = self.text.split("\n", event.start_mark.line)[: event.start_mark.line]
        for number, line in enumerate(before, 1):
            if line.startswith("%"):
                return number, line.split(maxsplit=1)[0]
        return None

    def _scalar(self, event: ev.ScalarEvent) -> Any:
        value: str = event.value
        plain = _is_plain(event)
        if not plain:
            return value
        if _NULL.match(value):
            return None
        if value in _BOOL:
            return _BOOL[value]
        try:
            integer = None
            if _INT10.match(value):
                integer = int(value, 10)
            elif _INT8.match(value):
                integer = int(value[2:], 8)
            elif _INT16.match(value):
                integer = int(value[2:], 16)
        except ValueError:  # more digits than Python converts safely
            self.problem(BAD_NUMBER, "number has too many digits", event, "too many digits")
            return None
        if integer is not None:
            if abs(integer) > sys.float_info.max:  # like 1e400: no float holds it
                self.problem(BAD_NUMBER, f"{value} is too large to be a finite number", event, value)
                return None
            return integer
        if _NON_FINITE.match(value):
            message = f"{value} is not a finite number; claims need real numbers"
            self.problem(BAD_NUMBER, message, event, value)
            return None
        if _FLOAT.match(value):
            number = float(value)
            if not math.isfinite(number):
                self.problem(BAD_NUMBER, f"{value} is too large to be a finite number", event, value)
                return None
            return number
        return value


def _is_plain(event: ev.ScalarEvent) -> bool:
    style = getattr(event, "style", None)
    return not style and event.tag is None


def _is_implicit(event: ev.NodeEvent) -> bool:
    implicit = getattr(event, "implicit", None)
    if isinstance(implicit, tuple):
        return False  # a scalar with a tag always wrote it explicitly
    return bool(implicit)


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


def _packed(event: ev.Event) -> int:
    start = event.start_mark
    line: int = start.line + 1
    column: int = start.column + 1
    return line << 32 | column


def _mark(event: ev.Event) -> Mark:
    start = event.start_mark
    return Mark(start.line + 1, start.column + 1)


def _syntax_problem(exc: MarkedYAMLError, text: str) -> LoadProblem:
    mark = exc.problem_mark or exc.context_mark
    where = Mark(mark.line + 1, mark.column + 1) if mark is not None else Mark(1, 1)
    problem = exc.problem or "invalid YAML"
    context = f" ({exc.context})" if exc.context else ""
    detail = tuple(_line_free(one_line(part)) for part in (problem, exc.context) if part)
    return LoadProblem(SYNTAX, one_line(f"{problem}{context}"), where, detail=detail)


_LINE_REFERENCE = re.compile(r"\b(line|column|position)\s+\d+", re.IGNORECASE)


def _line_free(text: str) -> str:
    """A parser's wording without any line, column or position number it may carry."""
    return _LINE_REFERENCE.sub(r"\1", text)


def stable_key_paths(data: Any, paths: list[KeyPath]) -> list[tuple[str, ...]]:
    """Each of ``paths`` as text that survives edits which only move text or reorder lists.

    Mapping keys stay as they are. A list item is named ``id=ITS-ID`` when it
    is a mapping whose string ``id`` no sibling shares (a claim, an entity, a
    property), and by its index otherwise; so a waiver of a problem in claim
    ``sentence`` still applies after the claims are reordered. A path that
    leaves the data (an item that was never added) keeps its parts as text.
    """
    unique: dict[int, set[str]] = {}  # id(list) -> the ids that occur once in it

    def item_name(items: list[Any], index: int) -> str:
        if id(items) not in unique:
            counts = Counter(
                item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)
            )
            unique[id(items)] = {ident for ident, n in counts.items() if n == 1}
        item = items[index]
        ident = item.get("id") if isinstance(item, dict) else None
        return f"id={ident}" if isinstance(ident, str) and ident in unique[id(items)] else str(index)

    named: list[tuple[str, ...]] = []
    for path in paths:
        parts: list[str] = []
        node = data
        for part in path:
            if isinstance(part, int) and isinstance(node, list) and 0 <= part < len(node):
                parts.append(item_name(node, part))
                node = node[part]
            else:
                parts.append(str(part))
                node = node.get(part) if isinstance(node, dict) and isinstance(part, str) else None
        named.append(tuple(parts))
    return named


def _char_offset_mark(text: str, offset: int) -> Mark:
    return Mark(*line_column(text, offset))


def _byte_offset_mark(raw: bytes, offset: int) -> Mark:
    prefix = raw[:offset].decode("utf-8", "replace")  # columns count characters, not bytes
    return Mark(*line_column(prefix, len(prefix)))
