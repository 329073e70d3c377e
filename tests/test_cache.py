"""The parse cache: used when nothing changed, never trusted when anything did."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import cache as cache_module
from checker import cli, engine
from checker.cache import Cache
from checker.engine import Result, run
from checker.project import find_project
from tests.conftest import example_copy


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    return example_copy(tmp_path)


def check(root: Path, cache: Cache | None) -> Result:
    return run([root / "claims"], find_project([root / "claims"]), cache=cache)


def shown(result: Result) -> list[tuple[str, str, str]]:
    return [(f.code, str(f.location), f.message) for f in result.findings]


def entries(folder: Path) -> list[Path]:
    return sorted(p for p in (folder / "files").rglob("*") if p.is_file())


def count_runs(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The runs of the engine the CLI makes from now on (one item per run)."""
    runs: list[object] = []
    real = engine.run

    def counted(*args: object, **kwargs: object) -> Result:
        runs.append(args)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cli, "run", counted)
    return runs


def test_second_run_reads_every_file_from_the_cache(seed: Path, tmp_path: Path) -> None:
    uncached = shown(check(seed, None))
    first = Cache(tmp_path / "cache")
    assert shown(check(seed, first)) == uncached
    files = 4  # two claim files and the two catalogues
    assert (first.hits, first.misses) == (0, files)
    second = Cache(tmp_path / "cache")
    assert shown(check(seed, second)) == uncached
    assert (second.hits, second.misses) == (files, 0)


def test_a_changed_file_is_parsed_again(seed: Path, tmp_path: Path) -> None:
    check(seed, Cache(tmp_path / "cache"))
    claim_file = seed / "claims" / "rferl-kunbolat-15-days.yaml"
    claim_file.write_text(
        claim_file.read_text(encoding="utf-8").replace("amount: 15", "amount: 16"), encoding="utf-8"
    )
    again = Cache(tmp_path / "cache")
    result = check(seed, again)
    assert (again.hits, again.misses) == (3, 1)
    assert shown(result) == shown(check(seed, None))
    assert any("16 days" in f.message for f in result.findings)


def test_corrupt_entries_are_rebuilt_not_trusted(seed: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    check(seed, Cache(folder))
    for index, entry in enumerate(entries(folder)):
        blob = entry.read_bytes()
        if index % 2:
            entry.write_bytes(blob[: len(blob) // 2])  # truncated
        else:
            entry.write_bytes(blob[:-1] + bytes([blob[-1] ^ 1]))  # one bit flipped
    again = Cache(folder)
    assert shown(check(seed, again)) == shown(check(seed, None))
    assert again.hits == 0
    third = Cache(folder)
    check(seed, third)
    assert third.misses == 0  # rebuilt


def test_a_new_checker_never_reads_old_entries(
    seed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check(seed, Cache(tmp_path / "cache"))
    monkeypatch.setattr(cache_module, "salt", lambda: "another checker")
    again = Cache(tmp_path / "cache")
    check(seed, again)
    assert again.hits == 0


def test_load_and_schema_findings_come_back_from_the_cache(seed: Path, tmp_path: Path) -> None:
    (seed / "claims" / "broken.yaml").write_text("source: {id: x}\nclaims: []\n", encoding="utf-8")
    (seed / "claims" / "bad-yaml.yaml").write_text("a: [\n", encoding="utf-8")
    uncached = shown(check(seed, None))
    assert any(code.startswith("S") for code, _, _ in uncached)
    assert any(code.startswith("L") for code, _, _ in uncached)
    check(seed, Cache(tmp_path / "cache"))
    assert shown(check(seed, Cache(tmp_path / "cache"))) == uncached


def test_an_unwritable_cache_only_costs_time(seed: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be\n", encoding="utf-8")
    assert shown(check(seed, Cache(blocker))) == shown(check(seed, None))


def test_unused_entries_are_pruned(seed: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    stale = Cache(folder)
    for number in range(50):
        stale.put(stale.key(str(number)), number)
    check(seed, Cache(folder))
    assert len(entries(folder)) == 4


def test_cli_caches_at_the_project_root_unless_told_otherwise(
    seed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(seed)
    assert cli.main(["check", "--no-cache"]) == 0
    assert not (seed / ".checker-cache").exists()
    assert cli.main(["check"]) == 0
    assert entries(seed / ".checker-cache")
    assert (seed / ".checker-cache" / ".gitignore").read_text(encoding="utf-8").endswith("*\n")
    assert cli.main(["check", "--cache-dir", str(tmp_path / "elsewhere")]) == 0
    assert entries(tmp_path / "elsewhere")
    capsys.readouterr()


def test_an_unchanged_run_is_not_made_again(
    seed: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(seed)
    for args in (["check"], ["check", "--format", "json"], ["report", "-o", "out"]):
        first = cli.main(args), capsys.readouterr().out

        def fail(*_: object, **__: object) -> None:
            raise AssertionError("the engine ran again")

        with monkeypatch.context() as patched:
            patched.setattr(cli, "run", fail)
            assert (cli.main(args), capsys.readouterr().out) == first


def test_any_change_makes_the_run_again(
    seed: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(seed)
    cli.main(["check"])
    before = capsys.readouterr().out
    runs = count_runs(monkeypatch)
    text = next((seed / "sources").iterdir())
    text.write_text(text.read_text(encoding="utf-8") + "\nA line added.\n", encoding="utf-8")
    cli.main(["check"])  # an article text changed: Q002 now says so
    assert "Q002" in capsys.readouterr().out and len(runs) == 1
    cli.main(["check", "--select", "N"])  # other options
    cli.main(["check", "claims/rferl-kunbolat-15-days.yaml"])  # other paths
    cli.main(["check", "--timestamp"])  # the time is never cached
    cli.main(["check", "--write-baseline", "b.json"])  # a baseline reads the loaded claims
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "4102444800")  # another day: waivers may have expired
    cli.main(["check"])
    assert len(runs) == 6
    assert before != capsys.readouterr().out


def test_an_article_stored_outside_sources_is_watched_too(
    seed: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The run's key names claims/ and sources/; texts elsewhere are recorded with the outcome."""
    monkeypatch.chdir(seed)
    claim_file = seed / "claims" / "rferl-kunbolat-15-days.yaml"
    text = next(t for t in (seed / "sources").iterdir() if t.name in claim_file.read_text(encoding="utf-8"))
    (seed / "texts").mkdir()
    moved = seed / "texts" / text.name
    text.rename(moved)
    claim_file.write_text(
        claim_file.read_text(encoding="utf-8").replace(f"sources/{text.name}", f"texts/{text.name}"),
        encoding="utf-8",
    )
    runs = count_runs(monkeypatch)
    cli.main(["check"])
    cli.main(["check"])
    assert len(runs) == 1
    assert "Q002" not in capsys.readouterr().out
    moved.write_text(moved.read_text(encoding="utf-8") + "\nA line added.\n", encoding="utf-8")
    cli.main(["check"])
    assert len(runs) == 2
    assert "Q002" in capsys.readouterr().out
    cli.main(["check", "--format", "json"])  # a rendering of the new outcome, not of the old one
    assert "Q002" in capsys.readouterr().out
