"""The editor set-up tried as an editor would: yaml-language-server on a copy of the example repository.

The README's ``yaml.schemas`` mapping and ``checker schema --repo`` give:
completions of the repository's entity names, property ids, units and rule
codes; no error on a claim naming things not yet catalogued; no error on
the two catalogues (the mapping leaves them out of the claim schema). And,
to show that the test can tell, a mapping without the ``!`` patterns does
flag the catalogues.

The server comes from the npm registry (tests/install-yaml-language-server.sh,
which .ci/run calls). Without it the tests skip, except under CI where
Node.js is installed: there they fail, so CI cannot skip them silently.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from checker import repo_schemas
from checker.project import find_project
from tests.conftest import example_copy
from tests.lsp import Client, server_command
from tests.test_editor_setup import mapping

SEED_FILE = "claims/rferl-kunbolatuly-10-days.yaml"
CATALOGUES = ("claims/entities.yaml", "claims/properties.yaml")


def _command() -> list[str]:
    command = server_command()
    if command is None:
        if os.environ.get("CI") and shutil.which("node"):
            pytest.fail("yaml-language-server is missing under CI: tests/install-yaml-language-server.sh")
        pytest.skip("yaml-language-server is not installed (run tests/install-yaml-language-server.sh)")
    return command


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the example repository with its repository schemas in .checker/schemas/."""
    root = example_copy(tmp_path_factory.mktemp("editor"))
    texts = repo_schemas.for_repository(*repo_schemas.catalogues(find_project([root / "claims"])))
    folder = root / repo_schemas.REPO_FOLDER
    folder.mkdir(parents=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return root


def _client(workspace: Path, schemas: dict[str, list[str]]) -> Iterator[Client]:
    client = Client(
        _command(), workspace, {"yaml": {"validate": True, "completion": True, "schemas": schemas}}
    )
    try:
        yield client
    finally:
        client.close()


@pytest.fixture(scope="module")
def editor(workspace: Path) -> Iterator[Client]:
    """The server with the README's mapping."""
    yield from _client(workspace, mapping())


def _labels(items: list[dict[str, Any]]) -> set[str]:
    return {str(item["label"]).strip('"') for item in items}


def test_a_claim_with_new_names_shows_no_error(editor: Client, workspace: Path) -> None:
    text = (workspace / SEED_FILE).read_text(encoding="utf-8") + (
        "\n  - id: typed\n"
        '    subject: "Someone Nobody Catalogued"\n'
        "    property: a-new-property\n"
        "    value: {amount: 3, unit: protesters}\n"
        '    quote: "three"\n'
    )
    assert editor.diagnostics_of(editor.open(SEED_FILE, text)) == []


def test_a_real_mistake_is_still_shown(editor: Client, workspace: Path) -> None:
    text = (
        (workspace / SEED_FILE)
        .read_text(encoding="utf-8")
        .replace("unit: day}", "unit: day, approx: roughly}", 1)
    )
    messages = [d["message"] for d in editor.diagnostics_of(editor.open("claims/mistake.yaml", text))]
    assert any("roughly" in m or "Value is not accepted" in m for m in messages), messages


@pytest.mark.parametrize("catalogue", CATALOGUES)
def test_the_catalogues_show_no_error(editor: Client, workspace: Path, catalogue: str) -> None:
    assert (
        editor.diagnostics_of(editor.open(catalogue, (workspace / catalogue).read_text(encoding="utf-8")))
        == []
    )


def test_names_ids_and_units_are_completed(editor: Client, workspace: Path) -> None:
    text = (workspace / SEED_FILE).read_text(encoding="utf-8") + (
        "\n  - id: typing\n    subject: \n    property: \n    value: {amount: 3, unit: }\n"
    )
    uri = editor.open("claims/typing.yaml", text)
    lines = text.splitlines()
    subject = lines.index("    subject: ")
    names = editor.completions(uri, subject, len(lines[subject]))
    assert {"Baibolat Kunbolatuly", "Kunbolatuly", "Baibolat Kunbolat", "Tokayev"} <= _labels(names)
    documented = {item["label"]: item.get("documentation") for item in names}
    assert documented["Kunbolatuly"] == "alias of Baibolat Kunbolatuly, person, id baibolat-kunbolatuly"
    prop = lines.index("    property: ")
    assert {"jail-sentence", "nationality", "protest-size"} <= _labels(
        editor.completions(uri, prop, len(lines[prop]))
    )
    unit = len(lines) - 1
    units = editor.completions(uri, unit, lines[unit].index("unit: ") + len("unit: "))
    assert {"day", "month", "person", "usd"} <= _labels(units)


def test_rule_codes_and_names_are_completed_in_checker_yaml(editor: Client) -> None:
    uri = editor.open("checker.yaml", "rules:\n  \n")
    assert {"R001", "unknown-entity", "V001", "value-conflict"} <= _labels(editor.completions(uri, 1, 2))


def test_without_the_exclusions_the_catalogues_are_flagged(workspace: Path) -> None:
    schemas = {**mapping(), ".checker/schemas/claim-file.schema.json": ["claims/**/*.yaml"]}
    for client in _client(workspace, schemas):
        for catalogue in CATALOGUES:
            uri = client.open(catalogue, (workspace / catalogue).read_text(encoding="utf-8"))
            messages = [d["message"] for d in client.diagnostics_of(uri)]
            assert any("source" in m for m in messages), (catalogue, messages)
