"""Fingerprints survive edits that move text but change no fact.

A waiver or a baseline names a finding by its fingerprint, so the fingerprint
must not depend on a line, a column or the order of claims in a file. For
findings of every family (L load, S schema, R references, Q quotes, N names,
V values, D dates, C corroboration, W waivers) this checks projects that
produce them (the rule fixtures, and small bad inputs for L and S), edits
every YAML file (comment and blank lines at the top and above each claim;
the claims of each claim file in reverse order) and asserts that the set of
(code, fingerprint) pairs is the same. Sets, not counts: a rule may report
one finding per disputed fact however many claims state it.
"""

from __future__ import annotations

import itertools
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from checker.findings import Finding
from checker.loader import LoadFailed, load_yaml
from tests.conftest import check_project, write_project

FAMILIES = "LSRQNVDCW"
FIXTURES = Path(__file__).parent / "fixtures" / "rules"

Pairs = set[tuple[str, str, str]]  # (project, code, fingerprint)
Places = set[tuple[str, str]]  # (project, path:line:col)

SHA = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def _source(source_id: str) -> str:
    return (
        f'source: {{id: {source_id}, title: T, outlet: Example News, published: "2021-02-10", language: en,\n'
        f"         text: sources/{source_id}.txt, sha256: {SHA}}}\n"
    )


def _claim(claim_id: str, quote: str = "x") -> str:
    return f'  - {{id: {claim_id}, subject: A, property: charge, value: {{text: x}}, quote: "{quote}"}}\n'


# Files the loader refuses, one or more problems each, most of them inside claims so that reversing
# the claims moves them. (L001, a file that cannot be read, cannot be made portably.)
BAD_LOAD: dict[str, str | bytes] = {
    "claims/bad-text.yaml": _source("bad-text") + "claims:\n" + _claim("a") + _claim("b", "x\x01y"),
    "claims/syntax.yaml": _source("syntax") + "claims:\n" + _claim("a") + _claim("b") + "notes: 'open\n",
    "claims/duplicate-key.yaml": _source("duplicate-key")
    + "claims:\n"
    + _claim("a")
    + "  - id: b\n    subject: B\n    subject: C\n    property: charge\n    value: {text: y}\n"
    + "    quote: y\n    quote: z\n"
    + _claim("c"),
    "claims/alias.yaml": _source("alias")
    + "claims:\n"
    + _claim("a")
    + "  - {id: b, subject: &who B, property: charge, value: {text: y}, quote: *who}\n",
    "claims/tag.yaml": _source("tag")
    + "claims:\n"
    + "  - {id: a, subject: !thing A, property: charge, value: {text: x}, quote: x}\n"
    + "  - {id: b, subject: B, property: charge, value: !!map {text: y}, quote: !!str y}\n",
    "claims/directive.yaml": "%YAML 1.2\n---\n" + _source("directive") + "claims:\n" + _claim("a"),
    "claims/non-string-key.yaml": _source("non-string-key")
    + "claims:\n"
    + _claim("a")
    + "  - {id: b, subject: B, property: charge, value: {text: y}, quote: y, qualifiers: {1: one, null: x}}\n"
    + "  - {id: c, subject: C, property: charge, value: {text: y}, quote: y, ? [k]: v}\n",
    "claims/bad-number.yaml": _source("bad-number")
    + "claims:\n"
    + "  - {id: a, subject: A, property: jail-sentence, value: {amount: .nan, unit: day}, quote: x}\n"
    + "  - {id: b, subject: B, property: jail-sentence, value: {amount: -.inf, unit: day}, quote: y}\n"
    + "  - {id: c, subject: C, property: jail-sentence, value: {amount: 1e999, unit: day}, quote: z}\n",
    "claims/too-deep.yaml": _source("too-deep")
    + "claims:\n"
    + _claim("a")
    + "  - {id: b, subject: B, property: charge, value: "
    + "[" * 40
    + "]" * 40
    + ", quote: y}\n",
    "claims/empty.yaml": "# nothing yet\n",
    "claims/two-documents.yaml": _source("two-documents") + "claims:\n" + _claim("a") + "---\nmore: 1\n",
    "claims/too-large.yaml": b"# " + b"x" * (5 * 1024 * 1024) + b"\n",
}

