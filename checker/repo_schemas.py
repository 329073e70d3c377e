"""``checker schema``: the published JSON Schemas, and with ``--repo`` one repository's own.

The published schemas (``schemas/``) say what any claims repository may
write. ``checker schema --repo`` adds what *this* repository's catalogues
know, so that the YAML editor offers it while someone types: property ids
and units (claims/properties.yaml and the built-in units), entity names and
aliases, and event ids (claims/entities.yaml), entity ids in judgements,
dimensions in the property catalogue, and rule codes and names in
checker.yaml.

The shape, and why. yaml-language-server (the YAML extension of VS Code and
other editors) collects value completions from a field's ``enum``,
``const``, ``default``, ``examples`` and ``defaultSnippets``, and descends
into ``anyOf``/``oneOf``/``allOf`` to collect them from every branch
(``addSchemaValueCompletions`` in its yamlCompletion.ts). An ``enum`` alone
would make every name not yet catalogued an error in the editor, where the
checker accepts it and reports it itself (R001, R002, R003, R008) — a new
entity name is the normal case, not a mistake. So each such field becomes
``anyOf: [{enum: [the catalogue's values]}, {the published field's own
constraints}]``: completion offers the enum (each value with a line of
documentation, ``enumDescriptions``), and validation passes whenever either
branch does (the server keeps the branch without problems). ``oneOf`` would
be wrong: a catalogued name fits both branches, which oneOf reports as
"matches multiple schemas". ``examples`` could carry the values too, but
carry no per-value documentation, and jsonschema and other editors ignore
``enumDescriptions``, so nothing else changes. tests/test_editor_lsp.py
tries it in the server itself (and yaml-language-server 1.15 and 2.0 behaved
the same when this was written).

Where it goes. The repository schema is derived data and goes stale with
every catalogue change, so it is written to ``.checker/schemas/`` at the
project root, which ``checker init`` puts in .gitignore: each editor makes
it (again) with ``checker schema --repo``, nothing stale is committed, and
no merge conflicts arise over generated text. A stale copy is harmless:
it offers fewer names, and rejects nothing the checker accepts.
``--check`` says whether it is up to date. The output is deterministic:
values sorted, keys sorted, the same bytes for the same catalogues.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from checker import config, schemas, units
from checker.engine import load_corpus
from checker.models import DOCUMENT_MODELS, EntitiesFile, PropertiesFile
from checker.project import Project, UsageError, find_project
from checker.reporters import json_report
from checker.rules import RULES

EXIT_CLEAN = 0
EXIT_STALE = 1  # --check: a schema is out of date (problems are UsageErrors: exit 2)

PUBLISHED_FOLDER = Path("schemas")
#: Where ``--repo`` writes, relative to the project root: git-ignored (see the module docstring).
REPO_FOLDER = Path(".checker") / "schemas"
REPO_ID_BASE = f"{schemas.SCHEMA_ID_BASE}repository/"
#: How many catalogue values a field lists as its ``examples`` (its enum offers all of them).
EXAMPLES = 3


def published() -> dict[str, str]:
    """Every schema file ``checker schema`` writes, by file name: the documents, checker.yaml, the report."""
    texts = {f"{kind}.schema.json": schemas.render(kind) for kind in sorted(DOCUMENT_MODELS)}
    texts[f"{config.SCHEMA_KIND}.schema.json"] = _dumps(config.schema())
    texts["report.schema.json"] = json_report.render_schema()
    return texts


def _dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


# -- what the catalogues offer ---------------------------------------------------------

#: Offered values of one field: value -> the line of documentation shown beside it.
Offer = dict[str, str]


def _add(offer: Offer, value: str, text: str) -> None:
    """Offer ``value``; a value two entries share gets both lines (an ambiguous alias)."""
    offer[value] = f"{offer[value]}; {text}" if value in offer and text not in offer[value] else text


def entity_names(entities: EntitiesFile | None) -> Offer:
    """Every entity's name and aliases, each saying what it names."""
    offer: Offer = {}
    for entity in entities.entities if entities else []:
        _add(offer, entity.name, f"{entity.type}, id {entity.id}")
        for alias in entity.aliases:
            _add(offer, alias, f"alias of {entity.name}, {entity.type}, id {entity.id}")
    return offer


