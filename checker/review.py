"""``checker review``: the HTML report served on this computer, with a decision form on each finding.

An editor settles a finding where they read it: "same person" / "different
people" on a name variant (a judgement in entities.yaml), "different
events" on a value or date conflict (an event of its own for each claim),
"this side is wrong" (the claim's value or date corrected in its claim
file) or a link to a recorded event, "record as claim" on an unrecorded
fact (Q004, prefilled as ``checker new`` suggests it), and "waive" on any
finding (a waiver in checker.yaml). Each action
calls the code of ``checker judge`` and ``checker waive``
(checker/judge.py, checker/waive.py), so every file is written by the
lossless writer (checker/yamlwrite.py): comments and order kept, atomic.
Then the check is run again (with the parse cache, so only the files that
changed are parsed again; the rules run over the whole archive, as they
must to compare it) and the page is served afresh: the finding is gone or
changed, the counts moved. The last action can be undone; git keeps the
history.

Safety, since the page writes to the repository:

* the server binds 127.0.0.1 unless ``--host`` says otherwise (with a
  warning), and answers only requests whose Host header names it (no DNS
  rebinding);
* every POST carries the session's random token (a hidden field) and, when
  the browser sends one, an Origin of the server itself: no cross-site post;
* actions name entities, claims and fingerprints, never paths; every file
  written is inside the project root and no symbolic link;
* each page records the SHA-256 of every file an action may write; an
  action whose target changed on disk since its page was rendered is
  refused, and the page is served again with what is on disk now;
* one editor: requests are served one at a time (a lock around each).

The page is the HTML report (checker/reporters/html.py) with its forms:
the reporter only renders what this module decides to offer.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import hashlib
import http.server
import ipaddress
import re
import secrets
import socket
import sys
import threading
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from checker import authoring, clock, judge, reporting, waive, yamlwrite
from checker.cache import DEFAULT_FOLDER, Cache
from checker.config import CONFIG_NAME, ConfigError, load_config
from checker.engine import run
from checker.findings import Finding
from checker.loader import LoadFailed, load_file, load_yaml
from checker.models import Claim, EntitiesFile
from checker.project import Project, UsageError, find_project
from checker.reporters import html
from checker.reporters.base import Report
from checker.textsafe import escape

#: The most a form post may hold (a reason is a sentence or two).
MAX_BODY = 64 * 1024
#: Pages whose file digests are remembered (older pages are refused and reloaded).
MAX_PAGES = 64
#: The filters the report keeps in its address; a decision returns to the same view.
FILTERS = ("severity", "rule", "source", "entity")
#: Unrecorded facts offered as claims to record, per source (the finding lists more).
MAX_SUGGESTIONS = 8
_ANCHOR = re.compile(r"[fw]-[0-9A-Za-z_-]{1,64}")
_NAME_VARIANT = "name-variant"
_UNRECORDED = "unrecorded-fact"
#: Between the sides of a different-events form's ``sides`` field (claim keys never hold it).
_SIDES = "|"


def add_parser(commands: Any) -> None:
    """``checker review [PATHS] [--port N] [--host ADDRESS]``."""
    parser = commands.add_parser(
        "review", help="serve the HTML report on this computer, with a form to decide each finding"
    )
    parser.add_argument(
        "paths", nargs="*", type=Path, help="claim files or directories to review (default: claims/)"
    )
    parser.add_argument("--port", type=_port, default=0, help="port to listen on (default: a free one)")
    parser.add_argument(
        "--host",
        default=None,
        help="address to listen on (default: 127.0.0.1, this computer only); any other lets other"
        " computers write to the repository",
    )
    parser.set_defaults(handler=command)


def _port(text: str) -> int:
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port (0 to 65535; 0: a free one)")
    return int(text)


def command(args: argparse.Namespace) -> int:
    """Serve until interrupted."""
    paths: list[Path] = list(args.paths)
    project = find_project(paths)
    host = args.host or "127.0.0.1"
    if args.host is not None and not _loopback(host):
        print(
            f"warning: listening on {escape(host)}: anyone who can reach this computer and read the page"
            " can write to the repository",
            file=sys.stderr,
        )
    session = Session(project, paths)
    session.page()  # a broken configuration or repository is a usage error before the server starts
    try:
        server = make_server(session, host, args.port)
    except OSError as exc:
        raise UsageError(f"cannot listen on {host}:{args.port}: {exc.strerror or exc}") from None
    print(f"reviewing {escape(project.display(project.claims_dir))}/ at {server.address}", flush=True)
    print("press Ctrl+C to stop", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# -- the session: the page, the actions, the undo ----------------------------------------------


@dataclass
class Undo:
    """The last action: what it said, and each file's bytes before and after it (None: no file)."""

    what: str
    files: dict[Path, tuple[bytes | None, bytes | None]]


