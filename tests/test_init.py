"""``checker init``: a claims repository that is ready to use, and never a file overwritten."""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from checker import REPOSITORY_URL, __version__, scaffold
from checker.cli import main
from checker.config import ConfigModel, load_config
from checker.models import Entity, Event, ExchangeRate, Judgement, Property, UnitDefinition
from checker.project import find_project
from tests.conftest import REPO, check_project

_yaml = YAML(typ="safe", pure=True)

EXPECTED = [
    ".github/workflows/claimcheck.yml",
    ".gitignore",
    ".pre-commit-config.yaml",
    "checker.yaml",
    "claims/entities.yaml",
    "claims/properties.yaml",
    "sources/README.md",
]


def _init(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["init", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def uncommented_examples(text: str) -> str:
    """The file with each commented example (``# key:`` and its indented lines) in place of ``key: []``.

    The templates show an example of a setting as a comment block that starts
    with ``# key:`` and goes on with indented ``#   ...`` or ``# - ...`` lines;
    the setting itself follows as ``key: []`` or ``key: {}``.
    """
    lines = text.splitlines()
    examples: dict[str, list[str]] = {}
    key = None
    for line in lines:
        start = re.fullmatch(r"# ([a-z_]+):\s*", line)
        if start:
            key = start.group(1)
            examples[key] = [line[2:]]
        elif key and (line.startswith(("#   ", "# -"))):
            examples[key].append(line[2:])
        else:
            key = None
    result = []
    for line in lines:
        empty = re.fullmatch(r"([a-z_]+): (\[\]|\{\})", line)
        result.extend(examples[empty.group(1)] if empty and empty.group(1) in examples else [line])
    return "\n".join(result) + "\n"


def test_init_writes_a_repository_that_checks_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "new" / "claims-repo"
    code, out, err = _init(capsys, str(root))
    assert (code, err) == (0, "")
    assert out.splitlines()[: len(EXPECTED)] == [f"wrote {(root / name).as_posix()}" for name in EXPECTED]
    assert "checker fix --sha256" in out.splitlines()[-1]
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()) == sorted(EXPECTED)
    result = check_project(root)
    assert not result.findings
    assert load_config(find_project([root / "claims"])).fail_on == "error"


def test_init_defaults_to_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = _init(capsys)
    assert code == 0
    assert out.splitlines()[0] == "wrote .github/workflows/claimcheck.yml"
    assert (tmp_path / "checker.yaml").is_file()


@pytest.mark.parametrize("existing", ["checker.yaml", ".gitignore", "claims/entities.yaml"])
def test_init_never_overwrites(tmp_path: Path, existing: str, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / existing).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / existing).write_text("mine\n", encoding="utf-8")
    code, out, err = _init(capsys, str(tmp_path))
    assert code == 2 and out == ""
    assert existing in err and "nothing was written" in err
    assert (tmp_path / existing).read_text(encoding="utf-8") == "mine\n"
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == [tmp_path / existing]


def test_init_treats_a_dangling_link_or_a_file_in_the_way_as_taken(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "checker.yaml").symlink_to(tmp_path / "nowhere")
    (tmp_path / "claims").write_text("a file\n", encoding="utf-8")
    code, _, err = _init(capsys, str(tmp_path))
    assert code == 2
    assert "checker.yaml, claims/entities.yaml, claims/properties.yaml" in err
    assert not (tmp_path / "nowhere").exists()


def test_init_into_a_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    assert _init(capsys, str(tmp_path / "file"))[0] == 2


def test_templates_are_filled_in() -> None:
    for name, text in scaffold.rendered().items():
        assert not re.search(r"@[A-Z_]+@", text), name
        assert "claimcheck.invalid" not in text, name


def test_templates_are_package_data() -> None:
    """pyproject's package-data globs (as setuptools expands them) carry every template."""
    checker_dir = REPO / "checker"
    templates = {
        p.relative_to(checker_dir).as_posix()
        for p in (checker_dir / "templates" / "init").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    patterns = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"
    ]["checker"]
    packaged = {
        match
        for pattern in patterns
        # glob.glob, as setuptools expands package-data: unlike Path.glob it skips hidden names
        for match in glob.glob(pattern, root_dir=checker_dir, recursive=True)  # noqa: PTH207
        if (checker_dir / match).is_file()
    }
    assert templates and templates <= packaged
    assert not [t for t in templates if any(part.startswith(".") for part in t.split("/"))]


