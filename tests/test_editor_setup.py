"""README's editor set-up maps each kind of file to its own schema, and never the claim schema to a catalogue.

The ``yaml.schemas`` mapping is matched here as yaml-language-server
matches it: each pattern gets ``**/`` in front (a leading ``/`` dropped),
``**/`` spans any number of folders, and a pattern starting with ``!``
excludes what the patterns before it took in (the last matching pattern
decides).
"""

from __future__ import annotations

import json
import posixpath
import re
from typing import Any

import pytest

from checker import repo_schemas, scaffold
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
SECTION = README.split("## Editor set-up", 1)[1].split("\n## ", 1)[0]
KIND_OF = {
    "claims/entities.yaml": "entities-file",
    "claims/properties.yaml": "properties-file",
    "checker.yaml": "config-file",
    "claims/gazette-verdict.yaml": "claim-file",
    "claims/2024/03/gazette-verdict.yaml": "claim-file",
    "claims/courier.yml": "claim-file",
}


def glob_regex(pattern: str) -> re.Pattern[str]:
    out = ""
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out, i = out + "(?:[^/]*/)*", i + 3
        elif pattern[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif pattern[i] == "?":
            out, i = out + "[^/]", i + 1
        else:
            out, i = out + re.escape(pattern[i]), i + 1
    return re.compile(out)


def matches(patterns: list[str], path: str) -> bool:
    matched = False
    for pattern in patterns:
        include = not pattern.startswith("!")
        body = pattern.removeprefix("!").removeprefix("/")
        if glob_regex("**/" + body).fullmatch(path):
            matched = include
    return matched


def mapping() -> dict[str, list[str]]:
    blocks = re.findall(r"^```json\n(.*?)^```$", SECTION, re.MULTILINE | re.DOTALL)
    (settings,) = [json.loads(block) for block in blocks if "yaml.schemas" in block]
    schemas: dict[str, Any] = settings["yaml.schemas"]
    return {uri: patterns if isinstance(patterns, list) else [patterns] for uri, patterns in schemas.items()}


def test_the_matcher_follows_the_server() -> None:
    assert matches(["claims/*.yaml"], "claims/entities.yaml")
    assert matches(["claims/**/*.yaml"], "claims/a.yaml") and matches(
        ["claims/**/*.yaml"], "x/claims/b/a.yaml"
    )
    assert not matches(["claims/*.yaml", "!claims/entities.yaml"], "claims/entities.yaml")
    assert not matches(["claims/*.yaml"], "claims/a.yml")


@pytest.mark.parametrize(("path", "kind"), sorted(KIND_OF.items()))
def test_each_file_gets_its_own_schema_only(path: str, kind: str) -> None:
    mapped = [uri for uri, patterns in mapping().items() if matches(patterns, path)]
    assert mapped == [f".checker/schemas/{kind}.schema.json"]


def test_the_mapping_names_the_schemas_schema_repo_writes() -> None:
    written = set(repo_schemas.for_repository(None, None))
    assert {posixpath.basename(uri) for uri in mapping()} == written
    assert all(uri.startswith(".checker/schemas/") for uri in mapping())


def test_the_modelines_name_the_schema_of_their_file() -> None:
    blocks = re.findall(r"^```yaml\n(.*?)^```$", SECTION, re.MULTILINE | re.DOTALL)
    seen = set()
    for block in blocks:
        found = re.search(r"^# yaml-language-server: \$schema=(\S+)$", block, re.MULTILINE)
        if found is None:
            continue
        first = block.splitlines()[0]
        path = (
            first.removeprefix("# ") if first.startswith("# claims/") or first == "# checker.yaml" else None
        )
        path = path or "claims/gazette-verdict.yaml"  # the claim file example names no file
        target = posixpath.normpath(posixpath.join(posixpath.dirname(path), found.group(1)))
        assert target == f".checker/schemas/{KIND_OF[path]}.schema.json", block
        seen.add(KIND_OF[path])
    assert seen == {"claim-file", "entities-file", "properties-file", "config-file"}


@pytest.mark.parametrize("target", ["claims/entities.yaml", "claims/properties.yaml", "checker.yaml"])
def test_init_files_name_their_own_schema(target: str) -> None:
    text = scaffold.rendered()[target]
    (url,) = re.findall(r"^# yaml-language-server: \$schema=(\S+)$", text, re.MULTILINE)
    assert url.endswith(f"/{KIND_OF[target]}.schema.json")