@dataclass
class Outcome:
    """What an action did, for the message on the next page."""

    message: str
    failed: bool = False


@dataclass
class Session:
    """One editor's review of one repository."""

    project: Project
    paths: list[Path]
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    pages: dict[str, dict[Path, str | None]] = field(default_factory=dict)
    claim_files: dict[str, Path] = field(default_factory=dict)  # source id -> its claim file
    outcome: Outcome | None = None
    last: Undo | None = None
    ready: str | None = None  # the page made right after a decision, for the GET that follows
    lock: threading.Lock = field(default_factory=threading.Lock)

    # -- the page

    def report(self) -> Report:
        """The check run afresh, as ``checker check`` runs it; the parse cache skips unchanged files."""
        config = load_config(self.project)
        return reporting.build(run(list(self.paths), self.project, config=config, cache=self.cache()))

    def cache(self) -> Cache:
        """The parse cache ``checker check`` uses (in the repository, kept out of git)."""
        return Cache(self.project.root / DEFAULT_FOLDER)

    def page(self) -> str:
        """The report with its forms; remembers the digests of the files its forms may write."""
        report = self.report()
        offered = Offers(self.project, report)
        self.claim_files = offered.claim_files
        page_id = secrets.token_hex(8)
        self.pages[page_id] = {path: _digest(path) for path in offered.targets()}
        while len(self.pages) > MAX_PAGES:
            del self.pages[next(iter(self.pages))]
        outcome, self.outcome = self.outcome, None
        review = html.Review(
            token=self.token,
            page=page_id,
            forms=offered.forms,
            message=outcome.message if outcome else None,
            failed=outcome.failed if outcome else False,
            undo=self.last.what if self.last else None,
        )
        return html.render(report, review=review)

    # -- actions

    def act(self, form: dict[str, str]) -> None:
        """Carry out one posted action; what happened is shown on the next page."""
        try:
            self.outcome = Outcome(self._act(form))
        except (UsageError, yamlwrite.Refused, ConfigError) as problem:
            text = (
                judge.shown(self.project, problem) if isinstance(problem, yamlwrite.Refused) else str(problem)
            )
            self.outcome = Outcome(f"Nothing written: {text}", failed=True)

    def _act(self, form: dict[str, str]) -> str:
        name = form.get("action", "")
        if name == "undo":
            return self.undo()
        action = ACTIONS.get(name)
        if action is None:
            raise UsageError(f"unknown action {name!r}")
        seen = self.pages.get(form.get("page", ""))
        if seen is None:
            raise UsageError("this page is out of date; it has been reloaded, please decide again")
        targets, do = action(self, form)
        for path in targets:
            self._inside(path)
            if path not in seen or _digest(path) != seen[path]:
                raise UsageError(
                    f"{self.project.display(path)} changed on disk since this page was shown; the page"
                    " has been reloaded with what is there now, please decide again"
                )
        before = {path: _read(path) for path in targets}
        written = do()
        after = {path: _read(path) for path in targets}
        changed = {p: (before[p], after[p]) for p in targets if before[p] != after[p]}
        what = "; ".join(written)
        if changed:
            self.last = Undo(what, changed)
        return f"Recorded: {what}"

    def undo(self) -> str:
        """Put back the files the last action changed, unless one changed again since."""
        last = self.last
        if last is None:
            raise UsageError("there is nothing to undo")
        for path, (_, after) in last.files.items():
            if _read(path) != after:
                raise UsageError(
                    f"{self.project.display(path)} changed on disk after the last action; not undone"
                    " (git has the history)"
                )
        for path, (before, after) in last.files.items():
            self._inside(path)
            if before is None:
                path.unlink()
            else:
                mode = path.stat().st_mode & 0o7777 if path.exists() else None
                yamlwrite.write_atomically(path, after, before, mode)
        self.last = None
        return f"Undone: {last.what}"

    def _inside(self, path: Path) -> None:
        root = self.project.root.resolve()
        if path.is_symlink() or not path.resolve().is_relative_to(root):
            raise UsageError(f"{path.name}: not a file of the repository; nothing written there")


