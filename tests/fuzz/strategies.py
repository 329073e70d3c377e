"""Hypothesis strategies for claim repositories, at three levels.

1. model level: valid documents (claim files, entities.yaml, properties.yaml) as Python trees;
2. YAML-tree level: a valid tree mutated (keys dropped, duplicated, retyped, values swapped,
   hostile strings and extreme numbers inserted);
3. bytes level: the serialised file mutated (bits flipped, bytes inserted, truncated, CR/CRLF).

A repository is a dict of repo-relative path -> file bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
from typing import Any

from hypothesis import strategies as st
from ruamel.yaml import YAML

Tree = Any
Files = dict[str, bytes]

LATIN = "abcdefghijklmnopqrstuvwxyz"
CYRILLIC = "абвгдежзийклмнопрстуфхцчшщъыьэюя"
KAZAKH = CYRILLIC + "әғқңөұүһі"
SUFFIXES = ("", "", "uly", "kyzy", "ov", "ova", "ovich", "ұлы", "қызы", "ов", "ева")
KNOWN_NAMES = (
    "Baibolat Kunbolatuly",
    "Baibolat Kunbolat",
    "Kunbolatuly",
    "Baimurat",
    "Qasym-Zhomart Toqaev",
    "Kassym-Jomart Tokayev",
    "Тоқаев",
    "Токаев",
    "Зауатхан Тұрсын",
    "Chinese Consulate in Almaty",
    "Almaty",
    "Алматы",
    "he",
    "Kunbolatuly's mother",
)
HOSTILE = (
    "\x00",
    "\x1b[31mred\x1b[0m",
    "\x07\x08\x0b\x0c\x7f\x85\x9f",
    "\r",
    "\r\n",
    "\t",
    "\u202eevil\u202c",
    "\u2066isolate\u2069",
    "\u200e\u200f\u061c",
    "\u200b\u200c\u200d\ufeff",
    "</script><script>alert(1)</script>",
    "::error::injected",
    "\n::warning file=x::y",
    "%0A%0D%25",
    "]]>",
    "<![CDATA[",
    "[link](https://example.com)",
    "*bold* _it_ `code` | table |",
    "<b>&amp;</b>",
    "\ud800",
    "\U0001f600",
    "\u2028\u2029",
    "{{ 7*7 }}",
    "x" * 5000,
    "Ж" * 20000,
)
#: Hostile text a valid document can carry (YAML escapes it; lone surrogates and NUL it cannot), short.
CARRIED = tuple(
    h for h in HOSTILE if len(h) < 100 and "\x00" not in h and not any("\ud800" <= c <= "\udfff" for c in h)
)
EXTREME_NUMBERS: tuple[object, ...] = (
    0,
    -0.0,
    1e15,
    -1e15,
    1e15 + 1,
    1e16,
    1e308,
    -1e308,
    5e-324,
    1e-300,
    10**30,
    -(10**30),
    2**63,
    2**64 + 1,
    0.1,
    float("inf"),
    float("nan"),
    True,
    False,
)

DIMENSIONS = {
    "duration": ("day", "week", "month", "year", "hour", "minute", "second", "days"),
    "count": ("person", "count", "people", "protester"),
    "money": ("usd", "eur", "kzt", "rub"),
    "ratio": ("percent", "%"),
    "length": ("metre", "km"),
}
APPROX = ("exact", "about", "at-least", "more-than", "at-most", "less-than", "nearly")
VAGUE = (
    "several",
    "dozens",
    "hundreds",
    "thousands",
    "tens-of-thousands",
    "hundreds-of-thousands",
    "millions",
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
LANGUAGES = ("en", "ru", "kk", "de", "kk-Latn")
#: Characters a valid document may hold anywhere (hostile ones come with the mutations).
PLAIN = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp"))


# -- model level -------------------------------------------------------------------------------


@st.composite
def names(draw: st.DrawFn) -> str:
    """A person's or place's name in Latin, Cyrillic or Kazakh letters, or a known one."""
    if draw(st.booleans()):
        name = draw(st.sampled_from(KNOWN_NAMES))
    else:
        alphabet = draw(st.sampled_from((LATIN, CYRILLIC, KAZAKH)))
        words = draw(st.lists(st.text(alphabet, min_size=2, max_size=9), min_size=1, max_size=3))
        name = " ".join(w.capitalize() for w in words) + draw(st.sampled_from(SUFFIXES))
    if draw(st.integers(0, 7)) == 0:  # valid, but hostile to whatever shows it
        name = draw(st.sampled_from(CARRIED)) + name + draw(st.sampled_from(CARRIED))
    return name


def partial_dates() -> st.SearchStrategy[str]:
    full = st.dates(min_value=dt.date(1, 1, 1)).map(lambda d: d.isoformat())
    near = st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2023, 12, 31)).map(
        lambda d: d.isoformat()
    )
    return st.one_of(near, near.map(lambda s: s[:7]), near.map(lambda s: s[:4]), full)


def offsets() -> st.SearchStrategy[str]:
    unit = st.sampled_from(("day", "days", "week", "weeks", "month", "months", "year", "years"))
    amount = st.one_of(st.integers(-40, 40), st.integers(-99999, 99999))
    sign = st.sampled_from(("", "+"))
    return st.builds(lambda a, s, u: f"{s if a >= 0 else ''}{a} {u}", amount, sign, unit)


def date_specs(earlier: list[str]) -> st.SearchStrategy[object]:
    """A date: partial, relative (to an earlier claim or 'published'), weekday, or span."""
    anchors = st.sampled_from(["published", *earlier])
    relative = st.fixed_dictionaries({"relative_to": anchors, "offset": offsets()})
    weekday = st.fixed_dictionaries(
        {"weekday": st.sampled_from(WEEKDAYS)},
        optional={
            "relative_to": anchors,
            "direction": st.sampled_from(("before", "after")),
            "date": partial_dates().filter(lambda s: len(s) == 10),
        },
    )
    span = st.tuples(partial_dates(), partial_dates()).map(lambda ab: {"from": min(ab), "to": max(ab)})
    return st.one_of(partial_dates(), relative, weekday, span)


def times() -> st.SearchStrategy[str]:
    zone = st.sampled_from(("", "Z", "+06:00", "-05:30", "+14:00"))
    return st.builds(
        lambda h, m, s, z: f"{h:02d}:{m:02d}{s}{z}",
        st.integers(0, 23),
        st.integers(0, 59),
        st.sampled_from(("", ":00", ":59")),
        zone,
    )


def amounts() -> st.SearchStrategy[float | int]:
    return st.one_of(
        st.integers(0, 2000),
        st.integers(-(10**15), 10**15),
        st.floats(-1e15, 1e15, allow_nan=False, allow_infinity=False),
        st.sampled_from((0.5, 2.5, 1e-9, 1e15, -1e15)),
    )


@st.composite
def quantity_values(draw: st.DrawFn, dimension: str) -> dict[str, object]:
    unit = draw(st.sampled_from(DIMENSIONS[dimension]))
    form = draw(st.sampled_from(("amount", "range", "min", "max", "vague")))
    value: dict[str, object] = {"unit": unit}
    if form == "amount":
        value["amount"] = draw(amounts())
    elif form == "range":
        a, b = draw(amounts()), draw(amounts())
        value["min"], value["max"] = min(a, b), max(a, b)
    elif form in ("min", "max"):
        value[form] = draw(amounts())
    else:
        value["vague"] = draw(st.sampled_from(VAGUE))
    if form != "vague" and draw(st.booleans()):
        value["approx"] = draw(st.sampled_from(APPROX))
    return value


PROPERTY_KINDS = ("quantity", "date", "text", "entity")
WORDS = ("guilty", "acquitted", "released", "detained", "виновен", "кінәлі", "Schuldig")


@st.composite
def properties_files(draw: st.DrawFn) -> dict[str, object]:
    """properties.yaml: a few properties of every kind, with their options."""
    props = []
    for i in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(PROPERTY_KINDS))
        prop: dict[str, object] = {"id": f"prop-{i}", "label": draw(names()), "kind": kind}
        if kind == "quantity":
            prop["dimension"] = draw(st.sampled_from(sorted(DIMENSIONS)))
        if draw(st.booleans()):
            prop["single_valued"] = draw(st.booleans())
        if draw(st.booleans()):
            prop["time_series"] = True
            if draw(st.booleans()):
                prop["monotonic"] = draw(st.sampled_from(("increasing", "decreasing")))
        if kind == "text" and draw(st.booleans()):
            prop["vocabulary"] = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4, unique=True))
        if draw(st.booleans()):
            prop["scope"] = draw(
                st.lists(st.sampled_from(("place", "charge", "court", "category")), max_size=2)
            )
        if draw(st.booleans()):
            prop["tolerance"] = {
                "absolute": draw(st.integers(0, 10)),
                "relative": draw(st.sampled_from((0, 0.1, 1))),
            }
        if draw(st.booleans()):
            prop["description"] = draw(st.text(PLAIN, min_size=1, max_size=30))
        props.append(prop)
    units: list[dict[str, object]] = [{"name": "protester", "dimension": "count"}]
    if draw(st.booleans()):
        units.append({"name": "fortnight", "dimension": "duration", "factor": 14})
    return {"units": units, "properties": props}


@st.composite
def entities_files(draw: st.DrawFn) -> dict[str, object]:
    """entities.yaml: entities with aliases, events, and judgements between entities."""
    entities = []
    for i in range(draw(st.integers(0, 5))):
        entity: dict[str, object] = {
            "id": f"ent-{i}",
            "name": draw(names()),
            "type": draw(st.sampled_from(("person", "organisation", "place", "group", "event", "other"))),
        }
        if draw(st.booleans()):
            entity["aliases"] = draw(st.lists(names(), max_size=3))
        entities.append(entity)
    events = [
        {
            "id": f"event-{i}",
            "name": draw(names()),
            **({"date": draw(partial_dates())} if draw(st.booleans()) else {}),
        }
        for i in range(draw(st.integers(0, 2)))
    ]
    judgements = []
    if len(entities) >= 2:
        for _ in range(draw(st.integers(0, 3))):
            pair = draw(st.lists(st.sampled_from([e["id"] for e in entities]), min_size=2, max_size=2))
            judgements.append(
                {
                    "relation": draw(st.sampled_from(("same-as", "distinct-from"))),
                    "entities": pair,
                    "reason": "r",
                }
            )
    return {"entities": entities, "events": events, "judgements": judgements}


@st.composite
def claim_files(
    draw: st.DrawFn, index: int, props: dict[str, Any], ents: dict[str, Any], pool_names: list[str]
) -> tuple[Tree, str]:
    """A claim file (tree) and its article text."""
    known = [e["name"] for e in ents["entities"]] + [
        a for e in ents["entities"] for a in e.get("aliases", [])
    ]
    pool = [*known, *pool_names]
    subjects = st.one_of(st.sampled_from(pool), names()) if pool else names()
    event_ids = [e["id"] for e in ents["events"]]
    claims: list[dict[str, object]] = []
    quotes: list[str] = []
    for i in range(draw(st.integers(0, 6))):
        prop = draw(st.sampled_from(props["properties"]))
        kind = prop["kind"] if draw(st.integers(0, 9)) else draw(st.sampled_from(PROPERTY_KINDS))
        value: object
        if kind == "quantity":
            value = draw(quantity_values(prop.get("dimension", "count")))
        elif kind == "date":
            value = {"date": draw(date_specs([c["id"] for c in claims]))}  # type: ignore[misc]
        elif kind == "text":
            value = {"text": draw(st.sampled_from(prop.get("vocabulary") or WORDS))}
        else:
            value = {"entity": draw(subjects)}
        claim: dict[str, object] = {
            "id": f"c{i}",
            "subject": draw(subjects),
            "property": prop["id"] if draw(st.integers(0, 9)) else "no-such-property",
            "value": value,
        }
        earlier = [str(c["id"]) for c in claims]
        if draw(st.booleans()):
            claim["date"] = draw(date_specs(earlier))
        if prop.get("time_series") and draw(st.booleans()):
            claim["as_of"] = draw(date_specs(earlier))
        if draw(st.integers(0, 3)) == 0:
            claim["time"] = draw(times())
        if draw(st.booleans()) and event_ids:
            claim["event"] = draw(st.sampled_from(event_ids))
        if draw(st.integers(0, 3)) == 0:
            claim["place"] = draw(names())
        if draw(st.booleans()):
            claim["qualifiers"] = draw(
                st.dictionaries(
                    st.sampled_from(("category", "charge", "court")),
                    st.sampled_from(("police", "a", "b")),
                    max_size=2,
                )
            )
        if draw(st.integers(0, 3)) == 0:
            claim["attribution"] = draw(names())
        number = value.get("amount", "") if isinstance(value, dict) else ""
        quote = draw(
            st.sampled_from(
                (
                    f"{claim['subject']} got {number} days on February 10",
                    f"about {number} people, a day earlier",
                    "пятнадцати суток, 17. Juli, 1 млн 179 мың 600",
                    draw(st.text(PLAIN, min_size=1, max_size=40)),
                )
            )
        )
        claim["quote"] = quote
        if draw(st.integers(0, 4)):
            quotes.append(quote)
        claims.append(claim)
    article = "\n\n".join([draw(st.text(PLAIN, max_size=50)), *quotes])
    digest = hashlib.sha256(article.encode("utf-8", "surrogatepass")).hexdigest()
    if not draw(st.integers(0, 5)):
        digest = "0" * 64
    source: dict[str, object] = {
        "id": f"source-{index}",
        "title": draw(names()),
        "outlet": draw(st.sampled_from(("RFE/RL", "Azattyq", "Vlast.kz", "Tengrinews"))),
        "published": draw(partial_dates()),
        "language": draw(st.sampled_from(LANGUAGES)),
        "text": f"sources/source-{index}.txt",
        "sha256": digest,
    }
    if draw(st.booleans()):
        source["publisher"] = draw(st.sampled_from(("RFE/RL", "Kazinform")))
    return {"source": source, "claims": claims}, article


@st.composite
def repositories(draw: st.DrawFn) -> dict[str, Tree | str]:
    """A valid repository as trees: path -> tree (YAML files) or str (article texts)."""
    props = draw(properties_files())
    ents = draw(entities_files())
    out: dict[str, Tree | str] = {"claims/properties.yaml": props, "claims/entities.yaml": ents}
    pool = draw(st.lists(names(), min_size=1, max_size=3))  # subjects several sources write about
    for index in range(draw(st.integers(1, 3))):
        tree, article = draw(claim_files(index, props, ents, pool))
        out[f"claims/source-{index}.yaml"] = tree
        if draw(st.integers(0, 5)):
            out[f"sources/source-{index}.txt"] = article
    return out


RULE_KEYS = ("R001", "unknown-entity", "V001", "N001", "R002", "C001", "Q003", "D001")
BAD_RULE_KEYS = ("L001", "S001", "W001", "Q", "nope", "")
SEVERITIES = ("error", "warning", "info", "off")


def _mostly(good: tuple[str, ...], bad: tuple[str, ...]) -> st.SearchStrategy[str]:
    """One of ``good``, now and then one of ``bad``."""
    return st.one_of(*[st.sampled_from(good)] * 7, st.sampled_from(bad))


@st.composite
def configurations(draw: st.DrawFn, claim_keys: list[str]) -> dict[str, object]:
    """checker.yaml: fail_on, rule severities, per-path overrides and waivers (some of them wrong)."""
    config: dict[str, object] = {}
    if draw(st.booleans()):
        config["fail_on"] = draw(_mostly(("error", "warning", "info", "never"), ("off", "fatal")))
    if draw(st.booleans()):
        config["rules"] = draw(
            st.dictionaries(
                _mostly(RULE_KEYS, BAD_RULE_KEYS), _mostly(SEVERITIES, ("never", "fatal")), max_size=3
            )
        )
    if draw(st.booleans()):
        globs = _mostly(("claims/**", "claims/source-0.yaml", "*", "**/*.yaml"), ("[", ""))
        config["per_path"] = [
            {
                "paths": draw(st.lists(globs, min_size=1, max_size=2)),
                "rules": {draw(st.sampled_from(RULE_KEYS)): "info"},
            }
        ]
    waivers: list[dict[str, object]] = []
    for _ in range(draw(st.integers(0, 3))):
        waiver: dict[str, object] = {"reason": draw(names())}
        if draw(st.booleans()):
            waiver["fingerprint"] = draw(st.sampled_from(("0123456789abcdef", "not-a-fingerprint")))
        else:
            waiver["rule"] = draw(_mostly(RULE_KEYS, BAD_RULE_KEYS))
            waiver["claims"] = draw(st.lists(st.sampled_from([*claim_keys, "x/y"]), min_size=1, max_size=2))
        if draw(st.booleans()):
            waiver["expires"] = draw(_mostly(("2000-01-01", "2999-12-31"), ("2021-02-30", "soon")))
        if draw(st.booleans()):
            waiver["by"] = draw(names())
        waivers.append(waiver)
    if waivers:
        config["waivers"] = waivers
    return config


# -- serialisation -----------------------------------------------------------------------------


class Pairs(list[tuple[str, Any]]):
    """A mapping that may repeat keys: written as a YAML flow mapping with every pair."""


def to_flow(tree: Tree, ascii_only: bool) -> str:
    """JSON-like flow YAML (JSON is YAML 1.2), keeping repeated keys of :class:`Pairs`."""
    if isinstance(tree, Pairs):
        return "{" + ", ".join(f"{to_flow(k, ascii_only)}: {to_flow(v, ascii_only)}" for k, v in tree) + "}"
    if isinstance(tree, dict):
        return to_flow(Pairs(tree.items()), ascii_only)
    if isinstance(tree, list):
        return "[" + ", ".join(to_flow(v, ascii_only) for v in tree) + "]"
    text = json.dumps(tree, ensure_ascii=False)
    return re.sub(r"[^\x20-\x7e]", _yaml_escape, text) if ascii_only else text


def _yaml_escape(match: re.Match[str]) -> str:
    """YAML's escape for a character: \\U for astral ones (YAML pairs no surrogates)."""
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def to_block(tree: Tree) -> str:
    """Block-style YAML as ruamel.yaml writes it (repeated keys collapse)."""
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    buffer = io.StringIO()
    yaml.dump(_plain(tree), buffer)
    return buffer.getvalue()


