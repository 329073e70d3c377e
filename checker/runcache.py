"""A whole run's outcome, cached: a re-run on an unchanged archive prints at once.

Editors re-run the checker on an archive that has not changed (a second
look, a pre-commit hook on a commit that touches no claim); comparing a
large archive again would cost seconds for the same answer. The outcome of a
run (the report, without the article texts only the HTML report shows) is
stored in the cache folder under a key made of everything it depends on:
the checker (its salt), the command and its options, the content of every
file under claims/ and sources/, the configuration, the baseline, the files
named, today's date (waivers expire) and the environment reporters read.
Any change is a different key, so a stale outcome is never found; the
content is hashed, not its modification time, so no edit can slip past.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from checker.cache import Cache
from checker.project import Project, files_under

#: Environment variables that change what a report holds (links to the repository, today's date).
ENVIRONMENT = ("SOURCE_DATE_EPOCH", "GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA")


def key(cache: Cache, options: Sequence[str], inputs: Mapping[str, str], today: str) -> str:
    """The key of a run: its options and today, and every input file's path and content."""
    parts: list[str] = ["run", today, *options]
    parts += [f"{name}={os.environ.get(name, '')}" for name in ENVIRONMENT]
    for name, digest in inputs.items():
        parts += [name, digest]
    return cache.key(*parts)


def inputs(project: Project, extra: Iterable[Path]) -> dict[str, str]:
    """Every file a run reads, as the path reports show, with its content's digest, sorted by path:
    the files under claims/ and sources/ (recursively) and the ``extra`` ones named."""
    paths = sorted(set(_inputs(project, extra)), key=lambda p: p.as_posix())
    return {project.display(path): _digest(path) for path in paths}


def _inputs(project: Project, extra: Iterable[Path]) -> Iterator[Path]:
    """The claims and sources folders' files (recursively), and the other files a run reads."""
    for folder in (project.claims_dir, project.root / "sources"):
        yield from files_under(folder)
    for given in extra:
        path = Path(os.path.abspath(given))
        if path.is_dir():
            yield from _inputs(Project(path, path), ())  # a folder of claims named outside claims/
        else:
            yield path


def _digest(path: Path) -> str:
    """The content's sha256; a file that cannot be read stands for itself as unreadable.

    Only regular files are read: a named pipe would block the run and a
    device never end (the loader refuses them and says so; see L001).
    """
    try:
        found = path.stat()
        if not stat.S_ISREG(found.st_mode):
            return f"special:{stat.S_IFMT(found.st_mode)}"
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError as exc:
        return f"unreadable:{exc.errno}"


def outside(project: Project, read: Iterable[str]) -> dict[str, str]:
    """The files a run read outside claims/ and sources/ (article texts stored elsewhere), with
    their digests: the key cannot name them before the run, so a cached outcome carries them and
    is used only while they are unchanged (see :func:`unchanged`)."""
    found: dict[str, str] = {}
    inside = (Path(os.path.abspath(project.claims_dir)), Path(os.path.abspath(project.root / "sources")))
    for written in read:
        path = Path(os.path.abspath(project.root / written))
        if not any(folder == path or folder in path.parents for folder in inside):
            found[written] = _digest(path)
    return found


def unchanged(project: Project, recorded: dict[str, str]) -> bool:
    """Whether every file ``outside`` recorded still has the digest it had."""
    return all(
        _digest(Path(os.path.abspath(project.root / written))) == digest
        for written, digest in recorded.items()
    )
