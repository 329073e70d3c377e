"""An unchanged run answered from its recorded output, before the checker is even imported.

A warm run — nothing changed since the last one: a second look, a pre-commit
hook on a commit that touches no claim — should answer at once. The run
cache (checker/runcache.py) already skips loading and comparing, but
importing the checker's models, rules and reporters alone takes most of a
second. So the console script (checker/main.py) first asks this module,
which imports none of them, whether the same command line was answered
before on the same inputs, and if so prints what that run printed and exits
with its code.

Only runs whose whole effect is their output are recorded: ``check`` and
``validate`` writing to stdout. A run that writes files (``-o``,
``--write-baseline``, ``report``), records the time (``--timestamp``), asks
git (``--since``) or bypasses the cache is always made afresh, and so is any
command line this module does not fully understand (argparse's abbreviated
options, ``--``): then the full command line decides, as always.

The key holds the checker's salt (see :meth:`Cache.key`), today, the working
folder, the command line as given, the environment variables reports and
colours read, and whether stdout is a terminal. The recorded value holds
every input file with its content's digest — the listing of claims/ and
sources/ included, so a new or deleted file is a change — the digests of
article texts read outside those folders, and the run's stdout, stderr and
exit code. It is replayed only while every one of those files is unchanged.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from checker import clock, runcache
from checker.cache import DEFAULT_FOLDER, Cache
from checker.project import ROOT_MARKERS, Project, find_project

#: The commands whose runs are recorded.
COMMANDS = ("check", "validate")
#: Options of those commands that take a value, and flags, that leave a run's effect its output.
VALUED = frozenset(
    {
        "--cache-dir",
        "--fail-on",
        "--config",
        "--select",
        "--ignore",
        "--format",
        "--baseline",
        "--show",
        "--color",
    }
)
FLAGS = frozenset({"-q", "--quiet", "--statistics", "--no-color"})
#: Environment variables a run's output depends on, beyond those of the run cache: colours.
ENVIRONMENT = (*runcache.ENVIRONMENT, "NO_COLOR", "TERM")


@dataclass(frozen=True)
class Invocation:
    """A command line understood well enough to find its recorded answer."""

    argv: tuple[str, ...]
    project: Project
    cache: Cache
    extra: tuple[Path, ...]  # the files it names, and the configuration files it may read

    def key(self) -> str:
        """Where its answer is recorded (the inputs' content is checked on reading, not keyed)."""
        environment = [f"{name}={os.environ.get(name, '')}" for name in ENVIRONMENT]
        return self.cache.key(
            "replay",
            clock.today().isoformat(),
            str(Path.cwd()),
            f"stdout-is-terminal={sys.stdout.isatty()}",
            *environment,
            "argv",
            *self.argv,
        )

    def inputs(self) -> dict[str, str]:
        """Every file the run reads (or may read), with its digest, as now on disk."""
        return runcache.inputs(self.project, self.extra)


@dataclass(frozen=True)
class Answer:
    """What a recorded run printed, and its exit code."""

    out: str
    err: str
    code: int


def understand(argv: Sequence[str]) -> Invocation | None:
    """The invocation ``argv`` is, when its run is one that is recorded; else None.

    The options are parsed as the command line's own parser parses them (a test
    holds the two together); anything else is not understood, and the full
    command line decides.
    """
    if not argv or argv[0] not in COMMANDS:
        return None
    paths: list[str] = []
    values: dict[str, str] = {}
    changed = False  # reading the values of --changed (argparse's nargs="*": greedy)
    rest = list(argv[1:])
    while rest:
        token = rest.pop(0)
        if not token.startswith("-") or token == "-":
            if not changed:
                paths.append(token)
            continue
        changed = False
        name, equals, value = token.partition("=")
        if token == "--changed":
            changed = True
        elif token in FLAGS:
            pass
        elif name in VALUED and (equals or rest):
            values[name] = value if equals else rest.pop(0)
        else:
            return None
    project = find_project([Path(p) for p in paths])
    folder = Path(values["--cache-dir"]) if "--cache-dir" in values else project.root / DEFAULT_FOLDER
    config, known = (Path(values[n]) if n in values else None for n in ("--config", "--baseline"))
    extra = named_files(project, [Path(p) for p in paths], config, known)
    return Invocation(tuple(argv), project, Cache(folder), extra)


def named_files(
    project: Project, paths: Sequence[Path], config: Path | None, baseline: Path | None
) -> tuple[Path, ...]:
    """The files a check reads beyond claims/ and sources/: its PATHS, ``--config``, ``--baseline``
    and both configuration files a project may have (which one is read depends on which exists)."""
    given = [p for p in (config, baseline) if p is not None]
    return (*paths, *given, *(project.root / marker for marker in ROOT_MARKERS))


def answer(argv: Sequence[str]) -> Answer | None:
    """The recorded answer to ``argv``, if its inputs are all as they were; else None."""
    invocation = understand(argv)
    if invocation is None:
        return None
    found = invocation.cache.get(invocation.key())
    if not isinstance(found, tuple) or len(found) != 3:
        return None
    inputs, outside, made = found
    if not isinstance(made, Answer) or inputs != invocation.inputs():
        return None
    return made if runcache.unchanged(invocation.project, outside) else None


def record(
    invocation: Invocation, inputs: Mapping[str, str], outside: Mapping[str, str], made: Answer
) -> None:
    """Keep ``made`` as the answer to the invocation, valid while ``inputs`` (read before the run)
    and ``outside`` (the article texts it read elsewhere) stay as they are."""
    invocation.cache.put(invocation.key(), (dict(inputs), dict(outside), made))