def _digest(path: Path) -> str | None:
    data = _read(path)
    return None if data is None else hashlib.sha256(data).hexdigest()


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


# -- what each finding offers ---------------------------------------------------------------------


_REASON = html.Field("reason", "Reason", "textarea", required=True)
_BY = html.Field("by", "Decided by")
_EXPIRES = html.Field("expires", "Expires", "date", hint="the waiver applies up to this day")


class Offers:
    """The forms of each finding of a report, and the files they may write."""

    def __init__(self, project: Project, report: Report) -> None:
        self.project = project
        self.claim_files = {a.source_id: project.root / a.claim_file for a in report.articles}
        self.entities = _entities(project)
        self.events = _events(project)
        self.forms: dict[str, tuple[html.Form, ...]] = {}
        self._claims: dict[Path, dict[str, Any]] = {}
        self.articles = {a.source_id: a for a in report.articles}
        self._names: authoring.Catalogue | None = None
        for finding in report.findings:
            forms = [
                *self._variant(finding),
                *self._conflict(finding),
                *self._unrecorded(finding),
                *self._waiver(finding),
            ]
            if forms:
                self.forms[finding.fingerprint] = tuple(forms)

    def targets(self) -> set[Path]:
        """Every file an offered form may write."""
        return {self.project.entities_path, self.project.root / CONFIG_NAME, *self.claim_files.values()}

    def _variant(self, finding: Finding) -> Iterable[html.Form]:
        ids = finding.subject.entities
        if finding.rule != _NAME_VARIANT or len(ids) != 2 or not all(i in self.entities for i in ids):
            return
        people = all(self.entities[i].type == "person" for i in ids)
        names = " and ".join(f"{self.entities[i].name} ({i})" for i in ids)
        hidden = (("a", ids[0]), ("b", ids[1]))
        yield html.Form(
            "same-as",
            "Same person" if people else "Same one",
            "Record: same" + (" person" if people else ""),
            hidden,
            (_REASON, _BY),
            f"{names} are one: a same-as judgement in {self.project.display(self.project.entities_path)}.",
        )
        yield html.Form(
            "distinct-from",
            "Different people" if people else "Different ones",
            "Record: different",
            hidden,
            (_REASON, _BY),
            f"{names} are not one: a distinct-from judgement.",
        )

    def _conflict(self, finding: Finding) -> Iterable[html.Form]:
        sides = finding.subject.sides
        if finding.rule not in judge.CONFLICTS or len(sides) < 2:
            return
        if not all(key.split("/")[0] in self.claim_files for side in sides for key in side):
            return
        entities = self.project.display(self.project.entities_path)
        sides_field = _SIDES.join(" ".join(side) for side in sides)
        singles = all(len(side) == 1 for side in sides)
        if len(sides_field) <= MAX_BODY // 2:  # else too long to post: `checker judge different-events`
            if singles and len(sides) == 2:
                note = (
                    f"{sides[0][0]} and {sides[1][0]} are about different events: each claim that names none"
                    f" gets an event of its own in {entities}."
                )
            else:
                listed = "; ".join(f"event {n}: {judge.listed(side)}" for n, side in enumerate(sides, 1))
                note = (
                    f"Each side is about an event of its own; the claims of a side agree and share its event"
                    f" (still compared with each other): {listed}. A side naming no event gets one in"
                    f" {entities}."
                )
            yield html.Form(
                "different-events",
                "Different events",
                "Record: different events",
                (("sides", sides_field),),
                (_REASON, _BY),
                note,
            )
        if len(sides) != 2 or not singles:
            return
        keys = [side[0] for side in sides]
        choices = tuple((i, f"{i}: {e.name}") for i, e in sorted(self.events.items()))
        for key in keys:
            claim = self._claim(key)
            if claim is None:
                continue
            if choices:
                yield html.Form(
                    "link-event",
                    f"{key} is about a recorded event",
                    f"Link {key} to this event",
                    (("claim", key),),
                    (
                        html.Field(
                            "event", "Event", "select", value=str(claim.get("event") or ""), options=choices
                        ),
                    ),
                    f"The event {key} is about, from the events of"
                    f" {self.project.display(self.project.entities_path)}: claims about different events are"
                    " not compared.",
                )
            if finding.rule == "date-conflict":
                if isinstance(claim.get("date"), str):
                    date = html.Field("date", "Date", value=claim["date"], required=True)
                    yield _correction(key, (date,), "date")
                continue
            value = claim.get("value")
            if isinstance(value, dict):
                fields = tuple(
                    html.Field(f"value.{k}", k.capitalize(), value=str(v), required=True)
                    for k, v in value.items()
                    if isinstance(k, str) and isinstance(v, str | int | float) and not isinstance(v, bool)
                )
                if fields:
                    yield _correction(key, fields, "value")

    def _unrecorded(self, finding: Finding) -> Iterable[html.Form]:
        """Q004: each unrecorded fact (the first :data:`MAX_SUGGESTIONS`) as a claim to record,
        prefilled as ``checker new`` suggests it (checker/authoring.py)."""
        sources = finding.subject.sources
        if finding.rule != _UNRECORDED or len(sources) != 1 or sources[0] not in self.claim_files:
            return
        article = self.articles.get(sources[0])
        if article is None or article.text is None:
            return
        if self._names is None:
            self._names = authoring.Catalogue(authoring._catalogue(self.project))
        places = {(place.line, place.column) for place in finding.related}
        shown: set[str] = set()
        for suggestion in authoring.suggest(article.text, article.language, self._names):
            candidate = suggestion.candidate
            if (candidate.line, candidate.column) not in places or candidate.key in shown:
                continue
            shown.add(candidate.key)
            if len(shown) > MAX_SUGGESTIONS:
                return
            subject = "" if suggestion.subject == "SUBJECT" else suggestion.subject
            yield html.Form(
                "record-claim",
                f"Record \u2018{candidate.shown}\u2019 (line {candidate.line}) as a claim",
                "Record the claim",
                (("source", sources[0]),),
                (
                    html.Field("id", "Claim id", value=suggestion.id, required=True),
                    html.Field("subject", "Subject", value=subject, required=True),
                    html.Field("property", "Property", required=True, hint="a property id of the catalogue"),
                    html.Field("value", "Value", value=suggestion.value, required=True, hint="as YAML"),
                    html.Field("date", "Date", value=suggestion.date or "", hint="as YAML; may be left out"),
                    html.Field("quote", "Quote", "textarea", value=suggestion.quote, required=True),
                ),
                f"Added to the claims of {self.project.display(self.claim_files[sources[0]])}; check the"
                " subject, value and quote against the article.",
            )

    def _claim(self, key: str) -> dict[str, Any] | None:
        source = key.split("/", 1)[0]
        path = self.claim_files[source]
        if path not in self._claims:
            try:
                data = load_file(path).data
            except LoadFailed:
                data = None
            claims = data.get("claims") if isinstance(data, dict) else None
            self._claims[path] = {
                f"{source}/{c['id']}": c
                for c in claims or []
                if isinstance(c, dict) and isinstance(c.get("id"), str)
            }
        return self._claims[path].get(key)

    def _waiver(self, finding: Finding) -> Iterable[html.Form]:
        if finding.code in waive.NOT_WAIVABLE:
            return
        yield html.Form(
            "waive",
            "Waive",
            "Record the waiver",
            (("fingerprint", finding.fingerprint),),
            (
                _REASON,
                _BY,
                html.Field("expires", "Expires", "date", hint="the waiver applies up to this day"),
            ),
            f"Accept this finding with a reason: a waiver of {finding.fingerprint} in {CONFIG_NAME}.",
        )


