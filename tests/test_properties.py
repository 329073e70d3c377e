"""Properties of the whole engine: order, hash seed and side do not change what is found."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from checker.intervals import Interval
from tests.conftest import REPO, check_project, write_project

Summary = list[tuple[str, str, str]]


def _summary(root: Path) -> Summary:
    """What was found, independent of where in the files it was written."""
    return sorted((f.code, str(f.severity), f.fingerprint) for f in check_project(root).findings)


def _copy_seed(target: Path) -> Path:
    for part in ("claims", "sources"):
        shutil.copytree(REPO / part, target / part)
    (target / "checker.yaml").write_text("# copy of the seed repository\n", encoding="utf-8")
    return target


_yaml = YAML(typ="rt")
_yaml.width = 4096
SEED_SUMMARY = None


def _seed_summary() -> Summary:
    global SEED_SUMMARY  # noqa: PLW0603 - computed once, read by every example
    if SEED_SUMMARY is None:
        with tempfile.TemporaryDirectory() as tmp:
            SEED_SUMMARY = _summary(_copy_seed(Path(tmp)))
    return SEED_SUMMARY


@settings(max_examples=12, deadline=None)
@given(st.randoms(use_true_random=False), st.booleans())
def test_findings_do_not_depend_on_claim_or_file_order(rnd: random.Random, rename: bool) -> None:
    """Shuffle the claims inside every file and the order files are read in: same findings."""
    with tempfile.TemporaryDirectory() as tmp:
        root = _copy_seed(Path(tmp))
        claim_files = sorted(p for p in (root / "claims").glob("rferl-*.yaml"))
        for path in claim_files:
            data = _yaml.load(path)
            rnd.shuffle(data["claims"])
            with path.open("w", encoding="utf-8") as handle:
                _yaml.dump(data, handle)
        if rename:  # reverse the reading order
            for index, path in enumerate(claim_files):
                path.rename(path.with_name(f"{len(claim_files) - index:02d}-{path.name}"))
        assert _summary(root) == _seed_summary()


def test_output_is_identical_across_hash_seeds() -> None:
    outputs = set()
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-m", "checker", "check", "claims/"],
            cwd=REPO,
            env=env,
            capture_output=True,
            check=False,
        )
        assert done.returncode in (0, 1), done.stderr
        outputs.add(done.stdout)
    assert len(outputs) == 1


SOURCE = (
    'source: {{id: {id}, title: T, outlet: {outlet}, published: "2021-02-10", language: en,\n'
    "         text: sources/{id}.txt,\n"
    "         sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}}\n"
)
ENTITIES = "entities:\n  - {id: p, name: Baibolat Kunbolatuly, type: person, aliases: [Kunbolatuly]}\n"
PROPERTIES = (
    "properties:\n  - {id: jail-sentence, label: jail sentence, kind: quantity, dimension: duration}\n"
)
quantities = st.builds(
    lambda amount, unit, approx, date: (
        f"{{amount: {amount}, unit: {unit}, approx: {approx}}}",
        date,
    ),
    st.integers(min_value=1, max_value=40),
    st.sampled_from(["day", "week", "month"]),
    st.sampled_from(["exact", "about", "at-least", "more-than", "at-most", "less-than"]),
    st.sampled_from(["", 'date: "2021-02-10", ', 'date: "2021-06-22", ']),
)


def _claim_file(source_id: str, outlet: str, quantity: tuple[str, str]) -> str:
    value, date = quantity
    return SOURCE.format(id=source_id, outlet=outlet) + (
        f"claims:\n  - {{id: s, subject: Kunbolatuly, property: jail-sentence, {date}value: {value}, "
        'quote: "q"}\n'
    )


@settings(max_examples=40, deadline=None)
@given(quantities, quantities)
def test_conflict_detection_is_symmetric(first: tuple[str, str], second: tuple[str, str]) -> None:
    found = []
    for a, b in ((first, second), (second, first)):
        with tempfile.TemporaryDirectory() as tmp:
            root = write_project(
                Path(tmp),
                [
                    ("claims/entities.yaml", ENTITIES),
                    ("claims/properties.yaml", PROPERTIES),
                    ("claims/one.yaml", _claim_file("one", "A", a)),
                    ("claims/two.yaml", _claim_file("two", "B", b)),
                ],
            )
            found.append(
                sorted(
                    (f.code, str(f.severity), f.fingerprint)
                    for f in check_project(root).findings
                    if f.code == "V001"
                )
            )
    assert found[0] == found[1]


finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


@given(finite, finite, finite, finite, st.booleans(), st.booleans())
def test_interval_overlap_is_symmetric(
    a: float, b: float, c: float, d: float, open_a: bool, open_b: bool
) -> None:
    x = Interval(min(a, b), max(a, b), lo_open=open_a)
    y = Interval(min(c, d), max(c, d), hi_open=open_b)
    assert x.overlaps(y) == y.overlaps(x)
    assert x.overlaps(x) or x.lo_open  # a closed interval overlaps itself
