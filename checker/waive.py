"""``checker waive FINGERPRINT --reason TEXT``: accept a reviewed finding in checker.yaml.

The fingerprint must be one the checker reports now: the check is run
(as ``checker check`` runs it, with the project's configuration) and the
finding looked up, so a typo cannot make a waiver that matches nothing
(which would itself be a finding, W001). The waiver is appended to
``waivers:`` in checker.yaml through the lossless writer
(checker/yamlwrite.py): the diff is the waiver and nothing else. A
project configured in pyproject.toml is not rewritten (TOML is not YAML):
the waiver to add by hand is printed instead. Refusals are usage errors
(exit 2).
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import tomllib
from typing import Any

from checker import yamlwrite
from checker.cache import Cache
from checker.cache import add_options as cache_options
from checker.cache import chosen as chosen_cache
from checker.config import CONFIG_NAME, PYPROJECT_NAME, config_path
from checker.findings import Finding
from checker.judge import shown, written_at
from checker.lookup import fingerprint_of, reported
from checker.project import Project, UsageError, find_project
from checker.rules import expired_waiver, unused_waiver
from checker.textsafe import escape

NOT_WAIVABLE = (expired_waiver.RULE.code, unused_waiver.RULE.code)


def add_parser(commands: Any) -> None:
    """``checker waive FINGERPRINT --reason TEXT [--by WHO] [--expires YYYY-MM-DD] [--cache-dir DIR]
    [--no-cache]``."""
    parser = commands.add_parser("waive", help="accept a reviewed finding: add a waiver to checker.yaml")
    parser.add_argument("fingerprint", metavar="FINGERPRINT", help="the finding's 16-hex-digit fingerprint")
    parser.add_argument("--reason", required=True, help="why the finding is accepted")
    parser.add_argument("--by", help="who accepted it")
    parser.add_argument("--expires", type=_date, help="YYYY-MM-DD: the waiver applies up to this day")
    cache_options(parser)
    parser.set_defaults(handler=command)


def _date(text: str) -> str:
    try:
        if len(text) != 10:
            raise ValueError
        dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write YYYY-MM-DD") from None
    return text


def command(args: argparse.Namespace) -> int:
    """Look the finding up, append the waiver, say where."""
    fingerprint = fingerprint_of(args.fingerprint)
    for flag, value in (("--reason", args.reason), ("--by", args.by)):
        if value is not None and not value.strip():
            raise UsageError(f"{flag} must not be empty")
    project = find_project([])
    # the check that finds the finding reads the parse cache `checker check` filled: unchanged files
    # are not parsed again
    cache = chosen_cache(args, project.root)
    for line in waive_finding(
        project, fingerprint, args.reason, by=args.by, expires=args.expires, cache=cache
    ):
        print(escape(line))
    return 0


def waive_finding(
    project: Project,
    fingerprint: str,
    reason: str,
    *,
    by: str | None = None,
    expires: str | None = None,
    cache: Cache | None = None,
) -> list[str]:
    """Append a waiver of the finding reported now with ``fingerprint``; return what was written where.

    Shared by ``checker waive`` and the review server (which passes its parse
    ``cache``: the check is run again, but unchanged files are not parsed
    again); raises :class:`UsageError`.
    """
    configured = config_path(project)
    if configured is not None and configured.name == PYPROJECT_NAME and _has_table(configured.read_bytes()):
        raise UsageError(
            f"{project.display(configured)}: the configuration is in [tool.checker]; add the waiver there"
            f" by hand (fingerprint = {fingerprint!r}, reason = ...), or move the configuration to"
            f" {CONFIG_NAME}"
        )
    finding = reported(project, fingerprint, cache)
    if finding.code in NOT_WAIVABLE:
        raise UsageError(f"{fingerprint} is a {finding.code} finding about a waiver; those cannot be waived")
    entry: dict[str, Any] = {"fingerprint": fingerprint, "reason": reason}
    entry.update({k: v for k, v in (("by", by), ("expires", expires)) if v is not None})
    path = project.root / CONFIG_NAME

    def change(doc: Any) -> Any:
        doc = yamlwrite.top_mapping(doc if doc is not None else yamlwrite.block_map({}), path)
        yamlwrite.append_record(doc, "waivers", entry, path=path)
        return doc

    def expected(data: Any) -> Any:
        data = copy.deepcopy(data) if data is not None else {}
        data.setdefault("waivers", []).append(entry)
        return data

    try:
        original, text = yamlwrite.edit(path, change, expected, create="")
        yamlwrite.replace(original, text)
    except yamlwrite.Refused as refused:
        raise UsageError(f"{shown(project, refused)}; nothing written") from None
    count = len(original.data.get("waivers") or []) if isinstance(original.data, dict) else 0
    return [f"{written_at(project, path, text, ('waivers', count))}: waived {_describe(finding)}"]


def _describe(finding: Finding) -> str:
    return f"{finding.code} {finding.rule} at {finding.location}: {finding.message}"


def _has_table(raw: bytes) -> bool:
    """Whether a pyproject.toml holds a [tool.checker] table (then it is the configuration)."""
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return True  # unreadable: not ours to guess at; load_config reports it
    tool = data.get("tool")
    return isinstance(tool, dict) and "checker" in tool