def _correction(key: str, fields: tuple[html.Field, ...], what: str) -> html.Form:
    return html.Form(
        "correct",
        f"Same event: {key} is wrong",
        f"Correct the {what} of {key}",
        (("claim", key),),
        fields,
        f"Correct what {key} records, read against its quote and article above.",
    )


def _catalogue(project: Project) -> EntitiesFile:
    try:
        return EntitiesFile.model_validate(load_file(project.entities_path).data)
    except (LoadFailed, ValidationError, OSError):
        return EntitiesFile()


def _entities(project: Project) -> dict[str, Any]:
    return {entity.id: entity for entity in _catalogue(project).entities}


def _events(project: Project) -> dict[str, Any]:
    return {event.id: event for event in _catalogue(project).events}


# -- the actions: each returns the files it may write, and the write itself ----------------------

_Action = Callable[[Session, dict[str, str]], tuple[list[Path], Callable[[], list[str]]]]


def _required(form: dict[str, str], name: str) -> str:
    value = form.get(name, "")
    if not value.strip():
        raise UsageError(f"{name} must not be empty")
    return value


def _optional(form: dict[str, str], name: str) -> str | None:
    value = form.get(name, "").strip()
    return value or None


def _judgement(relation: str) -> _Action:
    def action(session: Session, form: dict[str, str]) -> tuple[list[Path], Callable[[], list[str]]]:
        a, b, reason = _required(form, "a"), _required(form, "b"), _required(form, "reason")
        by = _optional(form, "by")
        today = clock.today().isoformat()
        project = session.project
        return [project.entities_path], lambda: judge.judge_entities(
            project, relation, a, b, reason=reason, by=by, date=today
        )

    return action


