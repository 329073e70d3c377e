"""Properties of ``checker fmt``: it never changes a value or drops a comment, and is idempotent.

Generated YAML documents (block and flow collections, scalars of every
style, comments in every position, including those ruamel.yaml drops) and
the official YAML test suite (tests/data/yaml-test-suite) are formatted:
each either is refused with a message, or comes out holding the same data,
every comment the input had, and formats to itself again. The generator
knows which comments it wrote, so that check does not rest on the
writer's own comment finder alone.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import fmt, yamlwrite
from checker.loader import LoadFailed, load_yaml
from checker.models import ClaimFile
from tests.conftest import VENDOR

SUITE = VENDOR / "yaml-test-suite"
KEYS = ["id", "subject", "quote", "value", "note", "a", "b-c", "source", "claims", "x_y"]
PLAIN = [
    "word",
    "two words",
    "a#b",
    "10",
    "-3",
    "1.5",
    "true",
    "null",
    "~",
    "2021-02-10",
    "yes",
    "0o17",
    "1e3",
]
PLAIN += ["x:y", "http://example.org/a#frag", "Алматы", "é"]
SINGLE = ["'it''s # not a comment'", "'  padded  '", "''", "'a: b'"]
DOUBLE = ['"tab\\there # no"', '"line\\nbreak"', '"\\u00e9"', '""', '"say \\"hi\\""', '"# quoted"']
FLOW_PLAIN = ["word", "10", "true", "a#b", "two words", "null"]
BLOCK_LINES = ["text", "# not a comment", "  more indented", "", "last: line"]


@dataclass
class Writer:
    """Emits YAML text while counting the comments it writes."""

    draw: Any
    lines: list[str] = field(default_factory=list)
    comments: Counter[str] = field(default_factory=Counter)
    numbers: itertools.count[int] = field(default_factory=itertools.count)

    def comment(self) -> str:
        text = f"# c{next(self.numbers)}{self.draw(st.sampled_from(['', ' with # hash', ' : colon', ' ']))}"
        self.comments[text.rstrip()] += 1
        return text

    def eol(self) -> str:
        return (
            f"{self.draw(st.sampled_from([' '] * 8 + ['   ', ' ' + chr(9)]))}{self.comment()}"
            if self.maybe()
            else ""
        )

    def maybe(self, p: float = 0.3) -> bool:
        return bool(self.draw(st.integers(0, 99)) < p * 100)

    def line_comments(self, indent: int) -> None:
        while self.maybe(0.25):
            self.lines.append(" " * self.draw(st.sampled_from([0, indent])) + self.comment())
        if self.maybe(0.15):
            self.lines.append("")

    def scalar(self) -> str:
        pool = self.draw(st.sampled_from([PLAIN, SINGLE, DOUBLE]))
        return str(self.draw(st.sampled_from(pool)))

    def flow(self, indent: int, depth: int) -> str:
        mapping = self.maybe(0.5)
        items: list[str] = []
        keys = self.draw(st.lists(st.sampled_from(KEYS), unique=True, max_size=4))
        for key in keys:
            if depth < 2 and self.maybe(0.2):
                value = self.flow(indent + 2, depth + 1)
            else:
                value = str(self.draw(st.sampled_from(FLOW_PLAIN + SINGLE + DOUBLE)))
            items.append(f"{key}: {value}" if mapping else value)
        text = "{" if mapping else "["
        for index, item in enumerate(items):
            text += item
            if index < len(items) - 1:
                text += ","
                text += f" {self.comment()}\n{' ' * (indent + 2)}" if self.maybe(0.2) else " "
        return text + ("}" if mapping else "]")

    def block_scalar(self, key_line: str, indent: int) -> None:
        header = self.draw(st.sampled_from(["|", ">", "|-", ">+", "|2"]))
        self.lines.append(f"{key_line}{header}{self.eol()}")
        content = self.draw(st.lists(st.sampled_from(BLOCK_LINES), min_size=1, max_size=4))
        content[0] = content[0].strip() or "first"  # the first line sets the indentation
        self.lines.extend(f"{' ' * (indent + 2)}{line}" if line else "" for line in content)

    def value(self, key_line: str, indent: int, depth: int) -> None:
        """Write ``key_line`` (``key: `` or ``- ``) and the value after it."""
        kind = self.draw(
            st.sampled_from(["scalar", "scalar", "block", "flow", "map", "seq"][: 6 if depth < 3 else 4])
        )
        if kind == "scalar":
            self.lines.append(f"{key_line}{self.scalar()}{self.eol()}")
        elif kind == "block":
            self.block_scalar(key_line, indent)
        elif kind == "flow":
            self.lines.append(f"{key_line}{self.flow(indent, 0)}{self.eol()}")
        elif kind == "map":
            self.lines.append(f"{key_line.rstrip()}{self.eol()}")
            self.mapping(indent + 2, depth + 1)
        else:
            self.lines.append(f"{key_line.rstrip()}{self.eol()}")
            self.sequence(
                indent + self.draw(st.sampled_from([0, 2])) if key_line.strip() != "-" else indent + 2,
                depth + 1,
            )

    def mapping(self, indent: int, depth: int, *, lead: bool = True) -> None:
        """A block mapping; ``lead=False``: no comment before its first key (it goes on a dash line)."""
        keys = self.draw(st.lists(st.sampled_from(KEYS), unique=True, min_size=1, max_size=4))
        for number, key in enumerate(keys):
            if lead or number:
                self.line_comments(indent)
            self.value(f"{' ' * indent}{key}: ", indent, depth)

    def sequence(self, indent: int, depth: int) -> None:
        for _ in range(self.draw(st.integers(1, 3))):
            self.line_comments(indent)
            if depth < 3 and self.maybe(0.4):  # "- key: value" with the mapping's other keys under it
                start = len(self.lines)
                self.mapping(indent + 2, depth + 1, lead=False)
                self.lines[start] = f"{' ' * indent}- {self.lines[start][indent + 2 :]}"
            else:
                self.value(f"{' ' * indent}- ", indent, depth)


@st.composite
def documents(draw: Any) -> tuple[str, Counter[str]]:
    """A YAML document and the comments written into it."""
    writer = Writer(draw)
    shape = draw(st.sampled_from(["mapping", "mapping", "sequence", "comments-only"]))
    writer.line_comments(0)
    if shape != "comments-only":
        if writer.maybe(0.2):
            writer.lines.append(f"---{writer.eol()}")
        if shape == "mapping":
            writer.mapping(0, 0)
        else:
            writer.sequence(0, 0)
        if writer.maybe(0.1):
            writer.lines.append("...")
            writer.line_comments(0)
    else:
        writer.lines.append(writer.comment())
    return "\n".join(writer.lines) + "\n", writer.comments


def _data(text: str) -> Any:
    try:
        return load_yaml(text).data
    except LoadFailed:
        return None


def _check_formats_safely(text: str, written: Counter[str] | None, model: Any = None) -> str | None:
    """Format ``text``; the output keeps data and comments and is stable. Returns the refusal, if any."""
    original = yamlwrite.Original(Path("generated.yaml"), text.encode(), text, _data(text))
    try:
        out = fmt.format_text(original, model)
    except yamlwrite.Refused as refused:
        assert refused.reason.strip()
        return refused.reason
    assert yamlwrite._same(_data(out), original.data), (text, out)
    kept = yamlwrite.comments(out)
    assert kept == yamlwrite.comments(text), (text, out)
    if written is not None:
        assert all(kept[comment] >= count for comment, count in written.items()), (written, out)
    again = yamlwrite.Original(Path("generated.yaml"), out.encode(), out, _data(out))
    assert fmt.format_text(again, model) == out
    return None


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example],
)
@given(documents(), st.booleans())
def test_generated_documents_keep_their_data_and_comments(
    document: tuple[str, Counter[str]], ordered: bool
) -> None:
    text, written = document
    if (
        _data(text) is None
        and text.strip()
        and not all(line.lstrip().startswith("#") or not line.strip() for line in text.splitlines())
    ):
        return  # the generator wrote something the loader refuses: fmt refuses it too (tested below)
    _check_formats_safely(text, written, ClaimFile if ordered else None)


def test_the_generator_mostly_writes_loadable_yaml() -> None:
    """Guard the generator itself: a property over refused inputs would prove nothing."""
    loaded = 0

    @settings(
        max_examples=100,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example],
    )
    @given(documents())
    def count(document: tuple[str, Counter[str]]) -> None:
        nonlocal loaded
        loaded += _data(document[0]) is not None

    count()
    assert loaded >= 50


def _suite() -> list[Path]:
    return sorted(SUITE.rglob("in.yaml"))


def test_the_yaml_test_suite_is_never_damaged() -> None:
    """Every input of the official test suite: formatted safely or refused, never a traceback."""
    inputs = _suite()
    assert len(inputs) > 300
    outcomes: Counter[str] = Counter()
    for path in inputs:
        try:
            original = yamlwrite.read(path)
        except yamlwrite.Refused as refused:
            assert refused.reason.strip()
            outcomes["not loadable"] += 1
            continue
        reason = _check_formats_safely(original.text, None)
        outcomes["refused" if reason is not None else "formatted"] += 1
    assert outcomes["formatted"] > 50, outcomes


@pytest.mark.parametrize(
    "text",
    [
        "# only a comment\n",
        "# a\n---\na: 1\n",
        "a: [1, # in\n  2]\n",
        "a: 1\n...\n# after\n",
        "a: |  # header\n  # content\n  x\n# after\n",
        "- {a: 1, b: [x, y]}  # flow\n- 'q # not'\n",
        'a: "' + "long " * 40 + '"\n',
    ],
    ids=["comment-only", "before-start", "in-flow", "after-end", "block-scalar", "flow-items", "long-line"],
)
def test_the_positions_ruamel_drops(text: str) -> None:
    _check_formats_safely(text, None)


def _repository_inputs() -> list[tuple[str, bytes]]:
    """Every YAML input the tests hold: the bad-input catalogue (stored and generated) and fixtures."""
    from tests.test_badinput import GENERATED  # noqa: PLC0415 - only this test needs the catalogue

    tests = VENDOR.parent
    found = [
        (path.relative_to(tests).as_posix(), path.read_bytes())
        for folder in (tests / "badinput", tests / "fixtures")
        for path in sorted(folder.rglob("*.yaml"))
        if path.name != "expected.yaml"
    ]
    for case, files in sorted(GENERATED.items()):
        found.extend((f"{case}/{name}", content) for name, content in sorted(files.items()))
    return found


def test_the_test_inputs_are_never_damaged(tmp_path: Path) -> None:
    """fmt over every YAML file the tests use, written to disk: a file is refused and stays byte for
    byte, or is rewritten with the same data and comments (BOM and line ends kept) and then stays."""
    inputs = _repository_inputs()
    assert len(inputs) > 300
    rewritten = 0
    for number, (name, content) in enumerate(inputs):
        if name.startswith("chain-1500/"):
            continue  # 220 KB: ruamel's pure-Python round trip takes seconds on it
        path = tmp_path / f"{number}.yaml"
        path.write_bytes(content)
        outcome = fmt.format_file(path, write=True)
        if outcome.refused is not None:
            assert path.read_bytes() == content, name
            continue
        after = path.read_bytes()
        assert after.startswith(b"\xef\xbb\xbf") == content.startswith(b"\xef\xbb\xbf"), name
        assert (b"\r\n" in after) == (b"\r\n" in content), name
        before_text = content.decode("utf-8-sig").replace("\r\n", "\n")
        after_text = after.decode("utf-8-sig").replace("\r\n", "\n")
        assert yamlwrite._same(_data(after_text), _data(before_text)), name
        assert yamlwrite.comments(after_text) == yamlwrite.comments(before_text), name
        assert not fmt.format_file(path, write=True).changed, name
        rewritten += outcome.changed
    assert rewritten > 10


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example],
)
@given(documents(), st.sampled_from(["judgements", "a", "id"]))
def test_an_edit_adds_its_lines_and_changes_no_other(
    tmp_path_factory: pytest.TempPathFactory, document: tuple[str, Counter[str]], key: str
) -> None:
    """Appending a record (as judge and waive do) to any generated file: refused, or the diff adds
    lines and removes none (but the line of a flow list the record joins, or a ``...`` that a kept
    trailing line break needed at the end), data and comments kept."""
    text = document[0]
    data = _data(text)
    if not isinstance(data, dict) or (key in data and not isinstance(data[key], list)):
        return
    path = tmp_path_factory.mktemp("edit") / "file.yaml"
    path.write_text(text, encoding="utf-8")
    record = {"relation": "same-as", "entities": ["a", "b"], "reason": "r # not a comment"}

    def change(doc: Any) -> Any:
        yamlwrite.append_record(yamlwrite.top_mapping(doc, path), key, record, path=path)
        return doc

    def expected(old: Any) -> Any:
        return {**old, key: [*old.get(key, []), record]}

    try:
        _, out = yamlwrite.edit(path, change, expected)
    except yamlwrite.Refused as refused:
        assert refused.reason.strip()
        return
    assert yamlwrite._same(_data(out), expected(data))
    assert yamlwrite.comments(out) == yamlwrite.comments(text)
    removed = [
        line
        for line in difflib.ndiff(text.splitlines(), out.splitlines())
        if line.startswith("- ") and not re.fullmatch(rf"- (?:{key}: \[.*|\.\.\.)", line)
    ]
    assert removed == [], (text, out)
