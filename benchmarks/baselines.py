"""The two baselines benchmarks/run.py holds the checker against, each run in its own subprocess.

    python benchmarks/baselines.py floor REPO    # the fastest YAML parser, parsing only
    python benchmarks/baselines.py naive REPO    # ruamel.yaml round trip + jsonschema, per file

Both read every YAML file under REPO/claims/ (claim files and catalogues).
Imports are made inside each baseline, so neither pays for the other's.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Any

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
CATALOGUES = {"entities.yaml": "entities-file", "properties.yaml": "properties-file"}


def yaml_files(root: Path) -> list[Path]:
    return sorted((root / "claims").glob("*.yaml"))


def parse_floor(root: Path) -> str:
    """Parse every file with rapidyaml (ryml) into its tree: reading the YAML costs at least this.

    rapidyaml was the fastest parser from PyPI on these files, measured
    against ryaml, yaml-rs, fastyaml-rs and PyYAML's C loader (see
    benchmarks/README.md). It builds its own tree and no Python objects.
    """
    ryml: Any = importlib.import_module("ryml")
    nodes = 0
    for path in yaml_files(root):
        nodes += ryml.parse_in_arena(path.read_bytes()).size()
    return f"{nodes} nodes"


def naive_stack(root: Path) -> str:
    """ruamel.yaml's round-trip loader and jsonschema validation of every file: a first version's stack."""
    yaml: Any = importlib.import_module("ruamel.yaml")
    validators: Any = importlib.import_module("jsonschema.validators")
    loader = yaml.YAML(typ="rt")
    checkers = {}
    for kind in ("claim-file", *CATALOGUES.values()):
        schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
        checkers[kind] = validators.validator_for(schema)(schema)
    problems = 0
    for path in yaml_files(root):
        data = loader.load(path.read_text(encoding="utf-8"))
        problems += sum(1 for _ in checkers[CATALOGUES.get(path.name, "claim-file")].iter_errors(data))
    return f"{problems} schema problems"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2 or args[0] not in ("floor", "naive"):
        print("usage: baselines.py floor|naive REPO", file=sys.stderr)
        return 2
    root = Path(args[1])
    print(parse_floor(root) if args[0] == "floor" else naive_stack(root))
    return 0


if __name__ == "__main__":
    sys.exit(main())
