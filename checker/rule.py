"""What a rule is: metadata, documentation with runnable examples, a check.

Every code the checker can report has a :class:`Rule`, registered in
:mod:`checker.rules`. Rules of the ``load`` and ``schema`` stages document
problems the loader and validator find, and ``waiver`` rules those found
when applying the configuration's waivers; their module holds no check, so
each names the file that does (``checked_in``). ``corpus`` rules carry a
``check`` that reads the run's :class:`~checker.analysis.Analysis` and yields findings.
Rules
never print or exit.

A rule's module docstring is its documentation (``checker explain CODE``).
It has a one-line summary, prose on what and why, and ``Bad:`` and ``Good:``
sections holding fenced YAML examples. An example block may begin with a
``# file: PATH`` line naming the file it stands for (default
``claims/example.yaml``). The tests run every example: each bad one must
produce the rule's code, each good one must not.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from checker import REPOSITORY_URL, __version__
from checker.findings import Finding, Location, Quote, Severity, Subject

if TYPE_CHECKING:
    from checker.analysis import Analysis

Check = Callable[["Analysis"], Iterable[Finding]]

DEFAULT_EXAMPLE_PATH = "claims/example.yaml"
#: Every rule's documentation, generated from the rule modules (``checker rules --markdown``).
RULES_DOC = "docs/rules.md"
_FENCE = re.compile(r"```yaml\n(.*?)```", re.DOTALL)
_FILE_LINE = re.compile(r"^# file: (\S+)\n")


@dataclass(frozen=True)
class Example:
    """Files that together show a rule firing (bad) or not (good)."""

    files: tuple[tuple[str, str], ...]  # (repo-relative path, text)
    runnable: bool = True


@dataclass(frozen=True)
class Rule:
    """A rule's metadata and, for corpus rules, its check."""

    code: str
    name: str
    severity: Severity
    doc: str
    stage: str = "corpus"  # "load", "schema", "corpus" or "waiver"
    enabled: bool = True  # False: runs only when the configuration gives it a severity
    check: Check | None = field(default=None, compare=False)
    # Where a rule without a check is checked: a repo path such as "checker/loader.py".
    checked_in: str = ""

    @property
    def where_checked(self) -> str:
        """The repo path of the code that finds this rule's problems (a corpus rule's own module)."""
        if self.checked_in or self.check is None:
            return self.checked_in
        return self.check.__module__.replace(".", "/") + ".py"

    @property
    def summary(self) -> str:
        """The first line of the documentation."""
        return self.doc.strip().splitlines()[0].strip() if self.doc.strip() else ""

    @property
    def description(self) -> str:
        """The documentation without its examples: what the rule checks and why."""
        text = self.doc.strip()
        cut = re.search(r"^\s*Bad:\s*$", text, re.MULTILINE)
        return (text[: cut.start()] if cut else text).strip()

    @property
    def anchor(self) -> str:
        """The rule's anchor in docs/rules.md: GitHub's id for its heading ``### R001 unknown-entity``."""
        return f"{self.code}-{self.name}".lower()

    @property
    def help_uri(self) -> str:
        """The rule's documentation in docs/rules.md, as published at this version's tag."""
        return f"{REPOSITORY_URL}/blob/v{__version__}/{RULES_DOC}#{self.anchor}"

    def examples(self, kind: str) -> list[Example]:
        """The ``Bad:`` or ``Good:`` examples of the documentation."""
        return parse_examples(self.doc, kind)

    def finding(
        self,
        message: str,
        location: Location,
        *,
        subject: Subject,
        related: Iterable[Location] = (),
        quotes: Iterable[Quote] = (),
        action: str | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding of this rule about ``subject`` (its fingerprint is made from the subject)."""
        return Finding(
            code=self.code,
            rule=self.name,
            severity=severity or self.severity,
            message=message,
            location=location,
            related=tuple(related),
            quotes=tuple(quotes),
            action=action,
            subject=subject,
        )


def parse_examples(doc: str, kind: str) -> list[Example]:
    """Split a docstring section (``Bad:``/``Good:``) into its examples.

    Consecutive fenced blocks form one example (several files); a paragraph
    of prose between blocks starts a new example.
    """
    section = _section(doc, kind)
    examples: list[Example] = []
    current: list[tuple[str, str]] = []
    runnable = True
    position = 0
    for match in _FENCE.finditer(section):
        between = section[position : match.start()]
        if current and between.strip():
            examples.append(Example(tuple(current), runnable))
            current, runnable = [], True
        body = _dedent(match.group(1))
        if body.startswith("# norun"):
            runnable = False
        named = _FILE_LINE.match(body)
        path = named.group(1) if named else DEFAULT_EXAMPLE_PATH
        current.append((path, body[named.end() :] if named else body))
        position = match.end()
    if current:
        examples.append(Example(tuple(current), runnable))
    return examples


def _section(doc: str, kind: str) -> str:
    pattern = rf"^\s*{kind}:\s*$(.*?)(?=^\s*(?:Bad|Good):\s*$|\Z)"
    found = re.search(pattern, doc, re.MULTILINE | re.DOTALL)
    return found.group(1) if found else ""


def _dedent(block: str) -> str:
    lines = block.splitlines()
    indents = [len(line) - len(line.lstrip(" ")) for line in lines if line.strip()]
    cut = min(indents, default=0)
    return "\n".join(line[cut:] for line in lines).rstrip() + "\n"
