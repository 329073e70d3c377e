"""``checker entities``: every name, its variants and where each is written, as text or JSON.

One block per entity (after same-as judgements and likely name matches are
joined): the identities in it, each with the forms the sources write and how
often, and for likely-only matches the reason and that no judgement exists.

The JSON form (``--format json``) holds the same, sorted the same way::

    {
      "version": 1,
      "entities": [                       # by label, case-insensitively
        {
          "label": "Baibolat Kunbolat",   # the house spelling, or the first name written
          "type": "person",               # from claims/entities.yaml; null when not catalogued
          "identities": [                 # catalogued first, then by id
            {
              "id": "baibolat-kunbolat",  # a catalogue id, or name:... for a name not catalogued
              "catalogued": true,
              "relation": null,           # to the first identity: null (it is the first),
                                          # "same-as" (a judgement or the catalogue says so),
                                          # "likely" (a name variant, no judgement yet: see "why"),
                                          # "likely-through-variant" (likely, through another one)
              "why": null,                # for "likely": what makes the names alike
              "names": [                  # the forms claims write, sorted
                {"written": "Baibolat Kunbolat",
                 "sources": [{"source": "rferl-kunbolat-15-days", "count": 8}]}
              ]
            }
          ]
        }
      ],
      "summary": {"entities": 19, "unjudged_variants": 1}
    }

Text escapes control and bidi characters (:func:`checker.textsafe.escape`);
JSON holds names as written (JSON escapes control characters; a lone
surrogate becomes U+FFFD), so a consumer that displays it must escape it.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import Any

from checker.reporters.common import without_surrogates
from checker.resolve import Identities
from checker.textsafe import escape
from checker.wording import plural

FORMAT_VERSION = 1
FORMATS = ("text", "json")


def render(ids: Identities) -> str:
    """The entity listing as text."""
    clusters = _clusters(ids)
    blocks = [_block(ids, members) for members in clusters]
    variants = len(ids.links)
    blocks.append(
        f"{len(clusters)} {plural('entity', len(clusters))},"
        f" {variants} unjudged name {plural('variant', variants)}\n"
    )
    return "\n".join(blocks)


def render_json(ids: Identities) -> str:
    """The entity listing as JSON: sorted keys, two-space indent, a final newline."""
    return without_surrogates(json.dumps(document(ids), indent=2, sort_keys=True, ensure_ascii=False)) + "\n"


def document(ids: Identities) -> dict[str, Any]:
    """The entity listing as JSON-ready data (the shape is in the module docstring)."""
    clusters = _clusters(ids)
    entities = []
    for members in clusters:
        head = ids.by_id[members[0]]
        identities = []
        for identity in members:
            relation, why = _relation(ids, members[0], identity)
            names = [
                {"written": written, "sources": [{"source": s, "count": n} for s, n in sources]}
                for written, sources in _uses(ids, identity).items()
            ]
            identities.append(
                {
                    "id": identity,
                    "catalogued": ids.by_id[identity].explicit,
                    "relation": relation,
                    "why": why,
                    "names": names,
                }
            )
        entities.append(
            {
                "label": _cluster_label(ids, members),
                "type": str(head.type) if head.type else None,
                "identities": identities,
            }
        )
    return {
        "version": FORMAT_VERSION,
        "entities": entities,
        "summary": {"entities": len(clusters), "unjudged_variants": len(ids.links)},
    }


def _clusters(ids: Identities) -> list[list[str]]:
    """The identities of each entity, catalogued first; entities by label, case-insensitively."""
    clusters: dict[str, list[str]] = defaultdict(list)
    for identity in ids.by_id:
        clusters[ids.cluster(identity)].append(identity)
    ordered = [sorted(members, key=lambda i: (not ids.by_id[i].explicit, i)) for members in clusters.values()]
    return sorted(ordered, key=lambda m: (_cluster_label(ids, m).casefold(), _cluster_label(ids, m), m[0]))


def _cluster_label(ids: Identities, members: list[str]) -> str:
    explicit = [ids.by_id[m] for m in members if ids.by_id[m].explicit]
    return (explicit[0] if explicit else ids.by_id[min(members)]).label


def _uses(ids: Identities, identity: str) -> dict[str, list[tuple[str, int]]]:
    """Each form claims write for ``identity`` (sorted), with the sources writing it and how often."""
    uses: Counter[tuple[str, str]] = Counter(
        (o.written, o.ref.source_id) for o in ids.occurrences.get(identity, [])
    )
    by_form: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for (written, source), count in sorted(uses.items()):
        by_form[written].append((source, count))
    return dict(sorted(by_form.items()))


def _block(ids: Identities, members: list[str]) -> str:
    lines = []
    head = ids.by_id[members[0]]
    kind = f"  {head.type}" if head.type else ""
    lines.append(f"{escape(_cluster_label(ids, members))}{kind}")
    for identity in members:
        node = ids.by_id[identity]
        tag = f"[{identity}]" if node.explicit else "[not in claims/entities.yaml]"
        lines.append(f"  {tag}{_relation_text(*_relation(ids, members[0], identity))}")
        by_form = _uses(ids, identity)
        for written, sources in by_form.items():
            lines.append(f"    {escape(written)}: {', '.join(f'{s} ({n})' for s, n in sources)}")
        if not by_form:
            lines.append("    (no claim names it)")
    return "\n".join(lines) + "\n"


def _relation(ids: Identities, first: str, identity: str) -> tuple[str | None, str | None]:
    """How ``identity`` joins the entity's first identity, and for a likely match why."""
    if identity == first:
        return None, None
    if ids.certain(first, identity):
        return "same-as", None
    for link in ids.links:
        if identity in (link.a, link.b):
            return "likely", link.why
    return "likely-through-variant", None


def _relation_text(relation: str | None, why: str | None) -> str:
    if relation is None:
        return ""
    if relation == "same-as":
        return "  same entity (judgement)"
    if relation == "likely":
        return f"  likely the same, no judgement yet: {why}"
    return "  likely the same (through another variant)"
