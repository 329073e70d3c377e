"""Where a claims repository starts and which files in it are what.

The project root is the nearest directory, from the first path checked
upwards, holding ``checker.yaml`` or a ``pyproject.toml``; failing that, the
nearest holding a ``claims/`` directory; failing that, the current
directory. Paths in claim files (``source.text``) and in reports are
relative to it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT_MARKERS = ("checker.yaml", "pyproject.toml")
YAML_SUFFIXES = (".yaml", ".yml")
ENTITIES_NAME = "entities.yaml"
PROPERTIES_NAME = "properties.yaml"


class UsageError(Exception):
    """A problem with how the checker was called: exit code 2."""


@dataclass(frozen=True)
class Project:
    """A claims repository: its root and its catalogue files."""

    root: Path
    claims_dir: Path

    @property
    def entities_path(self) -> Path:
        return self.claims_dir / ENTITIES_NAME

    @property
    def properties_path(self) -> Path:
        return self.claims_dir / PROPERTIES_NAME

    def display(self, path: Path) -> str:
        """A path as reports show it: relative to the root, with forward slashes."""
        absolute = Path(os.path.abspath(path))
        try:
            return absolute.relative_to(self.root).as_posix()
        except ValueError:
            return absolute.as_posix()

    def is_catalogue(self, path: Path) -> bool:
        return path.name in (ENTITIES_NAME, PROPERTIES_NAME)


def find_project(paths: list[Path], cwd: Path | None = None) -> Project:
    """The project the given paths belong to."""
    here = Path(os.path.abspath(cwd or Path.cwd()))
    start = Path(os.path.abspath(paths[0])) if paths else here
    if not start.is_dir():
        start = start.parent
    ancestors = (start, *start.parents)
    marked = (c for c in ancestors if any((c / marker).is_file() for marker in ROOT_MARKERS))
    with_claims = (c for c in ancestors if (c / "claims").is_dir())
    root = next(marked, None) or next(with_claims, None) or here
    return Project(root=root, claims_dir=root / "claims")


def discover(paths: list[Path], project: Project) -> list[Path]:
    """Every claim file named by ``paths`` (files, or directories searched recursively), sorted.

    Catalogue files (entities.yaml, properties.yaml) are loaded separately and
    are not claim files. A path that does not exist, or a folder that holds no
    claim file, is a usage error: a run that checks nothing must not pass
    silently. The project's own claims/ folder is the exception (with no
    PATH, or named): a new project's claims/ may still be empty.
    """
    found: set[Path] = set()
    for given in paths or [project.claims_dir]:
        path = Path(os.path.abspath(given))
        if path.is_dir():
            here = _claim_files(path, project)
            if not here and path != project.claims_dir:
                raise UsageError(
                    f"{given}: no claim files in this folder ({' or '.join(YAML_SUFFIXES)} files other than"
                    f" {ENTITIES_NAME} and {PROPERTIES_NAME}); name claim files or folders holding them"
                    " (only the project's claims/ folder may be empty)"
                )
            found.update(here)
        elif path.exists():
            if not project.is_catalogue(path):
                found.add(path)
        else:
            raise UsageError(f"{given}: no such file or directory")
    return sorted(found, key=project.display)


def _claim_files(folder: Path, project: Project) -> set[Path]:
    return {p for p in files_under(folder) if p.suffix in YAML_SUFFIXES and not project.is_catalogue(p)}


def files_under(folder: Path) -> Iterator[Path]:
    """Every file below ``folder``, recursively, leaving out hidden folders (.git, .checker-cache)."""
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        yield from (Path(dirpath) / name for name in filenames)
