"""The ``checker`` command line: parse arguments, call the engine, print, exit.

Exit codes: 0 clean, 1 findings at or above ``--fail-on``, 2 usage,
configuration or internal error. No traceback reaches the user.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from checker import (
    DISTRIBUTION,
    __version__,
    authoring,
    baseline,
    clock,
    docs,
    entity_command,
    fix,
    fmt,
    judge,
    links,
    replay,
    repo_schemas,
    reporting,
    review,
    runcache,
    scaffold,
    waive,
)
from checker.cache import Cache
from checker.cache import add_options as cache_options
from checker.cache import chosen as chosen_cache
from checker.config import ConfigError, config_path, load_config, parse_selectors
from checker.engine import Result, run
from checker.findings import Severity
from checker.progress import for_stream
from checker.project import Project, UsageError, discover, find_project
from checker.reporters import REPORTERS, Options, Report
from checker.reporters import text as text_report
from checker.rules import RULES, find
from checker.selection import changed_since
from checker.textsafe import escape
from checker.wording import plural

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2

FAIL_ON_CHOICES = ("error", "warning", "info", "never")
SHOW_CHOICES = ("error", "warning", "info")
#: What `check` prints unless --show or --quiet say otherwise: every finding, as before these options
#: existed (scripts, editors and other tools read it); --quiet is the short form for hooks and CI.
DEFAULT_SHOW = Severity.INFO
SOURCES_DIR = "sources"  # the stored article texts: never an output


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    given = list(sys.argv[1:] if argv is None else argv)
    parser = _parser()
    args = parser.parse_args(given)
    args.argv = given  # as given: an unchanged run is answered from its record (checker/replay.py)
    try:
        code: int = args.handler(args)
    except ConfigError as exc:
        for problem in exc.problems:
            print(escape(str(problem)), file=sys.stderr)
        return EXIT_ERROR
    except UsageError as exc:
        print(f"checker: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_ERROR
    except BrokenPipeError:  # `checker check | head`: the reader left; say nothing more
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115, PTH123 - silence the flush at exit
        return EXIT_ERROR
    except Exception as exc:  # the last line of defence: no traceback for users
        print(f"checker: internal error: {exc.__class__.__name__}: {exc}", file=sys.stderr)
        print("checker: please report this with the input that caused it", file=sys.stderr)
        return EXIT_ERROR
    return code


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="checker", description="Check YAML claims for consistency across sources."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s ({DISTRIBUTION}) {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="run every rule on claim files")
    _add_check_arguments(check)
    check.set_defaults(handler=_check, schema_only=False)

    validate = commands.add_parser("validate", help="check claim files against the schemas only")
    _add_check_arguments(validate)
    validate.set_defaults(handler=_check, schema_only=True)

    report = commands.add_parser("report", help="run every rule and write reports in several formats")
    _add_check_arguments(report, single_format=False)
    report.set_defaults(handler=_report, schema_only=False)

    schema = commands.add_parser("schema", help="write the JSON Schemas generated from the models")
    schema.add_argument(
        "-o", "--output-dir", type=Path, help="default: schemas/ (with --repo: .checker/schemas/ at the root)"
    )
    schema.add_argument("--check", action="store_true", help="only report schemas that are out of date")
    schema.add_argument(
        "--repo",
        action="store_true",
        help="this repository's schemas, which offer its property ids, units, entity names and events"
        " as completions in YAML editors (git-ignored; run again after a catalogue changes)",
    )
    schema.set_defaults(handler=repo_schemas.command)

    entities = commands.add_parser("entities", help="list every entity, its names and their variants")
    entities.add_argument("paths", nargs="*", type=Path, help="claim files or directories (default: claims/)")
    entities.add_argument(
        "--format", choices=entity_command.FORMATS, default="text", help="output format (default: text)"
    )
    entities.set_defaults(handler=entity_command.command)

    explain = commands.add_parser("explain", help="show what a rule checks, with its examples")
    explain.add_argument("code", help="a rule code (R001) or name (unknown-entity)")
    explain.set_defaults(handler=_explain)

    init = commands.add_parser("init", help="make a claims repository: configuration, catalogues, CI, hooks")
    init.add_argument(
        "dir", nargs="?", type=Path, default=Path(), metavar="DIR", help="default: the current folder"
    )
    init.set_defaults(handler=scaffold.command)

    new = commands.add_parser(
        "new", help="start a claim file for an article: source block and suggested claims"
    )
    new.add_argument(
        "source", type=Path, metavar="SOURCE", help="the stored article text: sources/ARTICLE.txt"
    )
    new.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        help="the claim file to write (default: claims/ARTICLE.yaml)",
    )
    new.add_argument("--language", default=None, help="the article's language tag (default: guessed)")
    new.add_argument("--outlet", help="the outlet as published (default: left for the editor to fill in)")
    new.add_argument(
        "--published", metavar="DATE", help="the publication date, YYYY-MM-DD (default: as --outlet)"
    )
    new.add_argument("--url", help="where the article was published (default: left out)")
    new.set_defaults(handler=authoring.command)

    fixer = commands.add_parser("fix", help="record what can be worked out: each claim file's --sha256")
    fixer.add_argument("paths", nargs="*", type=Path, help="claim files or directories (default: claims/)")
    fixer.add_argument(
        "--sha256", action="store_true", help="record source.sha256 from the stored article text (sources/)"
    )
    fixer.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if a file would change or cannot be fixed"
    )
    fixer.set_defaults(handler=fix.command)

    formatter = commands.add_parser(
        "fmt", help="lay out claim files canonically, never losing data or a comment"
    )
    formatter.add_argument(
        "paths", nargs="*", type=Path, help="YAML files or folders (default: claims/ and checker.yaml)"
    )
    formatter.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if a file would change"
    )
    formatter.add_argument(
        "--diff",
        action="store_true",
        help="write nothing; print what would change as a unified diff (exit 1 if any)",
    )
    formatter.set_defaults(handler=fmt.command)

    judge.add_parser(commands)
    waive.add_parser(commands)
    review.add_parser(commands)

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument(
        "--markdown",
        action="store_true",
        help="print every rule with its documentation as Markdown (docs/rules.md: `> docs/rules.md`)",
    )
    rules.set_defaults(handler=_rules)
    return parser


def _add_check_arguments(parser: argparse.ArgumentParser, *, single_format: bool = True) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help="claim files or directories to report on (default: claims/); they are always compared "
        "with every claim file of the archive",
    )
    parser.add_argument(
        "--changed",
        nargs="*",
        type=Path,
        metavar="FILE",
        help="report on these changed files (as pre-commit passes them): claim files, the article texts "
        "they cite; a changed catalogue or configuration selects everything",
    )
    cache_options(parser)
    parser.add_argument(
        "--since",
        metavar="GIT_REF",
        help="report on the files changed since this git ref (its merge base with HEAD), uncommitted and "
        "untracked files included, renames followed",
    )
    parser.add_argument(
        "--fail-on",
        choices=FAIL_ON_CHOICES,
        default=None,
        help="exit 1 on a finding at least this severe (default: the configuration's fail_on, else error)",
    )
    parser.add_argument(
        "--config",
        type=Path,
        metavar="PATH",
        help="configuration file (default: checker.yaml or pyproject.toml)",
    )
    parser.add_argument(
        "--select",
        type=_selectors,
        action="append",
        metavar="CODES",
        help="only these rules: comma-separated codes, names or code prefixes (R, R00)",
    )
    parser.add_argument(
        "--ignore", type=_selectors, action="append", metavar="CODES", help="not these rules (as --select)"
    )
    if single_format:
        parser.add_argument("--format", choices=sorted(REPORTERS), default="text", help="output format")
        parser.add_argument(
            "-o", "--output", type=Path, metavar="FILE", help="write the report here, not stdout"
        )
    else:
        parser.add_argument(
            "--format",
            type=_formats,
            default=tuple(REPORTERS),
            metavar="FORMATS",
            help=f"comma-separated formats (default: all): {', '.join(REPORTERS)}",
        )
        parser.add_argument(
            "-o", "--output-dir", type=Path, default=Path("reports"), metavar="DIR", help="default: reports/"
        )
    _add_display_arguments(parser, single_format=single_format)
    parser.add_argument(
        "--baseline",
        type=Path,
        metavar="FILE",
        help="leave out the findings FILE records (see --write-baseline): not reported and not failing,"
        " but counted; entries that match no finding any more are listed so FILE can be pruned",
    )
    parser.add_argument(
        "--write-baseline",
        type=Path,
        metavar="FILE",
        help="record every finding of this run (after waivers; baselined ones too) in FILE, to adopt the"
        " checker on an existing archive; exits 0 once written, whatever was found",
    )
    parser.add_argument(
        "--timestamp", action="store_true", help="record the time of the run (SOURCE_DATE_EPOCH sets it)"
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour text output: auto (a terminal, unless NO_COLOR is set), always or never",
    )
    parser.add_argument(
        "--no-color", dest="color", action="store_const", const="never", help="same as --color never"
    )


def _add_display_arguments(parser: argparse.ArgumentParser, *, single_format: bool) -> None:
    """What is printed: --show and --quiet (text output of check and validate), --statistics."""
    if single_format:
        shown = parser.add_mutually_exclusive_group()
        shown.add_argument(
            "--show",
            choices=SHOW_CHOICES,
            default=None,
            metavar="LEVEL",
            help="print findings at least this severe: error, warning or info (default: info, all);"
            " the summary counts every finding and says how many are not shown (text format only)",
        )
        shown.add_argument(
            "-q",
            "--quiet",
            action="store_true",
            help="print only the findings at or above --fail-on, and the summary (text format only)",
        )
    else:
        parser.add_argument(
            "-q", "--quiet", action="store_true", help="print only the summary, not the files written"
        )
    parser.add_argument(
        "--statistics",
        action="store_true",
        help="after the findings, count them per rule: code, name, severity, count"
        + (" (text format only)" if single_format else ""),
    )


def _formats(text: str) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))
    unknown = [n for n in names if n not in REPORTERS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown format {', '.join(unknown) or text!r}; choose from {', '.join(REPORTERS)}"
        )
    return names


def _selectors(text: str) -> frozenset[str]:
    try:
        return parse_selectors(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _check(args: argparse.Namespace) -> int:
    paths: list[Path] = list(args.paths)
    project = find_project(paths)
    config = load_config(project, args.config)
    _check_output(args)
    _refuse_overwriting_inputs(args, paths, project)
    _check_baseline_target(args, paths, project)
    known = baseline.load(args.baseline) if args.baseline is not None else None
    select = frozenset().union(*args.select) if args.select else None
    ignore = frozenset().union(*args.ignore) if args.ignore else frozenset()
    fail_on: str = args.fail_on or config.fail_on
    display = _display(args, fail_on)
    changed = _changed(args, project)
    cache = chosen_cache(args, project.root)
    full = (args.command == "report" and "html" in args.format) or args.format == "html"
    extra = replay.named_files(project, paths, args.config, args.baseline)
    # every input file's digest, read once and before the run: the key of its outcome, and its record
    inputs = runcache.inputs(project, extra) if _cacheable(args, cache) else {}
    key = _run_key(args, project, cache, changed, full=full, inputs=inputs)
    invocation = _recorded(args, project, cache, extra)
    cached = cache.get(key) if cache is not None and key is not None else None
    made: str | None = None  # which cached run the report is: its renderings are kept under this
    outside: dict[str, str] = {}  # the article texts read outside sources/, with their digests
    if isinstance(cached, tuple) and isinstance(cached[0], Report) and runcache.unchanged(project, cached[1]):
        report, stale, made, outside = cached[0], list(cached[0].stale_baseline), str(cached[2]), cached[1]
    else:
        progress = for_stream(sys.stderr)
        result = run(
            paths,
            project,
            schema_only=args.schema_only,
            config=config,
            select=select,
            ignore=ignore,
            changed=changed,
            cache=cache,
            baseline=known,
            progress=progress,
        )
        if progress is not None:
            progress.close()
        link_template = links.template(config.repository_url, os.environ)
        report = reporting.build(result, timestamp=args.timestamp, link_template=link_template)
        stale = result.stale
        if args.write_baseline is not None:
            _write_baseline(args.write_baseline, result)
        if cache is not None and key is not None:
            read = result.analysis.texts.read if result.analysis is not None else []
            kept = report if full else reporting.without_articles(report)
            # a new run, a new name for its renderings: none made from an earlier outcome is ever used
            made = secrets.token_hex(16)
            outside = runcache.outside(project, read)
            cache.put(key, (kept, outside, made))
    if args.command == "report":
        rendered = {
            REPORTERS[name].filename: REPORTERS[name].render(report, Options()) for name in args.format
        }
        _write_reports(args.output_dir, rendered)
        for filename in () if args.quiet else rendered:
            print(f"wrote {(args.output_dir / filename).as_posix()}")
        if args.statistics:
            sys.stdout.write(text_report.statistics(report.findings))
        print(text_report.summary(report))
    elif args.output is not None:
        _write_atomically(args.output, _rendered(report, args.format, display, cache, made))
    else:
        color = _use_color(args.color, sys.stdout)
        shown = replace(display, color=color)
        out = _rendered(report, args.format, shown, cache, made)
        sys.stdout.write(out)
    notes = _stale_note(args.baseline, stale) if args.baseline is not None and stale else ""
    sys.stderr.write(notes)
    code = _exit_code(args, fail_on, report)
    if invocation is not None:
        replay.record(invocation, inputs, outside, replay.Answer(out, notes, code))
    return code


def _exit_code(args: argparse.Namespace, fail_on: str, report: Report) -> int:
    if args.write_baseline is not None:
        return EXIT_CLEAN  # every finding is now in the baseline: checked against it, this run is clean
    if fail_on == "never":
        return EXIT_CLEAN
    threshold = Severity.parse(fail_on)
    return EXIT_FINDINGS if any(f.severity >= threshold for f in report.findings) else EXIT_CLEAN


def _cacheable(args: argparse.Namespace, cache: Cache | None) -> bool:
    """Whether this run's outcome may come from the cache (checker/runcache.py): not a run that
    records the time, or writes a baseline (which reads the loaded claims)."""
    return cache is not None and not args.timestamp and args.write_baseline is None


def _recorded(
    args: argparse.Namespace, project: Project, cache: Cache | None, extra: Sequence[Path]
) -> replay.Invocation | None:
    """The invocation under which this run's answer is to be recorded (checker/replay.py); None:
    not recorded (it writes files or is otherwise not only its output, or is not understood as
    this run understood it)."""
    if cache is None or not _cacheable(args, cache) or args.command not in replay.COMMANDS:
        return None
    if args.output is not None or args.since is not None:
        return None
    invocation = replay.understand(args.argv)
    if invocation is None or invocation.project.root != project.root:
        return None
    # the quick path reads the same cache and hashes the same files as this run
    if Path(os.path.abspath(invocation.cache.folder)) != Path(os.path.abspath(cache.folder)):
        return None
    if [os.path.abspath(p) for p in invocation.extra] != [os.path.abspath(p) for p in extra]:
        return None
    return invocation


def _run_key(
    args: argparse.Namespace,
    project: Project,
    cache: Cache | None,
    changed: list[Path] | None,
    *,
    full: bool,
    inputs: dict[str, str],
) -> str | None:
    """The key of this run's outcome in the cache (checker/runcache.py), from the ``inputs`` it
    reads; None: not to be cached (see :func:`_cacheable`)."""
    if cache is None or not _cacheable(args, cache):
        return None
    options = [
        f"command={args.command}",
        f"schema_only={args.schema_only}",
        f"full={full}",
        f"select={sorted(frozenset().union(*args.select)) if args.select else None}",
        f"ignore={sorted(frozenset().union(*args.ignore)) if args.ignore else []}",
        f"config={args.config}",
        f"baseline={args.baseline}",
        "paths=" + ",".join(sorted(project.display(p) for p in args.paths)),
        "changed=" + ("-" if changed is None else ",".join(sorted(project.display(p) for p in changed))),
    ]
    return runcache.key(cache, options, inputs, clock.today().isoformat())


def _rendered(report: Report, name: str, options: Options, cache: Cache | None, made: str | None) -> str:
    """The report in one format, kept with the run's outcome: a large JSON or SARIF report takes
    longer to write out than an unchanged run takes to answer. ``made`` names the cached run the
    report is (None: not cached, rendered afresh)."""
    if cache is None or made is None:
        return REPORTERS[name].render(report, options)
    text_key = cache.key(made, "rendered", name, repr(options))
    found = cache.get(text_key)
    if isinstance(found, str):
        return found
    text = REPORTERS[name].render(report, options)
    cache.put(text_key, text)
    return text


def _changed(args: argparse.Namespace, project: Project) -> list[Path] | None:
    """The files ``--changed`` and ``--since`` name (None when neither is given)."""
    if args.changed is None and args.since is None:
        return None
    found: list[Path] = list(args.changed or [])
    if args.since is not None:
        found.extend(changed_since(args.since, project))
    return found


def _display(args: argparse.Namespace, fail_on: str) -> Options:
    """The rendering options --show, --quiet and --statistics ask for (report: the defaults)."""
    if args.command == "report":
        return Options()
    if args.format != "text":
        asked = [flag for flag, on in (("--show", args.show), ("--quiet", args.quiet)) if on]
        asked += ["--statistics"] if args.statistics else []
        if asked:
            raise UsageError(
                f"{' and '.join(asked)}: only for the text format; --format {args.format} always holds"
                " every finding"
            )
        return Options()
    failing = None if fail_on == "never" else Severity.parse(fail_on)
    if args.quiet:
        show = failing
    elif args.show is not None:
        show = Severity.parse(args.show)
    else:
        show = DEFAULT_SHOW
    return Options(show=show, statistics=args.statistics)


def _check_output(args: argparse.Namespace) -> None:
    """Refuse an output path that cannot be written as asked, before anything runs."""
    if args.command == "report":
        out: Path = args.output_dir
        if out.exists() and not out.is_dir():
            raise UsageError(
                f"-o {out}: is a file; -o must name a folder for `report`, which writes one file per"
                " format in it (`check --format FORMAT -o FILE` writes one report to a file)"
            )
    elif args.output is not None and args.output.is_dir():
        raise UsageError(f"-o {args.output}: is a folder; -o must name a file for `{args.command}`")


def _refuse_overwriting_inputs(args: argparse.Namespace, paths: list[Path], project: Project) -> None:
    """An output must not replace a checked file, the configuration or anything in claims/ or sources/."""
    out: Path | None = args.output_dir if args.command == "report" else args.output
    if out is None:
        return
    targets = [out / REPORTERS[name].filename for name in args.format] if args.command == "report" else []
    inputs = _input_files(args, paths, project)
    folders = [project.claims_dir, project.root / SOURCES_DIR, *(p for p in paths if p.is_dir())]
    for target in [out, *targets]:
        real = _real(target)
        if real in inputs:
            what = "is" if target == out else f"would overwrite {target},"
            raise UsageError(
                f"-o {out}: {what} an input of this run; refusing to overwrite it, write elsewhere"
            )
        for folder in folders:
            if real == _real(folder) or _real(folder) in real.parents:
                raise UsageError(
                    f"-o {out}: refusing to write into {project.display(folder)}/, which holds inputs;"
                    " write elsewhere (`report` writes to reports/ by default)"
                )


def _input_files(args: argparse.Namespace, paths: list[Path], project: Project) -> set[Path]:
    """The files a run reads that no output may replace: claim files, catalogues, configuration."""
    inputs = {_real(p) for p in discover(paths, project)}
    inputs.update(_real(p) for p in (project.entities_path, project.properties_path))
    config = args.config if args.config is not None else config_path(project)
    if config is not None:
        inputs.add(_real(config))
    return inputs


def _check_baseline_target(args: argparse.Namespace, paths: list[Path], project: Project) -> None:
    """``--write-baseline`` must name a file that is no input of the run and no report it writes."""
    target: Path | None = args.write_baseline
    if target is None:
        return
    if target.is_dir():
        raise UsageError(f"--write-baseline {target}: is a folder; name the baseline file to write")
    real = _real(target)
    reports = [args.output_dir / r.filename for r in REPORTERS.values()] if args.command == "report" else []
    if args.command != "report" and args.output is not None:
        reports.append(args.output)
    if real in {_real(p) for p in reports}:
        raise UsageError(f"--write-baseline {target}: is also where the report goes; write it elsewhere")
    inputs = _input_files(args, paths, project)
    folders = [_real(project.claims_dir), _real(project.root / SOURCES_DIR)]
    if real in inputs or any(real == folder or folder in real.parents for folder in folders):
        raise UsageError(
            f"--write-baseline {target}: is an input of this run or in claims/ or sources/;"
            " refusing to write it there (e.g. write baseline.json at the repository root)"
        )


def _stale_note(path: Path, stale: Sequence[baseline.Entry]) -> str:
    """Which baseline entries match nothing any more (said on stderr), so that the file can be pruned."""
    lines = [
        f"checker: note: {len(stale)} {_entries(len(stale))} of the baseline {escape(str(path))}"
        f" {'matches' if len(stale) == 1 else 'match'} no finding (fixed, or their claims changed);"
        f" remove {'it' if len(stale) == 1 else 'them'}, or rewrite the file with --write-baseline:"
    ]
    for entry in stale:
        times = f" ({entry.count} findings)" if entry.count > 1 else ""
        what = f"{escape(entry.code)} {entry.fingerprint}{times}"
        lines.append(f"    {escape(entry.path)}: {what}: {escape(entry.message)}")
    return "".join(f"{line}\n" for line in lines)


def _write_baseline(target: Path, result: Result) -> None:
    """Record every finding of the run, baselined or not, in ``target`` (atomically)."""
    findings = [*result.findings, *(result.baselined or ())]
    recorded = baseline.record(findings, result.analysis.corpus if result.analysis is not None else None)
    _write_atomically(target, baseline.dumps(recorded))
    entries = len(recorded.entries)
    print(
        f"checker: wrote baseline {escape(str(target))}: {len(findings)} {plural('finding', len(findings))}"
        f" in {entries} {_entries(entries)}",
        file=sys.stderr,
    )


def _entries(n: int) -> str:
    return "entry" if n == 1 else "entries"


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _report(args: argparse.Namespace) -> int:
    return _check(args)


def _use_color(choice: str, stream: TextIO) -> bool:
    """Colour only on a terminal, never with NO_COLOR set (https://no-color.org), unless forced."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return stream.isatty()


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


#: Temporary files and folders of an unfinished write start with this; the next run removes them.
TEMP_PREFIX = ".claimcheck-tmp-"
REPORTERS_FILENAMES = tuple(reporter.filename for reporter in REPORTERS.values())
_TEMP_SUFFIX = re.compile(r"[a-z0-9_]{8}")  # what mkstemp and mkdtemp add to the prefix


def _temporary_prefix(target: Path) -> str:
    return f"{TEMP_PREFIX}{target.name}."


def _remove_stale(target: Path, prefix: str | None = None) -> None:
    """Remove what a killed earlier run writing ``target`` left next to it."""
    prefix = prefix or _temporary_prefix(target)
    for entry in target.parent.iterdir():
        if entry.name.startswith(prefix) and _TEMP_SUFFIX.fullmatch(entry.name.removeprefix(prefix)):
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)


