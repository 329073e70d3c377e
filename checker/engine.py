"""The pipeline: load -> validate -> analyse -> run rules -> configure -> waive.

Rules never see the configuration: the engine applies it to their findings
(rule selection, severity overrides and ``off``, per-path overrides, then
waivers), skipping corpus rules that cannot report anything. It decides
nothing about output or exit codes; the CLI does that with the
:class:`Result` it returns.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import os
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from checker import clock, waivers
from checker.analysis import Analysis
from checker.baseline import Baseline, Entry
from checker.baseline import apply as apply_baseline
from checker.cache import Cache
from checker.config import Config, load_config
from checker.corpus import Corpus, LoadedFile
from checker.findings import Finding, Location, Subject, Waived, Waiver
from checker.loader import DEFAULT_LIMITS, LoaderLimits, LoadFailed, load_bytes, load_file, read_file
from checker.models import ClaimFile, EntitiesFile, PropertiesFile, StrictModel, kind_of
from checker.progress import Progress
from checker.project import YAML_SUFFIXES, Project, discover
from checker.rules import REGISTRY, corpus_rules
from checker.schemas import validate
from checker.selection import select as select_reported

M = TypeVar("M", bound=StrictModel)
P = ParamSpec("P")
R = TypeVar("R")


@dataclass
class Result:
    """What one run found."""

    findings: list[Finding] = field(default_factory=list)
    files: int = 0  # the claim files reported on (named, or every file)
    claims: int = 0
    compared_files: int = 0  # the claim files loaded and compared: the whole archive
    compared_claims: int = 0
    waived: list[Waived] = field(default_factory=list)  # not reported, but counted
    analysis: Analysis | None = None  # what was loaded and worked out, for reports that show it
    # Findings a baseline covers: not reported, but counted; None when no baseline was given.
    baselined: list[Finding] | None = None
    stale: list[Entry] = field(default_factory=list)  # baseline entries no finding matched


def load_corpus(
    paths: list[Path],
    project: Project,
    limits: LoaderLimits = DEFAULT_LIMITS,
    *,
    archive: bool = False,
    cache: Cache | None = None,
    progress: Progress | None = None,
) -> tuple[Corpus, list[Finding]]:
    """Load the catalogues and every claim file named by ``paths``; report what failed.

    With ``archive``, every claim file of the project is loaded as well: rules
    compare a named file with the rest of the archive.
    """
    findings: list[Finding] = []
    named = discover(paths, project)
    if archive and paths and project.claims_dir.is_dir():
        named = sorted({*named, *discover([], project)}, key=project.display)
    corpus = Corpus(project, checked=named)
    if project.entities_path.is_file():
        corpus.entities_file = _load(project.entities_path, EntitiesFile, project, limits, findings, cache)
    if project.properties_path.is_file():
        corpus.properties_file = _load(
            project.properties_path, PropertiesFile, project, limits, findings, cache
        )
    for number, path in enumerate(corpus.checked, 1):
        loaded = _load(path, ClaimFile, project, limits, findings, cache)
        if progress is not None:
            progress("loading claim files", number, len(corpus.checked))
        if loaded is not None:
            corpus.files.append(loaded)
    return corpus, findings


@contextlib.contextmanager
def _collection_paused() -> Iterator[None]:
    """Pause Python's cycle collector for a run, and restore it afterwards.

    A run builds millions of small objects that live until it ends and hold
    no reference cycles worth collecting; the collector walks them again and
    again as they are made (a quarter of the CPU time at 100,000 claims).
    Paused, the same run gives the same findings in the same memory; what
    cycles there are go at the next collection after it.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _paused(function: Callable[P, R]) -> Callable[P, R]:
    """``function`` run with the cycle collector paused (see :func:`_collection_paused`)."""

    @functools.wraps(function)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        with _collection_paused():
            return function(*args, **kwargs)

    return paused


