"""Generate a claims repository of a given size, with discrepancies injected at known places.

    python benchmarks/generate.py --claims 10000 --seed 1 OUT_DIR

writes OUT_DIR/checker.yaml, OUT_DIR/claims/ (entities.yaml, properties.yaml
and one claim file of 100 claims per article), OUT_DIR/sources/ (the article
texts, whose sentences are the claims' quotes, with their sha256 recorded)
and OUT_DIR/truth.json, the discrepancies injected and the finding each must
raise. The same claims count and seed always give the same bytes.

What the archive holds, and why it is consistent apart from the injections:

* **People** (Kazakh names with the patronymic suffixes -uly / -kyzy, or -ov
  / -ova; Russian names with a patronymic in -ovich): each catalogued with
  aliases (the surname alone, a transliteration such as Tokayev / Toqaev /
  Tokaev, sometimes the Cyrillic spelling); an article spells a person one
  way throughout (Latin, transliterated, or Cyrillic in a Russian article).
  Some people are catalogued twice, the second entry spelt without the
  suffix, joined by a same-as judgement. Names of different people are
  drawn so that the checker's name matcher cannot take one for another
  (:func:`check_names`): two different people with near-identical names are
  a real ambiguity, not something the benchmark should count.
* **Facts**: an activist's age (a time series as of the publication date),
  birthplace, jail sentence at a trial event (dated absolutely, by a weekday
  with or without its date, or "N days ago"), conviction and picket ("a day
  earlier": relative to the sentence claim); an official's office at a
  place; protests (an event at a place, its size stated exactly or as
  "about", "at least", "more than", "up to", a range or "hundreds", all
  containing the true size); disasters whose death toll rises day by day
  (a monotonic time series, "as of yesterday" included). Every value an
  article states is the true one, every date the true date.
* **Popularity**: subjects are drawn with Zipf weights, so a few appear in
  most articles and most in a few, as in real archives.

Then discrepancies are injected, each recorded in truth.json with the rule
code it must raise and the claims (or source) a finding of that code must be
about: a different value for one fact in one article (V001), an estimate
far off (V001), a misspelt surname (N001), a given name one letter off for
the holder of a role (N004), a wrong weekday (D002), a relative date off by
days (D001), a claim dated away from its event (D001), a toll that falls
(V002), an age that does not follow the calendar (V004, or V001 when
another article gives the age as of the same day), a quote not in its
article (Q001) and an article text edited after its hash was recorded
(Q002). :func:`score` matches findings to them: recall is the share of
discrepancies found, precision the share of warning and error findings
that are about one (info is ignored).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import sys
import time
from bisect import bisect
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Any

from checker import names

#: Bump when the output for a given size and seed changes (the benchmark's cache key has it).
VERSION = 1
PER_FILE = 100
START = dt.date(2019, 1, 1)
END = dt.date(2024, 6, 30)
#: Share of articles written in Russian (people in Cyrillic letters).
RUSSIAN = 0.1
#: Zipf exponent of subject popularity.
ZIPF = 1.0

# -- names -------------------------------------------------------------------------------

# (Latin, Cyrillic); the Latin spelling of each has the spelling key of its Cyrillic one.
KAZAKH_MEN = [
    ("Nurlan", "Нурлан"), ("Aidos", "Айдос"), ("Kanat", "Канат"), ("Daulet", "Даулет"),
    ("Bolat", "Болат"), ("Marat", "Марат"), ("Timur", "Тимур"), ("Askar", "Аскар"),
    ("Arman", "Арман"), ("Dias", "Диас"), ("Olzhas", "Олжас"), ("Azamat", "Азамат"),
    ("Zhandos", "Жандос"), ("Berik", "Берик"), ("Galym", "Галым"), ("Dauren", "Даурен"),
    ("Ruslan", "Руслан"), ("Samat", "Самат"), ("Talgat", "Талгат"), ("Serik", "Серик"),
]  # fmt: skip
KAZAKH_WOMEN = [
    ("Aigerim", "Айгерим"), ("Zhanar", "Жанар"), ("Saule", "Сауле"), ("Dana", "Дана"),
    ("Madina", "Мадина"), ("Asel", "Асель"), ("Dinara", "Динара"), ("Aizhan", "Айжан"),
    ("Botagoz", "Ботагоз"), ("Kamila", "Камила"), ("Zarina", "Зарина"), ("Ainur", "Айнур"),
]  # fmt: skip
RUSSIAN_MEN = [
    ("Pavel", "Павел"), ("Ivan", "Иван"), ("Sergei", "Сергей"), ("Oleg", "Олег"),
    ("Anton", "Антон"), ("Roman", "Роман"), ("Viktor", "Виктор"), ("Denis", "Денис"),
    ("Boris", "Борис"), ("Andrei", "Андрей"),
]  # fmt: skip
PATRONYMICS = [
    ("Borisovich", "Борисович"), ("Ivanovich", "Иванович"), ("Olegovich", "Олегович"),
    ("Antonovich", "Антонович"), ("Romanovich", "Романович"), ("Viktorovich", "Викторович"),
    ("Denisovich", "Денисович"), ("Pavlovich", "Павлович"), ("Sergeevich", "Сергеевич"),
]  # fmt: skip
# suffix -> (Latin, transliterated, Cyrillic); the checker strips each as a patronymic or surname suffix.
SUFFIXES = {
    "uly": ("uly", "uly", "ұлы"),
    "kyzy": ("kyzy", "qyzy", "қызы"),
    "ov": ("ov", "ow", "ов"),
    "ova": ("ova", "owa", "ова"),
}
CONSONANTS = "bdgklmnprstz"
VOWELS = "aeiou"
CYRILLIC = dict(zip("abdegiklmnoprstuz", "абдегиклмнопрстуз", strict=True))

# (Latin, aliases); every place name contains its city's canonical name.
CITIES = [
    ("Almaty", ["Alma-Ata"]), ("Astana", ["Nur-Sultan"]), ("Shymkent", ["Chimkent"]),
    ("Karaganda", ["Qaraghandy"]), ("Aktobe", ["Aqtobe"]), ("Taraz", []), ("Pavlodar", []),
    ("Oskemen", ["Ust-Kamenogorsk"]), ("Semey", ["Semipalatinsk"]), ("Atyrau", []),
    ("Kostanay", ["Qostanay"]), ("Kyzylorda", ["Qyzylorda"]), ("Oral", ["Uralsk"]),
    ("Petropavl", ["Petropavlovsk"]), ("Aktau", ["Aqtau"]), ("Temirtau", []), ("Turkistan", []),
    ("Taldykorgan", ["Taldyqorgan"]), ("Ekibastuz", []), ("Zhanaozen", []), ("Kokshetau", []),
    ("Zhezkazgan", []), ("Balkhash", []), ("Kentau", []),
]  # fmt: skip
PLACE_KINDS = ["Republic Square in {city}", "{city} city akimat", "Central Park in {city}"]
OFFICES = [
    "akim", "deputy akim", "prosecutor", "police chief", "maslikhat secretary",
    "health department head", "education department head", "emergency department head",
]  # fmt: skip
CHARGES = [
    "organizing an unsanctioned rally", "violating the law on mass gatherings",
    "taking part in an unsanctioned picket", "disobeying police orders", "spreading false information",
]  # fmt: skip
CHARGES_RU = [
    "организация несанкционированного митинга", "нарушение закона о мирных собраниях",
    "участие в несанкционированном пикете", "неповиновение полиции", "распространение ложной информации",
]  # fmt: skip
DEMANDS = [
    "the release of political prisoners", "lower utility prices", "fair elections",
    "an investigation into police violence", "the resignation of the akim", "higher wages",
]  # fmt: skip
DISASTERS = ["flood", "mudslide", "mine collapse", "earthquake", "factory fire"]
OUTLETS = [
    ("Steppe Daily", "Steppe Media", "en"), ("Almaty Herald", "Herald Group", "en"),
    ("Nur News", "Nur Media", "en"), ("Kazakh Wire", "Kazakh Wire", "en"),
    ("Central Asia Report", "CAR Media", "en"), ("Vlast Today", "Vlast", "en"),
    ("Orda Weekly", "Orda", "en"), ("Astana Times Online", "Herald Group", "en"),
    ("Eurasia Monitor", "Eurasia Monitor", "en"), ("Kursiv Novosti", "Kursiv", "ru"),
    ("Vecherny Almaty", "Vecherka", "ru"),
]  # fmt: skip
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
MONTHS_RU = [
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
]  # fmt: skip
COUNT_WORDS = ["A day", "Two days", "Three days", "Four days", "Five days", "Six days", "Seven days"]


# -- the world -------------------------------------------------------------------------------


@dataclass
class Person:
    """Someone the archive writes about, and the facts that are true of them."""

    id: str
    given: tuple[str, str]  # Latin, Cyrillic
    patronymic: tuple[str, str] | None  # Russian names only
    root: str  # the surname without its suffix, lowercase
    suffix: str  # a key of SUFFIXES
    activist: bool
    birth: dt.date
    home: int  # city index
    cyrillic_alias: bool  # the catalogue lists the Cyrillic spelling (else it resolves by spelling)
    split: bool  # catalogued a second time without the suffix, joined by a same-as judgement
    trial: dt.date = START
    sentence: int = 0  # days
    court: int = 0  # city index
    charge: int = 0
    picket_place: int = 0
    picket_gap: int = 1  # days between the picket and the sentence
    office: int = 0  # OFFICES index
    office_city: int = 0

    def surname(self, family: str) -> str:
        latin, translit, cyrillic = SUFFIXES[self.suffix]
        if family == "cyrillic":
            return "".join(CYRILLIC[c] for c in self.root).capitalize() + cyrillic
        if family == "dropped":
            return self.root.capitalize()
        if family == "translit":
            root = self.root.replace("k", "q") if "k" in self.root else self.root.replace("i", "y", 1)
            return root.capitalize() + translit
        return self.root.capitalize() + latin

    def given_name(self, family: str) -> str:
        latin, cyrillic = self.given
        if family == "cyrillic":
            return cyrillic
        if family == "translit":
            return latin.replace("Zh", "J").replace("k", "q").replace("K", "Q")
        return latin

    def full(self, family: str, *, long: bool = True) -> str:
        """The full name in a family of spellings (with the patronymic when ``long``)."""
        parts = [self.given_name(family)]
        if self.patronymic is not None and long and family != "dropped":
            latin, cyrillic = self.patronymic
            parts.append(cyrillic if family == "cyrillic" else latin)
        parts.append(self.surname(family))
        return " ".join(parts)

    def full_forms(self) -> list[str]:
        forms = [self.full(f, long=long) for f in ("latin", "translit", "cyrillic") for long in (True, False)]
        if self.split:
            forms.append(self.full("dropped"))
        return list(dict.fromkeys(forms))

    @property
    def trial_id(self) -> str:
        return f"trial-{self.id}"


@dataclass
class Protest:
    id: str
    place: int  # index into the world's places
    date: dt.date
    size: int
    demand: int


@dataclass
class Disaster:
    id: str
    name: str
    start: dt.date
    tolls: list[int]  # by day since the start, never falling
    reserved: int  # a day no article states: the series-reversal injection's

    def day(self, index: int) -> dt.date:
        return self.start + dt.timedelta(days=index)


@dataclass
class World:
    persons: list[Person]
    protests: list[Protest]
    disasters: list[Disaster]
    places: list[tuple[str, int]]  # (name, city index)
    subjects: list[tuple[str, int]]  # ("person" | "protest" | "disaster", index), most popular first
    weights: list[float]  # cumulative Zipf weights of ``subjects``
    person_weights: list[float]  # cumulative Zipf weights of the persons among ``subjects``
    person_order: list[int]


def day_between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def draw_root(rng: random.Random) -> str:
    length = 5 if rng.random() < 0.6 else 7
    return "".join(rng.choice(CONSONANTS if i % 2 == 0 else VOWELS) for i in range(length))


def build_world(claims: int, seed: int) -> World:
    rng = random.Random(f"world:{seed}")
    n_persons = max(80, round(claims**0.6))  # enough that a Russian article (people only) fills up
    n_protests = max(6, n_persons // 3)
    n_disasters = max(3, n_persons // 25)
    taken = {names.skeleton(g.lower()) for g, _ in KAZAKH_MEN + KAZAKH_WOMEN + RUSSIAN_MEN}
    taken |= {names.skeleton(p.lower()) for p, _ in PATRONYMICS}
    persons = []
    for i in range(n_persons):
        kind = rng.random()
        if kind < 0.55:
            given, suffix, patronymic = rng.choice(KAZAKH_MEN), rng.choice(("uly", "ov")), None
        elif kind < 0.85:
            given, suffix, patronymic = rng.choice(KAZAKH_WOMEN), rng.choice(("kyzy", "ova")), None
        else:
            given, suffix, patronymic = rng.choice(RUSSIAN_MEN), "ov", rng.choice(PATRONYMICS)
        person = Person(
            id=f"p{i:05d}",
            given=given,
            patronymic=patronymic,
            root="",
            suffix=suffix,
            activist=rng.random() < 0.7,
            birth=day_between(rng, dt.date(1950, 1, 1), dt.date(2000, 12, 31)),
            home=rng.randrange(len(CITIES)),
            cyrillic_alias=rng.random() < 0.5,
            split=patronymic is None and rng.random() < 0.05,
        )
        person.root = _fresh_root(rng, taken)
        if person.activist:
            person.trial = day_between(rng, START + dt.timedelta(days=10), END - dt.timedelta(days=40))
            person.sentence = rng.choice((5, 7, 10, 14, 15, 20, 21, 25, 28, 30))
            person.court = rng.randrange(len(CITIES))
            person.charge = rng.randrange(len(CHARGES))
            person.picket_gap = rng.randint(1, 3)
        else:
            person.office = rng.randrange(len(OFFICES))
            person.office_city = rng.randrange(len(CITIES))
        persons.append(person)
    check_names(persons, rng, taken)
    places = [(kind.format(city=c), ci) for ci, (c, _) in enumerate(CITIES) for kind in PLACE_KINDS]
    for person in persons:
        person.picket_place = rng.randrange(len(places))
    protests = [
        Protest(
            f"protest-{i:05d}",
            rng.randrange(len(places)),
            day_between(rng, START, END - dt.timedelta(days=40)),
            _protest_size(rng),
            rng.randrange(len(DEMANDS)),
        )
        for i in range(n_protests)
    ]
    disasters: list[Disaster] = []
    seen: set[str] = set()
    while len(disasters) < n_disasters:
        start = day_between(rng, START, END - dt.timedelta(days=60))
        city = CITIES[rng.randrange(len(CITIES))][0]
        name = f"{MONTHS[start.month - 1]} {start.year} {rng.choice(DISASTERS)} in {city}"
        if name in seen:
            continue
        seen.add(name)
        tolls = [rng.randint(3, 40)]
        for _ in range(rng.randint(12, 25)):
            tolls.append(tolls[-1] + rng.choice((0, 0, 1, 2, 3, 5, 8, 13)))
        disasters.append(Disaster(f"d{len(disasters):04d}", name, start, tolls, rng.randint(3, 6)))
    subjects = [("person", i) for i in range(n_persons)]
    subjects += [("protest", i) for i in range(n_protests)]
    subjects += [("disaster", i) for i in range(n_disasters)]
    rng.shuffle(subjects)
    zipf = [1 / (rank + 1) ** ZIPF for rank in range(len(subjects))]
    person_order = [i for kind, i in subjects if kind == "person"]
    person_zipf = [w for (kind, _), w in zip(subjects, zipf, strict=True) if kind == "person"]
    return World(
        persons,
        protests,
        disasters,
        places,
        subjects,
        list(accumulate(zipf)),
        list(accumulate(person_zipf)),
        person_order,
    )


def _fresh_root(rng: random.Random, taken: set[str]) -> str:
    while True:
        root = draw_root(rng)
        if root not in taken:
            taken.add(root)
            return root


def _protest_size(rng: random.Random) -> int:
    magnitude = rng.choice((1, 10, 100, 1000))
    return rng.randint(3 * magnitude // 2 + 5, 9 * magnitude) if magnitude > 1 else rng.randint(12, 60)


def check_names(persons: list[Person], rng: random.Random, taken: set[str]) -> None:
    """Redraw surnames until no two people's full names could be taken for one another.

    Uses the checker's own name matcher (:mod:`checker.names`): names it
    would link (a likely variant) or find one letter apart are a genuine
    ambiguity the data must not hold by chance.
    """
    for _ in range(100):
        clashing = sorted(confusable(persons))
        if not clashing:
            return
        for index in clashing:
            persons[index].root = _fresh_root(rng, taken)
    raise RuntimeError("could not draw distinct names")


def confusable(persons: list[Person]) -> set[int]:
    """Indexes of people whose full names the checker's matcher may take for an earlier person's."""
    owner: dict[str, set[int]] = defaultdict(set)
    for index, person in enumerate(persons):
        for form in person.full_forms():
            owner[form].add(index)
    clashing: set[int] = set()
    for a, b in names.candidate_pairs(owner):
        fa, fb = names.analyse(a), names.analyse(b)
        if names.compare(fa, fb) is None and names.one_letter_apart(fa, fb) is None:
            continue
        clashing |= {max(x, y) for x in owner[a] for y in owner[b] if x != y}
    return clashing


# -- articles ----------------------------------------------------------------------------------


@dataclass
class Claim:
    """One claim of an article, before it is written: what it states and how it is to be worded."""

    id: str
    kind: str  # age born sentence convicted picket office size demand toll
    subject: int  # index into the world's persons, protests or disasters
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class Article:
    index: int
    outlet: int
    language: str
    claims: list[Claim] = field(default_factory=list)
    published: dt.date = START
    families: dict[int, str] = field(default_factory=dict)  # person -> spelling family
    misspelt: dict[int, str] = field(default_factory=dict)  # person -> injected name
    edited: bool = False  # the stored text changed after its hash was recorded

    @property
    def source_id(self) -> str:
        return f"{slug(OUTLETS[self.outlet][0])}-{self.index:06d}"


def slug(text: str) -> str:
    return "-".join(text.lower().split())


def plan_article(world: World, index: int, seed: int, size: int = PER_FILE) -> Article:
    """Pick the subjects of one article (by popularity) and the ``size`` facts it states about them."""
    rng = random.Random(f"article:{seed}:{index}")
    russian = rng.random() < RUSSIAN
    language = "ru" if russian else "en"
    article = Article(index, rng.choice([i for i, o in enumerate(OUTLETS) if o[2] == language]), language)
    pool = [("person", i) for i in world.person_order] if russian else world.subjects
    weights = world.person_weights if russian else world.weights
    used: set[tuple[str, int]] = set()
    misses = 0
    while len(article.claims) < size:
        if misses < 200:
            subject = pool[bisect(weights, rng.random() * weights[-1])]
        else:  # the popular ones are taken: the next in order of popularity
            left = [s for s in pool if s not in used]
            if not left:
                break
            subject = left[0]
        if subject in used:
            misses += 1
            continue
        used.add(subject)
        for claim in _bundle(world, subject, rng, russian)[: size - len(article.claims)]:
            claim.id = f"{claim.kind}-{len(article.claims) + 1}"
            article.claims.append(claim)
    dated = [d for d in (_date_of(world, c) for c in article.claims) if d is not None]
    last = max(dated) if dated else day_between(rng, START, END)
    article.published = last + dt.timedelta(days=rng.choice((0, 1, 1, 2, 3, 5)))
    for claim in article.claims:
        claim.data["form"] = rng.random()  # how its date is written, decided against the publication date
        if claim.kind in PERSON_CLAIMS and claim.subject not in article.families:
            families = ["cyrillic"] if russian else ["latin", "latin", "translit"]
            if world.persons[claim.subject].split and not russian:
                families.append("dropped")
            article.families[claim.subject] = rng.choice(families)
    return article


def _bundle(world: World, subject: tuple[str, int], rng: random.Random, russian: bool) -> list[Claim]:
    kind, index = subject
    out: list[Claim] = []
    if kind == "person":
        person = world.persons[index]
        if rng.random() < 0.6:
            out.append(Claim("", "age", index))
        if person.activist:
            if not russian and rng.random() < 0.4:
                out.append(Claim("", "born", index))
            if rng.random() < 0.8:
                out.append(Claim("", "sentence", index))
                if rng.random() < 0.5:
                    out.append(Claim("", "convicted", index))
            if not russian and rng.random() < 0.6:
                out.append(Claim("", "picket", index))
        elif not russian:
            out.append(Claim("", "office", index))
            if rng.random() < 0.4:
                out.append(Claim("", "born", index))
        if not out:
            out.append(Claim("", "age", index))
    elif kind == "protest":
        out.append(Claim("", "size", index, {"approx": rng.random()}))
        if rng.random() < 0.5:
            out.append(Claim("", "demand", index))
    else:
        disaster = world.disasters[index]
        days = [d for d in range(len(disaster.tolls)) if d != disaster.reserved]
        for day in sorted(rng.sample(days, rng.randint(1, 3))):
            out.append(Claim("", "toll", index, {"day": day, "approx": rng.random()}))
    return out


def _date_of(world: World, claim: Claim) -> dt.date | None:
    """The date a claim speaks of (the article is published on or after it); None: undated."""
    if claim.kind in ("sentence", "convicted", "picket"):
        return world.persons[claim.subject].trial
    if claim.kind in ("size", "demand"):
        return world.protests[claim.subject].date
    if claim.kind == "toll":
        return world.disasters[claim.subject].day(claim.data["day"])
    return None


# -- writing -----------------------------------------------------------------------------------


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is a subset of it)."""
    return json.dumps(text, ensure_ascii=False)


