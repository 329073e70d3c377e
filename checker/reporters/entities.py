"""``checker entities``: every name, its variants and where each is written.

One block per entity (after same-as judgements and likely name matches are
joined): the identities in it, each with the forms the sources write and how
often, and for likely-only matches the reason and that no judgement exists.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from checker.resolve import Identities
from checker.textsafe import escape
from checker.wording import plural


def render(ids: Identities) -> str:
    """The entity listing as text."""
    clusters: dict[str, list[str]] = defaultdict(list)
    for identity in ids.by_id:
        clusters[ids.cluster(identity)].append(identity)
    blocks = []
    for members in sorted(clusters.values(), key=lambda m: _cluster_label(ids, m).casefold()):
        blocks.append(_block(ids, sorted(members, key=lambda i: (not ids.by_id[i].explicit, i))))
    total = len(clusters)
    blocks.append(f"{total} {plural('entity', total)}, {len(ids.links)} unjudged name variants\n")
    return "\n".join(blocks)


def _cluster_label(ids: Identities, members: list[str]) -> str:
    explicit = [ids.by_id[m] for m in members if ids.by_id[m].explicit]
    return (explicit[0] if explicit else ids.by_id[min(members)]).label


def _block(ids: Identities, members: list[str]) -> str:
    lines = []
    head = ids.by_id[members[0]]
    kind = f"  {head.type}" if head.type else ""
    lines.append(f"{escape(_cluster_label(ids, members))}{kind}")
    for identity in members:
        node = ids.by_id[identity]
        tag = f"[{identity}]" if node.explicit else "[not in claims/entities.yaml]"
        relation = _relation(ids, members[0], identity)
        lines.append(f"  {tag}{relation}")
        uses: Counter[tuple[str, str]] = Counter(
            (o.written, o.ref.source_id) for o in ids.occurrences.get(identity, [])
        )
        by_form: dict[str, list[str]] = defaultdict(list)
        for (written, source), count in sorted(uses.items()):
            by_form[written].append(f"{source} ({count})")
        for written in sorted(by_form):
            lines.append(f"    {escape(written)}: {', '.join(by_form[written])}")
        if not by_form:
            lines.append("    (no claim names it)")
    return "\n".join(lines) + "\n"


def _relation(ids: Identities, first: str, identity: str) -> str:
    if identity == first:
        return ""
    if ids.certain(first, identity):
        return "  same entity (judgement)"
    for link in ids.links:
        if identity in (link.a, link.b):
            return f"  likely the same, no judgement yet: {link.why}"
    return "  likely the same (through another variant)"