def _plain(tree: Tree) -> Tree:
    if isinstance(tree, dict | Pairs):
        return {str(k): _plain(v) for k, v in (tree.items() if isinstance(tree, dict) else tree)}
    if isinstance(tree, list):
        return [_plain(v) for v in tree]
    return tree


@st.composite
def serialised(draw: st.DrawFn, repo: dict[str, Tree | str]) -> Files:
    """Every file of ``repo`` as bytes, each YAML file in flow or block style."""
    files: Files = {}
    for path, tree in repo.items():
        if isinstance(tree, str):
            files[path] = tree.encode("utf-8", "surrogatepass")
            continue
        style = draw(st.sampled_from(("block", "flow", "ascii")))
        try:
            text = to_block(tree) if style == "block" else to_flow(tree, ascii_only=style == "ascii")
        except Exception:  # ruamel.yaml refuses some hostile values: fall back to flow
            text = to_flow(tree, ascii_only=True)
        files[path] = text.encode("utf-8", "surrogatepass")
    return files


# -- YAML-tree level ---------------------------------------------------------------------------


def _containers(tree: Tree, out: list[Tree]) -> list[Tree]:
    """Every dict and list in ``tree`` (not the mappings already turned into :class:`Pairs`)."""
    if isinstance(tree, dict | list) and not isinstance(tree, Pairs):
        out.append(tree)
        for child in tree.values() if isinstance(tree, dict) else tree:
            _containers(child, out)
    return out