@_paused
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
    changed: Collection[Path] | None = None,
    cache: Cache | None = None,
    baseline: Baseline | None = None,
    progress: Progress | None = None,
) -> Result:
    """Check ``paths``: load and schema problems, then (unless ``schema_only``) every corpus rule.

    ``paths`` (and ``changed``, the files ``--changed`` or ``--since`` name)
    choose what is reported; the rules compare them with the whole archive,
    which is always loaded unless ``schema_only`` (validation is per file).
    ``config`` defaults to the project's own configuration (raises
    :class:`checker.config.ConfigError`). ``select`` and ``ignore`` are rule
    codes (all rules when ``select`` is None); ``today`` decides which
    waivers have expired (default: :func:`checker.clock.today`). A
    ``baseline`` is applied last, to the findings the waivers left.
    """
    if config is None:
        config = load_config(project)
    wanted = frozenset(REGISTRY if select is None else select) - frozenset(ignore)
    if changed is not None and not paths and schema_only:  # only the changed claim files need validating
        paths = [p for p in changed if _in_claims(p, project)]
        if not paths:
            return Result()
    corpus, findings = load_corpus(
        paths, project, limits, archive=not schema_only, cache=cache, progress=progress
    )
    if cache is not None:
        cache.prune()
    analysis = Analysis(
        corpus, config.options
    )  # shared by every rule; each part is worked out when first read
    if not schema_only:
        rules = [r for r in corpus_rules() if r.code in wanted and config.may_report(r.code)]
        for number, rule in enumerate(rules, 1):
            assert rule.check is not None
            findings.extend(rule.check(analysis))
            if progress is not None:
                progress("comparing claims", number, len(rules))
    unique = {(f.fingerprint, f.location, f.message): f for f in findings}
    whole = select is None and not ignore and not schema_only and _whole(corpus, project)
    complete = bool(config.waivers) and whole
    loaded_sources = {f.model.source.id for f in corpus.files}

    def judged(waiver: Waiver) -> bool:
        """Whether this run could have produced what ``waiver`` covers (so it may be called unused)."""
        if complete:
            return True
        if waiver.rule is None:
            return False
        ran = waiver.rule in wanted and (not schema_only or REGISTRY[waiver.rule].check is None)
        named = [key.split("/", 1)[0] for key in waiver.claims] + list(waiver.sources)
        return ran and all(source in loaded_sources for source in named)

    outcome = waivers.apply(
        _configure(unique.values(), config, wanted),
        config.waivers,
        today=today or (clock.today() if config.waivers else dt.date.min),
        judged=judged,
    )
    chosen = select_reported(paths, changed, project, corpus)
    sources = {f.model.source.id: f.path for f in corpus.files}
    shown = [
        chosen.anchor(f)
        for f in [*outcome.findings, *_configure(outcome.problems, config, wanted)]
        if chosen.involves(f, sources)
    ]
    waived = [
        w._replace(finding=chosen.anchor(w.finding))
        for w in outcome.waived
        if chosen.involves(w.finding, sources)
    ]
    reported = [f for f in corpus.files if chosen.files is None or f.path in chosen.files]
    result = Result(
        sorted(shown, key=Finding.sort_key),
        files=len(corpus.checked) if chosen.files is None else len(chosen.files),
        claims=sum(len(f.model.claims) for f in reported),
        compared_files=len(corpus.checked),
        compared_claims=sum(len(f.model.claims) for f in corpus.files),
        waived=sorted(waived, key=lambda w: w.finding.sort_key()),
        analysis=analysis,
    )
    if baseline is not None:
        could = _could_report(corpus, project, wanted, schema_only=schema_only, whole=whole)

        def reported_on(entry: Entry) -> bool:
            """Judged by this run's rules and files, and about what it reports."""
            return could(entry) and chosen.about((entry.path,), entry.claims, sources)

        applied = apply_baseline(result.findings, baseline, corpus, judged=reported_on)
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


def _in_claims(path: Path, project: Project) -> bool:
    """A YAML file in the project's claims/ folder, other than a catalogue: a claim file."""
    absolute = Path(os.path.abspath(path))
    inside = project.claims_dir in absolute.parents
    return (
        inside
        and absolute.suffix in YAML_SUFFIXES
        and not project.is_catalogue(absolute)
        and absolute.is_file()
    )


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


def _load(  # noqa: PLR0917 - the private worker of load_corpus
    path: Path,
    model: type[M],
    project: Project,
    limits: LoaderLimits,
    findings: list[Finding],
    cache: Cache | None = None,
) -> LoadedFile[M] | None:
    """Load and validate one file, adding its load and schema findings to ``findings``.

    With a ``cache``, a file whose bytes (and everything else its outcome
    depends on) were seen before is not parsed again: see checker/cache.py.
    """
    shown = project.display(path)
    if cache is None:
        return _parse(path, None, model, shown, limits, findings)
    try:
        raw = read_file(path, limits)
    except LoadFailed:
        return _parse(path, None, model, shown, limits, findings)  # reports why, uncached
    key = cache.key(kind_of(model), shown, repr(limits), raw)
    hit = cache.get(key)
    if isinstance(hit, _Parsed):
        findings.extend(hit.findings)
        return hit.loaded  # stored for this kind of model: the kind is part of the key
    found: list[Finding] = []
    loaded = _parse(path, raw, model, shown, limits, found)
    cache.put(key, _Parsed(loaded, tuple(found)))
    findings.extend(found)
    return loaded


@dataclass(frozen=True)
class _Parsed:
    """What loading one file gave: its model (None when it failed) and its load and schema findings."""

    loaded: LoadedFile[Any] | None
    findings: tuple[Finding, ...]


def _parse(  # noqa: PLR0917 - the private worker of _load
    path: Path, raw: bytes | None, model: type[M], shown: str, limits: LoaderLimits, findings: list[Finding]
) -> LoadedFile[M] | None:
    """Parse and validate one file (its bytes when already read).

    Findings' subjects are the file, the key path and the problem's line-free
    detail, never its message: a message may name a line ("first at line 3")
    or a list index, and the fingerprint must survive edits that move text.
    """
    try:
        doc = load_file(path, limits) if raw is None else load_bytes(raw, limits)
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
    doc.data = None  # the model holds it now; only the marks are read from here on (memory, cache size)
    return LoadedFile(shown, doc, parsed)
