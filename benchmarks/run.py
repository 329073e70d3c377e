"""Time the checker at archive scale: one table, every figure measured in the same run.

    python benchmarks/run.py [--sizes 1000,10000,100000] [--seed 1] [--skip warm,one-file,naive]

For each size (claims; 100 claims a file) it generates a repository with
benchmarks/generate.py, or reuses the one cached in benchmarks/.data/
(git-ignored; the key holds the size, the seed and a hash of the generator),
then runs, each in a fresh subprocess and one after the other:

* ``checker check`` cold (no cache: anything in the repository the generator
  did not write is removed first, and ``XDG_CACHE_HOME`` points to an empty
  folder), then warm (again, nothing changed), then after one claim file's
  value was edited (the file is restored afterwards);
* the parse floor: the fastest YAML parser from PyPI (rapidyaml, installed
  by the ``bench`` extra) parsing the same YAML files, nothing else;
* the naive stack: ruamel.yaml's round-trip loader and jsonschema
  validating every file against the schemas in schemas/.

The checker's JSON report of the cold run is scored against the
repository's truth.json (see benchmarks/generate.py): recall on the
injected discrepancies, precision over warning and error findings. The
growth exponent between two sizes is log(t2/t1) / log(n2/n1) of the cold
wall times (1: linear). The table goes to stdout, ending with the line::

    bench: 100k cold X s (R× floor), warm Y s, one-file Z s, peak M MB, exponent E

for the largest size measured (labelled 1k, 10k, 100k, 1M, ...), whether or
not it is 100k; E is the exponent between the two largest sizes ("n/a" for
one size). ``--skip`` leaves out the warm, one-file or naive runs (shown as
"–"), which at 1M claims take half an hour or more each. Progress goes to
stderr.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DATA = HERE / ".data"
sys.path.insert(0, str(HERE))
import generate  # noqa: E402  (a script of benchmarks/, not a package)

#: Unexpected findings listed after the table, at most, per size.
SHOWN = 20
#: What the generator writes into a repository; anything else there is a cache and goes before a cold run.
GENERATED = {"checker.yaml", "claims", "sources", "truth.json"}


@dataclass(frozen=True)
class Timing:
    """One subprocess: wall seconds, CPU seconds (user + system) and peak resident memory."""

    wall: float
    cpu: float
    peak_mb: float
    output: str


@dataclass
class Row:
    """Every figure of one size."""

    claims: int
    files: int
    cold: Timing
    warm: Timing | None  # None: skipped (--skip)
    one_file: Timing | None
    floor: Timing
    naive: Timing | None
    score: generate.Score
    exponent: float | None = None


def label(claims: int) -> str:
    """1k, 10k, 100k, 1M: a size as the last line names it."""
    if claims >= 1_000_000 and claims % 1_000_000 == 0:
        return f"{claims // 1_000_000}M"
    if claims >= 1000 and claims % 1000 == 0:
        return f"{claims // 1000}k"
    return str(claims)


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def dataset(claims: int, seed: int) -> Path:
    """The generated repository of this size and seed, from the cache or made now."""
    source = (HERE / "generate.py").read_bytes() + (REPO / "checker" / "names.py").read_bytes()
    key = f"claims-{claims}-seed-{seed}-v{generate.VERSION}-{hashlib.sha256(source).hexdigest()[:10]}"
    path = DATA / key
    if (path / "truth.json").is_file():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    partial = DATA / f"{key}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    started = time.perf_counter()
    generate.generate(partial, claims, seed)
    partial.rename(path)
    say(f"generated {claims:,} claims in {time.perf_counter() - started:.1f} s: {path}")
    return path


def timed(
    command: Sequence[str], cwd: Path, env: dict[str, str] | None = None, stdout: Path | None = None
) -> Timing:
    """Run ``command`` to the end and measure it (its own rusage, not the sum of all children);
    its stdout goes to ``stdout`` when given (its output is then what it said on stderr)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, open(stdout or os.devnull, "wb") as target:  # noqa: PTH123
        shown = target if stdout is not None else out
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=shown, stderr=out)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        output = out.read().decode("utf-8", "replace")
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {process.returncode}:\n{output[-2000:]}")
    return Timing(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output)


def check(root: Path, report: Path, cache: Path) -> Timing:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    # the report on stdout, as an editor's or a hook's run prints it (not -o: a run that writes a
    # file is always made afresh, see checker/replay.py)
    command = [sys.executable, "-m", "checker", "check", "--format", "json", "--fail-on", "never"]
    return timed(command, root, env, stdout=report)