def test_pins_name_this_release() -> None:
    files = scaffold.rendered()
    hooks = _yaml.load(files[".pre-commit-config.yaml"])["repos"]
    assert [(h["repo"], h["rev"]) for h in hooks] == [(REPOSITORY_URL, f"v{__version__}")]
    published = {h["id"] for h in _yaml.load(REPO / ".pre-commit-hooks.yaml")}
    assert {h["id"] for h in hooks[0]["hooks"]} <= published
    workflow = files[".github/workflows/claimcheck.yml"]
    assert re.findall(r'pip install "newsroom-claimcheck==([^"]+)"', workflow) == [__version__]


def test_schema_modelines_name_schemas_of_this_release() -> None:
    for name, text in scaffold.rendered().items():
        for url in re.findall(r"^# yaml-language-server: \$schema=(\S+)$", text, re.MULTILINE):
            assert url.startswith(
                f"https://raw.githubusercontent.com/claimcheck-newsroom/claimcheck/v{__version__}/"
            )
            assert (REPO / "schemas" / url.rsplit("/", 1)[1]).is_file(), (name, url)
    assert "$schema=" in scaffold.rendered()["claims/entities.yaml"]
    assert "$schema=" in scaffold.rendered()["claims/properties.yaml"]
    assert "$schema=" in scaffold.rendered()["checker.yaml"]


def test_every_setting_is_explained() -> None:
    files = scaffold.rendered()
    for key in ConfigModel.model_fields:
        assert re.search(rf"^{key}:", files["checker.yaml"], re.MULTILINE), key
    examples = uncommented_examples(files["claims/entities.yaml"])
    for entry in (Entity, Event, Judgement):
        for key in entry.model_fields:
            assert re.search(rf"^ *-? *{key}:", examples, re.MULTILINE), (entry.__name__, key)
    properties = files["claims/properties.yaml"]
    for key in Property.model_fields:
        assert re.search(rf"^#   {key} ", properties, re.MULTILINE), key
    examples = uncommented_examples(properties)
    for addition in (UnitDefinition, ExchangeRate):
        for name, info in addition.model_fields.items():
            key = info.alias or name
            assert re.search(rf"^ *-? *{key}:", examples, re.MULTILINE), (addition.__name__, key)


def test_commented_examples_validate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _init(capsys, str(tmp_path))[0] == 0
    for name in ("checker.yaml", "claims/entities.yaml", "claims/properties.yaml"):
        path = tmp_path / name
        text = path.read_text(encoding="utf-8")
        examples = uncommented_examples(text)
        assert examples != text, name
        path.write_text(examples, encoding="utf-8")
    config = load_config(find_project([tmp_path / "claims"]))
    assert len(config.waivers) == 3 and config.per_path and config.rules
    assert config.options.unrecorded_fact.kinds == ["number", "date"]
    result = check_project(tmp_path)
    assert not [f for f in result.findings if f.severity.name == "ERROR"], result.findings


def test_gitignore_ignores_reports_and_the_cache(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed")
    assert _init(capsys, str(tmp_path))[0] == 0
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run([git, "init", "-q"], cwd=tmp_path, check=True, env=env)
    for ignored in ("reports/claimcheck.sarif", ".checker-cache/x", ".claimcheck-tmp-reports.abcdefgh"):
        assert (
            subprocess.run(
                [git, "check-ignore", "-q", ignored], cwd=tmp_path, env=env, check=False
            ).returncode
            == 0
        )
    for kept in ("checker.yaml", "claims/entities.yaml", "sources/a.txt", ".checker-baseline.json"):
        assert (
            subprocess.run([git, "check-ignore", "-q", kept], cwd=tmp_path, env=env, check=False).returncode
            == 1
        )
