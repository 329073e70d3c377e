"""``checker new sources/ARTICLE.txt``: a claim file to start recording an article from.

The file holds the source block, filled in from the text where the text
tells (id from the file name, title from its first heading, sha256,
language guessed from its script and commonest words), and left for the
editor where it cannot: ``outlet`` and ``published`` are written empty, so
that ``checker validate`` and ``checker check`` name exactly those two
lines until they are filled in (a made-up outlet or date would pass every
check and then anchor relative dates and weekdays wrongly). Below it, as
comments, a suggested claim for each number, date and person-like name of
the article (:mod:`checker.text.extract`), each quoting its sentence, its
subject resolved to the catalogue's entity where the name or a variant of
it is known. The output depends on the text and the catalogue only.

Nothing is ever overwritten: an existing target is a usage error (exit 2).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from anyascii import anyascii
from pydantic import TypeAdapter, ValidationError

from checker.corpus import Corpus
from checker.coverage import NameIndex, people_of
from checker.engine import load_corpus
from checker.models import Source
from checker.project import Project, UsageError, find_project
from checker.scaffold import create, schemas_url
from checker.text.extract import DATE, NAME, NUMBER, Candidate, extract
from checker.text.normalise import Span
from checker.text.numbers import format_number

#: Where the editor fills in what the text cannot tell.
PROPERTY = "PROPERTY"


@dataclass(frozen=True)
class Suggestion:
    """A claim ``checker new`` suggests: one candidate fact with its sentence as the quote."""

    id: str
    candidate: Candidate
    subject: str  # a name of the sentence, or SUBJECT when it names none
    entity: str | None  # the catalogue entity the subject resolves to
    names: tuple[tuple[str, str | None], ...]  # every name of the sentence and its entity
    value: str  # the YAML flow mapping of the value
    date: str | None  # the YAML of the claim's date, for a number in a sentence that dates it

    @property
    def quote(self) -> str:
        return " ".join(self.candidate.sentence.split())


class Catalogue:
    """The project's entities, found by any of their names in any of their forms."""

    def __init__(self, corpus: Corpus | None) -> None:
        entities = list(corpus.entities.values()) if corpus is not None else []
        self._index = NameIndex((form, e.id) for e in entities for form in (e.name, *e.aliases))
        self._people = people_of(entities)

    def is_person(self, written: str) -> bool:
        """Whether ``written`` is a name of one of the catalogue's people ("Nurlan" of Nurlan Mamatov)."""
        return bool(self._people.find(written))

    def resolve(self, written: str) -> str | None:
        """The one entity ``written`` is a name (or a variant) of; None when none is, or several are."""
        found = self._index.find(written)
        return found[0] if len(found) == 1 else None


def suggest(text: str, language: str, catalogue: Catalogue) -> list[Suggestion]:
    """A suggested claim for each number, date and person-like name of ``text``, in the article's order."""
    candidates = extract(text, language)
    by_sentence: dict[Span, list[Candidate]] = {}
    for candidate in candidates:
        by_sentence.setdefault(candidate.sentence_span, []).append(candidate)
    suggestions: list[Suggestion] = []
    taken: set[str] = set()
    for candidate in candidates:
        if candidate.kind == NAME and not (candidate.person or catalogue.is_person(candidate.text)):
            continue
        here = by_sentence[candidate.sentence_span]
        named = [c for c in here if c.kind == NAME]
        names = tuple((c.text, catalogue.resolve(c.text)) for c in named)
        people = [n for n, c in zip(names, named, strict=True) if c.person] or [
            n for n in names if n[1] is not None
        ]
        if candidate.kind == NAME:
            subject, entity = candidate.text, catalogue.resolve(candidate.text)
        else:  # the sentence's first person, else its first catalogued name: the editor checks it
            subject, entity = people[0] if people else ("SUBJECT", None)
        dates = [c for c in here if c.kind == DATE]
        suggestions.append(
            Suggestion(
                id=_unique(f"l{candidate.line}-{_slug(candidate.shown)}", taken),
                candidate=candidate,
                subject=subject,
                entity=entity,
                names=names,
                value=_value(candidate),
                date=_date(dates[0]) if candidate.kind == NUMBER and dates else None,
            )
        )
    return suggestions


def _value(candidate: Candidate) -> str:
    if candidate.kind == NUMBER:
        low, high = max(candidate.values, key=lambda v: (v[0] == v[1], v[1]))  # "nine other": 10, not 9
        unit = candidate.unit or "UNIT"
        if low == high:
            return f"{{amount: {format_number(low)}, unit: {unit}}}"
        return f"{{min: {format_number(low)}, max: {format_number(high)}, unit: {unit}}}"
    if candidate.kind == DATE:
        return f"{{date: {_date(candidate)}}}"
    return "{text: TEXT}"


