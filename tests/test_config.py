"""Configuration: checker.yaml / [tool.checker], located errors, severities, paths, selection."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

import pytest

from checker import cli, engine
from checker.analysis import Analysis
from checker.config import (
    Config,
    ConfigError,
    _normalise_glob,
    glob_to_regex,
    load_config,
    parse_selectors,
)
from checker.findings import Finding, Severity
from checker.project import Project, find_project
from checker.rules import REGISTRY, RULES
from tests.conftest import REPO, write_project

SOURCE_TEXT = "The court sent Baibolat Kunbolatuly to jail for 10 days.\n"


def claim_file(source_id: str, *claims: tuple[str, str]) -> str:
    """A claim file citing sources/example.txt; each claim is (id, property)."""
    sha = hashlib.sha256(SOURCE_TEXT.encode()).hexdigest()
    lines = [
        f'source: {{id: {source_id}, title: Example, outlet: Example News, published: "2021-02-10",',
        f"         language: en, text: sources/example.txt, sha256: {sha}}}",
        "claims:",
    ]
    for claim_id, prop in claims:
        lines.append(f"  - {{id: {claim_id}, subject: Baibolat Kunbolatuly, property: {prop},")
        lines.append('     value: {amount: 10, unit: day}, quote: "jail for 10 days"}')
    return "\n".join(lines) + "\n"


#: One R002 (unknown property 'jail-term', claim example/term) and one R004 (duplicate id 'sentence').
EXAMPLE = claim_file(
    "example", ("term", "jail-term"), ("sentence", "jail-sentence"), ("sentence", "jail-sentence")
)


def example_project(root: Path, *files: tuple[str, str], config: str | None = None) -> Path:
    """A project whose catalogues resolve everything, with ``files`` and ``config`` as checker.yaml."""
    base = [
        (
            "claims/entities.yaml",
            "entities:\n  - {id: kunbolatuly, name: Baibolat Kunbolatuly, type: person}\n",
        ),
        (
            "claims/properties.yaml",
            "properties:\n"
            "  - {id: jail-sentence, label: jail sentence, kind: quantity, dimension: duration}\n",
        ),
        ("sources/example.txt", SOURCE_TEXT),
    ]
    extra = [("checker.yaml", config)] if config is not None else []
    return write_project(root, [*base, *files, *extra])


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(args)
    out, err = capsys.readouterr()
    return code, out, err


def lines_of(out: str, codes: Iterable[str] = ("R002", "R004")) -> list[str]:
    """The finding lines of a text report for some codes, as ``path:line:col: CODE severity``."""
    wanted = tuple(codes)
    found = []
    for line in out.splitlines():
        match = re.match(r"^(\S+:\d+:\d+: (\w\d{3}) \w+) ", line)
        if match and match.group(2) in wanted:
            found.append(match.group(1))
    return found


def run_engine(root: Path, **kwargs: object) -> list[Finding]:
    targets = [root / "claims"]
    result = engine.run(targets, find_project(targets), **kwargs)  # type: ignore[arg-type]
    return [f for f in result.findings if f.code in {"R002", "R004", "W001", "W002"}]


# -- where the configuration comes from --------------------------------------------------


def test_no_configuration_gives_defaults(tmp_path: Path) -> None:
    root = example_project(tmp_path, ("claims/example.yaml", EXAMPLE))
    assert load_config(find_project([root])) == Config(path="checker.yaml")  # the marker is only a comment
    (root / "checker.yaml").unlink()
    assert load_config(Project(root, root / "claims")) == Config()


def test_checker_yaml_is_loaded(tmp_path: Path) -> None:
    config = """\
fail_on: warning
rules:
  unknown-property: warning
  R004: off
per_path:
  - paths: ["claims/archive/**"]
    rules: {R001: info}
waivers:
  - {fingerprint: 0123456789ABCDEF, reason: checked with the desk, by: editor, expires: "2030-01-31"}
  - {rule: R002, claims: [example/term], reason: pending}