def entity_ids(entities: EntitiesFile | None) -> Offer:
    return {e.id: f"{e.name} ({e.type})" for e in (entities.entities if entities else [])}


def event_ids(entities: EntitiesFile | None) -> Offer:
    offer: Offer = {}
    for event in entities.events if entities else []:
        when = ", ".join(part for part in (event.date, event.place) if part)
        offer[event.id] = f"{event.name} ({when})" if when else event.name
    return offer


def property_ids(properties: PropertiesFile | None) -> Offer:
    offer: Offer = {}
    for prop in properties.properties if properties else []:
        kind = f"{prop.kind}, {prop.dimension}" if prop.dimension else str(prop.kind)
        offer[prop.id] = f"{prop.label} ({kind})" + (f": {prop.description}" if prop.description else "")
    return offer


def unit_names(properties: PropertiesFile | None) -> Offer:
    """The built-in units and their other spellings, and the units the catalogue adds."""
    offer: Offer = {name: unit.dimension for name, unit in units.UNITS.items()}
    for spelling, name in units.spellings().items():
        offer.setdefault(spelling, f"{units.UNITS[name].dimension} (same as {name})")
    for added in properties.units if properties else []:
        offer.setdefault(added.name, f"{added.dimension} (claims/properties.yaml)")
    return offer


def dimensions(properties: PropertiesFile | None) -> Offer:
    # reversed: the first unit of each dimension names it (day for duration, not second)
    offer: Offer = {unit.dimension: f"e.g. {name}" for name, unit in reversed(units.UNITS.items())}
    offer[units.MONEY] = "an amount in any currency (usd, eur, kzt, ...)"
    for added in properties.units if properties else []:
        offer.setdefault(added.dimension, f"e.g. {added.name} (claims/properties.yaml)")
    return offer


# -- the repository's schemas ------------------------------------------------------------


def offering(field: dict[str, Any], offer: Offer, whence: str) -> dict[str, Any]:
    """``field`` with ``offer`` as completions, still accepting everything ``field`` accepts.

    The field's documentation stays at the top; its constraints become the
    second branch of an ``anyOf`` whose first branch is the enum (see the
    module docstring). A field that is already an ``anyOf`` (optional: a
    string or null) gets the enum as one more branch.
    """
    if not offer:
        return field
    values = sorted(offer, key=lambda v: (v.casefold(), v))
    choices = {"enum": values, "enumDescriptions": [offer[v] for v in values]}
    documented = {k: v for k, v in field.items() if k in {"title", "description", "examples", "default"}}
    rest = {k: v for k, v in field.items() if k not in documented}
    branches = rest.pop("anyOf") if set(rest) == {"anyOf"} else [rest]
    description = field.get("description", "")
    documented["description"] = f"{description} Offered: {whence}; other values are accepted too.".strip()
    documented["examples"] = values[:EXAMPLES]
    return {**documented, "anyOf": [choices, *branches]}


def _properties(schema: dict[str, Any], model: str) -> dict[str, Any]:
    """The fields of ``model`` in ``schema`` (its top level when ``model`` is empty)."""
    fields: dict[str, Any] = schema["$defs"][model]["properties"] if model else schema["properties"]
    return fields


def _offer(schema: dict[str, Any], model: str, field: str, offer: Offer, whence: str) -> None:
    fields = _properties(schema, model)
    fields[field] = offering(fields[field], offer, whence)


def _offer_items(schema: dict[str, Any], model: str, field: str, offer: Offer, whence: str) -> None:
    array = _properties(schema, model)[field]
    array["items"] = offering(array["items"], offer, whence)


def claim_file(entities: EntitiesFile | None, properties: PropertiesFile | None) -> dict[str, Any]:
    schema = copy.deepcopy(schemas.generate("claim-file"))
    names = entity_names(entities)
    _offer(
        schema, "Claim", "subject", names, "the names and aliases in claims/entities.yaml (R001 otherwise)"
    )
    _offer(schema, "EntityValue", "entity", names, "the names and aliases in claims/entities.yaml")
    _offer(schema, "Claim", "property", property_ids(properties), "the ids in claims/properties.yaml")
    _offer(schema, "Claim", "event", event_ids(entities), "the events in claims/entities.yaml")
    _offer(schema, "QuantityValue", "unit", unit_names(properties), "the built-in units and the catalogue's")
    return schema