def _different_events(session: Session, form: dict[str, str]) -> tuple[list[Path], Callable[[], list[str]]]:
    """The sides as the finding grouped them (``sides``: claim keys by spaces, sides by ``|``), or the
    two claims ``a`` and ``b``; written by the code of ``checker judge different-events``."""
    if "sides" in form:
        sides = [side.split() for side in _required(form, "sides").split(_SIDES)]
    else:
        sides = [[_required(form, "a")], [_required(form, "b")]]
    reason, by = _required(form, "reason"), _optional(form, "by")
    today = clock.today().isoformat()
    project = session.project
    files = [_claim_file(session, key) for side in sides for key in side]
    return [project.entities_path, *dict.fromkeys(files)], lambda: judge.different_events(
        project, sides, reason=reason, by=by, date=today
    )


def _waive(session: Session, form: dict[str, str]) -> tuple[list[Path], Callable[[], list[str]]]:
    fingerprint, reason = _required(form, "fingerprint"), _required(form, "reason")
    by, expires = _optional(form, "by"), _optional(form, "expires")
    if expires is not None:
        try:
            expires = waive._date(expires)
        except argparse.ArgumentTypeError as exc:
            raise UsageError(str(exc)) from None
    project = session.project
    return [project.root / CONFIG_NAME], lambda: waive.waive_finding(
        project, fingerprint, reason, by=by, expires=expires, cache=session.cache()
    )


def _correct(session: Session, form: dict[str, str]) -> tuple[list[Path], Callable[[], list[str]]]:
    key = _required(form, "claim")
    path = _claim_file(session, key)
    changes = {name: value for name, value in form.items() if name == "date" or name.startswith("value.")}
    if not changes:
        raise UsageError("nothing to correct")
    return [path], lambda: correct_claim(session.project, path, key, changes)


def _link_event(session: Session, form: dict[str, str]) -> tuple[list[Path], Callable[[], list[str]]]:
    key, event = _required(form, "claim"), _required(form, "event")
    path = _claim_file(session, key)
    if event not in _events(session.project):
        raise UsageError(f"{event!r} is no event of {session.project.display(session.project.entities_path)}")
    return [path], lambda: correct_claim(session.project, path, key, {"event": event})


