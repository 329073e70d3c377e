"""Baselines: adopt the checker on an archive with many reviewed findings; fail only on new ones.

``checker check --write-baseline FILE`` records every finding of a run
(after waivers); ``--baseline FILE`` then leaves out of the output and the
exit code each finding the file records, counts it, and lists the entries
that no finding matches any more (stale: the fix landed, or a claim
changed), so that the file can be pruned. A waiver is a reviewed decision
with a reason; a baseline is a bulk "known before we started", like
SwiftLint's ``--baseline`` or ESLint's bulk suppressions.

An entry matches a finding by three things:

* the rule code and the fingerprint, which survive edits that move text
  (:func:`checker.findings.make_fingerprint`);
* a hash of the *content* of the claims the finding involves (its subject's
  ``source-id/claim-id`` keys): each claim's data as loaded, in canonical
  JSON. Line numbers and YAML comments are not part of it, so moving text or
  commenting keeps the match; changing a value, a date or a quote, or a
  claim joining or leaving the finding, brings the finding back as new: what
  was reviewed is no longer what is there. A claim's ``note`` is left out
  too: it is the editor's comment, and annotating a claim while reviewing it
  must not undo the review. A finding about no claim (a load, schema or
  catalogue problem) hashes what it is about instead (file, key path,
  detail), which its fingerprint already names. So does a finding about
  names alone (entities and no fact: N001, N004): the names are what was
  reviewed, and its claims only show where they are written (N001 shows
  the first claim of each source that writes each spelling, so a claim
  added above it would otherwise bring the finding back).

Entries are a multiset: two findings with the same code, fingerprint and
content are one entry with ``count: 2``, and a third such finding is new.

The file is versioned JSON, sorted, with no timestamp, so that rewriting it
after no change gives the same bytes and a review diff shows only what
changed. Each entry carries the severity, path, claims and a short message
of the finding when it was written, for the people reviewing the file;
matching reads none of them, though the claims and path tell a partial run
which entries it could have judged.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated, Any, Final, Literal

from pydantic import ConfigDict, Field, TypeAdapter, ValidationError, with_config
from typing_extensions import TypedDict  # pydantic reads only this TypedDict before Python 3.12

from checker.corpus import ClaimRef, Corpus
from checker.findings import Finding, Severity
from checker.project import UsageError
from checker.textsafe import escape

FORMAT_VERSION: Final = 1
MESSAGE_LIMIT: Final = 200  # characters of a finding's message kept in an entry, for reviewers
HASH_LENGTH: Final = 16  # hex digits of the content hash, as many as a fingerprint has
_NOT_IN_HASH: Final = frozenset({"note"})  # claim fields that are comments, not facts

Key = tuple[str, str, str]  # (code, fingerprint, content)
SeverityName = Literal["error", "warning", "info"]
_FILE = ConfigDict(extra="forbid", strict=True)


class BaselineError(UsageError):
    """A baseline file that cannot be used: the CLI reports it as ``checker: error: ...``, exit 2."""


@with_config(_FILE)
class BaselineEntryDoc(TypedDict):
    """One entry of a baseline file: findings that were there when it was written."""

    code: Annotated[str, Field(min_length=1, description="The rule code, e.g. V001.", examples=["V001"])]
    fingerprint: Annotated[
        str,
        Field(
            pattern=r"^[0-9a-fA-F]{16}$",
            description="The findings' fingerprint.",
            examples=["0123456789abcdef"],
        ),
    ]
    content: Annotated[
        str,
        Field(
            pattern=r"^[0-9a-fA-F]{16}$",
            description="Hash of the data of the claims the findings involve (of what they are about,"
            " for a finding about no claim or about names alone).",
            examples=["fedcba9876543210"],
        ),
    ]
    count: Annotated[
        int,
        Field(ge=1, description="How many findings with this code, fingerprint and content.", examples=[1]),
    ]
    severity: Annotated[
        SeverityName, Field(description="Their severity when recorded (not matched).", examples=["warning"])
    ]
    path: Annotated[
        str,
        Field(
            description="Where they were reported when recorded (not matched).",
            examples=["claims/rferl-kunbolat-15-days.yaml"],
        ),
    ]
    claims: Annotated[
        list[str],
        Field(
            description="The source-id/claim-id keys they involve.",
            examples=[["rferl-kunbolat-15-days/sentence"]],
        ),
    ]
    message: Annotated[
        str,
        Field(
            description="The first one's message, shortened (not matched).",
            examples=["jail sentence of Baibolat Kunbolat: 10 days or 15 days"],
        ),
    ]


@with_config(_FILE)
class BaselineDoc(TypedDict):
    """A baseline file."""

    version: Literal[1]
    entries: list[BaselineEntryDoc]


_ADAPTER: Final = TypeAdapter(BaselineDoc)


@dataclass(frozen=True)
class Entry:
    """One entry: ``count`` findings of one code, fingerprint and content."""

    code: str
    fingerprint: str
    content: str
    count: int
    severity: SeverityName
    path: str
    claims: tuple[str, ...]
    message: str

    @property
    def key(self) -> Key:
        """What a finding must have to match this entry."""
        return (self.code, self.fingerprint, self.content)

    def sort_key(self) -> tuple[str, str, str, str]:
        """File order: by path, so that a review reads one claim file's entries together."""
        return (self.path, self.code, self.fingerprint, self.content)

    def doc(self) -> BaselineEntryDoc:
        """The entry as JSON-ready data (the baseline file and the JSON report share this shape)."""
        return {
            "code": self.code,
            "fingerprint": self.fingerprint,
            "content": self.content,
            "count": self.count,
            "severity": self.severity,
            "path": self.path,
            "claims": list(self.claims),
            "message": self.message,
        }


