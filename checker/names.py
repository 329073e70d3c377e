"""Name normalisation and matching across scripts, transliterations and suffixes.

The same person is written Қасым-Жомарт Тоқаев, Qasym-Zhomart Toqaev and
Kassym-Jomart Tokayev; Baibolat Kunbolatuly drops his patronymic suffix to
become Baibolat Kunbolat; a Russian text writes Байболата (genitive). Two
names are compared token by token on three keys:

* the *skeleton*: the name in Latin letters (anyascii) with transliteration
  choices folded together (q/k, kh/h, zh/j, y/i, ts/c, doubled letters, an
  ``i`` glide between vowels), so Toqaev, Tokayev and Tokaev meet;
* the *stem*: the skeleton without a Turkic or Slavic patronymic or surname
  suffix (-uly, -kyzy, -ovich, -ovna, -ov, -eva, ...), so Kunbolatuly meets
  Kunbolat;
* for tokens written in Cyrillic, the stem without a grammatical case ending
  (Байболата -> baibolat).

Tokens that share no key may still match on a fuzzy score of their skeletons
(rapidfuzz), for spelling noise such as Zauatkhan / Zauathan. Given names must
match too, so the brothers Baibolat and Baimurat Kunbolatuly stay apart.

Pairs are found by blocking on these keys, never by comparing all pairs.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz.distance import Levenshtein

#: Fuzzy similarity (0..1) two token skeletons need to match without a shared key.
TOKEN_SIMILARITY = 0.85
#: Tokens shorter than this must match on a key; a fuzzy score means nothing on them.
MIN_FUZZY_LENGTH = 5
#: Shortest stem a suffix may leave behind.
MIN_STEM = 4
#: Tokens at least this long may be two edits apart and still pass TOKEN_SIMILARITY; blocking
#: gives them two-letters-out keys. Three edits are never accepted (see token_similarity).
TWO_EDITS_LENGTH = 14

# Transliteration choices folded together, longest first so "shch" wins over "sh".
_FOLDS = (
    ("tsch", "c"),  # German: Tschingis
    ("dsch", "j"),  # German: Dscholdoschbek
    ("shch", "s"),
    ("sch", "s"),  # German
    ("dzh", "j"),
    ("zh", "j"),
    ("dj", "j"),
    ("kh", "h"),
    ("ts", "c"),
    ("tz", "c"),
    ("ch", "c"),
    ("sh", "s"),
    ("ij", "i"),  # German: Satybaldijew
    ("ph", "f"),
    ("th", "t"),  # Thomas is Томас
    ("ck", "k"),
    ("ou", "u"),
    ("q", "k"),
    ("w", "v"),
    ("y", "i"),
)
_FOLD_PATTERN = re.compile("|".join(re.escape(a) for a, _ in _FOLDS))
_FOLD_MAP = dict(_FOLDS)
_GLIDE = re.compile(r"(?<=[aeiou])i(?=[aeiou])")
_INITIAL_J = re.compile(r"^j(?=[aeiou])")
_DOUBLE = re.compile(r"([a-z])\1+")  # letters only: 1334 is not 134

# Suffixes in skeleton spelling (after folding), longest first.
_PATRONYMIC = ("ovic", "evic", "ovna", "evna", "icna", "ogli", "oglu", "kizi", "gizi", "uli", "ulu", "ic")
_SURNAME = ("skaia", "skii", "ski", "ova", "eva", "ina", "ov", "ev", "in")
# Case endings in skeleton spelling: Russian (-ogo, -omu, -om, -a, -u, -e ...) and Kazakh
# (-ka/-ga/-na dative, -da/-ta locative, -din/-tin/-ning genitive, -dan/-nan ablative, -men instrumental).
_CASE_ENDINGS = (
    "ning",
    "nin",
    "din",
    "tin",
    "dan",
    "den",
    "tan",
    "ten",
    "nan",
    "nen",
    "men",
    "ben",
    "pen",
    "ogo",
    "omu",
    "oi",
    "om",
    "im",
    "ka",
    "ke",
    "ga",
    "ge",
    "da",
    "de",
    "ta",
    "te",
    "di",
    "ti",
    "ni",
    "a",
    "u",
    "e",
    "i",
)

_CYRILLIC = re.compile("[\u0400-\u04ff\u0500-\u052f]")
_TOKEN_SPLIT = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True)
class Token:
    """One word of a name, with the keys it can match on."""

    text: str  # lowercase Latin, as transliterated
    skeleton: str
    keys: frozenset[str]

    @property
    def is_initial(self) -> bool:
        return len(self.text) == 1


@dataclass(frozen=True)
class NameForm:
    """A name as written, analysed for matching."""

    written: str
    tokens: tuple[Token, ...]

    @property
    def latin(self) -> str:
        return " ".join(t.text for t in self.tokens)

    @property
    def skeleton(self) -> str:
        return " ".join(t.skeleton for t in self.tokens)


def to_latin(text: str) -> str:
    """The text in Latin letters: NFKC, then anyascii's transliteration."""
    return anyascii(unicodedata.normalize("NFKC", text))


