"""``checker fmt [--check] [--diff] [PATHS]``: one layout for every claim file, losing nothing.

The layout is ruamel.yaml's round trip with the repository's indentation
(mappings by 2, sequence dashes 2 under their key), no folded lines, the
quotes and flow style (``{amount: 10, unit: day}``) as written, and keys in
canonical order: the field order of the pydantic models (checker/models.py
for claim files and catalogues, checker/config.py for checker.yaml), keys
the model does not know kept after the known ones, in their order. The
writer (checker/yamlwrite.py) verifies each result before it is written
and refuses a file it cannot rewrite safely: that file is reported and
left as it was.

``--check`` and ``--diff`` write nothing (as in black and ruff): ``--diff``
prints the change as a unified diff that ``git apply`` takes.

Exit codes: 0 every file formatted (or, with ``--check`` or ``--diff``,
already formatted); 1 a file would change (``--check``, ``--diff``) or could
not be formatted safely (as ``checker fix`` and ``checker check`` treat a
file in trouble); 2 usage errors.
"""

from __future__ import annotations

import argparse
import copy
import difflib
import sys
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.tokens import CommentToken

from checker import yamlwrite
from checker.config import CONFIG_NAME, ConfigModel
from checker.models import ClaimFile, EntitiesFile, PropertiesFile
from checker.project import (
    ENTITIES_NAME,
    PROPERTIES_NAME,
    YAML_SUFFIXES,
    Project,
    UsageError,
    files_under,
    find_project,
)
from checker.textsafe import escape


@dataclass(frozen=True)
class Outcome:
    """One file's result: ``changed`` (would change, or was rewritten), or ``refused`` with a reason."""

    path: Path
    changed: bool = False
    refused: str | None = None
    diff: str = ""


def command(args: argparse.Namespace) -> int:
    """``checker fmt``: see the module docstring for what it does and its exit codes."""
    paths: list[Path] = list(args.paths)
    project = find_project(paths)
    files = targets(paths, project)
    dry = args.check or args.diff  # report what would change, write nothing
    outcomes = [format_file(path, write=not dry, project=project) for path in files]
    verb = "would be reformatted" if dry else "reformatted"
    for outcome in outcomes:
        shown = project.display(outcome.path)
        if outcome.refused is not None:
            print(f"{escape(shown)}: not formatted: {escape(outcome.refused)}", file=sys.stderr)
        elif outcome.changed:  # with --diff, stdout is the patch alone (`| git apply` takes it)
            print(f"{escape(shown)}: {verb}", file=sys.stderr if args.diff else sys.stdout)
        if args.diff and outcome.diff:
            sys.stdout.write(outcome.diff)
    changed = sum(o.changed for o in outcomes)
    refused = sum(o.refused is not None for o in outcomes)
    print(
        f"{changed} {verb}, {len(outcomes) - changed - refused} already formatted,"
        f" {refused} not formatted ({len(outcomes)} files)",
        file=sys.stderr,
    )
    return 1 if refused or (dry and changed) else 0


def targets(paths: list[Path], project: Project) -> list[Path]:
    """The YAML files to format: those named (folders searched), else claims/ and checker.yaml."""
    found: set[Path] = set()
    if not paths:
        if project.claims_dir.is_dir():
            found.update(p for p in files_under(project.claims_dir) if p.suffix in YAML_SUFFIXES)
        config = project.root / CONFIG_NAME
        if config.is_file():
            found.add(config)
    for given in paths:
        if given.is_dir():
            found.update(p for p in files_under(given) if p.suffix in YAML_SUFFIXES)
        elif given.exists() or given.is_symlink():
            found.add(given)
        else:
            raise UsageError(f"{given}: no such file or directory")
    return sorted(found, key=project.display)


def model_for(path: Path) -> type[BaseModel]:
    """The model whose field order a file's keys follow, told by its name."""
    models: dict[str, type[BaseModel]] = {
        CONFIG_NAME: ConfigModel,
        ENTITIES_NAME: EntitiesFile,
        PROPERTIES_NAME: PropertiesFile,
    }
    return models.get(path.name, ClaimFile)


def format_file(path: Path, *, write: bool, project: Project | None = None) -> Outcome:
    """Format one file (or, ``write=False``, only work out whether it would change)."""
    try:
        original = yamlwrite.read(path)
        text = format_text(original, model_for(path))
        if text == original.text:
            return Outcome(path)
        shown = project.display(path) if project is not None else str(path)
        diff = "".join(
            difflib.unified_diff(
                original.text.splitlines(keepends=True),
                text.splitlines(keepends=True),
                f"a/{shown}",
                f"b/{shown}",
            )
        )
        if write:
            yamlwrite.replace(original, text)
        return Outcome(path, changed=True, diff=diff)
    except yamlwrite.Refused as refused:
        return Outcome(path, refused=refused.reason)