"""
    root = example_project(tmp_path, config=config)
    loaded = load_config(find_project([root]))
    assert loaded.path == "checker.yaml"
    assert loaded.fail_on == "warning"
    assert dict(loaded.rules) == {"R002": "warning", "R004": "off"}
    assert loaded.per_path[0].globs == ("claims/archive/**",)
    assert dict(loaded.per_path[0].rules) == {"R001": "info"}
    first, second = loaded.waivers
    assert first.fingerprint == "0123456789abcdef" and first.by == "editor"
    assert str(first.expires) == "2030-01-31"
    assert str(first.location) == "checker.yaml:9:5"
    assert (second.rule, second.claims, second.fingerprint) == ("R002", ("example/term",), None)
    assert str(second.location) == "checker.yaml:10:5"


PYPROJECT = """\
[project]
name = "newsroom"

[tool.checker]
fail_on = "info"

[tool.checker.rules]
unknown-property = "off"

[[tool.checker.per_path]]
paths = ["claims/**"]
rules = { R004 = "warning" }

[[tool.checker.waivers]]
rule = "R002"
claims = ["example/term"]
reason = "pending"
expires = 2030-01-31

[[tool.checker.waivers]]
fingerprint = "0123456789abcdef"
reason = "checked"
"""


def test_pyproject_table_is_loaded(tmp_path: Path) -> None:
    root = example_project(tmp_path)
    (root / "checker.yaml").unlink()
    (root / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    loaded = load_config(find_project([root / "claims"]))
    assert loaded.path == "pyproject.toml"
    assert loaded.fail_on == "info"
    assert dict(loaded.rules) == {"R002": "off"}
    assert dict(loaded.per_path[0].rules) == {"R004": "warning"}
    assert [str(w.location) for w in loaded.waivers] == ["pyproject.toml:14:1", "pyproject.toml:20:1"]
    assert str(loaded.waivers[0].expires) == "2030-01-31"  # a TOML date is accepted as well as a string


def test_pyproject_without_table_gives_defaults(tmp_path: Path) -> None:
    root = example_project(tmp_path)
    (root / "checker.yaml").unlink()
    (root / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert load_config(find_project([root])).rules == {}


def test_checker_yaml_wins_over_pyproject(tmp_path: Path) -> None:
    root = example_project(tmp_path, config="fail_on: never\n")
    (root / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    loaded = load_config(find_project([root]))
    assert (loaded.path, loaded.fail_on, dict(loaded.rules)) == ("checker.yaml", "never", {})


def test_explicit_config_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = example_project(tmp_path / "repo", ("claims/example.yaml", EXAMPLE))
    other = tmp_path / "strict.yaml"
    other.write_text("rules: {R002: off, R004: off}\n", encoding="utf-8")
    toml = tmp_path / "other.toml"
    toml.write_text('[tool.checker.rules]\nR002 = "off"\n', encoding="utf-8")
    _, out, _ = run_cli(["check", str(root / "claims"), "--config", str(other)], capsys)
    assert lines_of(out) == []
    _, out, _ = run_cli(["check", str(root / "claims"), "--config", str(toml)], capsys)
    assert [line.split()[1] for line in lines_of(out)] == ["R004"]
    code, out, err = run_cli(["check", str(root / "claims"), "--config", str(tmp_path / "nope.yaml")], capsys)
    assert code == 2 and out == "" and "no such configuration file" in err


# -- every configuration error is located, exit 2, no traceback ---------------------------------

YAML_ERRORS = [
    (
        "unknown-key",
        "fail_ob: warning\n",
        "checker.yaml:1:1: error: unknown key 'fail_ob' in the configuration (did you mean 'fail_on'?)",
    ),
    (
        "unknown-nested-key",
        "waivers:\n  - {fingerprint: 0123456789abcdef, reasn: x}\n",
        "checker.yaml:2:37: error: unknown key 'reasn' in waivers[0] (did you mean 'reason'?)",
    ),
    (
        "bad-severity",
        "rules:\n  R002: warn\n",
        "checker.yaml:2:9: error: rules.R002: 'warn' is not one of error, warning, info, off"
        " (did you mean 'warning'?)",
    ),
    (
        "bad-fail-on",
        "fail_on: always\n",
        "checker.yaml:1:10: error: fail_on: 'always' is not one of error, warning, info, never",
    ),
    (
        "unknown-rule",
        "rules:\n  unknown-entiy: off\n",
        "checker.yaml:2:3: error: unknown rule 'unknown-entiy' (did you mean 'unknown-entity'?)",
    ),
    (
        "unknown-rule-in-per-path",
        "per_path:\n  - paths: [claims/**]\n    rules: {R0002: off}\n",
        "checker.yaml:3:13: error: unknown rule 'R0002'",
    ),
    (
        "glob-list-type",
        "per_path:\n  - paths: claims/**\n    rules: {R002: off}\n",
        "checker.yaml:2:12: error: per_path[0].paths must be a list, not a string",
    ),
    (
        "absolute-glob",
        "per_path:\n  - paths: [/claims/**]\n    rules: {R002: off}\n",
        "checker.yaml:2:12: error: per_path[0].paths: '/claims/**': patterns are relative to the project",
    ),
    (
        "missing-reason",
        "waivers:\n  - fingerprint: 0123456789abcdef\n",
        "checker.yaml:2:5: error: waivers[0] is missing required key 'reason'",
    ),
    (
        "empty-reason",
        "waivers:\n  - {fingerprint: 0123456789abcdef, reason: ' '}\n",
        "checker.yaml:2:45: error: waivers[0].reason must not be empty",
    ),
    (
        "bad-fingerprint",
        "waivers:\n  - {fingerprint: 0123xyz, reason: r}\n",
        "checker.yaml:2:19: error: waivers[0].fingerprint: '0123xyz' is not a fingerprint",
    ),
    (
        "fingerprint-and-rule",
        "waivers:\n  - {fingerprint: 0123456789abcdef, rule: R002, claims: [a/b], reason: r}\n",
        "checker.yaml:2:5: error: waivers[0]: a waiver names either a 'fingerprint' or a 'rule' and 'claims'",
    ),
    (
        "rule-without-claims",
        "waivers:\n  - {rule: R002, reason: r}\n",
        "checker.yaml:2:5: error: waivers[0]: a waiver needs a 'fingerprint', or a 'rule' and the 'claims'",
    ),
    (
        "bad-claim-key",
        "waivers:\n  - {rule: R002, claims: [term], reason: r}\n",
        "checker.yaml:2:26: error: waivers[0].claims: 'term' is not a claim key; write source-id/claim-id",
    ),
    (
        "bad-expiry",
        "waivers:\n  - {rule: R002, claims: [a/b], reason: r, expires: 31.01.2030}\n",
        "checker.yaml:2:53: error: waivers[0].expires: '31.01.2030' is not a date; write YYYY-MM-DD",
    ),
    (
        "waiver-of-waiver-finding",
        "waivers:\n  - {rule: unused-waiver, claims: [a/b], reason: r}\n",
        "checker.yaml:2:12: error: W001 findings are about waivers and cannot be waived",
    ),
    (
        "load-rule-off",
        "rules:\n  yaml-syntax: off\n",
        "checker.yaml:2:3: error: L003 yaml-syntax cannot be turned off",
    ),
    (
        "not-a-mapping",
        "- fail_on\n",
        "checker.yaml:1:1: error: the configuration must be a mapping",
    ),
    (
        "yaml-syntax",
        "rules: {R002: off\n",
        "checker.yaml:2:1: error: ",
    ),
    (
        "duplicate-key",
        "fail_on: error\nfail_on: never\n",
        "checker.yaml:2:1: error: duplicate key 'fail_on'",
    ),
]


@pytest.mark.parametrize(("text", "expected"), [e[1:] for e in YAML_ERRORS], ids=[e[0] for e in YAML_ERRORS])
def test_config_error_is_located(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, expected: str
) -> None:
    root = example_project(tmp_path, ("claims/example.yaml", EXAMPLE), config=text)
    for command in ("check", "validate"):
        code, out, err = run_cli([command, str(root / "claims")], capsys)
        assert code == 2
        assert out == ""
        assert "Traceback" not in err and "internal error" not in err
        assert any(line.startswith(expected) for line in err.splitlines()), err


def test_every_config_error_is_reported_at_once(tmp_path: Path) -> None:
    config = "fail_ob: x\nrules: {R999: off, R002: fatal}\n"
    root = example_project(tmp_path, config=config)
    with pytest.raises(ConfigError) as raised:
        load_config(find_project([root]))
    assert [str(p.location) for p in raised.value.problems] == [
        "checker.yaml:1:1",
        "checker.yaml:2:9",
        "checker.yaml:2:26",
    ]


TOML_ERRORS = [
    (
        "toml-syntax",
        '[project]\nname = "x"\n\n[tool.checker]\nfail_on = "error" x\n',
        "pyproject.toml:5:19: error: invalid TOML: expected newline or end of document after a statement",
    ),
    (
        "toml-syntax-at-end",
        "[tool.checker]\nfail_on =",
        "pyproject.toml:2:10: error: invalid TOML: invalid value",
    ),
    (
        "toml-unknown-key",
        '[project]\nname = "x"\n\n[tool.checker]\nfail_ob = "warning"\n',
        "pyproject.toml:5:1: error: unknown key 'fail_ob' in the configuration (did you mean 'fail_on'?)",
    ),
    (
        "toml-bad-severity",
        '[tool.checker]\nfail_on = "error"\n\n[tool.checker.rules]\nR001 = "warning"\nR002 = "of"\n',
        "pyproject.toml:6:1: error: rules.R002: 'of' is not one of error, warning, info, off",
    ),
    (
        "toml-unknown-rule",
        '[tool.checker]\nrules = { R02 = "off" }\n',
        "pyproject.toml:2:1: error: unknown rule 'R02' (did you mean 'R002'?)",
    ),
    (
        "toml-waiver",
        '[tool.checker]\n\n[[tool.checker.waivers]]\nfingerprint = "0123456789abcdef"\nreason = "x"\n\n'
        '[[tool.checker.waivers]]\nfingerprint = "0123456789abcdef"\n',
        "pyproject.toml:7:1: error: waivers[1] is missing required key 'reason'",
    ),
    (
        "toml-not-a-table",
        "[tool]\nchecker = 3\n",
        "pyproject.toml:1:1: error: [tool.checker] must be a table",
    ),
]


@pytest.mark.parametrize(("text", "expected"), [e[1:] for e in TOML_ERRORS], ids=[e[0] for e in TOML_ERRORS])
def test_pyproject_error_is_located(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, expected: str
) -> None:
    root = example_project(tmp_path, ("claims/example.yaml", EXAMPLE))
    (root / "checker.yaml").unlink()
    (root / "pyproject.toml").write_text(text, encoding="utf-8")
    code, out, err = run_cli(["check", str(root / "claims")], capsys)
    assert code == 2 and out == ""
    assert "Traceback" not in err
    assert err.splitlines()[0].startswith(expected), err


def test_config_error_text_is_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = example_project(tmp_path, config='"fail\\e[31m": 1\n')
    code, _, err = run_cli(["check", str(root / "claims")], capsys)
    assert code == 2 and "\x1b" not in err and "\\x1b" in err


# -- severities, off, per-path overrides ----------------------------------------------------------


def test_severity_override_and_off(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = example_project(tmp_path, ("claims/example.yaml", EXAMPLE))
    code, out, _ = run_cli(["check", str(root / "claims"), "--select", "R"], capsys)
    assert code == 1
    assert lines_of(out) == ["claims/example.yaml:4:57: R002 error", "claims/example.yaml:8:10: R004 error"]

    (root / "checker.yaml").write_text("rules:\n  unknown-property: warning\n  R004: off\n", encoding="utf-8")
    code, out, _ = run_cli(["check", str(root / "claims"), "--select", "R"], capsys)
    assert lines_of(out) == ["claims/example.yaml:4:57: R002 warning"]
    assert code == 0  # nothing at error any more
    assert out.splitlines()[-1].startswith("0 errors, 1 warning, 0 info, 0 waived in 1 file")


def test_off_corpus_rule_is_not_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    original = REGISTRY["R002"]

    def spy(analysis: Analysis) -> Iterable[Finding]:
        calls.append("R002")
        assert original.check is not None
        return original.check(analysis)

    monkeypatch.setattr(engine, "corpus_rules", lambda: (dataclasses.replace(original, check=spy),))
    root = example_project(tmp_path, ("claims/example.yaml", EXAMPLE), config="rules: {R002: off}\n")
    assert run_engine(root) == [] and calls == []
    # re-enabled for some paths: it must run, and report only there
    config = "rules: {R002: off}\nper_path:\n  - {paths: ['claims/new/**'], rules: {R002: warning}}\n"
    (root / "checker.yaml").write_text(config, encoding="utf-8")
    (root / "claims" / "new").mkdir()
    (root / "claims" / "new" / "other.yaml").write_text(
        claim_file("other", ("term", "jail-term")), encoding="utf-8"
    )
    found = run_engine(root)
    assert calls == ["R002"]
    assert [(f.code, f.severity, f.location.path) for f in found] == [
        ("R002", Severity.WARNING, "claims/new/other.yaml")
    ]


def test_per_path_override_with_double_star(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = """\
per_path:
  - paths: ["claims/archive/**"]
    rules: {unknown-property: info, R004: off}
  - paths: ["claims/archive/**/keep-*.yaml"]
    rules: {R002: error}