def _write_atomically(target: Path, text: str) -> None:
    """Write through a temporary file in the same folder, so a reader never sees half a report."""
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(target)
    handle, temporary = tempfile.mkstemp(prefix=_temporary_prefix(target), dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        Path(temporary).chmod(0o666 & ~_umask())  # mkstemp makes 0600; a report is meant to be shared
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _write_reports(folder: Path, rendered: dict[str, str]) -> None:
    """Write every report of one run into a temporary folder beside ``folder``, then move them in.

    Nothing in ``folder`` changes until every format is written, and then only
    by renames, so it never holds a mix of old and new reports for longer than
    the renames take. What a killed earlier run left is removed first.
    """
    folder.mkdir(parents=True, exist_ok=True)
    folder = Path(os.path.realpath(folder))  # its real parent: the renames stay on one file system
    _remove_stale(folder)
    for filename in REPORTERS_FILENAMES:  # what earlier versions left: .claimcheck.json.XXXXXXXX
        _remove_stale(folder / filename, prefix=f".{filename}.")
    staging = Path(tempfile.mkdtemp(prefix=_temporary_prefix(folder), dir=folder.parent))
    try:
        for filename, text in rendered.items():
            (staging / filename).write_text(text, encoding="utf-8", newline="\n")  # mode from the umask
        for filename in rendered:
            (staging / filename).replace(folder / filename)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _explain(args: argparse.Namespace) -> int:
    rule = find(args.code)
    if rule is None:
        raise UsageError(f"no rule {args.code!r}; `checker rules` lists them")
    enabled = "" if rule.enabled else "; off unless configured"
    print(f"{rule.code} {rule.name} (default severity: {rule.severity}{enabled})")
    print(f"Checked in: {rule.where_checked}")
    print(f"Documentation: {rule.help_uri}\n")
    print(rule.doc.strip())
    return EXIT_CLEAN


def _rules(args: argparse.Namespace) -> int:
    if args.markdown:
        sys.stdout.write(docs.render(RULES))
        return EXIT_CLEAN
    width = max(len(rule.name) for rule in RULES)
    for rule in RULES:
        off = "" if rule.enabled else " (off unless configured)"
        print(f"{rule.code}  {rule.name:<{width}}  {rule.severity!s:<8} {rule.summary}{off}")
    return EXIT_CLEAN


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