def measure(root: Path, skip: frozenset[str] = frozenset()) -> Row:
    """Every figure for one generated repository."""
    truth = json.loads((root / "truth.json").read_text(encoding="utf-8"))
    for leftover in sorted(root.iterdir()):
        if leftover.name not in GENERATED:  # a cache: the cold run must not have one
            shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()
    with tempfile.TemporaryDirectory(prefix="claimcheck-bench-") as scratch:
        cache, report = Path(scratch) / "cache", Path(scratch) / "report.json"
        cache.mkdir()
        say(f"{label(truth['claims'])}: cold check")
        cold = check(root, report, cache)
        findings = json.loads(report.read_text(encoding="utf-8"))["findings"]
        score = generate.score([generate.Found.from_json(f) for f in findings], truth)
        warm = one_file = naive = None
        if "warm" not in skip:
            say(f"{label(truth['claims'])}: warm check")
            warm = check(root, report, cache)
        if "one-file" not in skip:
            say(f"{label(truth['claims'])}: check after one file changed")
            one_file = edited_check(root, report, cache)
    baselines = [sys.executable, str(HERE / "baselines.py")]
    say(f"{label(truth['claims'])}: parse floor")
    floor = timed([*baselines, "floor", str(root)], root)
    if "naive" not in skip:
        say(f"{label(truth['claims'])}: naive stack")
        naive = timed([*baselines, "naive", str(root)], root)
        if not naive.output.startswith("0 schema problems"):
            say(f"warning: the generated files do not all fit the schemas: {naive.output.strip()}")
    return Row(truth["claims"], truth["files"], cold, warm, one_file, floor, naive, score)


def edited_check(root: Path, report: Path, cache: Path) -> Timing:
    """Change one number in one claim file (the middle one that has a number), check, then restore it."""
    marker = "value: {amount: "
    files = sorted(
        p for p in (root / "claims").glob("*.yaml") if p.name not in ("entities.yaml", "properties.yaml")
    )
    path = next(p for p in files[len(files) // 2 :] + files if marker in p.read_text(encoding="utf-8"))
    original, stat = path.read_bytes(), path.stat()
    text = original.decode("utf-8")
    at = text.index(marker) + len(marker)
    end = text.index(",", at)
    path.write_text(text[:at] + str(int(text[at:end]) + 1) + text[end:], encoding="utf-8")
    try:
        return check(root, report, cache)
    finally:
        path.write_bytes(original)
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


# -- the table -----------------------------------------------------------------------------------------


def table(rows: list[Row]) -> list[str]:
    header = (
        "claims", "files", "cold wall", "cold CPU", "warm", "one-file", "peak MB",
        "floor", "×floor", "naive", "×naive", "recall", "precision", "exponent",
    )  # fmt: skip
    lines = [header]
    for r in rows:
        lines.append(
            (
                f"{r.claims:,}",
                f"{r.files:,}",
                f"{r.cold.wall:.1f} s",
                f"{r.cold.cpu:.1f} s",
                seconds(r.warm),
                seconds(r.one_file),
                f"{r.cold.peak_mb:,.0f}",
                f"{r.floor.wall:.2f} s",
                ratio(r.cold.wall / r.floor.wall),
                seconds(r.naive),
                ratio(r.cold.wall / r.naive.wall) if r.naive else "–",
                f"{r.score.recall:.2f} ({r.score.found}/{r.score.discrepancies})",
                f"{r.score.precision:.2f} ({r.score.matched}/{r.score.noisy})",
                "–" if r.exponent is None else f"{r.exponent:.2f}",
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return ["  ".join(cell.rjust(w) for cell, w in zip(line, widths, strict=True)) for line in lines]


def seconds(timing: Timing | None) -> str:
    return f"{timing.wall:.1f} s" if timing else "–"


def ratio(value: float) -> str:
    return f"{value:.0f}×" if value >= 10 else f"{value:.2f}×"


def last_line(rows: list[Row]) -> str:
    r = rows[-1]
    exponent = "n/a" if r.exponent is None else f"{r.exponent:.2f}"
    return (
        f"bench: {label(r.claims)} cold {r.cold.wall:.1f} s ({ratio(r.cold.wall / r.floor.wall)} floor), "
        f"warm {seconds(r.warm)}, one-file {seconds(r.one_file)}, peak {r.cold.peak_mb:,.0f} MB, "
        f"exponent {exponent}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="claims counts, comma-separated")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--skip",
        default="",
        help="leave out some of warm, one-file, naive (comma-separated; shown as –): for 1M claims, "
        "where each takes half an hour or more",
    )
    args = parser.parse_args(argv)
    skip = frozenset(s.strip() for s in args.skip.split(",") if s.strip())
    if unknown := sorted(skip - {"warm", "one-file", "naive"}):
        parser.error(f"--skip: only warm, one-file and naive can be skipped, not {', '.join(unknown)}")
    try:
        sizes = sorted({int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        parser.error(f"--sizes: not a list of numbers: {args.sizes!r}")
    if not sizes or sizes[0] < 1:
        parser.error("--sizes: give claims counts of 1 or more")
    try:
        importlib.import_module("ryml")
    except ImportError:
        parser.error("the parse floor needs rapidyaml: pip install -e '.[bench]'")
    rows: list[Row] = []
    for claims in sizes:
        rows.append(measure(dataset(claims, args.seed), skip))
        if len(rows) > 1:
            before, now = rows[-2], rows[-1]
            rows[-1].exponent = math.log(now.cold.wall / before.cold.wall) / math.log(
                now.claims / before.claims
            )
        say("\n".join(table(rows)))
    print("\n".join(table(rows)))
    for row in rows:
        size = label(row.claims)
        for d in row.score.missed:
            print(f"missed at {size}: {d['kind']} ({d['code']}) in {d['file']}: {d['what']}")
        for f in row.score.unexpected[:SHOWN]:
            print(f"unexpected at {size}: {f.where}: {f.code} {f.severity} {f.message[:300]}")
        if len(row.score.unexpected) > SHOWN:
            print(f"unexpected at {size}: ... and {len(row.score.unexpected) - SHOWN} more")
    print(last_line(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
