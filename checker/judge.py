"""``checker judge``: record an editor's decision from the command line.

* ``judge same-as A B`` / ``judge distinct-from A B`` append a judgement to
  ``judgements:`` in claims/entities.yaml. A and B are entity ids, or names
  or aliases that denote exactly one entity.
* ``judge different-events SOURCE/CLAIM SOURCE/CLAIM`` records that two
  claims are about different events the way the model says it: claims
  naming different events are never compared. Each claim that names no
  event gets one of its own (``SOURCE.CLAIM``), added to ``events:`` in
  entities.yaml with the reason as its description, and the claim's
  ``event:`` key names it.
* ``judge different-events A/x B/y --versus C/z`` does it for sides of
  several claims: the claims before ``--versus`` tell of one event, those
  after it (each ``--versus`` one more side) of another. Each side gets
  one event, shared by its claims, so that two sources telling the same
  event are still compared with each other. A side whose claims name an
  event already keeps it; two sides naming one event are refused.

Every file is changed through the lossless writer (checker/yamlwrite.py):
the diff is the judgement and nothing else, every comment stays. A
decision already recorded, or one that contradicts a recorded one, is
refused. Refusals are usage errors (exit 2); nothing is written then.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from checker import clock, yamlwrite
from checker.cache import add_options as cache_options
from checker.cache import chosen as chosen_cache
from checker.loader import LoadFailed, load_file, load_yaml
from checker.lookup import fingerprint_of, reported
from checker.models import ID_PATTERN, Claim, EntitiesFile, Entity, check_partial_date
from checker.names import spelling_key
from checker.project import Project, UsageError, discover, find_project
from checker.suggest import closest
from checker.textsafe import escape

#: The findings whose sides a different-events decision can take: conflicts between claims' values.
CONFLICTS = ("value-conflict", "date-conflict")

MAX_ID = 200  # an Identifier's maximum length (checker/models.py)
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_CLAIM_KEY = re.compile(ID_PATTERN.removesuffix("$") + "/" + ID_PATTERN.removeprefix("^"))


def add_parser(commands: Any) -> None:
    """``checker judge RELATION ...`` and its three relations."""
    judge = commands.add_parser(
        "judge", help="record a judgement: same-as, distinct-from (entities), different-events (claims)"
    )
    relations = judge.add_subparsers(dest="relation", required=True, metavar="RELATION")
    helps = {
        "same-as": "two entities are one (silences their name variant)",
        "distinct-from": "two entities are different ones (keeps them apart)",
    }
    for relation, text in helps.items():
        parser = relations.add_parser(relation, help=text)
        parser.add_argument("a", metavar="A", help="an entity id, or a name or alias of exactly one entity")
        parser.add_argument("b", metavar="B", help="the other entity")
        _common(parser)
        parser.set_defaults(handler=command)
    events = relations.add_parser(
        "different-events",
        help="claims are about different events (they are not compared)",
        description="Two claims: each gets an event of its own. Sides of several claims: the claims"
        " given first tell of one event, those after each --versus of another; the claims of a side"
        " share its event (and are still compared with each other). --finding takes the sides of a"
        " value or date conflict as the check reports them.",
    )
    events.add_argument(
        "claims",
        nargs="*",
        metavar="SOURCE/CLAIM",
        help="two claims, each SOURCE-ID/CLAIM-ID; with --versus, the claims of one event",
    )
    events.add_argument(
        "--finding",
        metavar="FINGERPRINT",
        help="the sides of this value or date conflict (V001, D001), as the check reports it now",
    )
    cache_options(events)
    events.add_argument(
        "--versus",
        nargs="+",
        action="append",
        default=[],
        metavar="SOURCE/CLAIM",
        help="the claims of another event (repeat for each further event)",
    )
    _common(events)
    events.set_defaults(handler=command)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--reason", required=True, help="why (recorded with the judgement)")
    parser.add_argument("--by", help="who decided")
    parser.add_argument("--date", type=_date, help="when (YYYY-MM-DD; default: today)")


def _date(text: str) -> str:
    if not _DATE.match(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write YYYY-MM-DD")
    try:
        return check_partial_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def command(args: argparse.Namespace) -> int:
    """Record the judgement; print where it was written."""
    project = find_project([])
    reason = _text(args.reason, "--reason")
    by = _text(args.by, "--by") if args.by is not None else None
    date = args.date or clock.today().isoformat()
    try:
        if args.relation == "different-events":
            written = different_events(project, _chosen_sides(args, project), reason=reason, by=by, date=date)
        else:
            written = judge_entities(project, args.relation, args.a, args.b, reason=reason, by=by, date=date)
    except yamlwrite.Refused as refused:
        raise UsageError(f"{shown(project, refused)}; nothing written") from None
    for line in written:
        print(escape(line))
    return 0


def _chosen_sides(args: argparse.Namespace, project: Project) -> list[list[str]]:
    """The sides named on the command line, or those of the finding ``--finding`` names."""
    if args.finding is None:
        return _sides(args.claims, args.versus)
    if args.claims or args.versus:
        raise UsageError("--finding takes its sides from the finding: name no claims with it")
    finding = reported(project, fingerprint_of(args.finding), chosen_cache(args, project.root))
    sides = [list(side) for side in finding.subject.sides]
    if finding.rule not in CONFLICTS or len(sides) < 2:
        raise UsageError(
            f"{finding.fingerprint} is a {finding.code} {finding.rule} finding, not a value or date"
            f" conflict between sides ({', '.join(CONFLICTS)}): name the claims instead"
        )
    return sides


def _sides(claims: list[str], versus: list[list[str]]) -> list[list[str]]:
    """The sides of a different-events decision as the command line gives them."""
    if versus:
        return [claims, *versus]
    if len(claims) != 2:
        raise UsageError(
            f"{len(claims)} claims: give two (each gets an event of its own), or say which claims tell of"
            " one event with --versus: A/x B/y --versus C/z"
        )
    return [[claims[0]], [claims[1]]]


def _text(value: str, flag: str) -> str:
    if not value.strip():
        raise UsageError(f"{flag} must not be empty")
    return value


# -- same-as, distinct-from ---------------------------------------------------------


def judge_entities(
    project: Project, relation: str, a: str, b: str, *, reason: str, by: str | None, date: str | None
) -> list[str]:
    """Append a same-as or distinct-from judgement to entities.yaml; return what was written where."""
    path = project.entities_path
    model = _entities(project)
    first, second = resolve(a, model.entities, project), resolve(b, model.entities, project)
    if first.id == second.id:
        raise UsageError(f"{a!r} and {b!r} are the same entity ({first.id}); a judgement is about two")
    pair = {first.id, second.id}
    for index, recorded in enumerate(model.judgements):
        if set(recorded.entities) == pair:
            where = _where(project, path, ("judgements", index))
            if recorded.relation == relation:
                raise UsageError(f"{where}: {first.id} {relation} {second.id} is already recorded")
            raise UsageError(
                f"{where}: {first.id} and {second.id} are already judged {recorded.relation}; remove that"
                f" judgement first if it was wrong (a {relation} judgement would contradict it)"
            )
    entry: dict[str, Any] = {"relation": relation, "entities": [first.id, second.id], "reason": reason}
    entry.update({key: value for key, value in (("by", by), ("date", date)) if value is not None})

    def change(doc: Any) -> Any:
        yamlwrite.append_record(yamlwrite.top_mapping(doc, path), "judgements", entry, path=path)
        return doc

    def expected(data: Any) -> Any:
        data = copy.deepcopy(data)
        data.setdefault("judgements", []).append(entry)
        return data

    original, text = yamlwrite.edit(path, change, expected)
    yamlwrite.replace(original, text)
    index = len(model.judgements)
    where = written_at(project, path, text, ("judgements", index))
    return [f"{where}: recorded {first.id} {relation} {second.id}"]


def _entities(project: Project) -> EntitiesFile:
    path = project.entities_path
    shown = project.display(path)
    if not path.is_file():
        raise UsageError(f"{shown}: no such file; the entities must be catalogued before they can be judged")
    try:
        return EntitiesFile.model_validate(load_file(path).data)
    except LoadFailed as failure:
        first = failure.problems[0]
        raise UsageError(f"{shown}:{first.mark.line}:{first.mark.column}: {first.message}") from None
    except ValidationError as exc:
        raise UsageError(
            f"{shown}: does not validate ({exc.error_count()} problems); `checker validate` shows them"
        ) from None


def resolve(word: str, entities: list[Entity], project: Project) -> Entity:
    """The one entity ``word`` denotes: by id, else by name or alias (case-insensitively), else by
    a name or alias it spells in other letters (as the checker matches names across scripts)."""
    by_id = [e for e in entities if e.id == word]
    if by_id:
        return by_id[0]
    key = word.casefold()
    hits = [
        e for e in entities if key in {e.id.casefold(), e.name.casefold(), *(a.casefold() for a in e.aliases)}
    ]
    if not hits:  # another script or transliteration of a catalogued name: Тоқаев, Tokayev for Toqaev
        spelt = spelling_key(word)
        hits = [e for e in entities if spelt and spelt in {spelling_key(n) for n in (e.name, *e.aliases)}]
    shown = project.display(project.entities_path)
    if not hits:
        names = [name for e in entities for name in (e.id, e.name, *e.aliases)]
        near = closest(word, names)
        hint = f"; did you mean {', '.join(repr(n) for n in near)}?" if near else ""
        raise UsageError(f"{word!r} names no entity of {shown}{hint}")
    if len(hits) > 1:
        listed = ", ".join(f"{e.id} ({e.name})" for e in hits)
        raise UsageError(f"{word!r} names {len(hits)} entities of {shown}: {listed}; give the id of one")
    return hits[0]


# -- different events -----------------------------------------------------------------


@dataclass(frozen=True)
class _Claim:
    key: str
    path: Path
    index: int
    claim: Claim


def different_events(
    project: Project, sides: Sequence[Sequence[str]], *, reason: str, by: str | None, date: str | None
) -> list[str]:
    """Give each side of claims one event, shared by its claims; return what was written where.

    ``sides`` are claim keys (``SOURCE/CLAIM``), grouped: the claims of a
    side tell of one event (as a finding's sides group the claims that
    agree), each side of another. A side whose claims name an event keeps
    it and its other claims name it too; a side naming none gets a new one
    (``SOURCE.CLAIM`` of its first claim). Refused when a side names two
    events, two sides name one, or there is nothing left to record.
    """
    if len(sides) < 2 or not all(sides):
        raise UsageError("different events need two sides, each of at least one claim")
    keys = [key for side in sides for key in side]
    twice = next((key for i, key in enumerate(keys) if key in keys[:i]), None)
    if twice is not None:
        raise UsageError(f"{twice} is given twice; each claim goes on one side")
    found = iter(_find_claims(project, keys))
    grouped = [[next(found) for _ in side] for side in sides]
    named = [_side_event(side) for side in grouped]
    for i, first in enumerate(named):
        for j in range(i + 1, len(named)):
            if first is not None and first == named[j]:
                naming = [c.key for c in (*grouped[i], *grouped[j]) if c.claim.event == first]
                raise UsageError(
                    f"{listed(naming, 'and')} both name event {first!r}: they cannot be different events"
                    " while they name the same one; change the event of the one that is wrong"
                )
    if all(c.claim.event is not None for side in grouped for c in side):
        raise UsageError(
            f"{listed(keys, 'and')} already name different events ({', '.join(e for e in named if e)})"
        )
    model = _entities(project) if project.entities_path.is_file() else EntitiesFile()
    taken = {event.id for event in model.events}
    who = f" by {by}" if by else ""
    when = f" on {date}" if date else ""
    new: list[dict[str, Any]] = []
    settings: dict[Path, list[tuple[_Claim, str]]] = {}  # claim file -> (claim, the event it is to name)
    for i, side in enumerate(grouped):
        event_id = named[i]
        if event_id is None:
            first_claim = side[0]
            wanted = first_claim.key.replace("/", ".")
            if len(wanted) > MAX_ID - 4:  # room for a "-NN" suffix; ids are at most 200 characters
                wanted = f"event-{hashlib.sha256(first_claim.key.encode()).hexdigest()[:16]}"
            event_id = _free(wanted, taken)
            taken.add(event_id)
            others = [c.key for j, other in enumerate(grouped) if j != i for c in other]
            told = listed([c.key for c in side])
            name = f"{first_claim.claim.property} of {first_claim.claim.subject} ({told})"
            description = f"Not the event of {listed(others)} (judged{who}{when}): {reason}"
            new.append({"id": event_id, "name": name, "description": description})
        for claim in side:
            if claim.claim.event is None:
                settings.setdefault(claim.path, []).append((claim, event_id))
    edits = [_add_events(project, new)] if new else []
    edits += [_set_events(path, claims) for path, claims in settings.items()]
    written: list[str] = []
    for (original, text), places in edits:
        yamlwrite.replace(original, text)
        written += [f"{written_at(project, path, text, keypath)}: {what}" for path, keypath, what in places]
    return written


def _side_event(side: list[_Claim]) -> str | None:
    """The event the claims of one side name already (None: none); a side naming two is refused."""
    events = sorted({c.claim.event for c in side if c.claim.event is not None})
    if len(events) > 1:
        naming = "; ".join(_naming([c.key for c in side if c.claim.event == e], e) for e in events)
        raise UsageError(
            f"claims put on one side name different events ({naming}): a side is the claims of one event;"
            " put them on different sides, or correct the event that is wrong"
        )
    return events[0] if events else None


def _naming(keys: list[str], event: str) -> str:
    return f"{listed(keys, 'and')} {'names' if len(keys) == 1 else 'name'} {event}"


def listed(keys: Sequence[str], last: str = ",", most: int = 5) -> str:
    """``a, b, c`` (or, with ``last="and"``, ``a, b and c``); a long list names its first ``most``
    and counts the rest."""
    if len(keys) > most:
        return f"{', '.join(keys[:most])} and {len(keys) - most:,} more"
    if last == "and" and len(keys) > 1:
        return f"{', '.join(keys[:-1])} and {keys[-1]}"
    return ", ".join(keys)


def _find_claims(project: Project, keys: list[str]) -> list[_Claim]:
    wanted: dict[str, list[str]] = {}
    for key in keys:
        if not _CLAIM_KEY.match(key):
            raise UsageError(f"{key!r} is not a claim key; write SOURCE-ID/CLAIM-ID")
        source_key, claim_id = key.split("/")
        wanted.setdefault(source_key, []).append(claim_id)
    found: dict[str, _Claim] = {}
    for path in discover([], project):
        try:
            data = load_file(path).data
        except LoadFailed:
            continue  # `checker check` reports it; the claims sought are elsewhere or missing
        source = data.get("source") if isinstance(data, dict) else None
        source_id = source.get("id") if isinstance(source, dict) else None
        if not isinstance(source_id, str) or source_id not in wanted:
            continue
        claims = data.get("claims")
        for index, item in enumerate(claims if isinstance(claims, list) else []):
            if isinstance(item, dict) and item.get("id") in wanted[source_id]:
                key = f"{source_id}/{item['id']}"
                try:
                    found.setdefault(key, _Claim(key, path, index, Claim.model_validate(item)))
                except ValidationError:
                    raise UsageError(
                        f"{project.display(path)}: claim {key} does not validate; `checker validate` says why"
                    ) from None
    missing = [key for key in keys if key not in found]
    if missing:
        raise UsageError(f"no claim {', '.join(missing)} in {project.display(project.claims_dir)}/")
    return [found[key] for key in keys]


def _free(wanted: str, taken: set[str]) -> str:
    if wanted not in taken:
        return wanted
    number = 2
    while f"{wanted}-{number}" in taken:
        number += 1
    return f"{wanted}-{number}"


_Edit = tuple[tuple[yamlwrite.Original, str], list[tuple[Path, tuple[str | int, ...], str]]]


def _add_events(project: Project, events: list[dict[str, Any]]) -> _Edit:
    path = project.entities_path
    count = len(EntitiesFile.model_validate(_data(path)).events) if path.is_file() else 0

    def change(doc: Any) -> Any:
        doc = yamlwrite.top_mapping(doc if doc is not None else yamlwrite.block_map({}), path)
        at = list(doc).index("entities") + 1 if "entities" in doc else 0
        for event in events:
            yamlwrite.append_record(doc, "events", event, at=at, path=path)
        return doc

    def expected(data: Any) -> Any:
        data = copy.deepcopy(data) if data is not None else {}
        data.setdefault("events", []).extend(events)
        return data

    made = yamlwrite.edit(path, change, expected, create="")
    ids = ", ".join(event["id"] for event in events)
    return made, [(path, ("events", count), f"added event {ids}")]


def _set_events(path: Path, claims: list[tuple[_Claim, str]]) -> _Edit:
    """One edit of a claim file giving each of its ``claims`` its ``event:``, where fmt puts the key."""
    order = list(Claim.model_fields)
    before = order[: order.index("event")]

    def change(doc: Any) -> Any:
        items = yamlwrite.top_mapping(doc, path)["claims"]
        for claim, event_id in claims:
            item = items[claim.index]
            at = max((list(item).index(k) + 1 for k in before if k in item), default=0)
            item.insert(at, "event", event_id)
        return doc

    def expected(data: Any) -> Any:
        data = copy.deepcopy(data)
        for claim, event_id in claims:
            data["claims"][claim.index]["event"] = event_id
        return data

    made = yamlwrite.edit(path, change, expected)
    return made, [
        (path, ("claims", claim.index, "event"), f"{claim.key} names event {event_id}")
        for claim, event_id in claims
    ]


def _data(path: Path) -> Any:
    try:
        return load_file(path).data
    except LoadFailed as failure:
        first = failure.problems[0]
        raise UsageError(f"{path}:{first.mark.line}:{first.mark.column}: {first.message}") from None


# -- shared -------------------------------------------------------------------------


def _where(project: Project, path: Path, keypath: tuple[str | int, ...]) -> str:
    try:
        mark = load_file(path).mark(keypath)
    except LoadFailed:
        return project.display(path)
    return f"{project.display(path)}:{mark.line}"


def written_at(project: Project, path: Path, text: str, keypath: tuple[str | int, ...]) -> str:
    """``file:line`` of what was written, read from the text written."""
    mark = load_yaml(text).mark(keypath)
    return f"{project.display(path)}:{mark.line}"


def shown(project: Project, refused: yamlwrite.Refused) -> str:
    return f"{project.display(refused.path)}: {refused.reason}" if refused.path else refused.reason