#: Words that make a name a description of someone ("Kunbolatuly's mother") or stand for a
#: name (pronouns): such forms are not spellings of the name inside them.
_DESCRIPTIVE_WORDS = frozenset(
    (
        "he",
        "she",
        "him",
        "her",
        "they",
        "them",
        "his",
        "mother",
        "father",
        "son",
        "daughter",
        "brother",
        "sister",
        "wife",
        "husband",
        "он",
        "она",
        "они",
        "его",
        "её",
        "ее",
        "их",
        "мать",
        "отец",
        "сын",
        "дочь",
        "брат",
        "сестра",
        "жена",
        "муж",
        "ол",
        "олар",
        "er",
        "sie",
        "ihn",
        "ihm",
        "mutter",
        "vater",
        "sohn",
        "tochter",
        "bruder",
        "schwester",
    )
)
_POSSESSIVE = re.compile(r"\w['’]s?(?:\s|$)")


def is_descriptive(written: str) -> bool:
    """Whether a written "name" describes someone through a name, or is a pronoun.

    "Kunbolatuly's mother", "his brother" and "она" are not spellings of
    anyone's name, so they are never linked to the names inside them.
    """
    words = written.casefold().split()
    return bool(_POSSESSIVE.search(written)) or any(w.strip(".,") in _DESCRIPTIVE_WORDS for w in words)


#: German transliteration of Russian and Kazakh names read back into the English one: Nasrijew is
#: Nazriev, Abdurachmon is Abdurakhmon, Kusnezow is Kuznetsov. German writes х as ch, з as s, ц as z,
#: в as w and й as j; an s before a vowel or voiced consonant after a vowel (or before r, l, m, n)
#: is a з. Longest first, so "tsch" wins over "sch" and "ch".
_GERMAN = re.compile(r"tsch|dsch|sch|ch|ss|(?<=[aeiouy])s(?=[aeiouybdglmnrvw])|s(?=[lmnr])|z|w|j")
_GERMAN_MAP = {"tsch": "ch", "dsch": "dzh", "sch": "sh", "ch": "kh", "ss": "s", "z": "ts", "w": "v", "j": "y"}


def from_german(latin: str) -> str:
    """A Latin name as German transliterates Cyrillic, in English transliteration."""
    return _GERMAN.sub(lambda m: _GERMAN_MAP.get(m.group(), "z"), latin.lower())


def german_transliteration(a: str, b: str) -> bool:
    """Whether two names are one once a German transliteration in either is read back.

    "Abdurachmon Nasrijew" (a German article) and "Abdurakhmon Nazriev" are
    one name in two transliterations, not a spelling to be reviewed. Only
    names in Latin letters are read back (a Cyrillic name is no German
    transliteration), token by token.
    """
    first, second = analyse(a), analyse(b)
    if len(first.tokens) != len(second.tokens) or _CYRILLIC.search(a + b):
        return False
    if first.skeleton == second.skeleton:
        return False  # nothing to explain
    back_a = " ".join(skeleton(from_german(t.text)) for t in first.tokens)
    back_b = " ".join(skeleton(from_german(t.text)) for t in second.tokens)
    return back_a == second.skeleton or back_b == first.skeleton


def spelling_key(written: str) -> str:
    """What stays of a name when transliteration choices are set aside.

    Names with one spelling key are one name written in other letters
    (Tokayev, Toqaev, Токаев; Kassymov, Kasymov, Қасымов): not variants
    that need a judgement, but the same name.
    """
    return " ".join(token.skeleton for token in analyse(written).tokens)