def _date(candidate: Candidate) -> str:
    """A date as a claim writes it; what the text leaves out is left for the editor."""
    if candidate.date is not None:
        return json.dumps(candidate.date)
    if candidate.parts is not None:
        _, month, day = candidate.parts
        return json.dumps("YYYY" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else ""))
    relative = candidate.relative or ""
    if relative.startswith("weekday:"):
        return f"{{weekday: {relative.removeprefix('weekday:')}}}"
    if relative:
        anchor = "published" if candidate.published else "CLAIM-ID"
        return f'{{relative_to: {anchor}, offset: "{relative}"}}'
    return '"YYYY-MM-DD"'


def _slug(text: str) -> str:
    """An id fragment: the first words in Latin letters (other scripts transliterated), joined by hyphens."""
    words = re.findall(r"[a-z0-9]+", anyascii(text).casefold())
    return "-".join(words[:4]) or "fact"


def _unique(wanted: str, taken: set[str]) -> str:
    chosen, number = wanted, 1
    while chosen in taken:
        number += 1
        chosen = f"{wanted}-{number}"
    taken.add(chosen)
    return chosen


# -- the source block ----------------------------------------------------------------------------

_KAZAKH_LETTERS = re.compile(r"[әғқңөұүһі]", re.IGNORECASE)
_GERMAN_WORDS = frozenset(
    [
        "der",
        "die",
        "das",
        "und",
        "ist",
        "nicht",
        "mit",
        "für",
        "ein",
        "eine",
        "den",
        "dem",
        "im",
        "zu",
        "sich",
    ]
)
_ENGLISH_WORDS = frozenset(["the", "and", "of", "to", "is", "was", "for", "on", "that", "with", "by", "he"])


