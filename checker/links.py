"""Web links to a place in the claims repository, for reports that can link a location (Markdown).

A *link template* is an http(s) URL holding ``{path}`` and ``{line}``:
``https://github.com/newsroom/claims/blob/0a1b2c/{path}#L{line}``. It comes
from, in this order:

1. the configuration's ``repository_url``: either the repository's web
   address (``https://github.com/newsroom/claims``; GitHub's form
   ``/blob/{ref}/{path}#L{line}`` is added) or a template of its own for
   another host (``https://gitlab.example/news/claims/-/blob/{ref}/{path}#L{line}``);
2. GitHub Actions' environment: ``GITHUB_SERVER_URL``/``GITHUB_REPOSITORY``.

``{ref}`` is ``GITHUB_SHA`` when it is set (the commit checked, so a link
keeps pointing at the line it named), else ``HEAD``. Without either source
there are no links. A template may hold only characters that need no
escaping in a Markdown link destination, so that a link cannot become
anything else; the path put into it is percent-encoded.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import quote

from checker.findings import Location

PLACEHOLDERS = ("{path}", "{line}", "{ref}")
# A URL whose characters are all safe in a Markdown link destination and an HTML attribute:
# no space, quote, angle bracket, parenthesis, backslash or backtick.
_URL = re.compile(
    r"https?://[A-Za-z0-9.-]+(:[0-9]+)?"  # the host
    r"(/[A-Za-z0-9\-._~!$&*+,;=:@%/{}]*)?(\?[A-Za-z0-9\-._~!$&*+,;=:@%/{}]*)?(#[A-Za-z0-9\-._{}]*)?"
)
_REF = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]*")
_REPOSITORY = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")


def problem(value: str) -> str | None:
    """Why ``value`` cannot be a ``repository_url`` setting; None when it can."""
    if not _URL.fullmatch(value):
        return (
            f"{value!r} is not an http(s) URL this checker can link to (no spaces, quotes, parentheses"
            " or angle brackets; percent-encode them)"
        )
    rest = value
    for placeholder in PLACEHOLDERS:
        rest = rest.replace(placeholder, "")
    if "{" in rest or "}" in rest:
        return f"{value!r}: the only placeholders are {', '.join(PLACEHOLDERS)}"
    if ("{line}" in value or "{ref}" in value) and "{path}" not in value:
        return f"{value!r}: a template needs {{path}} (or give only the repository's address)"
    return None


def template(repository_url: str | None, environ: Mapping[str, str]) -> str | None:
    """The link template of a run, from the configuration or GitHub Actions' environment; None: no links."""
    ref = environ.get("GITHUB_SHA", "").strip()
    if not _REF.fullmatch(ref):
        ref = "HEAD"
    if repository_url:
        if problem(repository_url) is not None:
            return None
        if "{path}" in repository_url:
            return repository_url.replace("{ref}", ref)
        return f"{repository_url.rstrip('/')}/blob/{ref}/{{path}}#L{{line}}"
    server = environ.get("GITHUB_SERVER_URL", "").strip().rstrip("/")
    repository = environ.get("GITHUB_REPOSITORY", "").strip()
    if server and _REPOSITORY.fullmatch(repository):
        found = f"{server}/{repository}/blob/{ref}/{{path}}#L{{line}}"
        if problem(found) is None:
            return found
    return None


def url(link_template: str, location: Location) -> str:
    """The address of ``location`` (a repo-relative path and a line) by ``link_template``."""
    path = quote(location.path.lstrip("/"), safe="/-._~", errors="replace")
    return link_template.replace("{path}", path).replace("{line}", str(max(1, location.line)))