def _record_claim(session: Session, form: dict[str, str]) -> tuple[list[Path], Callable[[], list[str]]]:
    source = _required(form, "source")
    path = _claim_file(session, f"{source}/")
    claim: dict[str, Any] = {name: _required(form, name).strip() for name in ("id", "subject", "property")}
    claim["value"] = _yaml_field(form, "value")
    if _optional(form, "date") is not None:
        claim["date"] = _yaml_field(form, "date")
    claim["quote"] = " ".join(_required(form, "quote").split())
    return [path], lambda: record_claim(session.project, path, claim)


def _yaml_field(form: dict[str, str], name: str) -> Any:
    text = _required(form, name)
    try:
        return load_yaml(text).data
    except LoadFailed as failure:
        raise UsageError(
            f"{name}: {failure.problems[0].message} (write it as YAML: {{amount: 10, unit: day}})"
        ) from None


def _claim_file(session: Session, key: str) -> Path:
    """The claim file of a claim key, as the page the editor saw knows it (never a path from the form)."""
    path = session.claim_files.get(key.split("/", 1)[0])
    if path is None:
        raise UsageError(f"no claim file of this page has the source of {key!r}")
    return path


ACTIONS: dict[str, _Action] = {
    "same-as": _judgement("same-as"),
    "distinct-from": _judgement("distinct-from"),
    "different-events": _different_events,
    "waive": _waive,
    "correct": _correct,
    "link-event": _link_event,
    "record-claim": _record_claim,
}


def record_claim(project: Project, path: Path, claim: dict[str, Any]) -> list[str]:
    """Append a claim to the claims of a claim file; its value (and a date that is a mapping) in flow
    style as the repository writes them. The claim must validate and its id be new in the file."""
    try:
        Claim.model_validate(claim)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise UsageError(f"the claim {claim.get('id')!r}: {where}: {first['msg']}") from None
    original = yamlwrite.read(path)
    data = original.data
    claims = data.get("claims") if isinstance(data, dict) else None
    if not isinstance(claims, list):
        raise UsageError(f"{project.display(path)}: no list of claims to add to")
    if any(isinstance(c, dict) and c.get("id") == claim["id"] for c in claims):
        raise UsageError(
            f"{project.display(path)}: a claim {claim['id']!r} exists already; choose another id"
        )
    date = claim.get("date")
    plain = {k: _flow(v) for k, v in claim.items() if k != "date"}
    for name in ("subject", "quote"):  # quoted, as the claim files write them
        plain[name] = DoubleQuotedScalarString(plain[name])

    def change(doc: Any) -> Any:
        yamlwrite.append_record(yamlwrite.top_mapping(doc, path), "claims", plain, path=path)
        if date is not None:
            record = yamlwrite.top_mapping(doc, path)["claims"][-1]
            record.insert(
                list(record).index("value") + 1, "date", _flow(date) if isinstance(date, dict) else date
            )
        return doc

    def expected(old: Any) -> Any:
        old = copy.deepcopy(old)
        old["claims"].append(claim)
        return old

    made = yamlwrite.edit(path, change, expected)
    yamlwrite.replace(*made)
    where = judge.written_at(project, path, made[1], ("claims", len(claims)))
    return [f"{where}: recorded claim {claim['id']} ({claim['property']} of {claim['subject']})"]


def _flow(value: Any) -> Any:
    """A mapping as ``{amount: 10, unit: day}``, as claim files write values."""
    if not isinstance(value, dict):
        return value
    quoted = ("text", "date", "offset")  # ids (a unit, a claim a date is relative to) stay plain
    mapping = CommentedMap(
        {
            k: DoubleQuotedScalarString(v) if isinstance(v, str) and k in quoted else v
            for k, v in value.items()
        }
    )
    mapping.fa.set_flow_style()
    return mapping


# -- correcting a claim -------------------------------------------------------------------------