"""
    archived = claim_file("old", ("term", "jail-term"), ("sentence", "jail-sentence"), ("sentence", "x"))
    root = example_project(
        tmp_path,
        ("claims/example.yaml", EXAMPLE),
        ("claims/archive/2020/deep/old.yaml", archived),
        ("claims/archive/keep-this.yaml", claim_file("kept", ("term", "jail-term"))),
        config=config,
    )
    _, out, _ = run_cli(["check", str(root / "claims"), "--select", "R002,R004"], capsys)
    assert lines_of(out) == [
        "claims/archive/2020/deep/old.yaml:4:57: R002 info",
        "claims/archive/2020/deep/old.yaml:8:61: R002 info",  # R004 is off there
        "claims/archive/keep-this.yaml:4:57: R002 error",  # the later entry wins
        "claims/example.yaml:4:57: R002 error",
        "claims/example.yaml:8:10: R004 error",
    ]


@pytest.mark.parametrize(
    ("glob", "path", "matches"),
    [
        ("claims/**", "claims/a.yaml", True),
        ("claims/**", "claims/x/y/a.yaml", True),
        ("claims/**", "claimsx/a.yaml", False),
        ("claims/", "claims/x/a.yaml", True),
        ("**/a.yaml", "a.yaml", True),
        ("**/a.yaml", "claims/x/a.yaml", True),
        ("**/a.yaml", "claims/x/ba.yaml", False),
        ("claims/**/a.yaml", "claims/a.yaml", True),
        ("claims/**/a.yaml", "claims/x/y/a.yaml", True),
        ("claims/*.yaml", "claims/a.yaml", True),
        ("claims/*.yaml", "claims/x/a.yaml", False),
        ("claims/a?.yaml", "claims/ab.yaml", True),
        ("claims/a?.yaml", "claims/a/.yaml", False),
        ("claims/[ab].yaml", "claims/b.yaml", True),
        ("claims/[!ab].yaml", "claims/b.yaml", False),
        ("claims/[!ab].yaml", "claims/c.yaml", True),
        ("claims/a**.yaml", "claims/abc.yaml", True),
        ("claims/a**.yaml", "claims/a/b.yaml", False),
        ("claims/a.yaml", "claims/a.yaml", True),
        ("claims/a.yaml", "claims/a.yamlx", False),
        ("claims/(a).yaml", "claims/(a).yaml", True),
        ("**", "anything/at/all.yaml", True),
    ],
)
def test_glob(glob: str, path: str, matches: bool) -> None:
    assert (re.fullmatch(glob_to_regex(_normalise_glob(glob)), path) is not None) == matches


# -- --select / --ignore ---------------------------------------------------------------------


def test_selectors() -> None:
    assert parse_selectors("R002") == {"R002"}
    assert parse_selectors("unknown-property, r004") == {"R002", "R004"}
    assert parse_selectors("W") == {"W001", "W002"}
    assert parse_selectors("L00") == {r.code for r in RULES if r.code.startswith("L00")}
    with pytest.raises(ValueError, match=r"unknown rule or code prefix 'unknown-entiy' \(did you mean"):
        parse_selectors("unknown-entiy")
    with pytest.raises(ValueError, match="unknown rule or code prefix 'X'"):
        parse_selectors("X")
    with pytest.raises(ValueError, match="at least one"):
        parse_selectors(" , ")


@pytest.mark.parametrize(
    ("options", "codes"),
    [
        (["--select", "R002"], ["R002"]),
        (["--select", "duplicate-claim-id"], ["R004"]),
        (["--select", "R00"], ["R002", "R004"]),
        (["--select", "R002", "--select", "R004"], ["R002", "R004"]),
        (["--select", "R", "--ignore", "unknown-property"], ["R004"]),
        (["--ignore", "R002,R004"], []),
        (["--ignore", "R"], []),
    ],
)
def test_select_and_ignore(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], codes: list[str]
) -> None:
    root = example_project(tmp_path, ("claims/example.yaml", EXAMPLE))
    for command in ("check",):
        _, out, _ = run_cli([command, str(root / "claims"), *options], capsys)
        assert [line.split()[1] for line in lines_of(out)] == codes


def test_select_applies_to_validate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = example_project(tmp_path, ("claims/example.yaml", "claims: [\n"))
    assert run_cli(["validate", str(root / "claims")], capsys)[0] == 1
    code, out, _ = run_cli(["validate", str(root / "claims"), "--ignore", "L"], capsys)
    assert code == 0 and out.startswith("0 errors")


def test_unknown_selector_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = example_project(tmp_path, ("claims/example.yaml", EXAMPLE))
    with pytest.raises(SystemExit) as exited:
        cli.main(["check", str(root / "claims"), "--select", "R002,unknown-proprety"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "argument --select: unknown rule or code prefix 'unknown-proprety'" in err
    assert "(did you mean 'unknown-property'?)" in err


# -- --fail-on ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("config", "options", "exit_code"),
    [
        ("", [], 0),  # default: error; only a warning is left
        ("fail_on: warning\n", [], 1),
        ("fail_on: warning\n", ["--fail-on", "error"], 0),  # the command line wins
        ("fail_on: never\n", ["--fail-on", "info"], 1),
        ("fail_on: info\n", ["--fail-on", "never"], 0),
    ],
)
def test_fail_on_from_config_and_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], config: str, options: list[str], exit_code: int
) -> None:
    config += "rules: {R002: warning, R004: off}\n"
    root = example_project(tmp_path, ("claims/example.yaml", EXAMPLE), config=config)
    code, out, _ = run_cli(["check", str(root / "claims"), "--select", "R,W", *options], capsys)
    assert lines_of(out) == ["claims/example.yaml:4:57: R002 warning"]
    assert code == exit_code


def test_readme_example_is_valid(tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    found = re.search(r"^## Configuration\n.*?```yaml\n(.*?)```", readme, re.MULTILINE | re.DOTALL)
    assert found, "README.md has a Configuration section with a checker.yaml example"
    root = write_project(tmp_path, [("checker.yaml", found.group(1))])
    loaded = load_config(find_project([root]))
    assert loaded.rules and loaded.per_path and len(loaded.waivers) == 2