def hostile_values() -> st.SearchStrategy[object]:
    return st.one_of(
        st.sampled_from(HOSTILE),
        st.sampled_from(HOSTILE).map(lambda h: f"Baibolat {h} Kunbolatuly"),
        st.sampled_from(EXTREME_NUMBERS),
        st.text(max_size=20),
        st.none(),
        st.just([]),
        st.just({}),
        st.just({"amount": 1}),
        st.just(["a", {"b": None}]),
    )


@st.composite
def mutated_tree(draw: st.DrawFn, tree: Tree) -> Tree:
    """``tree`` (a deep copy) with a few mutations applied at random places."""
    tree = json.loads(json.dumps(tree))
    for _ in range(draw(st.integers(1, 4))):
        nodes = _containers(tree, [])
        if not nodes:
            break
        node = draw(st.sampled_from(nodes))
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        op = draw(st.sampled_from(("drop", "duplicate", "retype", "swap", "hostile", "append", "key")))
        if not keys:
            op = "append"
        key = draw(st.sampled_from(keys)) if keys else None
        if op == "drop" and key is not None:
            del node[key]
        elif op == "duplicate" and isinstance(node, dict):
            pairs = Pairs(node.items())
            pairs.append((str(key), draw(hostile_values())))
            _replace(tree, node, pairs)
            tree = pairs if node is tree else tree
        elif op == "duplicate" and isinstance(node, list) and isinstance(key, int):
            node.append(node[key])
        elif op in ("retype", "hostile"):
            node[key] = draw(hostile_values())
        elif op == "swap" and len(keys) >= 2:
            other = draw(st.sampled_from(keys))
            node[key], node[other] = node[other], node[key]
        elif op == "append" and isinstance(node, str):
            pass
        elif op == "append":
            value = draw(hostile_values())
            if isinstance(node, dict):
                node[draw(st.sampled_from(("id", "extra", "date", "value", "claims", "x")))] = value
            else:
                node.append(value)
        elif op == "key" and isinstance(node, dict):
            node[draw(st.sampled_from(HOSTILE))] = node.pop(key)
        grow = isinstance(node, dict) and isinstance(key, str) and isinstance(node.get(key), str)
        if grow and draw(st.integers(0, 3)) == 0:
            node[key] = node[key] + draw(st.sampled_from(HOSTILE))
    return tree


