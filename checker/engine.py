"""The pipeline: load -> validate -> build the corpus -> run rules -> sorted findings.

The engine decides nothing about output or exit codes; the CLI does that
with the :class:`Result` it returns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from checker.corpus import Corpus, LoadedFile
from checker.findings import Finding, Location
from checker.loader import DEFAULT_LIMITS, LoaderLimits, LoadFailed, load_file
from checker.models import ClaimFile, EntitiesFile, PropertiesFile, StrictModel
from checker.project import Project, discover
from checker.rules import REGISTRY, corpus_rules
from checker.schemas import validate

M = TypeVar("M", bound=StrictModel)

KIND_OF_MODEL: dict[type[StrictModel], str] = {
    ClaimFile: "claim-file",
    EntitiesFile: "entities-file",
    PropertiesFile: "properties-file",
}


@dataclass
class Result:
    """What one run found."""

    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    claims: int = 0


def load_corpus(
    paths: list[Path], project: Project, limits: LoaderLimits = DEFAULT_LIMITS
) -> tuple[Corpus, list[Finding]]:
    """Load the catalogues and every claim file named by ``paths``; report what failed."""
    findings: list[Finding] = []
    corpus = Corpus(project, checked=discover(paths, project))
    if project.entities_path.is_file():
        corpus.entities_file = _load(project.entities_path, EntitiesFile, project, limits, findings)
    if project.properties_path.is_file():
        corpus.properties_file = _load(project.properties_path, PropertiesFile, project, limits, findings)
    for path in corpus.checked:
        loaded = _load(path, ClaimFile, project, limits, findings)
        if loaded is not None:
            corpus.files.append(loaded)
    return corpus, findings


def run(
    paths: list[Path], project: Project, *, schema_only: bool = False, limits: LoaderLimits = DEFAULT_LIMITS
) -> Result:
    """Check ``paths``: load and schema problems, then (unless ``schema_only``) every corpus rule."""
    corpus, findings = load_corpus(paths, project, limits)
    if not schema_only:
        for rule in corpus_rules():
            assert rule.check is not None
            findings.extend(rule.check(corpus))
    unique = {(f.fingerprint, f.location, f.message): f for f in findings}
    ordered = sorted(unique.values(), key=Finding.sort_key)
    return Result(ordered, files=len(corpus.checked), claims=sum(len(f.model.claims) for f in corpus.files))


def _load(
    path: Path, model: type[M], project: Project, limits: LoaderLimits, findings: list[Finding]
) -> LoadedFile[M] | None:
    shown = project.display(path)
    try:
        doc = load_file(path, limits)
    except LoadFailed as failure:
        for problem in failure.problems:
            rule = REGISTRY[problem.code]
            where = Location(shown, problem.mark.line, problem.mark.column)
            findings.append(rule.finding(problem.message, where, subject=(shown, problem.message)))
        return None
    parsed, problems = validate(KIND_OF_MODEL[model], doc)
    for schema_problem in problems:
        rule = REGISTRY[schema_problem.code]
        where = Location(shown, schema_problem.mark.line, schema_problem.mark.column)
        keypath = "/".join(str(part) for part in schema_problem.path)
        findings.append(
            rule.finding(schema_problem.message, where, subject=(shown, keypath, schema_problem.message))
        )
    if parsed is None:
        return None
    assert isinstance(parsed, model)
    return LoadedFile(shown, doc, parsed)
