"""JSON Schemas generated from the models, and validation located at line:col.

Validation runs in two steps: jsonschema first, for structural errors an
editor can fix at one node (unknown key, wrong type, bad date pattern), then
the pydantic models for what a schema cannot say (a range whose minimum
exceeds its maximum, 2021-02-30). Both report at the offending node, and
say what they are about without a line (key path and the failed keyword), so
that findings made from them keep their fingerprints when text moves. A file
reports at most :data:`MAX_PROBLEMS` problems and then one that counts the
rest: past that, more of them help nobody and cost time in every report.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import Any, cast

import jsonschema_rs
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match
from pydantic import ValidationError as PydanticError

from checker.loader import Document, KeyPath, Mark, stable_key_paths
from checker.models import DOCUMENT_MODELS, UNION_TAGS, StrictModel
from checker.suggest import did_you_mean

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID_BASE = "https://claimcheck.invalid/schemas/"

# Errors that say a whole branch of a union does not fit, rather than one value in it.
_MISFIT_VALIDATORS = frozenset({"type", "additionalProperties", "required"})

SCHEMA_CODE = "S001"
MODEL_CODE = "S002"

MAX_PROBLEMS = 100  # per file; then one problem counts the rest


@dataclass(frozen=True)
class SchemaProblem:
    """One place where a document does not fit its schema.

    ``message`` and ``mark`` are for the editor (the message names list
    indexes, and could quote anything). ``key_path`` (see
    :func:`checker.loader.stable_key_paths`) and ``detail`` (the schema
    keyword or model error type that failed, and a missing key's name) say
    what the problem is about without any line or index, for fingerprints.
    """

    code: str
    message: str
    mark: Mark
    path: KeyPath
    detail: tuple[str, ...] = ()
    key_path: tuple[str, ...] = ()


@cache
def generate(kind: str) -> dict[str, Any]:
    """The JSON Schema of one document kind, as written to schemas/<kind>.schema.json."""
    model = DOCUMENT_MODELS[kind]
    body = model.model_json_schema(mode="validation")
    return {"$schema": SCHEMA_DIALECT, "$id": f"{SCHEMA_ID_BASE}{kind}.schema.json", **body}


def render(kind: str) -> str:
    """The schema file's exact text: sorted keys, two-space indent, final newline."""
    return json.dumps(generate(kind), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@cache
def _validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator(generate(kind))


def validate(kind: str, doc: Document) -> tuple[StrictModel | None, list[SchemaProblem]]:
    """Validate a loaded document; return the model (when valid) and the problems.

    Past :data:`MAX_PROBLEMS`, the first ones are returned and one more, at
    the next problem's place, counts the rest.
    """
    problems = sorted(_schema_problems(kind, doc), key=lambda p: (p.mark, p.message))
    if problems:
        return None, _located(doc, _capped(problems))
    try:
        return DOCUMENT_MODELS[kind].model_validate(doc.data), []
    except PydanticError as exc:
        model_problems = [_model_problem(doc, err) for err in exc.errors(include_url=False)]
        return None, _located(doc, _capped(model_problems))


def _capped(problems: list[SchemaProblem]) -> list[SchemaProblem]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = len(problems) - MAX_PROBLEMS
    first_left_out = problems[MAX_PROBLEMS]
    count = SchemaProblem(
        first_left_out.code,
        f"and {rest} more schema {'problem' if rest == 1 else 'problems'} in this file",
        first_left_out.mark,
        (),
        detail=("more problems",),  # not the number: fixing one of them keeps the fingerprint
    )
    return [*problems[:MAX_PROBLEMS], count]


def _located(doc: Document, problems: list[SchemaProblem]) -> list[SchemaProblem]:
    """The problems with their stable key paths, named in one pass that shares the id counts."""
    paths = stable_key_paths(doc.data, [p.path for p in problems])
    return [replace(problem, key_path=path) for problem, path in zip(problems, paths, strict=True)]


@cache
def _fast_check(kind: str) -> Callable[[Any], bool]:
    """jsonschema-rs's yes/no answer (~100x faster); jsonschema explains only the files that fail."""
    return cast("Callable[[Any], bool]", jsonschema_rs.validator_for(generate(kind)).is_valid)


def _schema_problems(kind: str, doc: Document) -> Iterator[SchemaProblem]:
    try:
        if _fast_check(kind)(doc.data):
            return
    except UnicodeEncodeError:
        pass  # jsonschema-rs cannot read a lone surrogate (a YAML "\uD800" escape); jsonschema can
    for error in _validator(kind).iter_errors(doc.data):
        yield from _describe(_narrow(error), doc)


def _narrow(error: ValidationError) -> ValidationError:
    """Descend anyOf/oneOf to the branch the editor most likely meant.

    A branch that fails only deep inside (a bad amount in a quantity) is a
    better guess than one whose keys or type do not fit at all.
    """
    while error.context:
        branches: dict[Any, list[ValidationError]] = {}
        for sub in error.context:
            branches.setdefault(sub.relative_schema_path[0], []).append(sub)

        def misfit(
            errors: list[ValidationError], base: int = len(error.absolute_path)
        ) -> tuple[int, int, int]:
            top = [e for e in errors if len(e.absolute_path) == base]
            wrong_type = sum(1 for e in top if e.validator == "type")  # a mapping is not a date string
            shallow = sum(1 for e in top if e.validator in _MISFIT_VALIDATORS)
            return (wrong_type, shallow, len(errors))

        chosen = min(branches.values(), key=misfit)
        narrowed = best_match(chosen)
        if narrowed is None or narrowed is error:
            break
        error = narrowed
    return error


def _describe(error: ValidationError, doc: Document) -> Iterator[SchemaProblem]:
    path: KeyPath = tuple(error.absolute_path)
    where = path_name(path)
    instance = error.instance
    keyword = str(error.validator)
    if error.validator == "additionalProperties" and isinstance(instance, dict):
        allowed = sorted(error.schema.get("properties", {}))
        for key in sorted(k for k in instance if k not in allowed):
            hint = did_you_mean(key, allowed)
            message = f"unknown key {key!r} in {where}{hint}; allowed: {', '.join(allowed)}"
            key_path = (*path, key)
            yield SchemaProblem(SCHEMA_CODE, message, doc.key_mark(key_path), key_path, (keyword,))
        return
    if "propertyNames" in error.absolute_schema_path and isinstance(instance, str):
        rule = "keys are lowercase identifiers (a-z, 0-9, '.', '_', '-')"
        message = f"{where}: key {instance!r} is not valid; {rule}"
        key_path = (*path, instance)
        yield SchemaProblem(SCHEMA_CODE, message, doc.key_mark(key_path), key_path, ("propertyNames",))
        return
    if error.validator == "required":
        missing = str(error.message).split("'")[1] if "'" in error.message else str(error.validator_value)
        message = f"{where} is missing required key {missing!r}"
        yield SchemaProblem(SCHEMA_CODE, message, doc.mark(path), path, (keyword, missing))
        return
    if error.validator == "type":
        expected = error.validator_value
        expected_text = " or ".join(expected) if isinstance(expected, list) else str(expected)
        message = f"{where} must be {_article(expected_text)}, not {json_kind(instance)}"
        if expected == "string" and isinstance(instance, int | float | bool):
            message += "; put it in quotes to keep it as written"
    elif error.validator == "enum":
        options = [str(o) for o in error.validator_value]
        hint = did_you_mean(str(instance), options)
        message = f"{where}: {instance!r} is not one of {', '.join(options)}{hint}"
    elif error.validator == "pattern":
        description = error.schema.get("description") or f"it must match {error.validator_value}"
        message = f"{where}: {instance!r} is not valid. {description}"
    elif error.validator in {"minimum", "maximum"} and isinstance(instance, int | float):
        bound = error.validator_value
        side = "at least" if error.validator == "minimum" else "at most"
        message = f"{where}: {instance:g} is out of range; it must be {side} {bound:g}"
    elif error.validator == "minLength":
        message = f"{where} must not be empty"
    elif error.validator == "maxLength":
        message = f"{where} is longer than {error.validator_value} characters"
    elif error.validator in {"minItems", "maxItems"}:
        message = f"{where}: {error.message}"
    elif error.validator in {"oneOf", "not"} and isinstance(instance, dict) and "unit" in instance:
        message = f"{where}: a quantity needs either 'amount' or a 'min'/'max' range, not both or neither"
    else:
        message = f"{where}: {error.message}"
    yield SchemaProblem(SCHEMA_CODE, message, doc.mark(path), path, (keyword,))


def _model_problem(doc: Document, err: Any) -> SchemaProblem:
    path = data_path(doc.data, tuple(err.get("loc", ())))
    message = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
    detail = (str(err.get("type", "invalid")),)  # pydantic's error type: a fixed identifier
    return SchemaProblem(MODEL_CODE, f"{path_name(path)}: {message}", doc.mark(path), path, detail)


def data_path(data: Any, loc: tuple[Any, ...]) -> KeyPath:
    """Keep the parts of a pydantic error location that exist in the data (drops union tags).

    A tag can also be a key of the node it tags (``{weekday: tuesday, date:
    ...}`` is tagged "weekday"), so each part that is also a key is tried both
    ways: the reading that follows more of the location into the data wins,
    and on a tie the part was the tag (a tag comes right before its node's keys). Only a tag
    name can be skipped: ``as_of`` in ``(as_of, date)`` is the field, ``date`` its tag.
    """

    def follow(node: Any, rest: tuple[Any, ...]) -> tuple[str | int, ...]:
        for i, part in enumerate(rest):
            in_mapping = isinstance(node, dict) and part in node
            in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
            if in_mapping or in_list:
                taken = (part, *follow(node[part], rest[i + 1 :]))
                if part not in UNION_TAGS:
                    return taken
                skipped = follow(node, rest[i + 1 :])
                return skipped if len(skipped) >= len(taken) else taken
        return ()

    return follow(data, loc)


def path_name(path: KeyPath, root: str = "the document") -> str:
    """A readable name for a key path: ``claims[2].value.amount``; ``root`` for the empty path."""
    if not path:
        return root
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def json_kind(value: Any) -> str:
    """What a loaded value is, in an editor's words: "a string", "a list", "a mapping"."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"a {type(value).__name__}"


def _article(type_name: str) -> str:
    names = {"object": "a mapping", "array": "a list", "string": "a string", "number": "a number"}
    return names.get(type_name, f"{type_name}")