def guess_language(text: str) -> str:
    """The article's language from its script and its commonest words: en, de, ru or kk."""
    cyrillic = len(re.findall(r"[\u0400-\u04ff]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    if cyrillic > latin:
        return "kk" if len(_KAZAKH_LETTERS.findall(text)) > 0.01 * cyrillic else "ru"
    words = re.findall(r"[a-zäöüß]+", text.casefold())
    german = sum(1 for w in words if w in _GERMAN_WORDS)
    english = sum(1 for w in words if w in _ENGLISH_WORDS)
    return "de" if german > english else "en"


def guess_title(text: str) -> str:
    """The article's heading: a Markdown heading, else the first line of four or more words."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines:
        if line.startswith("#"):
            return line.lstrip("#").strip()
    return next((line for line in lines if len(line.split()) >= 4), lines[0] if lines else "")


def source_id(path: Path) -> str:
    """The source id a text's file name gives: lower case, letters, digits, '.', '_' and '-'."""
    stem = re.sub(r"[^a-z0-9._-]+", "-", path.stem.casefold()).strip("-._")
    return stem or "source"


@dataclass(frozen=True)
class Given:
    """What the editor gave on the command line for the source block (None: a placeholder)."""

    outlet: str | None = None
    published: str | None = None
    url: str | None = None

    @property
    def missing(self) -> list[str]:
        """The fields the schema requires that are left for the editor to fill in."""
        return [name for name in ("outlet", "published") if not getattr(self, name)]


def render(
    path_written: str,
    data: bytes,
    text: str,
    suggestions: Sequence[Suggestion],
    *,
    sid: str,
    language: str,
    guessed: bool,
    given: Given = Given(),
) -> str:
    """The claim file ``checker new`` writes for the article ``text`` (its bytes: ``data``), in
    ``language`` (``guessed`` from the text, or given)."""
    outlet = (
        f"  outlet: {json.dumps(given.outlet, ensure_ascii=False)}"
        if given.outlet
        else '  outlet: ""           # the outlet as published, e.g. "RFE/RL\'s Kazakh Service"'
    )
    published = (
        f'  published: "{given.published}"'
        if given.published
        else '  published: ""        # the publication date: YYYY-MM-DD'
    )
    url = (
        f"  url: {json.dumps(given.url)}" if given.url else '  # url: "https://"    # where it was published'
    )
    fill = (
        f"# 1. Fill in {' and '.join(given.missing)} (checker validate names them until then)"
        + (", and url." if not given.url else ".")
        if given.missing
        else "# 1. Check the source block."
    )
    lines = [
        f"# yaml-language-server: $schema={schemas_url()}/claim-file.schema.json",
        "#",
        f"# Claims recorded from {path_written}, started by `checker new`.",
        fill,
        "# 2. Record the facts worth recording: each suggestion below is a claim, commented out;",
        '#    remove the "# " in front of its lines (in place of the [] after claims:), fill in',
        "#    its property, and check its subject, value and quote against the article.",
        "source:",
        f"  id: {sid}",
        f"  title: {json.dumps(guess_title(text), ensure_ascii=False)}",
        outlet,
        published,
        url,
        f"  language: {language}" + ("         # guessed from the text" if guessed else ""),
        f"  text: {path_written}",
        f"  sha256: {hashlib.sha256(data).hexdigest()}",
        "",
        "claims: []",
    ]
    for suggestion in suggestions:
        lines.extend(_suggestion_lines(suggestion))
    return "\n".join(lines) + "\n"


def _suggestion_lines(suggestion: Suggestion) -> list[str]:
    candidate = suggestion.candidate
    entity = f"  # the catalogue's {suggestion.entity}" if suggestion.entity else ""
    others = list(
        dict.fromkeys(f"{n} ({e})" if e else n for n, e in suggestion.names if n != suggestion.subject)
    )
    head = f"# line {candidate.line}: {candidate.kind} {json.dumps(candidate.shown, ensure_ascii=False)}"
    lines = ["#", head + (f"; also named: {', '.join(others)}" if others else "")]
    body = [
        f"- id: {suggestion.id}",
        f"  subject: {json.dumps(suggestion.subject, ensure_ascii=False)}{entity}",
        f"  property: {PROPERTY}",
        f"  value: {suggestion.value}",
    ]
    if suggestion.date is not None:
        body.append(f"  date: {suggestion.date}")
    body.append(f"  quote: {json.dumps(suggestion.quote, ensure_ascii=False)}")
    return lines + [f"#  {line}" for line in body]


# -- the command ---------------------------------------------------------------------------------


def command(args: argparse.Namespace) -> int:
    """Write the claim file for ``args.source``; exit 2 without writing when the target exists."""
    source: Path = args.source
    given = _given(args)  # the options first: a mistake in one is said before anything is read
    if not source.is_file():
        raise UsageError(f"{source}: no such file; name the stored article text (sources/ARTICLE.txt)")
    project = find_project([source])
    if project.display(source).startswith("/"):
        raise UsageError(
            f"{source}: not inside the claims repository at {project.root}; store it under sources/"
        )
    sid = source_id(source)
    target: Path = args.output if args.output is not None else project.claims_dir / f"{sid}.yaml"
    if target.exists() or target.is_symlink():
        raise UsageError(f"{target}: exists already; not overwritten (name another file with -o)")
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise UsageError(f"{source}: cannot read: {exc.strerror or exc.__class__.__name__}") from None
    text = _article(source, data)
    language = args.language or guess_language(text)
    suggestions = suggest(text, language, Catalogue(_catalogue(project)))
    written = project.display(source)
    output = render(
        written, data, text, suggestions, sid=sid, language=language, guessed=not args.language, given=given
    )
    create(target, output, "new")
    print(f"wrote {project.display(target)}: {len(suggestions)} suggested claims (commented out)")
    first = f"fill in {' and '.join(given.missing)}, then " if given.missing else ""
    print(f"next: {first}record the suggestions worth recording")
    return 0


def _article(source: Path, data: bytes) -> str:
    """The article's text; raises UsageError for what no claim can quote: not UTF-8, or empty."""
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise UsageError(
            f"{source}:{line}:{column}: not UTF-8 text (byte 0x{data[exc.start]:02x}); store the article"
            " as UTF-8, as published"
        ) from None
    if not text.strip():
        raise UsageError(f"{source}: the text is empty; store the article as published")
    return text


def _given(args: argparse.Namespace) -> Given:
    """The source fields given with --outlet, --published and --url, checked as the schema checks them."""
    given = Given(*((value or "").strip() or None for value in (args.outlet, args.published, args.url)))
    checked = {
        "id": "checked",
        "title": "checked",
        "outlet": given.outlet or "checked",
        "published": given.published or "2000",
        "url": given.url,
        "language": "en",
        "text": "sources/checked.txt",
        "sha256": "0" * 64,
    }
    try:
        TypeAdapter(Source).validate_python(checked)
    except ValidationError as exc:
        wrong = sorted({str(error["loc"][0]) for error in exc.errors()})
        raise UsageError("; ".join(f"--{name}: {_WANTED.get(name, 'not valid')}" for name in wrong)) from None
    return given


_WANTED = {
    "outlet": "give the outlet's name",
    "published": "not a date: write YYYY-MM-DD (or YYYY-MM, YYYY)",
    "url": "write the address in full, from http:// or https://, without spaces",
}


def _catalogue(project: Project) -> Corpus | None:
    """The project's catalogues (claim files are not read): what names resolve to."""
    if not project.entities_path.is_file():
        return None
    corpus, _ = load_corpus([project.entities_path], project)
    return corpus