def _replace(tree: Tree, old: Tree, new: Tree) -> None:
    """Put ``new`` where ``old`` is inside ``tree`` (by identity)."""
    children = tree.items() if isinstance(tree, dict) else enumerate(tree) if isinstance(tree, list) else ()
    for key, child in list(children):
        if child is old:
            tree[key] = new
            return
        if isinstance(child, dict | list) and not isinstance(child, Pairs):
            _replace(child, old, new)


# -- bytes level -------------------------------------------------------------------------------


@st.composite
def mutated_bytes(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with a few byte-level mutations."""
    buf = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(("flip", "insert", "truncate", "crlf", "cr", "bom", "delete")))
        where = draw(st.integers(0, len(buf)))
        if op == "flip" and buf:
            i = min(where, len(buf) - 1)
            buf[i] ^= 1 << draw(st.integers(0, 7))
        elif op == "insert":
            chunk = draw(
                st.one_of(
                    st.binary(min_size=1, max_size=8),
                    st.sampled_from(
                        (
                            b"\x00",
                            b"\xff",
                            b"\xc3",
                            b"\xed\xa0\x80",
                            b"\t",
                            b"&a",
                            b"*a",
                            b"!!python/object ",
                            b"%YAML 1.1\n",
                            b"---\n",
                            b"...\n",
                            b"\xe2\x80\xae",
                            b": ",
                            b"- ",
                            b"{",
                            b"[",
                            b"'",
                            b'"',
                            b"#",
                            b"\n  ",
                        )
                    ),
                )
            )
            buf[where:where] = chunk
        elif op == "truncate":
            del buf[where:]
        elif op == "delete":
            del buf[where : where + draw(st.integers(1, 16))]
        elif op == "crlf":
            buf = bytearray(bytes(buf).replace(b"\n", b"\r\n"))
        elif op == "cr":
            buf = bytearray(bytes(buf).replace(b"\n", b"\r"))
        elif op == "bom":
            buf[0:0] = draw(st.sampled_from((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")))
    return bytes(buf)