@dataclass(frozen=True)
class Baseline:
    """The entries of a baseline file, one per key (duplicates in the file are added up)."""

    entries: tuple[Entry, ...] = ()


@dataclass(frozen=True)
class Applied:
    """What applying a baseline did to a run's findings."""

    findings: tuple[Finding, ...]  # new: reported, and counted for the exit code
    baselined: tuple[Finding, ...]  # matched an entry: left out, but counted
    stale: tuple[Entry, ...]  # entries (with the count nothing matched) the run could have matched


# -- content -------------------------------------------------------------------------------


class Contents:
    """The content hash of findings, from the claims of one corpus (each claim serialised once, if asked)."""

    def __init__(self, corpus: Corpus | None) -> None:
        self._refs: dict[str, list[ClaimRef]] = {}
        for ref in corpus.claims() if corpus is not None else ():
            self._refs.setdefault(ref.key, []).append(ref)
        self._data: dict[str, list[str]] = {}

    def _claims(self, key: str) -> list[str]:
        """The canonical data of every claim with this key, sorted."""
        if key not in self._data:
            dumped = (
                r.claim.model_dump(mode="json", exclude=set(_NOT_IN_HASH)) for r in self._refs.get(key, [])
            )
            self._data[key] = sorted(_canonical(data) for data in dumped)
        return self._data[key]

    def of(self, finding: Finding) -> str:
        """The hash of the data of the finding's claims, or of its subject when it names none.

        A key that names two claims (a duplicated id) hashes both; a key that
        names none (a claim since removed) hashes as absent. A finding about
        names alone hashes its subject too (see the module's docstring).
        """
        subject = finding.subject
        material: Any
        about_names = bool(subject.entities) and subject.fact is None
        if subject.claims and not about_names:
            material = {"claims": [[key, self._claims(key)] for key in sorted(set(subject.claims))]}
        else:
            material = {"subject": list(subject.fingerprint_material())}
        return hashlib.sha256(_canonical(material).encode("ascii")).hexdigest()[:HASH_LENGTH]


def _canonical(data: Any) -> str:
    """JSON with sorted keys and no spaces, ASCII only (so a lone surrogate still hashes)."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


# -- recording and writing -----------------------------------------------------------------


def record(findings: Iterable[Finding], corpus: Corpus | None) -> Baseline:
    """A baseline holding every one of ``findings``, counted by code, fingerprint and content."""
    contents = Contents(corpus)
    counts: Counter[Key] = Counter()
    first: dict[Key, Finding] = {}
    for finding in sorted(findings, key=Finding.sort_key):
        key = (finding.code, finding.fingerprint, contents.of(finding))
        counts[key] += 1
        first.setdefault(key, finding)
    entries = [_entry(key, first[key], counts[key]) for key in counts]
    return Baseline(tuple(sorted(entries, key=Entry.sort_key)))


_SEVERITY_NAMES: dict[Severity, SeverityName] = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "info",
}


def _entry(key: Key, finding: Finding, count: int) -> Entry:
    message = escape(finding.message)
    if len(message) > MESSAGE_LIMIT:
        message = message[: MESSAGE_LIMIT - 1] + "\u2026"
    return Entry(
        *key,
        count=count,
        severity=_SEVERITY_NAMES[finding.severity],
        path=finding.location.path,
        claims=tuple(sorted(set(finding.subject.claims))),
        message=message,
    )


def dumps(baseline: Baseline) -> str:
    """The file's text: sorted keys, two-space indent, UTF-8 as itself, a final newline."""
    doc: BaselineDoc = {"version": FORMAT_VERSION, "entries": [e.doc() for e in baseline.entries]}
    text = json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False)
    return text.encode("utf-8", "replace").decode("utf-8") + "\n"  # a lone surrogate becomes '?'


