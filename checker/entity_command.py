"""``checker entities [PATHS] [--format text|json]``: every entity, its names and their variants.

What the listing is built on decides the exit code. A catalogue
(claims/entities.yaml, claims/properties.yaml) that cannot be read or does
not fit its schema leaves nothing to list against: its problems are printed
at their locations, nothing is listed and the exit code is 2. A claim file
that cannot be read is left out of the listing, its problems printed the
same way, and the exit code is 1: the listing is there, but incomplete.
"""

from __future__ import annotations

import argparse
import sys

from checker.engine import load_corpus
from checker.findings import Finding
from checker.project import find_project
from checker.reporters import entities as entities_report
from checker.resolve import resolve_identities
from checker.textsafe import escape

EXIT_CLEAN = 0
EXIT_INCOMPLETE = 1
EXIT_ERROR = 2

FORMATS = entities_report.FORMATS


def command(args: argparse.Namespace) -> int:
    """List the entities of the claim files ``args.paths`` name (default: claims/)."""
    project = find_project(list(args.paths))
    corpus, problems = load_corpus(list(args.paths), project)
    for problem in problems:
        print(_line(problem), file=sys.stderr)
    catalogues = {project.display(project.entities_path), project.display(project.properties_path)}
    if any(problem.location.path in catalogues for problem in problems):
        print("checker: error: the catalogues cannot be read; nothing is listed", file=sys.stderr)
        return EXIT_ERROR
    ids = resolve_identities(corpus)
    render = entities_report.render_json if args.format == "json" else entities_report.render
    sys.stdout.write(render(ids))
    return EXIT_INCOMPLETE if problems else EXIT_CLEAN


def _line(problem: Finding) -> str:
    return escape(f"{problem.location}: {problem.code} {problem.severity} {problem.message}")