def entities_file(entities: EntitiesFile | None, properties: PropertiesFile | None) -> dict[str, Any]:
    schema = copy.deepcopy(schemas.generate("entities-file"))
    _offer_items(schema, "Judgement", "entities", entity_ids(entities), "the entity ids in this file")
    return schema


def properties_file(entities: EntitiesFile | None, properties: PropertiesFile | None) -> dict[str, Any]:
    schema = copy.deepcopy(schemas.generate("properties-file"))
    known = dimensions(properties)
    _offer(schema, "Property", "dimension", known, "the dimensions of the known units")
    _offer(schema, "UnitDefinition", "dimension", known, "the dimensions of the known units")
    return schema


def config_file(entities: EntitiesFile | None, properties: PropertiesFile | None) -> dict[str, Any]:
    """checker.yaml, with every rule's code and name offered as a key of ``rules``."""
    schema = copy.deepcopy(config.schema())
    for rules in (_properties(schema, "")["rules"], _properties(schema, "PerPathModel")["rules"]):
        setting = rules["additionalProperties"]
        keys: dict[str, Any] = {}
        for rule in RULES:
            off = "" if rule.enabled else "; off unless given a severity"
            about = f"{rule.code} {rule.name}: {rule.summary} (default: {rule.severity}{off})"
            for key in (rule.code, rule.name):
                keys[key] = {**setting, "description": about, "examples": ["warning", "off"]}
        rules["properties"] = keys
    return schema


_BUILDERS: dict[str, Callable[[EntitiesFile | None, PropertiesFile | None], dict[str, Any]]] = {
    "claim-file": claim_file,
    "config-file": config_file,
    "entities-file": entities_file,
    "properties-file": properties_file,
}


def for_repository(entities: EntitiesFile | None, properties: PropertiesFile | None) -> dict[str, str]:
    """The repository's schema files, by file name, from its catalogues (None: no such catalogue)."""
    texts = {}
    for kind, build in sorted(_BUILDERS.items()):
        schema = build(entities, properties)
        schema["$id"] = f"{REPO_ID_BASE}{kind}.schema.json"
        texts[f"{kind}.schema.json"] = _dumps(schema)
    return texts


def catalogues(project: Project) -> tuple[EntitiesFile | None, PropertiesFile | None]:
    """The project's catalogues; a catalogue that cannot be read is a usage error naming each problem."""
    present = [path for path in (project.entities_path, project.properties_path) if path.is_file()]
    if not present:
        return None, None
    # Naming a catalogue selects no claim file: only the catalogues are loaded, however large the archive.
    corpus, problems = load_corpus(present[:1], project)
    if problems:
        where = "\n".join(f"{p.location}: {p.code} {p.severity} {p.message}" for p in problems)
        raise UsageError(f"the catalogues cannot be read, so no repository schema was written:\n{where}")
    entities = corpus.entities_file.model if corpus.entities_file else None
    properties = corpus.properties_file.model if corpus.properties_file else None
    return entities, properties


# -- the command -----------------------------------------------------------------------


def command(args: argparse.Namespace) -> int:
    """Write (or with ``--check``, compare) the published schemas, or with ``--repo`` the repository's."""
    if args.repo:
        project = find_project([])
        out: Path = args.output_dir or Path(os.path.relpath(project.root / REPO_FOLDER))
        texts = for_repository(*catalogues(project))
        hint = "run `checker schema --repo`"
    else:
        out = args.output_dir if args.output_dir is not None else PUBLISHED_FOLDER
        texts = published()
        hint = "run `checker schema`"
    stale = _write(out, texts, check=args.check)
    for target in stale:
        print(f"{target.as_posix()}: out of date; {hint}", file=sys.stderr)
    return EXIT_STALE if stale else EXIT_CLEAN


def _write(out: Path, texts: dict[str, str], *, check: bool) -> list[Path]:
    """Write the files that differ (none with ``check``); return those that were out of date."""
    if out.exists() and not out.is_dir():
        raise UsageError(f"-o {out}: is a file; name the folder the schemas go to")
    stale = []
    for name, text in texts.items():
        target = out / name
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current == text:
            continue
        if check:
            stale.append(target)
            continue
        out.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {target.as_posix()}")
    return stale
