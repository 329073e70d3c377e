"""Name matching: transliterations, suffixes and scripts meet; different people do not."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.names import (
    analyse,
    candidate_pairs,
    compare,
    explain,
    german_transliteration,
    is_descriptive,
    one_letter_apart,
    skeleton,
)

SAME = [
    ("Baibolat Kunbolatuly", "Baibolat Kunbolat"),  # Kazakh patronymic suffix dropped
    ("Kunbolatuly", "Kunbolat"),
    ("Qasym-Zhomart Toqaev", "Kassym-Jomart Tokayev"),  # transliteration
    ("Қасым-Жомарт Тоқаев", "Kassym-Jomart Tokayev"),  # Kazakh Cyrillic
    ("Токаев", "Tokayev"),  # Russian Cyrillic
    ("Байболата Кунболатулы", "Baibolat Kunbolatuly"),  # Russian genitive case ending
    ("Nursultan Nazarbayev", "Nursultan Nazarbaev"),
    ("Zauatkhan Tursyn", "Zauathan Tursyn"),
    ("Aigerim Tazhi", "Aigerim Tazhikyzy"),  # -kyzy (daughter of)
    ("Sergei Ivanovich Petrov", "Sergey Petrov"),  # a short form with a transliteration
    ("K. Tokayev", "Kassym-Jomart Tokayev"),  # an initial
]

DIFFERENT = [
    ("Baibolat Kunbolatuly", "Baimurat Kunbolatuly"),  # brothers
    ("Baibolat", "Baimurat"),
    ("Kazakhs", "Kazakhstan"),
    ("Han", "Hui"),
    ("Marat Tokayev", "Murat Tokayev"),
    ("Almaty", "Astana"),
    ("K.", "Kassym-Jomart Tokayev"),
    ("Person1334 Family334ov", "Person1344 Family344ov"),  # digits are never folded or fuzzed
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_same_names_match(a: str, b: str) -> None:
    match = compare(analyse(a), analyse(b))
    assert match is not None, explain(a, b)
    assert (a, b) in candidate_pairs([a, b]) or (b, a) in candidate_pairs([a, b]), "blocking must pair them"


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_names_do_not_match(a: str, b: str) -> None:
    assert compare(analyse(a), analyse(b)) is None


def test_explanations_name_the_difference() -> None:
    assert explain("Baibolat Kunbolatuly", "Baibolat Kunbolat") == "suffix -uly dropped"
    assert "transliteration" in explain("Qasym-Zhomart Toqaev", "Kassym-Jomart Tokayev")
    assert "omits 'Jomart'" in explain("K. Tokayev", "Kassym-Jomart Tokayev")


def test_skeleton_folds_transliterations() -> None:
    assert skeleton("toqaev") == skeleton("tokayev") == skeleton("tokaev") == "tokaev"
    assert skeleton("kassym") == skeleton("qasym")
    assert skeleton("zhomart") == skeleton("jomart")


def test_short_forms_are_subsets_with_exact_tokens() -> None:
    match = compare(analyse("Kunbolatuly"), analyse("Baibolat Kunbolatuly"))
    assert match is not None and match.subset and match.exact_tokens


def test_blocking_does_not_pair_everything() -> None:
    names = ["Baibolat Kunbolatuly", "Zauatkhan Tursyn", "Qasym-Zhomart Toqaev", "Almaty", "Xinjiang"]
    assert candidate_pairs(names) == []


name_text = st.text(alphabet=st.characters(codec="utf-8", categories=["L", "Zs", "Pd", "Po"]), max_size=40)


@settings(max_examples=300, deadline=None)
@given(name_text, name_text)
def test_compare_is_symmetric_and_total(a: str, b: str) -> None:
    first = compare(analyse(a), analyse(b))
    second = compare(analyse(b), analyse(a))
    assert (first is None) == (second is None)
    if first is not None and second is not None:
        assert first.score == pytest.approx(second.score)


@settings(max_examples=300, deadline=None)
@given(name_text)
def test_a_name_matches_itself(name: str) -> None:
    form = analyse(name)
    if any(not t.is_initial for t in form.tokens):
        match = compare(form, analyse(name))
        assert match is not None and match.score == 1.0 and match.exact_tokens


@settings(max_examples=200, deadline=None)
@given(st.lists(name_text, max_size=12))
def test_candidate_pairs_are_sorted_unique_and_ordered(names: list[str]) -> None:
    pairs = candidate_pairs(names)
    assert pairs == sorted(set(pairs))
    assert all(a < b for a, b in pairs)


def test_a_common_given_name_does_not_pair_everyone() -> None:
    common = [f"Ivan Surname{i:04d}x" for i in range(400)]  # all share the given name "ivan"
    pairs = candidate_pairs([*common, "Ivan Kunbolatuly", "Ivan Kunbolat"])
    assert ("Ivan Kunbolat", "Ivan Kunbolatuly") in pairs  # they share the rarer key "kunbolat"
    assert len(pairs) < 10 * len(common)  # not every pair of the Ivans


SYLLABLES = (
    "ba",
    "bo",
    "lat",
    "kun",
    "uly",
    "mu",
    "rat",
    "tok",
    "ay",
    "ev",
    "zha",
    "nar",
    "ser",
    "ik",
    "yer",
    "lan",
)


def _mutations(name: str, rng: random.Random) -> list[str]:
    """Spellings of ``name`` a source might write: a letter changed, dropped or added, a suffix."""
    found = []
    for _ in range(3):
        i = rng.randrange(len(name))
        letter = rng.choice("aeiouklmnrsty")
        found += [name[:i] + letter + name[i + 1 :], name[:i] + name[i + 1 :], name[:i] + letter + name[i:]]
    return [*found, name + "uly", name + "ov", name[:-1]]


@pytest.mark.parametrize("seed", range(3))
def test_blocking_reaches_every_pair_compare_accepts(seed: int) -> None:
    """Recall of candidate generation against the matcher itself, on generated names."""
    rng = random.Random(seed)
    names: set[str] = set()
    for _ in range(40):
        given = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        family = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 5))).capitalize()
        names.add(f"{given} {family}")
        names.add(family)  # a surname alone
        for variant in _mutations(family, rng):
            names.add(f"{given} {variant.capitalize()}" if variant else given)
            names.add(variant.capitalize() or family)
    forms = sorted(n for n in names if n.strip())
    paired = set(candidate_pairs(forms))
    analysed = {f: analyse(f) for f in forms}
    accepted = {
        (a, b) for i, a in enumerate(forms) for b in forms[i + 1 :] if compare(analysed[a], analysed[b])
    }
    assert accepted and accepted <= paired, sorted(accepted - paired)[:5]


@pytest.mark.parametrize(
    ("written", "descriptive"),
    [
        ("Kunbolatuly's mother", True),
        ("his brother", True),
        ("она", True),
        ("Baibolat Kunbolatuly", False),
        ("Nurlan O'Brien", False),
        ("Thomas Mann", False),
    ],
)
def test_descriptions_and_pronouns_are_not_names(written: str, descriptive: bool) -> None:
    assert is_descriptive(written) is descriptive


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Karin Vogt", "Katrin Vogt", ("karin", "katrin")),  # a letter added in the given name
        ("Marat Tokayev", "Murat Tokayev", ("marat", "murat")),  # changed: two people, or a slip
        ("Karin Vogt", "Karin Voigt", ("vogt", "voigt")),
        ("Baibolat Kunbolatuly", "Baimurat Kunbolatuly", None),  # three letters: another name
        ("Vogt", "Voigt", None),  # a surname alone says too little
        ("Karin Vogt", "Katrin Vogt Schulz", None),  # token counts differ
        ("Nursultan Nazarbayev", "Nursultan Nazarbaev", None),  # compare matches them: no near miss
        ("Ali Vogt", "Alim Vogt", None),  # too short to weigh one letter
        ("Unit1 Vogt", "Unit2 Vogt", None),  # digits are never fuzzed
    ],
)
def test_one_letter_apart(a: str, b: str, expected: tuple[str, str] | None) -> None:
    assert one_letter_apart(analyse(a), analyse(b)) == expected
    assert one_letter_apart(analyse(b), analyse(a)) == (expected[::-1] if expected else None)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Abdurachmon Nasrijew", "Abdurakhmon Nazriev", True),  # ch = х, s = з, ij = ий, w = в
        ("Abdurachmon Nasrijew", "Abdurahmon Nazriyev", True),
        ("Kusnezow", "Kuznetsov", True),  # z = ц
        ("Sergej Iwanow", "Sergey Ivanov", True),
        ("Tschingis Ajtmatow", "Chingis Aytmatov", True),  # tsch = ч, aj = ай
        ("Marat Tokarew", "Marat Tokayev", False),  # a letter German transliteration does not explain
        ("Michael Müller", "Michael Muller", False),  # a German name is no transliteration
        ("Nazriev", "Назриев", False),  # Cyrillic: another script, not a German transliteration
        ("Nazriev", "Nazriev", False),  # nothing to explain
    ],
)
def test_german_transliteration_is_read_back(a: str, b: str, expected: bool) -> None:
    assert german_transliteration(a, b) is expected
    assert german_transliteration(b, a) is expected