# -- reading -------------------------------------------------------------------------------


def load(path: Path) -> Baseline:
    """Read a baseline file; anything unusable is a :class:`BaselineError` naming the file."""
    shown = escape(str(path))
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise BaselineError(f"--baseline {shown}: no such file (write one with --write-baseline)") from None
    except OSError as exc:
        raise BaselineError(f"--baseline {shown}: cannot read it: {exc.strerror or exc}") from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise BaselineError(f"--baseline {shown}: not UTF-8 (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(
            f"--baseline {shown}: not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    except ValueError as exc:  # e.g. an integer of more digits than Python converts
        raise BaselineError(f"--baseline {shown}: not JSON: {escape(str(exc))}") from None
    except RecursionError:
        raise BaselineError(f"--baseline {shown}: not a baseline: nested too deeply") from None
    if not isinstance(data, dict) or "version" not in data:
        raise BaselineError(
            f"--baseline {shown}: not a baseline file (expected a JSON object with version and entries)"
        )
    if data["version"] != FORMAT_VERSION or isinstance(data["version"], bool):
        raise BaselineError(
            f"--baseline {shown}: baseline version {escape(repr(data['version'])[:40])} is not supported"
            f" (this checker reads version {FORMAT_VERSION}); rewrite it with --write-baseline"
        )
    try:
        doc = _ADAPTER.validate_python(data)
    except ValidationError as exc:
        problems = [
            f"{'.'.join(str(part) for part in error['loc']) or '(top)'}: {error['msg']}"
            for error in exc.errors()[:3]
        ]
        more = f" (and {exc.error_count() - 3} more)" if exc.error_count() > 3 else ""
        raise BaselineError(
            f"--baseline {shown}: not a valid baseline: {escape('; '.join(problems))}{more}"
        ) from None
    return _from_doc(doc)


def _from_doc(doc: BaselineDoc) -> Baseline:
    """Entries by key; two entries with one key (a hand merge) add up."""
    merged: dict[Key, Entry] = {}
    for item in doc["entries"]:
        entry = Entry(
            code=item["code"],
            fingerprint=item["fingerprint"].lower(),
            content=item["content"].lower(),
            count=item["count"],
            severity=item["severity"],
            path=item["path"],
            claims=tuple(item["claims"]),
            message=item["message"],
        )
        earlier = merged.get(entry.key)
        if earlier is not None:
            entry = replace(earlier, count=earlier.count + entry.count)
        merged[entry.key] = entry
    return Baseline(tuple(merged.values()))


# -- applying ------------------------------------------------------------------------------


def apply(
    findings: Sequence[Finding],
    baseline: Baseline,
    corpus: Corpus | None,
    *,
    judged: Callable[[Entry], bool] = lambda entry: True,
) -> Applied:
    """Split ``findings`` into new and baselined; list the entries left unmatched.

    Findings are matched in their order (the report's), each using up one of
    its entry's count. ``judged`` says whether this run could have produced
    an entry's findings (a run of some rules or some files cannot tell that
    an entry of another is stale); only those entries are listed as stale.
    """
    contents = Contents(corpus)
    left = Counter({entry.key: entry.count for entry in baseline.entries})
    new: list[Finding] = []
    baselined: list[Finding] = []
    for finding in findings:
        key = (finding.code, finding.fingerprint, contents.of(finding))
        if left[key] > 0:
            left[key] -= 1
            baselined.append(finding)
        else:
            new.append(finding)
    stale = [
        replace(entry, count=left[entry.key])
        for entry in baseline.entries
        if left[entry.key] > 0 and judged(entry)
    ]
    return Applied(tuple(new), tuple(baselined), tuple(sorted(stale, key=Entry.sort_key)))