def correct_claim(project: Project, path: Path, key: str, changes: dict[str, str]) -> list[str]:
    """Set a claim's ``date``, ``event`` or the fields of its ``value`` (``value.amount``: "15") in its file.

    A field keeps its kind: a number stays a number (refused if the new text
    is not one). The claim must still validate; the lossless writer keeps
    every comment and the rest of the file as it was.
    """
    original = yamlwrite.read(path)
    data = original.data
    claims = data.get("claims") if isinstance(data, dict) else None
    source = _source_of(data) if isinstance(data, dict) else None
    index = next(
        (i for i, c in enumerate(claims or []) if isinstance(c, dict) and f"{source}/{c.get('id')}" == key),
        None,
    )
    if claims is None or index is None:
        raise UsageError(f"no claim {key} in {project.display(path)}")
    claim = claims[index]
    new = copy.deepcopy(claim)
    for name, text in changes.items():
        if not text.strip():
            raise UsageError(f"{name} must not be empty")
        if name in ("date", "event"):
            new[name] = text.strip()
            continue
        field_name = name.removeprefix("value.")
        value = new.get("value")
        if not isinstance(value, dict) or field_name not in value:
            raise UsageError(f"{key} has no value field {field_name!r}")
        new["value"][field_name] = _typed(value[field_name], text, name)
    if new == claim:
        raise UsageError(f"{key}: nothing changed")
    try:
        Claim.model_validate(new)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise UsageError(f"{key}: {'.'.join(str(p) for p in first['loc'])}: {first['msg']}") from None

    def change(doc: Any) -> Any:
        item = yamlwrite.top_mapping(doc, path)["claims"][index]
        for name in ("date", "event"):
            if name in changes and name in item:
                item[name] = new[name]
            elif name in changes:  # where the models' order puts it, as checker fmt would
                order = list(Claim.model_fields)
                before = order[: order.index(name)]
                at = max((list(item).index(k) + 1 for k in before if k in item), default=0)
                item.insert(at, name, new[name])
        for name in changes:
            if name.startswith("value."):
                field_name = name.removeprefix("value.")
                item["value"][field_name] = new["value"][field_name]
        return doc

    def expected(old: Any) -> Any:
        old = copy.deepcopy(old)
        old["claims"][index] = new
        return old

    made = yamlwrite.edit(path, change, expected)
    yamlwrite.replace(*made)
    what = ", ".join(f"{n} {_show(claim, n)} \u2192 {_show(new, n)}" for n in changes)
    where = judge.written_at(project, path, made[1], ("claims", index))
    return [f"{where}: corrected {key}: {what}"]


def _source_of(data: dict[str, Any]) -> str | None:
    source = data.get("source")
    value = source.get("id") if isinstance(source, dict) else None
    return value if isinstance(value, str) else None


def _typed(old: Any, text: str, name: str) -> Any:
    if isinstance(old, bool) or not isinstance(old, int | float):
        return text.strip()
    try:
        number = float(text.strip())
    except ValueError:
        raise UsageError(f"{name}: {text!r} is not a number") from None
    return int(number) if number.is_integer() and isinstance(old, int) else number


def _show(claim: dict[str, Any], name: str) -> str:
    if name in ("date", "event"):
        return str(claim.get(name, "none"))
    return str(claim["value"][name.removeprefix("value.")])


# -- HTTP -------------------------------------------------------------------------------------------


class Server(http.server.ThreadingHTTPServer):
    """The review server: its session, and the Host names it answers to."""

    daemon_threads = True

    def __init__(self, session: Session, host: str, port: int) -> None:
        if ":" in host:
            self.address_family = socket.AF_INET6
        super().__init__((host, port), Handler)
        self.session = session
        bound_port = self.server_address[1]
        self.hosts = {f"{name}:{bound_port}" for name in _names(host)}
        self.address = f"http://{_bracketed(host)}:{bound_port}/"


def _bracketed(name: str) -> str:
    return f"[{name}]" if ":" in name else name