def skeleton(token: str) -> str:
    """Fold transliteration choices: Toqaev, Tokayev and Tokaev all give ``tokaev``."""
    folded = _FOLD_PATTERN.sub(lambda m: _FOLD_MAP[m.group()], token.lower())
    folded = _INITIAL_J.sub("i", folded)  # Jens and Йенс (Iens); Jomart and Zhomart both turn
    folded = _GLIDE.sub("", folded)
    return _DOUBLE.sub(r"\1", folded)


def strip_suffix(word: str, suffixes: Iterable[str]) -> str:
    """``word`` without the first matching suffix, if enough stem is left."""
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=65536)
def analyse(written: str) -> NameForm:
    """Split a name into tokens and work out each token's match keys."""
    tokens = []
    for raw in re.split(r"[\s\-‐‑–—'’ʼ.,]+", unicodedata.normalize("NFKC", written.strip())):
        if not raw:
            continue
        latin = _TOKEN_SPLIT.sub("", to_latin(raw).lower())
        if not latin:
            continue
        skel = skeleton(latin)
        keys = {skel, strip_suffix(skel, _PATRONYMIC + _SURNAME)}
        if _CYRILLIC.search(raw):  # a Russian or Kazakh text may decline the name
            caseless = strip_suffix(skel, _CASE_ENDINGS)
            keys |= {caseless, strip_suffix(caseless, _PATRONYMIC + _SURNAME)}
        tokens.append(Token(latin, skel, frozenset(keys)))
    return NameForm(written, tuple(tokens))


def token_similarity(a: Token, b: Token) -> float:
    """1.0 for a shared key or an initial that fits; else the skeletons' normalised similarity."""
    if a.keys & b.keys:
        return 1.0
    if a.is_initial or b.is_initial:
        return 1.0 if a.text[0] == b.text[0] else 0.0
    if min(len(a.skeleton), len(b.skeleton)) < MIN_FUZZY_LENGTH:
        return 0.0
    if any(c.isdigit() for c in a.skeleton + b.skeleton):
        return 0.0  # "Unit 12" and "Unit 13" differ in all that matters
    if Levenshtein.distance(a.skeleton, b.skeleton, score_cutoff=2) > 2:
        return 0.0  # beyond two edits a name is another name, however long
    return float(Levenshtein.normalized_similarity(a.skeleton, b.skeleton))


@dataclass(frozen=True)
class Match:
    """How two names relate."""

    score: float  # mean token similarity over the shorter name, 0..1
    subset: bool  # the shorter name has fewer tokens than the longer one
    exact_tokens: bool  # every matched token is spelled the same (after case folding)
    same_spelling: bool = False  # every matched token is the same once transliteration is set aside


def compare(a: NameForm, b: NameForm) -> Match | None:
    """Match the tokens of the shorter name to distinct tokens of the longer one.

    Returns None unless every token of the shorter name finds a partner at
    or above :data:`TOKEN_SIMILARITY`.
    """
    short, long_ = sorted((a, b), key=lambda f: (len(f.tokens), f.latin))  # symmetric by construction
    if not short.tokens or all(t.is_initial for t in short.tokens + long_.tokens):
        return None
    used: set[int] = set()
    scores = []
    exact = same = True
    for token in short.tokens:
        best, best_index = 0.0, -1
        for index, other in enumerate(long_.tokens):
            if index in used:
                continue
            similarity = token_similarity(token, other)
            if similarity > best:
                best, best_index = similarity, index
        if best < TOKEN_SIMILARITY:
            return None
        used.add(best_index)
        scores.append(best)
        exact = exact and token.text == long_.tokens[best_index].text
        same = same and token.skeleton == long_.tokens[best_index].skeleton
    if all(t.is_initial for t in short.tokens):
        return None  # "K." alone says nothing
    return Match(sum(scores) / len(scores), len(short.tokens) < len(long_.tokens), exact, same)


def one_letter_apart(a: NameForm, b: NameForm) -> tuple[str, str] | None:
    """The two differing tokens when names that :func:`compare` keeps apart differ by one letter.

    "Karin Vogt" and "Katrin Vogt": every other token matches (in order), and
    the one that does not is a letter added, dropped or changed in a word of
    four letters or more. Names differing so are usually two people (Marat
    and Murat), so this is no match on its own; a rule may weigh it with
    other evidence. None when the names match or differ more.
    """
    if len(a.tokens) != len(b.tokens) or len(a.tokens) < 2:
        return None
    differing = [
        (x, y) for x, y in zip(a.tokens, b.tokens, strict=True) if token_similarity(x, y) < TOKEN_SIMILARITY
    ]
    if len(differing) != 1:
        return None
    x, y = differing[0]
    if x.is_initial or y.is_initial or min(len(x.text), len(y.text)) < 4:
        return None
    if any(c.isdigit() for c in x.text + y.text) or Levenshtein.distance(x.skeleton, y.skeleton) != 1:
        return None
    return x.text, y.text