def english_date(day: dt.date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def russian_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS_RU[day.month - 1]} {day.year} года"


def years(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def russian_years(n: int) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return "год"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "года"
    return "лет"


def number(n: int) -> str:
    return f"{n:,}"


class Writer:
    """Writes one article: its claim file and its text."""

    def __init__(self, world: World, article: Article) -> None:
        self.world = world
        self.article = article
        self.mentioned: set[int] = set()  # persons named in full already
        self.sentence_of: dict[int, Claim] = {}  # person -> the article's sentence claim
        for claim in article.claims:
            if claim.kind == "sentence":
                self.sentence_of[claim.subject] = claim

    def person_name(self, index: int) -> str:
        """The person as this article writes them: in full first, then often by the surname alone."""
        article = self.article
        if index in article.misspelt:
            return article.misspelt[index]
        person = self.world.persons[index]
        family = article.families[index]
        if index in self.mentioned and family != "dropped" and (article.index + index) % 3:
            return person.surname(family)
        self.mentioned.add(index)
        return person.full(family, long=(article.index + index) % 2 == 0)

    def place_name(self, index: int) -> str:
        return self.world.places[index][0]

    def city_name(self, index: int) -> str:
        name, aliases = CITIES[index]
        return aliases[0] if aliases and (self.article.index + index) % 4 == 0 else name

    def date_phrase(self, day: dt.date, claim: Claim) -> tuple[Any, str]:
        """How the article gives a date: (the claim's date field, the words of the text)."""
        published = self.article.published
        form = claim.data.get("force") or _form(claim.data["form"], (published - day).days)
        weekday = WEEKDAYS[day.weekday()]
        if self.article.language == "ru":
            return (q(day.isoformat()), russian_date(day))
        if form == "weekday":
            return f"{{weekday: {weekday}}}", f"On {weekday.capitalize()}"
        if form == "ago":
            ago = (published - day).days
            offset = "-1 day" if ago == 1 else f"-{ago} days"
            words = "Yesterday" if ago == 1 else f"{ago} days ago"
            return f"{{relative_to: published, offset: {q(offset)}}}", words
        if form == "weekday-date":
            shown = claim.data.get("wrong_weekday", weekday)
            return (
                f"{{weekday: {shown}, date: {q(day.isoformat())}}}",
                f"On {shown.capitalize()}, {english_date(day)}",
            )
        return q(day.isoformat()), f"On {english_date(day)}"

    def render(self) -> tuple[str, str]:
        """The claim file's YAML and the article text."""
        article = self.article
        outlet, publisher, _ = OUTLETS[article.outlet]
        sentences: list[str] = []
        blocks: list[str] = []
        for claim in article.claims:
            fields, sentence = self.claim(claim)
            quote = reword(sentence) if claim.data.get("reword") else sentence
            blocks.append(
                f"  - id: {claim.id}\n"
                + "".join(f"    {k}: {v}\n" for k, v in fields)
                + f"    quote: {q(quote)}\n"
            )
            sentences.append(sentence)
        title = f"{outlet}: news digest, {english_date(article.published)}"
        paragraphs = [" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]
        text = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if article.edited:
            text += "\nCorrection: an earlier version of this digest misstated a court's location.\n"
        head = (
            f"# Generated by benchmarks/generate.py: an invented {outlet} digest, not a real article.\n"
            "source:\n"
            f"  id: {article.source_id}\n"
            f"  title: {q(title)}\n"
            f"  outlet: {q(outlet)}\n"
            f"  publisher: {q(publisher)}\n"
            f"  published: {q(article.published.isoformat())}\n"
            f"  language: {article.language}\n"
            f"  text: sources/{article.source_id}.txt\n"
            f"  sha256: {digest}\n"
            "claims:\n"
        )
        return head + "".join(blocks), text

    def claim(self, claim: Claim) -> tuple[list[tuple[str, str]], str]:
        """The claim's fields (key, YAML text) except id and quote, and its sentence."""
        world, data = self.world, claim.data
        ru = self.article.language == "ru"
        if claim.kind in ("age", "born", "sentence", "convicted", "picket", "office"):
            person = world.persons[claim.subject]
            name = self.person_name(claim.subject)
            subject = ("subject", q(name))
            if claim.kind == "age":
                age = years(person.birth, self.article.published) + data.get("age_shift", 0)
                fields = [subject, ("property", "age"), ("value", f"{{amount: {age}, unit: year}}")]
                fields.append(("as_of", q(self.article.published.isoformat())))
                if ru:
                    return fields, f"{name}, {age} {russian_years(age)}, назвал(а) дело политическим."
                return fields, f"{name}, {age}, says the case is political."
            if claim.kind == "born":
                city = self.city_name(person.home)
                fields = [subject, ("property", "born-in"), ("value", f"{{entity: {q(city)}}}")]
                return fields, f"{name} was born in {city}."
            if claim.kind == "office":
                title, city = OFFICES[person.office], CITIES[person.office_city][0]
                fields = [subject, ("property", "office"), ("value", f"{{text: {q(title)}}}")]
                fields.append(("place", q(city)))
                return fields, f"{name}, the {title} of {city}, told reporters the situation was calm."
            if claim.kind in ("sentence", "convicted"):
                fields = [
                    subject,
                    ("property", "jail-sentence" if claim.kind == "sentence" else "convicted-of"),
                ]
                charge = (CHARGES_RU if ru else CHARGES)[person.charge]
                if claim.kind == "convicted":
                    fields += [("value", f"{{text: {q(charge)}}}"), ("event", person.trial_id)]
                    if ru:
                        return fields, f"{name} признан(а) виновным(ой): {charge}."
                    return fields, f"{name} was found guilty of {charge}."
                days = data.get("days", person.sentence)
                weeks = (
                    not ru
                    and days % 7 == 0
                    and "days" not in data
                    and (self.article.index + claim.subject) % 2 == 0
                )
                value = f"{{amount: {days // 7}, unit: week}}" if weeks else f"{{amount: {days}, unit: day}}"
                term = f"{days // 7} weeks" if weeks else f"{days} days"
                day = data.get("date", person.trial)
                date, when = self.date_phrase(day, claim)
                fields += [("value", value), ("event", person.trial_id), ("date", date)]
                fields.append(("qualifiers", f"{{charge: {q(charge)}}}"))
                if ru:
                    return fields, f"{when} суд приговорил {name} к {days} суткам ареста по статье: {charge}."
                court = CITIES[person.court][0]
                return fields, f"{when}, a court in {court} sentenced {name} to {term} in jail for {charge}."
            # picket: relative to the article's sentence claim when it has one ("a day earlier")
            place = self.place_name(person.picket_place)
            gap = person.picket_gap + data.get("gap_shift", 0)
            fields = [subject, ("property", "picketed"), ("value", f"{{entity: {q(place)}}}")]
            sentence = self.sentence_of.get(claim.subject)
            if sentence is not None:
                offset = "-1 day" if gap == 1 else f"-{gap} days"
                fields.append(("date", f"{{relative_to: {sentence.id}, offset: {q(offset)}}}"))
                return fields, f"{COUNT_WORDS[gap - 1]} earlier, {name} had picketed {place}."
            day = person.trial - dt.timedelta(days=gap)
            fields.append(("date", q(day.isoformat())))
            return fields, f"{name} picketed {place} on {english_date(day)}."
        if claim.kind in ("size", "demand"):
            protest = world.protests[claim.subject]
            place = self.place_name(protest.place)
            fields = [("subject", q(place))]
            if claim.kind == "demand":
                demand = DEMANDS[protest.demand]
                fields += [("property", "protest-demand"), ("value", f"{{text: {q(demand)}}}")]
                fields.append(("event", protest.id))
                return fields, f"Protesters at {place} demanded {demand}."
            value, said = data.get("estimate") or _size(protest.size, data["approx"])[:2]
            date, when = self.date_phrase(protest.date, claim)
            fields += [("property", "protest-size"), ("value", value), ("event", protest.id), ("date", date)]
            return fields, f"{when}, {said} rallied at {place}."
        disaster = world.disasters[claim.subject]
        day = disaster.day(data["day"])
        toll = data.get("toll", disaster.tolls[data["day"]])
        as_of, when = self.date_phrase(day, claim)
        fields = [("subject", q(disaster.name)), ("property", "death-toll")]
        if "toll" not in data and data["approx"] > 0.7 and toll >= 10:
            floor = toll - toll % 5
            fields += [("value", f"{{amount: {floor}, unit: person, approx: at-least}}"), ("as_of", as_of)]
            return fields, f"{when}, at least {floor} people had died in the {disaster.name}."
        fields += [("value", f"{{amount: {toll}, unit: person}}"), ("as_of", as_of)]
        return fields, f"{when}, the death toll from the {disaster.name} stood at {toll}."


def reword(sentence: str) -> str:
    """The sentence with a word the article does not have: a quote that is not in it."""
    return "Reportedly, " + sentence[0].lower() + sentence[1:]


def _form(roll: float, days_before: int) -> str:
    """How a date is written: a weekday alone only within the week before publication, and so on."""
    if days_before <= 6 and roll < 0.35:
        return "weekday"
    if 1 <= days_before <= 30 and roll < 0.55:
        return "ago"
    if roll > 0.75:
        return "weekday-date"
    return "absolute"


def _size(size: int, roll: float) -> tuple[str, str, str]:
    """A protest's size as an article states it, always containing ``size``: (value, words, approximation)."""
    step = 10 if size >= 100 else 5
    floor = size - size % step
    if roll < 0.25:
        return f"{{amount: {size}, unit: person}}", f"{number(size)} people", "exact"
    if roll < 0.45:
        rounded = round(size / step) * step
        return (
            f"{{amount: {rounded}, unit: person, approx: about}}",
            f"about {number(rounded)} people",
            "about",
        )
    if roll < 0.6:
        return (
            f"{{amount: {floor}, unit: person, approx: at-least}}",
            f"at least {number(floor)} people",
            "at-least",
        )
    if roll < 0.7:
        below = floor - step if floor == size else floor
        return (
            f"{{amount: {below}, unit: person, approx: more-than}}",
            f"more than {number(below)} people",
            "more-than",
        )
    if roll < 0.8:
        return (
            f"{{amount: {floor + step}, unit: person, approx: at-most}}",
            f"up to {number(floor + step)} people",
            "at-most",
        )
    if roll < 0.9 or not 250 <= size <= 900:
        low, high = floor, floor + 2 * step
        return (
            f"{{min: {low}, max: {high}, unit: person}}",
            f"between {number(low)} and {number(high)} people",
            "range",
        )
    return "{vague: hundreds, unit: person}", "hundreds of people", "vague"


# -- catalogues ----------------------------------------------------------------------------------


PROPERTIES = """\
# Generated by benchmarks/generate.py: the property catalogue of an invented archive.
properties:
  - {id: age, label: Age, kind: quantity, dimension: duration, time_series: true}
  - {id: born-in, label: Born in, kind: entity}
  - {id: office, label: Office held, kind: text, single_valued: false}
  - {id: jail-sentence, label: Jail sentence, kind: quantity, dimension: duration}
  - {id: convicted-of, label: Convicted of, kind: text, single_valued: false}
  - {id: picketed, label: Picketed, kind: entity, single_valued: false}
  - {id: protest-size, label: Protest size, kind: quantity, dimension: count, tolerance: {relative: 0.1}}
  - {id: protest-demand, label: Protest demand, kind: text, single_valued: false}
  - {id: death-toll, label: Death toll, kind: quantity, dimension: count, time_series: true,
     monotonic: increasing}
"""


def entities_yaml(world: World) -> str:
    lines = [
        "# Generated by benchmarks/generate.py: the entities of an invented archive.",
        "entities:",
    ]
    judgements = []
    for person in world.persons:
        aliases = [person.surname("latin"), person.full("latin", long=False)]
        aliases += [person.full("translit"), person.full("translit", long=False), person.surname("translit")]
        if person.cyrillic_alias:
            cyrillic = [person.full("cyrillic"), person.full("cyrillic", long=False)]
            aliases += [*cyrillic, person.surname("cyrillic")]
        name = person.full("latin")
        shown = ", ".join(q(a) for a in dict.fromkeys(aliases) if a != name)
        lines.append(f"  - {{id: {person.id}, name: {q(name)}, type: person, aliases: [{shown}]}}")
        if person.split:
            lines.append(f"  - {{id: {person.id}-b, name: {q(person.full('dropped'))}, type: person}}")
            judgements.append(
                f"  - {{relation: same-as, entities: [{person.id}, {person.id}-b], "
                "reason: some outlets drop the patronymic suffix}"
            )
    for index, (name, aliases) in enumerate(CITIES):
        shown = ", ".join(q(a) for a in aliases)
        lines.append(f"  - {{id: city-{index:02d}, name: {q(name)}, type: place, aliases: [{shown}]}}")
    for index, (name, _) in enumerate(world.places):
        lines.append(f"  - {{id: place-{index:03d}, name: {q(name)}, type: place}}")
    for disaster in world.disasters:
        lines.append(f"  - {{id: {disaster.id}, name: {q(disaster.name)}, type: event}}")
    lines.append("events:")
    for person in world.persons:
        if person.activist:
            lines.append(
                f"  - {{id: {person.trial_id}, name: {q('Trial of ' + person.full('latin'))}, "
                f"date: {q(person.trial.isoformat())}, place: {q(CITIES[person.court][0])}}}"
            )
    for protest in world.protests:
        place = world.places[protest.place][0]
        lines.append(
            f"  - {{id: {protest.id}, name: {q('Rally at ' + place)}, date: {q(protest.date.isoformat())}, "
            f"place: {q(place)}}}"
        )
    lines.append("judgements:" + ("" if judgements else " []"))
    lines += judgements
    return "\n".join(lines) + "\n"


# -- discrepancies ---------------------------------------------------------------------------------

PERSON_CLAIMS = ("age", "born", "sentence", "convicted", "picket", "office")


@dataclass
class Discrepancy:
    """One injected discrepancy: the rule code it must raise, and what a finding of it must be about."""

    kind: str
    code: str
    file: str
    claims: list[str]  # a finding is about it when it names one of these claims ...
    sources: list[str]  # ... or one of these sources
    what: str


#: kind -> (the claims it is injected into, how many other articles must state the fact)
INJECTIONS: dict[str, tuple[tuple[str, ...], int]] = {
    "value-conflict": (("sentence",), 1),
    "estimate-off": (("size",), 1),
    "name-variant": (("age", "sentence"), 1),
    "near-name": (("office",), 1),
    "weekday-mismatch": (("sentence",), 0),
    "relative-date-conflict": (("picket",), 1),
    "event-date-conflict": (("sentence",), 1),
    "series-reversal": (("toll",), 0),
    "age-mismatch": (("age",), 2),
    "quote-not-found": (("born", "office", "demand"), 0),
    "source-changed": (("age", "size", "toll"), 0),
}


class Injector:
    """Chooses where each kind of discrepancy goes, and changes those articles' plans.

    At most one discrepancy is about one subject in one article, and at most
    one about one fact, so that each finding can be told apart.
    """

    def __init__(self, world: World, articles: list[Article], seed: int) -> None:
        self.world = world
        self.articles = articles
        self.rng = random.Random(f"inject:{seed}")
        self.touched: set[tuple[int, str, int]] = set()  # (article, subject kind, subject)
        self.facts: set[tuple[str, str, int]] = set()  # (what was changed, claim kind, subject)
        self.found: list[Discrepancy] = []
        self.stating: dict[tuple[str, int], list[tuple[Article, Claim]]] = defaultdict(list)
        for article in articles:
            for claim in article.claims:
                self.stating[(claim.kind, claim.subject)].append((article, claim))
        self.name_index: dict[str, set[int]] = defaultdict(set)
        for index, person in enumerate(world.persons):
            for form in person.full_forms():
                for key in names.block_keys(names.analyse(form)):
                    self.name_index[key].add(index)

    def inject(self, per_kind: int) -> list[Discrepancy]:
        for kind, (claim_kinds, others) in INJECTIONS.items():
            method = getattr(self, "_" + kind.replace("-", "_"))
            done = 0
            for article, claim in self._candidates(claim_kinds, others):
                if done >= per_kind:
                    break
                if method(article, claim):
                    done += 1
        return self.found

    def _candidates(self, claim_kinds: tuple[str, ...], others: int) -> list[tuple[Article, Claim]]:
        """Claims of these kinds in English articles, whose fact ``others`` other articles state too."""
        found = []
        for (kind, _), stated in sorted(self.stating.items()):
            if kind not in claim_kinds or len({a.index for a, _ in stated}) <= others:
                continue
            found += [(a, c) for a, c in stated if a.language == "en"]
        found.sort(key=lambda pair: (pair[0].index, pair[1].id))
        self.rng.shuffle(found)
        return found

    def _take(self, article: Article, claim: Claim, change: str) -> bool:
        """Reserve the claim's subject in its article, and its fact, for one discrepancy."""
        subject = ("person" if claim.kind in PERSON_CLAIMS else claim.kind, claim.subject)
        fact = (change, claim.kind, claim.subject)
        if article.edited or (article.index, *subject) in self.touched or fact in self.facts:
            return False
        self.touched.add((article.index, *subject))
        self.facts.add(fact)
        return True

    def _add(self, kind: str, article: Article, claims: list[Claim], what: str, code: str = "") -> None:
        keys = [f"{article.source_id}/{c.id}" for c in claims]
        path = f"claims/{article.source_id}.yaml"
        self.found.append(Discrepancy(kind, code or CODES[kind], path, keys, [], what))

    def _value_conflict(self, article: Article, claim: Claim) -> bool:
        person = self.world.persons[claim.subject]
        if not self._take(article, claim, "value"):
            return False
        claim.data["days"] = days = person.sentence * 2 + 10
        self._add("value-conflict", article, [claim], f"a sentence of {days} days, not {person.sentence}")
        return True

    def _estimate_off(self, article: Article, claim: Claim) -> bool:
        protest = self.world.protests[claim.subject]
        others = [
            _size(protest.size, c.data["approx"])[2]
            for _, c in self.stating[("size", claim.subject)]
            if c is not claim
        ]
        if not self._take(article, claim, "value"):
            return False
        if all(kind in ("at-least", "more-than") for kind in others):
            wrong = max(1, protest.size // 10)  # every other figure is a floor: go below it
        else:
            wrong = protest.size * 10 - protest.size * 10 % 100
        claim.data["estimate"] = (
            f"{{amount: {wrong}, unit: person, approx: about}}",
            f"about {number(wrong)} people",
        )
        self._add("estimate-off", article, [claim], f"about {wrong} people at a rally of {protest.size}")
        return True

    def _misspell(self, article: Article, claim: Claim, kind: str) -> bool:
        """Write one person's name misspelt throughout one article."""
        index = claim.subject
        person = self.world.persons[index]
        fact = ("name", "person", index)  # one misspelling a person: a third name makes a role common
        if person.patronymic is not None or article.edited or fact in self.facts:
            return False
        if (article.index, "person", index) in self.touched:
            return False
        right = names.analyse(person.full("latin"))
        if kind == "name-variant":
            wrong = _misspelt_surname(person, self.rng)
            match = names.compare(names.analyse(wrong), right)
            if match is None or match.subset:  # a variant in the same number of words: a warning
                return False
        else:
            wrong = _misspelt_given(person, self.rng)
            if names.compare(names.analyse(wrong), right) or not names.one_letter_apart(
                names.analyse(wrong), right
            ):
                return False
        if self._clashes(wrong) - {index}:
            return False
        self.touched.add((article.index, "person", index))
        self.facts.add(fact)
        article.misspelt[index] = wrong
        mentions = [c for c in article.claims if c.subject == index and c.kind in PERSON_CLAIMS]
        self._add(kind, article, mentions, f"{wrong!r} for {person.full('latin')!r}")
        return True

    def _clashes(self, written: str) -> set[int]:
        """The people whose full names ``written`` could be taken for (as in :func:`confusable`)."""
        form = names.analyse(written)
        near = set().union(*(self.name_index.get(k, set()) for k in names.block_keys(form)))
        return {
            i
            for i in near
            for other in self.world.persons[i].full_forms()
            if names.compare(form, names.analyse(other)) or names.one_letter_apart(form, names.analyse(other))
        }

    def _name_variant(self, article: Article, claim: Claim) -> bool:
        return self._misspell(article, claim, "name-variant")

    def _near_name(self, article: Article, claim: Claim) -> bool:
        person = self.world.persons[claim.subject]
        role = (person.office, person.office_city)
        holders = [p for p in self.world.persons if not p.activist and (p.office, p.office_city) == role]
        return len(holders) == 1 and self._misspell(article, claim, "near-name")

    def _weekday_mismatch(self, article: Article, claim: Claim) -> bool:
        trial = self.world.persons[claim.subject].trial
        if not self._take(article, claim, "date"):
            return False
        claim.data["force"] = "weekday-date"
        claim.data["wrong_weekday"] = wrong = WEEKDAYS[(trial.weekday() + self.rng.randint(1, 6)) % 7]
        self._add(
            "weekday-mismatch", article, [claim], f"{wrong} given for {trial} ({WEEKDAYS[trial.weekday()]})"
        )
        return True

    def _relative_date_conflict(self, article: Article, claim: Claim) -> bool:
        if not self._take(article, claim, "date"):
            return False
        claim.data["gap_shift"] = 3
        gap = self.world.persons[claim.subject].picket_gap
        self._add(
            "relative-date-conflict",
            article,
            [claim],
            f"picket {gap + 3} days before the sentence, not {gap}",
        )
        return True

    def _event_date_conflict(self, article: Article, claim: Claim) -> bool:
        person = self.world.persons[claim.subject]
        if any(c.kind == "picket" and c.subject == claim.subject for c in article.claims):
            return False  # its date is relative to this one: it would move too
        if not self._take(article, claim, "date"):
            return False
        claim.data["date"] = day = person.trial + dt.timedelta(days=2)
        claim.data["force"] = "absolute"
        self._add(
            "event-date-conflict", article, [claim], f"the sentence dated {day}, its trial {person.trial}"
        )
        return True

    def _series_reversal(self, article: Article, claim: Claim) -> bool:
        disaster = self.world.disasters[claim.subject]
        day = disaster.reserved  # a day no other article gives a toll for
        earlier = [
            c
            for _, c in self.stating[("toll", claim.subject)]
            if c.data["day"] < day and "toll" not in c.data
        ]
        if claim.data["day"] <= day or not earlier or not self._take(article, claim, "series"):
            return False
        claim.data["day"] = day
        claim.data["toll"] = low = disaster.tolls[0] // 2
        self._add(
            "series-reversal",
            article,
            [claim],
            f"a toll of {low} as of {disaster.day(day)}, after {disaster.tolls[0]} or more",
        )
        return True

    def _age_mismatch(self, article: Article, claim: Claim) -> bool:
        dates = {a.published for a, _ in self.stating[("age", claim.subject)] if a is not article}
        if len(dates) < 2 or not self._take(article, claim, "age"):
            return False
        claim.data["age_shift"] = 4
        code = "V001" if article.published in dates else "V004"  # another article gives the age that day
        self._add("age-mismatch", article, [claim], "an age 4 years too high", code)
        return True

    def _quote_not_found(self, article: Article, claim: Claim) -> bool:
        if not self._take(article, claim, "quote"):
            return False
        claim.data["reword"] = True
        self._add("quote-not-found", article, [claim], "a word added to the quote")
        return True

    def _source_changed(self, article: Article, claim: Claim) -> bool:
        if article.edited or any(index == article.index for index, _, _ in self.touched):
            return False
        article.edited = True
        path = f"claims/{article.source_id}.yaml"
        self.found.append(
            Discrepancy("source-changed", "Q002", path, [], [article.source_id], "text edited later")
        )
        return True


CODES = {
    "value-conflict": "V001",
    "estimate-off": "V001",
    "name-variant": "N001",
    "near-name": "N004",
    "weekday-mismatch": "D002",
    "relative-date-conflict": "D001",
    "event-date-conflict": "D001",
    "series-reversal": "V002",
    "age-mismatch": "V004",
    "quote-not-found": "Q001",
    "source-changed": "Q002",
}


def _misspelt_surname(person: Person, rng: random.Random) -> str:
    """The suffix dropped (Kunbolatuly / Kunbolat), or a vowel of the surname changed."""
    if not person.split and rng.random() < 0.5:
        return person.full("dropped")
    vowels = [i for i, c in enumerate(person.root) if c in VOWELS]
    at = rng.choice(vowels)
    root = person.root[:at] + rng.choice([v for v in "aeo" if v != person.root[at]]) + person.root[at + 1 :]
    return f"{person.given[0]} {root.capitalize()}{SUFFIXES[person.suffix][0]}"


def _misspelt_given(person: Person, rng: random.Random) -> str:
    """A vowel of the given name changed: Marat / Murat."""
    given = person.given[0]
    vowels = [i for i, c in enumerate(given) if c.lower() in "aeou"]
    at = rng.choice(vowels)
    letter = rng.choice([v for v in "aeo" if v != given[at].lower()])
    wrong = given[:at] + (letter.upper() if at == 0 else letter) + given[at + 1 :]
    return f"{wrong} {person.surname('latin')}"


# -- the repository ------------------------------------------------------------------------------


def plan(claims: int, seed: int) -> tuple[World, list[Article], list[Discrepancy]]:
    """The world, every article's plan and the discrepancies injected into them."""
    world = build_world(claims, seed)
    files = max(1, -(-claims // PER_FILE))
    articles = [plan_article(world, i, seed, min(PER_FILE, claims - i * PER_FILE)) for i in range(files)]
    per_kind = max(1, round(claims / 10_000))
    return world, articles, Injector(world, articles, seed).inject(per_kind)


def generate(out: Path, claims: int, seed: int) -> dict[str, Any]:
    """Write a repository of ``claims`` claims to ``out`` (created, or empty); return its truth."""
    world, articles, discrepancies = plan(claims, seed)
    (out / "claims").mkdir(parents=True, exist_ok=True)
    (out / "sources").mkdir(exist_ok=True)
    (out / "checker.yaml").write_text("# Generated by benchmarks/generate.py.\n", encoding="utf-8")
    (out / "claims" / "properties.yaml").write_text(PROPERTIES, encoding="utf-8")
    (out / "claims" / "entities.yaml").write_text(entities_yaml(world), encoding="utf-8")
    for article in articles:
        claim_file, text = Writer(world, article).render()
        (out / "claims" / f"{article.source_id}.yaml").write_text(claim_file, encoding="utf-8")
        (out / "sources" / f"{article.source_id}.txt").write_text(text, encoding="utf-8")
    truth = {
        "generator": "benchmarks/generate.py",
        "version": VERSION,
        "seed": seed,
        "claims": sum(len(a.claims) for a in articles),
        "files": len(articles),
        "discrepancies": [vars(d) for d in discrepancies],
    }
    (out / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return truth


# -- scoring ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Found:
    """A finding as scoring reads it: from a :class:`checker.findings.Finding` or a JSON report."""

    code: str
    severity: str  # info, warning, error
    claims: frozenset[str]
    sources: frozenset[str]
    where: str = ""
    message: str = ""

    @classmethod
    def of(cls, finding: Any) -> Found:
        """From a :class:`checker.findings.Finding`."""
        subject = finding.subject
        return cls(
            finding.code,
            str(finding.severity),
            frozenset(subject.claims),
            frozenset(subject.sources),
            str(finding.location),
            finding.message,
        )

    @classmethod
    def from_json(cls, finding: dict[str, Any]) -> Found:
        """From one finding of a ``checker check --format json`` report."""
        subject = finding.get("subject", {})
        location = finding.get("location", {})
        where = f"{location.get('path')}:{location.get('line')}:{location.get('column')}"
        return cls(
            finding["code"],
            finding["severity"],
            frozenset(subject.get("claims", ())),
            frozenset(subject.get("sources", ())),
            where,
            finding.get("message", ""),
        )


@dataclass
class Score:
    """How the findings of one run compare with the discrepancies injected."""

    discrepancies: int
    found: int
    noisy: int  # warning and error findings
    matched: int  # of those, the ones about an injected discrepancy
    missed: list[dict[str, Any]]
    unexpected: list[Found]

    @property
    def recall(self) -> float:
        return self.found / self.discrepancies if self.discrepancies else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.noisy if self.noisy else 1.0


def about(finding: Found, discrepancy: dict[str, Any]) -> bool:
    """Whether ``finding`` reports ``discrepancy``: its rule, about one of its claims or its source."""
    return finding.code == discrepancy["code"] and bool(
        finding.claims & set(discrepancy["claims"]) or finding.sources & set(discrepancy["sources"])
    )


def score(findings: Iterable[Found], truth: dict[str, Any]) -> Score:
    """Recall over the injected discrepancies, precision over warning and error findings."""
    discrepancies = truth["discrepancies"]
    noisy = [f for f in findings if f.severity in ("warning", "error")]
    found = [d for d in discrepancies if any(about(f, d) for f in noisy)]
    unexpected = [f for f in noisy if not any(about(f, d) for d in discrepancies)]
    missed = [d for d in discrepancies if d not in found]
    return Score(len(discrepancies), len(found), len(noisy), len(noisy) - len(unexpected), missed, unexpected)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--claims", type=int, required=True, help="how many claims (100 a file)")
    parser.add_argument("--seed", type=int, default=1, help="the same seed gives the same repository")
    parser.add_argument("out", type=Path, help="the folder to write (created; must be empty if it exists)")
    args = parser.parse_args(argv)
    if args.claims < 1:
        parser.error("--claims must be at least 1")
    if args.out.exists() and any(args.out.iterdir()):
        parser.error(f"{args.out} is not empty")
    started = time.perf_counter()
    truth = generate(args.out, args.claims, args.seed)
    kinds = sorted({d["kind"] for d in truth["discrepancies"]})
    print(
        f"generate: {truth['claims']:,} claims in {truth['files']:,} files, "
        f"{len(truth['discrepancies'])} discrepancies of {len(kinds)} kinds, "
        f"in {time.perf_counter() - started:.1f} s -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