# Files that load but do not fit their schema (S001), and one that fits it but breaks model rules (S002).
BAD_SCHEMA: dict[str, str | bytes] = {
    "claims/schema.yaml": _source("schema").replace('"2021-02-10"', '"10 Feb 2021"')
    + "claims:\n"
    + _claim("a")
    + '  - {id: b, subject: B, property: charge, value: {text: y}, qoute: "y"}\n'
    + "  - {id: c, subject: C, property: charge, value: 10, quote: z}\n"
    + "  - {id: d, subject: D, property: charge, value: {text: w}}\n"
    + "  - {id: e, subject: E, property: charge, value: {text: v}, quote: v, approx: roughly}\n",
    "claims/model.yaml": _source("model")
    + "claims:\n"
    + _claim("a")
    + '  - {id: b, subject: B, property: jail-sentence, value: {min: 40, max: 30, unit: day}, quote: "y"}\n'
    + '  - {id: c, subject: C, property: charge, value: {text: z}, date: "2021-02-30", quote: "z"}\n',
    "claims/entities.yaml": "entities:\n"
    + "  - {id: a, name: A, type: person}\n"
    + "  - {id: b, name: B, type: persn, aka: [Bee]}\n",
}


# -- the edits -------------------------------------------------------------------------------------

_CLAIMS_KEY = re.compile(r"^claims:[ \t]*(#.*)?$")


def _claim_blocks(text: str) -> tuple[str, list[str], str] | None:
    """Split a claim file's text into what precedes its claims, each claim's lines, and what follows.

    Claims are the items of the block sequence under the top-level ``claims:``
    key; an item runs from its ``-`` line to the next item at its indentation.
    """
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if _CLAIMS_KEY.match(line.rstrip("\r\n"))), None)
    if start is None:
        return None
    indent: int | None = None
    items: list[int] = []
    end = len(lines)
    for i in range(start + 1, len(lines)):
        content = lines[i].strip()
        if not content or content.startswith("#"):
            continue
        current = len(lines[i]) - len(lines[i].lstrip(" "))
        if indent is None:
            if not content.startswith("-"):
                return None
            indent = current
        if current < indent or (current == indent and not content.startswith("-")):
            end = i
            break
        if current == indent:
            items.append(i)
    if not items:
        return None
    bounds = [*items, end]
    blocks = ["".join(lines[a:b]) for a, b in itertools.pairwise(bounds)]
    blocks = [block if block.endswith("\n") else block + "\n" for block in blocks]
    return "".join(lines[: items[0]]), blocks, "".join(lines[end:])


def add_comments(text: str) -> str:
    """Comment and blank lines at the top of the file and above each claim."""
    top = "# a comment added at the top\n\n# and another, after a blank line\n"
    split = _claim_blocks(text)
    if split is None:
        return top + text
    head, blocks, tail = split
    indent = " " * (len(blocks[0]) - len(blocks[0].lstrip(" ")))
    above = f"\n{indent}# a note about the next claim\n\n"
    return top + head + "".join(above + block for block in blocks) + tail


def reverse_claims(text: str) -> str:
    """The same file with its claims in reverse order."""
    split = _claim_blocks(text)
    if split is None:
        return text
    head, blocks, tail = split
    return head + "".join(reversed(blocks)) + tail


def both(text: str) -> str:
    return add_comments(reverse_claims(text))


EDITS: dict[str, Callable[[str], str]] = {
    "comments": add_comments,
    "reversed": reverse_claims,
    "comments-and-reversed": both,
}


