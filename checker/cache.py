"""A cache of parsed and validated files, so an unchanged archive is not read twice.

Parsing and validating is most of a run's cost on a large archive, and a
pre-commit run compares one changed file with thousands that did not change.
Each file's outcome (its model and marks, or its load and schema findings)
is stored under a key made of everything it depends on: the file's bytes,
the path reports show, the loader limits, the kind of document, and a salt
made of the checker's version and its own source code (which holds the
schemas). A stale entry is therefore never found, whatever changed.

Entries are files in the cache folder (``.checker-cache/`` at the project
root unless told otherwise; never commit it). Each carries a checksum of its
payload: an entry that is truncated, corrupt or unreadable is a miss, is
deleted and rebuilt, never trusted. Writing is best effort (a read-only
checkout just runs uncached). The payload is a pickle: the folder is the
user's own working data, like ``__pycache__``; do not fill it from
untrusted places.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from checker import __version__

#: The folder name at the project root.
DEFAULT_FOLDER = ".checker-cache"
_MAGIC = b"claimcheck-cache 1\n"
_DIGEST = 32  # sha256
#: Entries not used by a run are pruned once they outnumber the used ones this many times over.
_PRUNE_FACTOR = 2


class Cache:
    """Values by key in a folder; a miss for anything that is not exactly what was stored."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()
        self.hits = 0
        self.misses = 0

    def key(self, *parts: bytes | str) -> str:
        """A key for ``parts`` under this checker's salt."""
        digest = hashlib.sha256(salt().encode())
        for part in parts:
            data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
            digest.update(len(data).to_bytes(8, "big"))
            digest.update(data)
        return digest.hexdigest()

    def get(self, key: str) -> object | None:
        """The value stored under ``key``, or None (absent, corrupt or unreadable: then removed)."""
        self.used.add(key)
        path = self._path(key)
        try:
            blob = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        payload = blob[len(_MAGIC) + _DIGEST :]
        header, digest = blob[: len(_MAGIC)], blob[len(_MAGIC) : len(_MAGIC) + _DIGEST]
        value: object | None = None
        if header == _MAGIC and hashlib.sha256(payload).digest() == digest:
            with contextlib.suppress(Exception):  # any failure to unpickle is a corrupt entry
                value = pickle.loads(payload)
        if value is None:
            self.misses += 1
            with contextlib.suppress(OSError):
                path.unlink()
            return None
        self.hits += 1
        return value

    def put(self, key: str, value: object) -> None:
        """Store ``value`` under ``key`` atomically; a failure to write is not an error."""
        self.used.add(key)
        path = self._path(key)
        try:
            payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            path.parent.mkdir(parents=True, exist_ok=True)
            _ignore_folder(self.folder)
            handle, name = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            temporary = Path(name)
            with os.fdopen(handle, "wb") as out:
                out.write(_MAGIC + hashlib.sha256(payload).digest() + payload)
            temporary.replace(path)
        except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
            with contextlib.suppress(OSError, UnboundLocalError):
                temporary.unlink()

    def prune(self) -> None:
        """Remove entries this run did not use, once they far outnumber those it did."""
        entries = list(self._entries())
        unused = [p for p in entries if p.name not in self.used]
        if len(unused) <= _PRUNE_FACTOR * max(len(self.used), 1):
            return
        for path in unused:
            with contextlib.suppress(OSError):
                path.unlink()

    def _path(self, key: str) -> Path:
        return self.folder / "files" / key[:2] / key

    def _entries(self) -> Iterable[Path]:
        root = self.folder / "files"
        if not root.is_dir():
            return
        for shard in root.iterdir():
            if shard.is_dir():
                yield from (p for p in shard.iterdir() if not p.name.startswith(".tmp-"))


def add_options(parser: argparse.ArgumentParser) -> None:
    """``--cache-dir`` and ``--no-cache``, for every command that runs the check."""
    parser.add_argument(
        "--cache-dir",
        type=Path,
        metavar="DIR",
        help=f"where parsed files are cached (default: {DEFAULT_FOLDER}/ at the project root; not committed)",
    )
    parser.add_argument("--no-cache", action="store_true", help="read and parse every file afresh")


def chosen(args: argparse.Namespace, root: Path) -> Cache | None:
    """The cache those options ask for: none with ``--no-cache``, else ``--cache-dir`` or the
    project's own (``root``/.checker-cache)."""
    return None if args.no_cache else Cache(args.cache_dir or root / DEFAULT_FOLDER)


def _ignore_folder(folder: Path) -> None:
    """Keep the cache out of git even where no .gitignore names it."""
    marker = folder / ".gitignore"
    if not marker.exists():
        with contextlib.suppress(OSError):
            marker.write_text("# written by claimcheck: the cache is never committed\n*\n", encoding="utf-8")


@cache
def salt() -> str:
    """The checker's version and a digest of its own source: a new checker never reads old entries."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.suffix in {".py", ".json", ".j2"} and path.is_file():
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
