"""Project configuration: rule severities, per-path overrides, waivers, the failure threshold.

The configuration lives at the project root, in ``checker.yaml`` or in the
``[tool.checker]`` table of ``pyproject.toml``; when both exist,
``checker.yaml`` is used and ``pyproject.toml`` is not read. ``--config PATH``
names a file explicitly (a ``.toml`` file is read for its ``[tool.checker]``
table, anything else as YAML).

``checker.yaml`` is read with the hardened loader, so every problem in it
(YAML or schema) is a :class:`ConfigError` at its line and column.
``pyproject.toml`` is read with :mod:`tomllib`: syntax errors are located
where tomllib says, schema errors at the nearest table header found in the
text.

Rules never see the configuration; the engine applies it to their findings.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
import typing
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType, UnionType
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from checker import links
from checker.findings import Location, Severity, Waiver
from checker.loader import EMPTY as EMPTY_FILE
from checker.loader import Document, KeyPath, LoadFailed, load_file
from checker.models import ID_PATTERN
from checker.options import RuleOptions
from checker.project import Project, UsageError
from checker.rule import Rule
from checker.rules import REGISTRY, RULES, find
from checker.schemas import SCHEMA_DIALECT, SCHEMA_ID_BASE, data_path, json_kind, path_name
from checker.suggest import did_you_mean

CONFIG_NAME = "checker.yaml"
SCHEMA_KIND = "config-file"  # published as schemas/config-file.schema.json, for editors
PYPROJECT_NAME = "pyproject.toml"
OFF = "off"
ROOT_NAME = "the configuration"  # how messages name the top of the configuration

Setting = Literal["error", "warning", "info", "off"]
FailOn = Literal["error", "warning", "info", "never"]

_FINGERPRINT = re.compile(r"^[0-9a-f]{16}$")
_CLAIM_KEY = re.compile(ID_PATTERN.removesuffix("$") + "/" + ID_PATTERN.removeprefix("^"))
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


# -- the schema ----------------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class PerPathModel(_Strict):
    """Rule settings for the findings in some files."""

    paths: list[str] = Field(
        min_length=1,
        description="Globs on repo-relative POSIX paths; * stays within one folder, ** spans folders.",
        examples=[["claims/archive/**"]],
    )
    rules: dict[str, Setting] = Field(
        description="Rule code or name -> error, warning, info or off, for the findings in these files.",
        examples=[{"R001": "off", "value-conflict": "warning"}],
    )

    @field_validator("paths")
    @classmethod
    def _globs(cls, paths: list[str]) -> list[str]:
        for glob in paths:
            if not glob.strip():
                raise ValueError("a path pattern must not be empty")
            if glob.startswith("/"):
                raise ValueError(f"{glob!r}: patterns are relative to the project root; drop the leading '/'")
        return paths


class WaiverModel(_Strict):
    """A reviewed finding that is not to be reported."""

    fingerprint: str | None = Field(
        default=None,
        description="The finding's 16-hex-digit fingerprint, printed under every finding.",
        examples=["0123456789abcdef"],
    )
    rule: str | None = Field(
        default=None,
        description="A rule code or name, with `claims` (instead of a fingerprint).",
        examples=["unknown-property"],
    )
    claims: list[str] | None = Field(
        default=None,
        description="The claims the finding is about, as source-id/claim-id, with `rule`.",
        examples=[["gazette-verdict/sentence"]],
    )
    sources: list[str] | None = Field(
        default=None,
        description="The sources the finding is about, as source ids, with `rule` (e.g. unrecorded-fact).",
        examples=[["gazette-verdict"]],
    )
    reason: str = Field(
        description="Why the finding is accepted.",
        examples=["checked with the reporter: two different hearings"],
    )
    by: str | None = Field(default=None, description="Who accepted it.", examples=["night desk"])
    expires: str | None = Field(
        default=None,
        description="YYYY-MM-DD, in quotes; the waiver applies up to this day, then it is a finding (W002).",
        examples=["2030-12-31"],
    )

    @field_validator("fingerprint")
    @classmethod
    def _fingerprint(cls, value: str | None) -> str | None:
        if value is not None and not _FINGERPRINT.match(value.lower()):
            raise ValueError(f"{value!r} is not a fingerprint (16 hexadecimal digits)")
        return value.lower() if value is not None else None

    @field_validator("claims")
    @classmethod
    def _claims(cls, claims: list[str] | None) -> list[str] | None:
        if claims is not None:
            if not claims:
                raise ValueError("list at least one claim")
            for key in claims:
                if not _CLAIM_KEY.match(key):
                    raise ValueError(f"{key!r} is not a claim key; write source-id/claim-id")
        return claims

    @field_validator("sources")
    @classmethod
    def _sources(cls, sources: list[str] | None) -> list[str] | None:
        if sources is not None:
            if not sources:
                raise ValueError("list at least one source")
            for source in sources:
                if not re.match(ID_PATTERN, source):
                    raise ValueError(f"{source!r} is not a source id")
        return sources

    @field_validator("reason", "by")
    @classmethod
    def _not_blank(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("must not be empty")
        return value

    @field_validator("expires", mode="before")
    @classmethod
    def _expires(cls, value: object) -> object:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):  # a TOML date
            return value.isoformat()
        if isinstance(value, str):
            if not _ISO_DATE.match(value):
                raise ValueError(f"{value!r} is not a date; write YYYY-MM-DD")
            try:
                dt.date.fromisoformat(value)
            except ValueError as exc:
                raise ValueError(f"{value!r} is not a calendar date: {exc}") from None
        return value

    @model_validator(mode="after")
    def _names_a_finding(self) -> WaiverModel:
        by_rule = self.rule is not None or self.claims is not None or self.sources is not None
        if self.fingerprint is not None and by_rule:
            raise ValueError("a waiver names either a 'fingerprint' or a 'rule' and 'claims', not both")
        named = self.claims is not None or self.sources is not None
        if self.fingerprint is None and not (self.rule is not None and named):
            raise ValueError("a waiver needs a 'fingerprint', or a 'rule' and the 'claims' it is about")
        return self


class ConfigModel(_Strict):
    """The whole configuration file (or [tool.checker] table)."""

    model_config = ConfigDict(
        title="claimcheck configuration",
        json_schema_extra={"$comment": "Generated by `checker schema`."},
    )

    fail_on: FailOn = Field(
        default="error",
        description="Exit 1 (fail the CI job, stop the commit) on findings at least this severe: error, "
        "warning, info or never.",
        examples=["error", "warning"],
    )
    rules: dict[str, Setting] = Field(
        default_factory=dict,
        description="Rule code (R001) or name (unknown-entity) -> error, warning, info or off; "
        "`checker rules` lists them.",
        examples=[{"unknown-entity": "warning", "C001": "off"}],
    )
    repository_url: str | None = Field(
        default=None,
        description="The repository's web address, or a link template with {path}, {line} and {ref}:"
        " report locations become links (Markdown).",
        examples=["https://github.com/our-newsroom/claims"],
    )
    per_path: list[PerPathModel] = Field(
        default_factory=list,
        description="Rule settings for the findings in some files only; later entries win.",
        examples=[[{"paths": ["claims/archive/**"], "rules": {"R001": "off"}}]],
    )
    waivers: list[WaiverModel] = Field(
        default_factory=list,
        description="Reviewed findings not to be reported again, each by fingerprint or by rule and claims.",
        examples=[
            [{"fingerprint": "0123456789abcdef", "reason": "two different hearings", "by": "night desk"}]
        ],
    )
    options: RuleOptions = Field(
        default_factory=RuleOptions,
        description="Options of the rules that take some, by rule name.",
        examples=[{"unrecorded-fact": {"kinds": ["number", "date"], "names": "person"}}],
    )

    @field_validator("repository_url")
    @classmethod
    def _repository_url(cls, value: str | None) -> str | None:
        if value is not None and (reason := links.problem(value)) is not None:
            raise ValueError(reason)
        return value


def schema() -> dict[str, Any]:
    """The JSON Schema of checker.yaml, for editors (the loader validates with the model itself)."""
    body = ConfigModel.model_json_schema(mode="validation")
    return {"$schema": SCHEMA_DIALECT, "$id": f"{SCHEMA_ID_BASE}{SCHEMA_KIND}.schema.json", **body}


# -- the configuration the engine applies ----------------------------------------


@dataclass(frozen=True)
class PathOverride:
    """Rule settings (code -> setting) for the findings whose path matches one of the globs."""

    globs: tuple[str, ...]
    rules: Mapping[str, str]
    pattern: re.Pattern[str] = field(compare=False, repr=False)

    def matches(self, path: str) -> bool:
        return self.pattern.fullmatch(path) is not None


@dataclass(frozen=True)
class Config:
    """A project's configuration, rule names resolved to codes."""

    path: str | None = None  # the file it came from, as reports show it
    fail_on: str = "error"
    rules: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    per_path: tuple[PathOverride, ...] = ()
    waivers: tuple[Waiver, ...] = ()
    repository_url: str | None = None  # where report locations link to: see checker.links
    options: RuleOptions = field(default_factory=RuleOptions)  # typed options of the rules that take some

    def setting(self, code: str, path: str) -> str | None:
        """The configured setting of rule ``code`` for a finding in ``path`` (None: the default)."""
        chosen = self.rules.get(code)
        for override in self.per_path:
            if code in override.rules and override.matches(path):
                chosen = override.rules[code]
        return chosen

    def severity(self, code: str, path: str, default: Severity) -> Severity | None:
        """The severity a finding of ``code`` in ``path`` is reported at; None when the rule is off."""
        chosen = self.setting(code, path)
        if chosen is None:
            return default if REGISTRY[code].enabled else None
        return None if chosen == OFF else Severity.parse(chosen)

    def may_report(self, code: str) -> bool:
        """False when rule ``code`` is off everywhere (then it need not run at all)."""
        top = self.rules.get(code, None if REGISTRY[code].enabled else OFF)
        if top != OFF:
            return True
        return any(o.rules.get(code, OFF) != OFF for o in self.per_path)