def _names(host: str) -> set[str]:
    """The names a browser may give in the Host header to reach a server bound to ``host``.

    Only these are answered, so that a page of another site whose name is
    made to resolve to this computer (DNS rebinding) cannot read the page
    and its token. A wildcard address is reached by this computer's names.
    """
    names = {host}
    if _loopback(host):
        names |= {"127.0.0.1", "localhost", "::1"}
    elif host in ("0.0.0.0", "::", ""):  # every address: the editor chose it with --host
        machine = socket.gethostname()
        names |= {machine, socket.getfqdn(), "127.0.0.1", "localhost", "::1"}
        with contextlib.suppress(OSError):
            names |= set(socket.gethostbyname_ex(machine)[2])
    return {_bracketed(name) for name in names if name}


def make_server(session: Session, host: str = "127.0.0.1", port: int = 0) -> Server:
    """A server for ``session`` on ``host``:``port`` (0: a free port); call ``serve_forever``."""
    return Server(session, host, port)


class Handler(http.server.BaseHTTPRequestHandler):
    """GET / is the page; POST /action is a decision; nothing else is served."""

    server: Server
    server_version = "claimcheck-review"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the terminal shows what was decided, not every request."""

    def do_GET(self) -> None:
        if not self._host_ok():
            return
        if urllib.parse.urlsplit(self.path).path != "/":
            self._send(404, "text/plain; charset=utf-8", b"not found\n")
            return
        session = self.server.session
        with session.lock:
            try:
                page, session.ready = session.ready or session.page(), None
            except (UsageError, ConfigError) as problem:
                self._send(500, "text/plain; charset=utf-8", f"{problem}\n".encode())
                return
        self._send(200, "text/html; charset=utf-8", page.encode("utf-8"))

    def do_POST(self) -> None:
        if not self._host_ok():
            return
        if urllib.parse.urlsplit(self.path).path != "/action":
            self._send(404, "text/plain; charset=utf-8", b"not found\n")
            return
        origin = self.headers.get("Origin")
        foreign = origin is not None and origin not in {f"http://{h}" for h in self.server.hosts}
        if foreign or self.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
            self._send(403, "text/plain; charset=utf-8", b"cross-site post refused\n")
            return
        length = self.headers.get("Content-Length", "")
        if not length.isdigit() or int(length) > MAX_BODY:
            self._send(413, "text/plain; charset=utf-8", b"the form is missing or too large\n")
            return
        body = self.rfile.read(int(length)).decode("utf-8", "replace")
        form = dict(urllib.parse.parse_qsl(body, keep_blank_values=True, max_num_fields=64))
        session = self.server.session
        if not secrets.compare_digest(form.get("token", ""), session.token):
            message = (
                b"the session token is missing or wrong (a page of an earlier session?): reload the page\n"
            )
            self._send(403, "text/plain; charset=utf-8", message)
            return
        with session.lock:
            session.act(form)
            print(escape(session.outcome.message if session.outcome else ""), file=sys.stderr, flush=True)
            try:  # the page after the decision, made now to return to a finding it still has
                session.ready = session.page()
            except (UsageError, ConfigError):
                session.ready = None  # the GET that follows reports it
            location = _back(form, session.ready)
        self.send_response(303)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _host_ok(self) -> bool:
        if self.headers.get("Host") in self.server.hosts:
            return True
        self._send(421, "text/plain; charset=utf-8", b"this server answers only to its own address\n")
        return False

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Content-Security-Policy", "frame-ancestors 'none'")
        # same-origin, not no-referrer: under no-referrer a browser posts the page's forms with "Origin: null"
        self.send_header("Referrer-Policy", "same-origin")
        self.end_headers()
        self.wfile.write(body)


def _back(form: dict[str, str], page: str | None = None) -> str:
    """Where the page returns after a decision: the same filters, at the first of the findings that
    followed the one decided (``next``: their anchors) that ``page``, the page now, still has."""
    query = urllib.parse.parse_qsl(form.get("query", ""), max_num_fields=len(FILTERS))
    kept = urllib.parse.urlencode([(k, v) for k, v in query if k in FILTERS])
    anchors = [a for a in form.get("next", "").split() if _ANCHOR.fullmatch(a)]
    anchor = next((a for a in anchors if page is None or f'id="{a}"' in page), "")
    return "/" + (f"?{kept}" if kept else "") + (f"#{anchor}" if anchor else "")