def token_keys(token: Token) -> set[str]:
    """Keys a token shares with every token :func:`token_similarity` accepts beside it.

    Its match keys, and for tokens long enough to be compared fuzzily the
    skeleton with up to one letter left out (two, near the length at which
    two edits pass the threshold): two skeletons within that many edits
    always share such a key. An initial is matched by its letter.
    """
    if token.is_initial:
        return {"^" + token.text[0]}
    keys = set(token.keys)
    skel = token.skeleton
    if len(skel) >= MIN_FUZZY_LENGTH and not any(c.isdigit() for c in skel):
        neighbours = {skel, *(skel[:i] + skel[i + 1 :] for i in range(len(skel)))}
        if len(skel) >= TWO_EDITS_LENGTH - 2:  # may be two edits from a token of TWO_EDITS_LENGTH
            neighbours |= {n[:i] + n[i + 1 :] for n in list(neighbours) for i in range(len(n))}
        keys |= {"~" + n for n in neighbours}
    return keys


def block_keys(form: NameForm) -> set[str]:
    """Keys that any likely match shares with this name (for blocking): every token's keys."""
    keys: set[str] = set()
    for token in form.tokens:
        keys |= token_keys(token)
    return keys


def candidate_pairs(forms: Iterable[str]) -> list[tuple[str, str]]:
    """Every pair of written forms :func:`compare` may accept, each once, sorted; not all pairs.

    Every token of the shorter name of an accepted pair has a partner that
    shares a key with it, so each name is looked up by the keys of its
    rarest token only: blocks of a common given name are never walked for
    it. Nothing is capped, so no pair is lost as the corpus grows.
    """
    analysed = {written: analyse(written) for written in forms}
    index: dict[str, set[str]] = defaultdict(set)
    for written, form in analysed.items():
        for key in block_keys(form):
            index[key].add(written)
    pairs: set[tuple[str, str]] = set()
    for written, form in analysed.items():
        tokens = [t for t in form.tokens if not t.is_initial]
        if not tokens:
            continue
        rarest = min(tokens, key=lambda t: (sum(len(index[k]) for k in token_keys(t)), t.text))
        for key in token_keys(rarest):
            for other in index[key]:
                if other != written:
                    first, second = sorted((written, other))
                    pairs.add((first, second))
    return sorted(pairs)


def explain(a: str, b: str) -> str:
    """Say how two matching names differ: "suffix -uly dropped", "transliteration"."""
    first, second = analyse(a), analyse(b)
    short, long_ = (first, second) if len(first.tokens) <= len(second.tokens) else (second, first)
    reasons: dict[str, list[str]] = {}
    used: set[int] = set()
    for token in short.tokens:
        candidates = [(token_similarity(token, o), i) for i, o in enumerate(long_.tokens) if i not in used]
        if not candidates:
            break
        _, index = max(candidates, key=lambda c: (c[0], -c[1]))
        used.add(index)
        difference = _token_difference(token, long_.tokens[index])
        if difference:
            kind, detail = difference
            details = reasons.setdefault(kind, [])
            if detail and detail not in details:
                details.append(detail)
    missing = [t.text for i, t in enumerate(long_.tokens) if i not in used]
    if missing:
        reasons["one form omits " + " ".join(repr(m.capitalize()) for m in missing)] = []
    parts = [f"{kind} ({', '.join(details)})" if details else kind for kind, details in reasons.items()]
    return "; ".join(parts) or "written differently"


def _token_difference(a: Token, b: Token) -> tuple[str, str] | None:
    """The kind of difference between two matched tokens, and its detail."""
    if a.text == b.text:
        return None
    pair = f"{a.text.capitalize()} / {b.text.capitalize()}"
    if a.skeleton == b.skeleton:
        return "transliteration", pair
    short, long_ = sorted((a, b), key=lambda t: len(t.text))
    if long_.text.startswith(short.text) and a.keys & b.keys:
        return f"suffix -{long_.text[len(short.text) :]} dropped", ""
    if a.keys & b.keys:
        return "suffix or case ending", pair
    if a.is_initial or b.is_initial:
        return "initial for a name", ""
    return "spelling", pair