@dataclass(frozen=True)
class ConfigProblem:
    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: error: {self.message}"


class ConfigError(Exception):
    """The configuration cannot be used; every problem is located. Exit code 2."""

    def __init__(self, problems: list[ConfigProblem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


# -- loading ---------------------------------------------------------------------

#: Where a key path of the configuration is written: (path, at the key rather than the value) -> place.
Locate = Callable[[KeyPath, bool], Location]


def config_path(project: Project) -> Path | None:
    """The configuration file of a project: checker.yaml, else pyproject.toml, else none."""
    for name in (CONFIG_NAME, PYPROJECT_NAME):
        candidate = project.root / name
        if candidate.is_file():
            return candidate
    return None


def load_config(project: Project, explicit: Path | None = None) -> Config:
    """The project's configuration (or that of ``explicit``); raises ConfigError or UsageError."""
    path = explicit if explicit is not None else config_path(project)
    if path is None:
        return Config()
    if explicit is not None and not explicit.is_file():
        raise UsageError(f"{explicit}: no such configuration file")
    shown = project.display(path)
    if path.suffix == ".toml":
        data, locate = _read_toml(path, shown)
    else:
        data, locate = _read_yaml(path, shown)
    if data is None:
        return Config(path=shown)
    return _build(data, locate, shown)


def _read_yaml(path: Path, shown: str) -> tuple[dict[str, Any] | None, Locate]:
    try:
        doc = load_file(path)
    except LoadFailed as failure:
        if all(p.code == EMPTY_FILE for p in failure.problems):
            return None, _yaml_locator(Document(None), shown)  # only comments: the defaults
        raise ConfigError(
            [ConfigProblem(Location(shown, p.mark.line, p.mark.column), p.message) for p in failure.problems]
        ) from None
    if not isinstance(doc.data, dict):
        raise ConfigError([ConfigProblem(Location(shown, 1, 1), "the configuration must be a mapping")])
    return doc.data, _yaml_locator(doc, shown)


def _yaml_locator(doc: Document, shown: str) -> Locate:
    def locate(path: KeyPath, at_key: bool) -> Location:
        mark = doc.key_mark(path) if at_key else doc.mark(path)
        return Location(shown, mark.line, mark.column)

    return locate


def _read_toml(path: Path, shown: str) -> tuple[dict[str, Any] | None, Locate]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise ConfigError([ConfigProblem(Location(shown), f"cannot read file: {reason}")]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ConfigError([ConfigProblem(Location(shown, line, column), "invalid UTF-8")]) from None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([_toml_syntax_problem(exc, text, shown)]) from None
    tool = document.get("tool", {})
    table = tool.get("checker") if isinstance(tool, dict) else None
    if table is None:
        return None, _toml_locator(text, shown)
    if not isinstance(table, dict):
        where = _toml_locator(text, shown)((), False)
        raise ConfigError([ConfigProblem(where, "[tool.checker] must be a table")])
    return table, _toml_locator(text, shown)


_TOML_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TOML_AT_END = re.compile(r"\s*\(at end of document\)$")


def _toml_syntax_problem(exc: tomllib.TOMLDecodeError, text: str, shown: str) -> ConfigProblem:
    message = str(exc)
    line: int | None = getattr(exc, "lineno", None)  # Python 3.14 has them; 3.11 only says it in words
    column: int | None = getattr(exc, "colno", None)
    found = _TOML_AT.search(message)
    if found:
        line, column = int(found.group(1)), int(found.group(2))
        message = message[: found.start()]
    elif _TOML_AT_END.search(message):
        message = _TOML_AT_END.sub("", message)
        lines = text.split("\n")
        line, column = len(lines), len(lines[-1]) + 1
    where = Location(shown, line or 1, column or 1)
    return ConfigProblem(where, f"invalid TOML: {message[:1].lower()}{message[1:]}")


def _toml_locator(text: str, shown: str) -> Locate:
    """Best-effort places in a pyproject.toml: tomllib keeps no positions, so scan for headers."""
    lines = text.splitlines()

    def header(name: str, array: bool) -> list[int]:
        dotted = r"\s*\.\s*".join(re.escape(part) for part in name.split("."))
        pattern = rf"^\s*\[\[\s*{dotted}\s*\]\]" if array else rf"^\s*\[\s*{dotted}\s*\](?!\])"
        return [n for n, line in enumerate(lines, 1) if re.match(pattern, line)]

    def key_line(key: str, after: int) -> int | None:
        """The line of ``key = ...`` in the table that starts at line ``after``."""
        for n in range(after + 1, len(lines) + 1):
            line = lines[n - 1]
            if re.match(r"^\s*\[", line):
                return None
            if re.match(rf"^\s*\"?{re.escape(key)}\"?\s*=", line):
                return n
        return None

    def locate(path: KeyPath, at_key: bool) -> Location:
        table = next(iter(header("tool.checker", array=False)), None)
        best = table or 1
        if path and isinstance(path[0], str):
            section = path[0]
            items = header(f"tool.checker.{section}", array=True)
            if len(path) > 1 and isinstance(path[1], int) and path[1] < len(items):
                return Location(shown, items[path[1]])
            sub = header(f"tool.checker.{section}", array=False)
            if sub:
                best = sub[0]
                if len(path) > 1 and isinstance(path[1], str):
                    best = key_line(path[1], sub[0]) or best
            elif table:
                best = key_line(section, table) or best
        return Location(shown, best)

    return locate


def _build(data: dict[str, Any], locate: Locate, shown: str) -> Config:
    problems = list(_rule_problems(data, locate))  # on the raw data: reported with any schema error
    problems.extend(_glob_problems(data, locate))
    try:
        model = ConfigModel.model_validate(data)
    except ValidationError as exc:
        problems.extend(_schema_problem(err, data, locate) for err in exc.errors(include_url=False))
        model = None
    if problems or model is None:
        raise ConfigError(sorted(set(problems), key=lambda p: (p.location, p.message)))

    def codes(rules: Mapping[str, str]) -> Mapping[str, str]:
        return MappingProxyType({_rule(name).code: setting for name, setting in rules.items()})

    overrides = []
    for entry in model.per_path:
        globs = tuple(_normalise_glob(g) for g in entry.paths)
        pattern = re.compile("|".join(f"(?:{glob_to_regex(g)})" for g in globs))  # each checked above
        overrides.append(PathOverride(globs, codes(entry.rules), pattern))
    waivers = tuple(
        Waiver(
            reason=item.reason,
            location=locate(("waivers", index), False),
            fingerprint=item.fingerprint,
            rule=_rule(item.rule).code if item.rule is not None else None,
            claims=tuple(item.claims or ()),
            sources=tuple(item.sources or ()),
            by=item.by,
            expires=dt.date.fromisoformat(item.expires) if item.expires else None,
        )
        for index, item in enumerate(model.waivers)
    )
    return Config(
        path=shown,
        fail_on=model.fail_on,
        rules=codes(model.rules),
        per_path=tuple(overrides),
        waivers=waivers,
        repository_url=model.repository_url,
        options=model.options,
    )


def _rule(name: str) -> Rule:
    rule = find(name)
    assert rule is not None, "checked by _rule_problems"
    return rule


def _rule_problems(data: dict[str, Any], locate: Locate) -> Iterator[ConfigProblem]:
    """Unknown rule names (with a hint), one rule named twice, waivers of waiver findings."""
    choices = [r.code for r in RULES] + [r.name for r in RULES]

    def unknown(name: str, where: KeyPath, at_key: bool) -> ConfigProblem | None:
        if find(name) is not None:
            return None
        hint = did_you_mean(name, choices) or "; `checker rules` lists them"
        return ConfigProblem(locate(where, at_key), f"unknown rule {name!r}{hint}")

    def settings(rules: Any, where: KeyPath) -> Iterator[ConfigProblem]:
        if not isinstance(rules, dict):
            return
        named: dict[str, str] = {}
        for name, setting in rules.items():
            problem = unknown(name, (*where, name), True)
            if problem is not None:
                yield problem
                continue
            rule = _rule(name)
            code = rule.code
            if setting == OFF and rule.stage in {"load", "schema"}:
                message = (
                    f"{code} {rule.name} cannot be turned off: the files it reports are not checked at all,"
                    " so their claims would be skipped silently; give it another severity or waive findings"
                )
                yield ConfigProblem(locate((*where, name), True), message)
            if code in named:
                message = f"{name!r} and {named[code]!r} are the same rule; keep one"
                yield ConfigProblem(locate((*where, name), True), message)
            named[code] = name

    yield from settings(data.get("rules"), ("rules",))
    entries = data.get("per_path")
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        if isinstance(entry, dict):
            yield from settings(entry.get("rules"), ("per_path", index, "rules"))
    items = data.get("waivers")
    for index, item in enumerate(items if isinstance(items, list) else []):
        name = item.get("rule") if isinstance(item, dict) else None
        if not isinstance(name, str):
            continue
        where = ("waivers", index, "rule")
        problem = unknown(name, where, False)
        if problem is not None:
            yield problem
        elif _rule(name).stage == "waiver":
            message = (
                f"{_rule(name).code} findings are about waivers and cannot be waived; turn it off in rules"
            )
            yield ConfigProblem(locate(where, False), message)


def _glob_problems(data: dict[str, Any], locate: Locate) -> Iterator[ConfigProblem]:
    """Path patterns that cannot be compiled (``[z-a]``), each at its place in the file."""
    entries = data.get("per_path")
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        globs = entry.get("paths") if isinstance(entry, dict) else None
        for number, glob in enumerate(globs if isinstance(globs, list) else []):
            if not isinstance(glob, str) or not glob.strip():
                continue  # the schema reports these
            reason = glob_error(glob)
            if reason is not None:
                where = locate(("per_path", index, "paths", number), False)
                message = f"per_path[{index}].paths[{number}]: {glob!r} is not a valid path pattern: {reason}"
                yield ConfigProblem(where, message)


# -- schema errors, located and worded for editors ----------------------------------------

_EXPECTED = {
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "string_type": "a string",
    "bool_type": "true or false",
    "int_type": "a whole number",
}


def _schema_problem(err: Any, data: dict[str, Any], locate: Locate) -> ConfigProblem:
    loc: tuple[str | int, ...] = tuple(err.get("loc", ()))
    kind = err.get("type", "")
    value = err.get("input")
    if kind == "extra_forbidden":
        parent, key = data_path(data, loc[:-1]), str(loc[-1])
        allowed = sorted(_fields_at(loc[:-1]))
        hint = did_you_mean(key, allowed)
        where = path_name(parent, ROOT_NAME)
        message = f"unknown key {key!r} in {where}{hint}; allowed: {', '.join(allowed)}"
        return ConfigProblem(locate((*parent, key), True), message)
    path = data_path(data, loc)
    where = path_name(path, ROOT_NAME)
    if kind == "missing":
        message = f"{where} is missing required key {loc[-1]!r}"
    elif kind == "literal_error":
        options = re.findall(r"'([^']*)'", str(err.get("ctx", {}).get("expected", "")))
        hint = did_you_mean(str(value), options) if isinstance(value, str) else ""
        message = f"{path_name(loc, ROOT_NAME)}: {_show(value)} is not one of {', '.join(options)}{hint}"
    elif kind in _EXPECTED:
        message = f"{path_name(loc, ROOT_NAME)} must be {_EXPECTED[kind]}, not {json_kind(value)}"
        if kind == "string_type" and isinstance(value, int | float | bool):
            message += "; put it in quotes"
    elif kind == "too_short":
        message = f"{where} must not be empty"
    elif kind == "value_error":
        reason = str(err.get("msg", "")).removeprefix("Value error, ")
        message = f"{where} {reason}" if reason.startswith("must ") else f"{where}: {reason}"
    else:
        message = f"{where}: {err.get('msg', 'invalid value')}"
    return ConfigProblem(locate(path, False), message)


def _fields_at(loc: tuple[str | int, ...]) -> set[str]:
    """The keys allowed in the mapping at ``loc`` of the configuration."""
    node: Any = ConfigModel
    for part in loc:
        node = _unwrap(node)
        if isinstance(node, type) and issubclass(node, BaseModel) and isinstance(part, str):
            by_alias = {info.alias or name: info for name, info in node.model_fields.items()}
            node = by_alias[part].annotation
        elif typing.get_origin(node) is list:
            node = typing.get_args(node)[0]
        elif typing.get_origin(node) is dict:
            node = typing.get_args(node)[1]
    node = _unwrap(node)
    if isinstance(node, type) and issubclass(node, BaseModel):
        return {info.alias or name for name, info in node.model_fields.items()}
    return set()


def _unwrap(node: Any) -> Any:
    """``X | None`` -> ``X``."""
    if isinstance(node, UnionType) or typing.get_origin(node) is typing.Union:
        options = [a for a in typing.get_args(node) if a is not type(None)]
        return options[0] if len(options) == 1 else node
    return node


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)


# -- globs ---------------------------------------------------------------------------


def _normalise_glob(glob: str) -> str:
    glob = glob.strip()
    while glob.startswith("./"):
        glob = glob[2:]
    return glob + "**" if glob.endswith("/") else glob


def glob_error(glob: str) -> str | None:
    """Why ``glob`` cannot be used as a path pattern (a bad ``[z-a]`` range), or None when it can."""
    try:
        re.compile(glob_to_regex(_normalise_glob(glob)))
    except re.error as exc:
        return str(exc.msg)  # without "at position N": that is a position in the regex, not the glob
    return None


def glob_to_regex(glob: str) -> str:
    """A regular expression (for ``fullmatch``) equivalent to a path glob.

    ``*`` and ``?`` match within one path segment, ``[abc]``/``[!abc]`` one
    character of a segment; ``**`` as a whole segment matches any number of
    segments: ``claims/**`` everything under claims/, ``**/x.yaml`` x.yaml in
    any folder, ``a/**/b`` a/b, a/x/b, a/x/y/b. A ``**`` inside a segment is
    a ``*``. The glob matches the whole repo-relative POSIX path.
    """
    parts = glob.split("/")
    out: list[str] = []
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        if part == "**":
            out.append(".*" if last else "(?:[^/]+/)*")
        else:
            out.append(_segment(part) + ("" if last else "/"))
    return "".join(out)


def _segment(part: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(part):
        char = part[i]
        if char == "*":
            while i + 1 < len(part) and part[i + 1] == "*":
                i += 1
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            end = part.find("]", i + 2 if part[i + 1 : i + 2] in ("!", "]") else i + 1)
            if end == -1:
                out.append(re.escape(char))
            else:
                body = part[i + 1 : end]
                negate = body.startswith("!")
                body = body[1:] if negate else body
                escaped = "".join("-" if c == "-" else re.escape(c) for c in body)
                out.append(f"[^/{escaped}]" if negate else f"[{escaped}]")
                i = end
        else:
            out.append(re.escape(char))
        i += 1
    return "".join(out)


# -- command-line selectors ----------------------------------------------------------


def parse_selectors(text: str) -> frozenset[str]:
    """Rule codes named by ``--select``/``--ignore``: codes, names or code prefixes, comma-separated."""
    codes: set[str] = set()
    for token in (t.strip() for t in text.split(",")):
        if not token:
            continue
        codes.update(r.code for r in select_rules(token))
    if not codes:
        raise ValueError("name at least one rule code, name or code prefix")
    return frozenset(codes)


def select_rules(token: str) -> Iterator[Rule]:
    """The rules one selector names; raises ValueError with a hint for an unknown one."""
    exact = find(token)
    if exact is not None:
        yield exact
        return
    prefixed = [r for r in RULES if r.code.startswith(token.upper())]
    if not prefixed or not token[:1].isalpha():
        choices = [r.code for r in RULES] + [r.name for r in RULES]
        raise ValueError(f"unknown rule or code prefix {token!r}{did_you_mean(token, choices)}")
    yield from prefixed
