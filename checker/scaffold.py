"""``checker init [DIR]``: a claims repository ready to use.

The files come from the templates in ``checker/templates/init/`` (package
data), where a path component ``dot-NAME`` stands for ``.NAME`` (so that
packaging globs, which skip hidden files, carry them). ``@VERSION@``,
``@REPOSITORY_URL@`` and ``@SCHEMAS@`` in them become this release's
version, the project's address and the address of its JSON Schemas at the
release's tag, so the pre-commit ``rev:``, the pinned ``pip install`` in
the workflow and the editors' schema modelines all name this release.

Nothing is ever overwritten: when any of the files already exists (or a
folder on its way is a file), nothing is written and the command exits 2
naming them.
"""

from __future__ import annotations

import argparse
import os
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path, PurePosixPath

from checker import REPOSITORY_URL, __version__
from checker.project import UsageError

TEMPLATES = ("templates", "init")
DOT = "dot-"
GITHUB = "https://github.com/"


def schemas_url() -> str:
    """Where this release's JSON Schemas are served: the repository's schemas/ at the release's tag."""
    raw = REPOSITORY_URL.replace(GITHUB, "https://raw.githubusercontent.com/", 1)
    return f"{raw}/v{__version__}/schemas"


def placeholders() -> dict[str, str]:
    return {"@VERSION@": __version__, "@REPOSITORY_URL@": REPOSITORY_URL, "@SCHEMAS@": schemas_url()}


def rendered() -> dict[str, str]:
    """Every file ``init`` writes: its path in the new repository -> its text."""
    result: dict[str, str] = {}
    for parts, template in _walk(files("checker").joinpath(*TEMPLATES), ()):
        text = template.read_text(encoding="utf-8")
        for placeholder, value in placeholders().items():
            text = text.replace(placeholder, value)
        target = PurePosixPath(*(f".{p.removeprefix(DOT)}" if p.startswith(DOT) else p for p in parts))
        result[target.as_posix()] = text
    return dict(sorted(result.items()))


def _walk(folder: Traversable, parts: tuple[str, ...]) -> list[tuple[tuple[str, ...], Traversable]]:
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name == "__pycache__":
            continue
        if entry.is_dir():
            found.extend(_walk(entry, (*parts, entry.name)))
        else:
            found.append(((*parts, entry.name), entry))
    return found


def conflicts(root: Path, targets: list[str]) -> list[str]:
    """The targets that exist already, or whose folder cannot be made because a file is in the way."""
    found = []
    for target in targets:
        path = root / target
        blocked = [
            p for p in path.parents if p != root and root in p.parents and p.exists() and not p.is_dir()
        ]
        if os.path.lexists(path) or blocked:
            found.append(target)
    return found


def command(args: argparse.Namespace) -> int:
    """Write the new repository's files into ``args.dir``; exit 2 without writing when any exists."""
    root: Path = args.dir
    if root.exists() and not root.is_dir():
        raise UsageError(f"{root}: is a file; name a folder (it is made when missing)")
    texts = rendered()
    taken = conflicts(root, list(texts))
    if taken:
        raise UsageError(
            f"refusing to overwrite what is there already in {root}: {', '.join(taken)};"
            " nothing was written (move them away, or run init in another folder)"
        )
    written = []
    for target, text in texts.items():
        path = root / target
        create(path, text, "init")
        written.append(path)
    for path in written:
        print(f"wrote {path.as_posix()}")
    print(
        "next: store each article's text in sources/, start its claim file with `checker new"
        " sources/ARTICLE.txt` (or write one, then run `checker fix --sha256`), and run `checker check`"
    )
    return 0


def create(path: Path, text: str, command: str) -> None:
    """Write a new file (and its folders), never replacing one: a file that appeared since the
    ``command`` looked is a UsageError, and stays as it is."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as out:  # "x": never replace a file
            out.write(text)
    except FileExistsError:
        raise UsageError(f"{path}: appeared while {command} was writing; not overwritten") from None