def edit_project(root: Path, edit: Callable[[str], str]) -> None:
    """Apply ``edit`` to every YAML file under ``root`` (bytes that are not UTF-8 are edited as Latin-1)."""
    for path in sorted([*root.rglob("*.yaml"), *root.rglob("*.yml")]):
        raw = path.read_bytes()
        try:
            text, encoding = raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = raw.decode("latin-1"), "latin-1"
        path.write_bytes(edit(text).encode(encoding))


# -- the projects ----------------------------------------------------------------------------------


def _projects(root: Path) -> list[Path]:
    """A copy of every rule fixture, and the bad-input projects, under ``root``."""
    copies = []
    for case in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        copies.append(Path(shutil.copytree(case, root / case.name)))
    copies.append(write_project(root / "bad-load", BAD_LOAD.items()))
    copies.append(write_project(root / "bad-schema", BAD_SCHEMA.items()))
    return copies


def _pairs(projects: list[Path]) -> tuple[Pairs, Places]:
    """Each finding as (project, code, fingerprint), and the places of all findings."""
    pairs: Pairs = set()
    places: Places = set()
    for project in projects:
        findings: list[Finding] = check_project(project).findings
        pairs.update((project.name, f.code, f.fingerprint) for f in findings)
        places.update((project.name, str(f.location)) for f in findings)
    return pairs, places


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> tuple[Pairs, Places]:
    return _pairs(_projects(tmp_path_factory.mktemp("original")))


@pytest.mark.parametrize("name", sorted(EDITS))
def test_fingerprints_survive_moved_text(
    name: str,
    original: tuple[Pairs, Places],
    tmp_path: Path,
) -> None:
    projects = _projects(tmp_path)
    for project in projects:
        edit_project(project, EDITS[name])
    before, places_before = original
    after, places_after = _pairs(projects)
    if name != "reversed":
        assert places_after != places_before, "the edit moved no finding: it tests nothing"
    uncovered = [family for family in FAMILIES if not any(p[1].startswith(family) for p in before)]
    assert not uncovered, f"no finding of these families: the projects no longer cover them: {uncovered}"
    changed = {
        family: {
            "lost": sorted(p for p in before - after if p[1].startswith(family)),
            "new": sorted(p for p in after - before if p[1].startswith(family)),
        }
        for family in FAMILIES
        if any(p[1].startswith(family) for p in before ^ after)
    }
    assert not changed, f"fingerprints changed: {changed}"


def test_bad_inputs_cover_every_load_and_schema_code(original: tuple[Pairs, Places]) -> None:
    """Every L code but L001 (a file that cannot be read), and both S codes."""
    codes = {code for project, code, _ in original[0] if project in {"bad-load", "bad-schema"}}
    assert {c for c in codes if c[0] in "LS"} == {f"L{n:03d}" for n in range(2, 14)} | {"S001", "S002"}


# -- the edits themselves --------------------------------------------------------------------------


def _loaded(path: Path) -> object:
    try:
        return load_yaml(path.read_text(encoding="utf-8")).data
    except (LoadFailed, UnicodeDecodeError):
        return None


@pytest.mark.parametrize("name", sorted(EDITS))
def test_edits_keep_the_content(name: str, tmp_path: Path) -> None:
    """Comments change nothing; reversing reverses the claims and nothing else."""
    projects = _projects(tmp_path / "a")
    edited = _projects(tmp_path / "b")
    for project in edited:
        edit_project(project, EDITS[name])
    reversed_some = False
    for project, changed in zip(projects, edited, strict=True):
        for path in project.rglob("*.yaml"):
            data, again = _loaded(path), _loaded(changed / path.relative_to(project))
            if data is None:
                continue
            assert again is not None, path
            if name != "comments" and isinstance(data, dict) and isinstance(data.get("claims"), list):
                reversed_some = reversed_some or len(data["claims"]) > 1
                data = {**data, "claims": data["claims"][::-1]}
            assert again == data, path
    assert reversed_some or name == "comments"
