"""The pipeline: load -> validate -> analyse -> run rules -> configure -> waive.

Rules never see the configuration: the engine applies it to their findings
(rule selection, severity overrides and ``off``, per-path overrides, then
waivers), skipping corpus rules that cannot report anything. It decides
nothing about output or exit codes; the CLI does that with the
:class:`Result` it returns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from checker import waivers
from checker.analysis import Analysis
from checker.baseline import Baseline, Entry
from checker.baseline import apply as apply_baseline
from checker.config import Config, load_config
from checker.corpus import Corpus, LoadedFile
from checker.findings import Finding, Location, Subject, Waived, Waiver
from checker.loader import DEFAULT_LIMITS, LoaderLimits, LoadFailed, load_file
from checker.models import ClaimFile, EntitiesFile, PropertiesFile, StrictModel, kind_of
from checker.project import Project, discover
from checker.rules import REGISTRY, corpus_rules
from checker.schemas import validate

M = TypeVar("M", bound=StrictModel)


@dataclass
class Result:
    """What one run found."""

    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    claims: int = 0
    waived: list[Waived] = field(default_factory=list)  # not reported, but counted
    analysis: Analysis | None = None  # what was loaded and worked out, for reports that show it
    # Findings a baseline covers: not reported, but counted; None when no baseline was given.
    baselined: list[Finding] | None = None
    stale: list[Entry] = field(default_factory=list)  # baseline entries no finding matched


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
    paths: list[Path],
    project: Project,
    *,
    schema_only: bool = False,
    limits: LoaderLimits = DEFAULT_LIMITS,
    config: Config | None = None,
    select: Collection[str] | None = None,
    ignore: Collection[str] = (),
    today: dt.date | None = None,
    baseline: Baseline | None = None,
) -> Result:
    """Check ``paths``: load and schema problems, then (unless ``schema_only``) every corpus rule.

    ``config`` defaults to the project's own configuration (raises
    :class:`checker.config.ConfigError`). ``select`` and ``ignore`` are rule
    codes (all rules when ``select`` is None); ``today`` decides which
    waivers have expired (default: :func:`checker.waivers.today`). A
    ``baseline`` is applied last, to the findings the waivers left.
    """
    if config is None:
        config = load_config(project)
    wanted = frozenset(REGISTRY if select is None else select) - frozenset(ignore)
    corpus, findings = load_corpus(paths, project, limits)
    analysis = Analysis(corpus)  # shared by every rule; each part is worked out when first read
    if not schema_only:
        for rule in corpus_rules():
            if rule.code in wanted and config.may_report(rule.code):
                assert rule.check is not None
                findings.extend(rule.check(analysis))
    unique = {(f.fingerprint, f.location, f.message): f for f in findings}
    complete = bool(config.waivers) and select is None and not ignore and not schema_only
    complete = complete and _whole(corpus, project)
    loaded_sources = {f.model.source.id for f in corpus.files}

    def judged(waiver: Waiver) -> bool:
        """Whether this run could have produced what ``waiver`` covers (so it may be called unused)."""
        if complete:
            return True
        if waiver.rule is None:
            return False
        ran = waiver.rule in wanted and (not schema_only or REGISTRY[waiver.rule].check is None)
        return ran and all(key.split("/", 1)[0] in loaded_sources for key in waiver.claims)

    outcome = waivers.apply(
        _configure(unique.values(), config, wanted),
        config.waivers,
        today=today or (waivers.today() if config.waivers else dt.date.min),
        judged=judged,
    )
    ordered = sorted([*outcome.findings, *_configure(outcome.problems, config, wanted)], key=Finding.sort_key)
    result = Result(
        ordered,
        files=len(corpus.checked),
        claims=sum(len(f.model.claims) for f in corpus.files),
        waived=sorted(outcome.waived, key=lambda w: w.finding.sort_key()),
        analysis=analysis,
    )
    if baseline is not None:
        whole = select is None and not ignore and not schema_only and _whole(corpus, project)
        could = _could_report(corpus, project, wanted, schema_only=schema_only, whole=whole)
        applied = apply_baseline(ordered, baseline, corpus, judged=could)
        result.findings = list(applied.findings)
        result.baselined = list(applied.baselined)
        result.stale = list(applied.stale)
    return result


def _could_report(
    corpus: Corpus, project: Project, wanted: frozenset[str], *, schema_only: bool, whole: bool
) -> Callable[[Entry], bool]:
    """Whether this run could have produced a baseline entry's findings (so it may call it stale).

    A run of every rule on every claim file judges every entry. Otherwise an
    entry is judged when its rule ran and every source it names was loaded
    or, for a finding about no claim, its file was checked.
    """
    sources = {f.model.source.id for f in corpus.files}
    checked = {project.display(p) for p in (*corpus.checked, project.entities_path, project.properties_path)}

    def could(entry: Entry) -> bool:
        if whole:
            return True
        rule = REGISTRY.get(entry.code)
        if rule is None or entry.code not in wanted or (schema_only and rule.check is not None):
            return False
        if entry.claims:
            return all(key.split("/", 1)[0] in sources for key in entry.claims)
        return entry.path in checked

    return could


def _configure(findings: Iterable[Finding], config: Config, wanted: frozenset[str]) -> list[Finding]:
    """Keep the findings of wanted rules that are not off, at their configured severity."""
    kept = []
    for finding in findings:
        if finding.code not in wanted:
            continue
        severity = config.severity(finding.code, finding.location.path, finding.severity)
        if severity is None:
            continue
        kept.append(finding if severity == finding.severity else replace(finding, severity=severity))
    return kept


def _whole(corpus: Corpus, project: Project) -> bool:
    """Whether every claim file of the project was checked."""
    if not project.claims_dir.is_dir():
        return False
    return set(discover([], project)) <= set(corpus.checked)


def _load(
    path: Path, model: type[M], project: Project, limits: LoaderLimits, findings: list[Finding]
) -> LoadedFile[M] | None:
    """Load and validate one file, adding its load and schema findings to ``findings``.

    Their subjects are the file, the key path and the problem's line-free
    detail, never its message: a message may name a line ("first at line 3")
    or a list index, and the fingerprint must survive edits that move text.
    """
    shown = project.display(path)
    try:
        doc = load_file(path, limits)
    except LoadFailed as failure:
        for problem in failure.problems:
            rule = REGISTRY[problem.code]
            where = Location(shown, problem.mark.line, problem.mark.column)
            subject = Subject(file=shown, key_path=problem.key_path, detail=problem.detail)
            findings.append(rule.finding(problem.message, where, subject=subject))
        return None
    parsed, problems = validate(kind_of(model), doc)
    for schema_problem in problems:
        rule = REGISTRY[schema_problem.code]
        where = Location(shown, schema_problem.mark.line, schema_problem.mark.column)
        subject = Subject(file=shown, key_path=schema_problem.key_path, detail=schema_problem.detail)
        findings.append(rule.finding(schema_problem.message, where, subject=subject))
    if parsed is None:
        return None
    assert isinstance(parsed, model)
    return LoadedFile(shown, doc, parsed)