def format_text(original: yamlwrite.Original, model: type[BaseModel] | None = None) -> str:
    """The formatted text of ``original`` (verified; raises :class:`yamlwrite.Refused`).

    A file with no content (only comments, or nothing) is left as it is:
    ruamel.yaml would drop its comments, and there is nothing to order.
    """
    if original.data is None:
        return original.text
    doc = yamlwrite.parse(original)
    if model is not None:
        order(doc, Shape.of(model))
    text = yamlwrite.render(doc, explicit_start=yamlwrite.explicit_start(original.text), path=original.path)
    if text != original.text:
        yamlwrite.verify(original, text, original.data)
    return text


# -- canonical key order --------------------------------------------------------------


@dataclass
class Shape:
    """What a value may be, as far as key order goes: one of some models, a list of, a dict of."""

    models: list[type[BaseModel]] = field(default_factory=list)
    item: Shape | None = None  # for a list
    value: Shape | None = None  # for a dict

    @classmethod
    def of(cls, annotation: Any) -> Shape:
        shape = cls()
        shape._add(annotation)
        return shape

    def _add(self, annotation: Any) -> None:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            self._add(typing.get_args(annotation)[0])
        elif origin in (typing.Union, types.UnionType):
            for arm in typing.get_args(annotation):
                self._add(arm)
        elif origin is list:
            self.item = self.item or Shape()
            self.item._add(typing.get_args(annotation)[0])
        elif origin is dict:
            self.value = self.value or Shape()
            self.value._add(typing.get_args(annotation)[1])
        elif (
            isinstance(annotation, type)
            and issubclass(annotation, BaseModel)
            and annotation not in self.models
        ):
            self.models.append(annotation)

    def model(self, keys: list[str]) -> type[BaseModel] | None:
        """The model a mapping with these keys is: the first that knows them all, else the closest."""
        best, overlap = None, 0
        for model in self.models:
            known = set(_fields(model))
            if known.issuperset(keys):
                return model
            if len(known.intersection(keys)) > overlap:
                best, overlap = model, len(known.intersection(keys))
        return best


def _fields(model: type[BaseModel]) -> dict[str, Any]:
    """The keys a model's mapping is written with (aliases where there are), in field order."""
    return {info.alias or name: info.annotation for name, info in model.model_fields.items()}


def order(node: Any, shape: Shape) -> None:
    """Put the keys of every mapping in ``node`` in canonical order, recursively, in place."""
    if isinstance(node, CommentedSeq) and shape.item is not None:
        for item in node:
            order(item, shape.item)
    elif isinstance(node, CommentedMap):
        keys = [key for key in node if isinstance(key, str)]
        model = shape.model(keys)
        if model is not None:
            known = _fields(model)
            _reorder(node, [k for k in known if k in node])
            for key, annotation in known.items():
                if key in node:
                    order(node[key], Shape.of(annotation))
        elif shape.value is not None:
            for key in node:
                order(node[key], shape.value)


def _reorder(node: CommentedMap, first: list[str]) -> None:
    """Move the ``first`` keys to the front, in that order.

    Comment lines after the last key's line belong to what follows the
    mapping (the next item's heading): they stay at the end when the last
    key changes and its value is a scalar (otherwise they move with their
    key; the writer's checks still see every comment kept).
    """
    current = list(node)
    wanted = first + [key for key in current if key not in first]
    if wanted == current:
        return
    new_last = node[wanted[-1]]
    movable = not isinstance(new_last, CommentedMap | CommentedSeq)
    trailing = _take_trailing(node, current[-1]) if movable and wanted[-1] != current[-1] else None
    for key in wanted:
        node.move_to_end(key)
    if trailing is not None:
        entry = node.ca.items.setdefault(wanted[-1], [None, None, None, None])
        token = entry[2]
        if isinstance(token, CommentToken):
            token.value = (token.value if token.value.endswith("\n") else token.value + "\n") + trailing.value
        else:
            trailing.value = "\n" + trailing.value
            entry[2] = trailing


def _take_trailing(node: CommentedMap, key: Any) -> CommentToken | None:
    """A token holding the comment lines after the last key's line, taken off it."""
    entry = node.ca.items.get(key)
    token = entry[2] if entry and len(entry) > 2 else None
    if not isinstance(token, CommentToken) or "\n" not in token.value.rstrip("\n"):
        return None
    own, _, rest = token.value.partition("\n")
    taken = copy.copy(token)
    taken.value = rest
    token.value = own + "\n"
    return taken
