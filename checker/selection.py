"""Which findings a run reports: those about the files a user names.

Rules compare claims across the whole archive, so a run always loads every
claim file of the project; the paths on the command line (and ``--changed``
or ``--since``) only choose what to *report*. The question pre-commit and CI
ask is "does this article contradict the archive?": a finding is reported
when it involves a claim in a named file, and it is anchored on that file's
side, so that a pull request's annotations land in its own diff.

A changed catalogue (entities.yaml, properties.yaml) or configuration can
change any finding, so it selects the whole archive; a changed article text
under sources/ selects the claim files that cite it.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from checker.config import config_path
from checker.corpus import Corpus
from checker.findings import Finding, Location
from checker.project import YAML_SUFFIXES, Project, UsageError


@dataclass(frozen=True)
class Selection:
    """The claim files (as reports show their paths) whose findings are reported; None: all."""

    files: frozenset[str] | None = None

    @property
    def everything(self) -> bool:
        return self.files is None

    def involves(self, finding: Finding, sources: dict[str, str]) -> bool:
        """Whether ``finding`` is about a selected file: by a location, or a claim of it.

        ``sources`` maps source ids to the path of the claim file that holds them.
        """
        return self.about((loc.path for loc in _locations(finding)), finding.subject.claims, sources)

    def about(self, paths: Iterable[str], claims: Iterable[str], sources: dict[str, str]) -> bool:
        """Whether one of ``paths``, or the file of one of ``claims`` (source-id/claim-id), is selected."""
        files = self.files
        if files is None:
            return True
        return any(p in files for p in paths) or any(sources.get(k.split("/", 1)[0]) in files for k in claims)

    def anchor(self, finding: Finding) -> Finding:
        """``finding`` located in a selected file when one of its places is there.

        The first such place becomes the primary location and the old one
        joins the related places; quotes from selected files come first. The
        subject, and so the fingerprint, stays as it was.
        """
        files = self.files
        if files is None or finding.location.path in files:
            return finding
        ours = sorted(loc for loc in _locations(finding) if loc.path in files)
        if not ours:
            return finding
        primary = ours[0]
        related = tuple(sorted({*finding.related, finding.location} - {primary}))
        quotes = tuple(sorted(finding.quotes, key=lambda q: q.location.path not in files))
        return replace(finding, location=primary, related=related, quotes=quotes)


def select(
    paths: Collection[Path], changed: Collection[Path] | None, project: Project, corpus: Corpus
) -> Selection:
    """What to report: every finding when nothing is named, else those about the named files.

    ``paths`` are the claim files and folders named on the command line;
    ``changed`` the files named by ``--changed`` or ``--since`` (any kind of
    file, existing or deleted; None when neither was given).
    """
    if not paths and changed is None:
        return Selection()
    every = {project.display(p) for p in corpus.checked}
    chosen = {project.display(p) for p in corpus.checked if _under_any(p, paths)}
    if changed is None and chosen == every:
        return Selection()  # the whole archive named: its catalogue and configuration findings too
    for path in changed or ():
        absolute = Path(os.path.abspath(path))
        if _selects_everything(absolute, project):
            return Selection()
        chosen |= _claim_files_for(absolute, project, corpus)
    return Selection(frozenset(chosen))


def changed_since(ref: str, project: Project) -> list[Path]:
    """Files changed since ``ref`` (a branch, tag or commit), as git sees them; renames followed.

    Compared with the merge base of ``ref`` and HEAD, as a pull request is,
    and including uncommitted and untracked files, so that a check before
    committing sees what the commit will hold. Deleted files are left out.
    """
    base = _git(project, "merge-base", ref, "HEAD").strip() or ref
    diff = _git(project, "diff", "--name-only", "-z", "--find-renames", "--diff-filter=d", base, "--")
    untracked = _git(project, "ls-files", "-z", "--others", "--exclude-standard")
    top = Path(_git(project, "rev-parse", "--show-toplevel").strip())
    names = sorted({n for n in (diff + untracked).split("\0") if n})
    return [top / name for name in names]


def _git(project: Project, *args: str) -> str:
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=project.root,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError as exc:
        raise UsageError(f"--since needs git: {exc.strerror or exc}") from None
    if done.returncode != 0:
        message = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"
        raise UsageError(f"--since: git {' '.join(args[:1])} failed: {message}")
    return done.stdout


def _locations(finding: Finding) -> Iterable[Location]:
    yield finding.location
    yield from finding.related
    for quote in finding.quotes:
        yield quote.location


def _under_any(path: Path, named: Collection[Path]) -> bool:
    absolute = Path(os.path.abspath(path))
    for given in named:
        target = Path(os.path.abspath(given))
        if absolute == target or target in absolute.parents:
            return True
    return False


def _selects_everything(path: Path, project: Project) -> bool:
    """A catalogue or the configuration: what every finding depends on."""
    if path.parent == project.claims_dir and project.is_catalogue(path):
        return True
    return path == config_path(project)


def _claim_files_for(path: Path, project: Project, corpus: Corpus) -> set[str]:
    """The claim file itself, or the claim files citing an article text."""
    if path.suffix in YAML_SUFFIXES:
        shown = project.display(path)
        if any(project.display(p) == shown for p in corpus.checked):
            return {shown}
    cited = set()
    for loaded in corpus.files:
        text = Path(os.path.abspath(project.root / loaded.model.source.text))
        if text == path:
            cited.add(loaded.path)
    return cited
