"""The claim model: the one source of truth for what a claim file may say.

The JSON Schemas in ``schemas/`` are generated from these classes
(``checker schema``) and a test fails when they drift. Field descriptions end
up in the schemas, so they are written for the editors who read them.

Dates are strings (ISO 8601, possibly partial: ``2021``, ``2021-02``,
``2021-02-10``); YAML's own timestamp typing is never used.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    field_validator,
    model_validator,
)

# -- shared field types ------------------------------------------------------

ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
PARTIAL_DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
OFFSET_PATTERN = r"^[+-]?[0-9]{1,5} (day|days|week|weeks|month|months|year|years)$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
#: The largest number a quantity may state (either sign): a quadrillion. Far past any count,
#: sum or duration a source states, and far from the float limit, where arithmetic on
#: intervals would overflow to infinity and then "agree" with everything.
MAX_AMOUNT = 1e15
TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?(Z|[+-](0[0-9]|1[0-4]):[0-5][0-9])?$"

Identifier = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=200),
    Field(description="A lowercase identifier: letters, digits, '.', '_' and '-'."),
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=100_000)]


def check_partial_date(text: str) -> str:
    """Reject dates the pattern admits but the calendar does not (2021-02-30, year 0).

    The calendar starts with year 1 (:data:`datetime.MINYEAR`): "0000" fits
    the pattern but no day of it can be counted from.
    """
    parts = [int(p) for p in text.split("-")]
    if parts[0] < dt.MINYEAR:
        raise ValueError(
            f"{text!r} is not a calendar date: year 0 does not exist (the calendar starts at 0001)"
        )
    if len(parts) == 3:
        try:
            dt.date(parts[0], parts[1], parts[2])
        except ValueError as exc:
            raise ValueError(f"{text!r} is not a calendar date: {exc}") from None
    return text


#: Every date field holds one: the pattern says its shape, the validator that it is on the calendar.
PartialDate = Annotated[
    str,
    StringConstraints(pattern=PARTIAL_DATE_PATTERN),
    AfterValidator(check_partial_date),
    Field(description="An ISO 8601 calendar date, possibly partial: YYYY, YYYY-MM or YYYY-MM-DD."),
]


class StrictModel(BaseModel):
    """Base for every model: unknown keys are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


def _identifier_keys(schema: dict[str, Any]) -> None:
    """Make JSON Schema reject bad keys (pydantic's patternProperties would just skip them)."""
    patterns = schema.pop("patternProperties", {})
    schema["propertyNames"] = {"pattern": ID_PATTERN, "maxLength": 200}
    if patterns:
        schema["additionalProperties"] = next(iter(patterns.values()))


# -- dates -------------------------------------------------------------------

#: The four ways to write a date, as schema examples: a date, relative to a claim, a weekday, a span.
DATE_EXAMPLES: list[Any] = [
    "2021-02-10",
    {"relative_to": "sentence", "offset": "-1 day"},
    {"weekday": "tuesday"},
    {"from": "2021-02-01", "to": "2021-02-05"},
]


class RelativeDate(StrictModel):
    """A date stated relative to another claim's date: "a day earlier"."""

    relative_to: Identifier = Field(
        description="Id of a claim in the same file whose date this one is relative to, "
        "or 'published' for the source's publication date.",
        examples=["sentence", "published"],
    )
    offset: Annotated[str, StringConstraints(pattern=OFFSET_PATTERN)] = Field(
        description="Signed offset of up to five digits, such as '-1 day', '-2 days', '+3 weeks'.",
        examples=["-1 day", "+2 weeks"],
    )

    def offset_parts(self) -> tuple[int, str]:
        """The offset as (signed amount, singular unit)."""
        amount, unit = self.offset.split(" ")
        return int(amount), unit.rstrip("s")


class Weekday(enum.StrEnum):
    """A day of the week, as news reports name dates: "on Tuesday"."""

    MONDAY = "monday"
    TUESDAY = "tuesday"
    WEDNESDAY = "wednesday"
    THURSDAY = "thursday"
    FRIDAY = "friday"
    SATURDAY = "saturday"
    SUNDAY = "sunday"

    @property
    def number(self) -> int:
        """Monday 0 ... Sunday 6, as :meth:`datetime.date.weekday` counts."""
        return list(Weekday).index(self)


class WeekdayDate(StrictModel):
    """A date given as a weekday: "on Tuesday" is the latest Tuesday on or before the anchor.

    The anchor is the publication date unless ``relative_to`` names a claim
    of the same file. When the text also gives the date ("on Tuesday,
    January 4"), ``date`` records it and the weekday is checked against it.
    """

    weekday: Weekday = Field(
        description='The day of the week the text names, in lowercase: "on Tuesday" is tuesday.',
        examples=["tuesday"],
    )
    relative_to: Identifier = Field(
        default="published",
        description="Id of a claim in the same file whose date anchors the weekday, or 'published'.",
        examples=["published", "sentence"],
    )
    direction: Literal["before", "after"] = Field(
        default="before",
        description="'before': the latest such weekday on or before the anchor (past events, the default); "
        "'after': the first on or after it ('next Tuesday').",
        examples=["before", "after"],
    )
    date: PartialDate | None = Field(
        default=None,
        description="The full date when the text gives it too: the weekday must fall on it.",
        examples=["2022-01-04"],
    )

    @field_validator("date")
    @classmethod
    def _full_date(cls, value: str | None) -> str | None:
        if value is not None and len(value) != 10:
            raise ValueError(f"a weekday's date must be a full date (YYYY-MM-DD), not {value!r}")
        return value


class DateSpan(StrictModel):
    """A span of days: "between February 1 and 5" is ``{from: "2021-02-01", to: "2021-02-05"}``."""

    model_config = ConfigDict(populate_by_name=True)

    start: PartialDate = Field(
        alias="from", description="The first day (a partial date: its first day).", examples=["2021-02-01"]
    )
    end: PartialDate = Field(
        alias="to", description="The last day (a partial date: its last day).", examples=["2021-02-05"]
    )

    @model_validator(mode="after")
    def _ordered(self) -> DateSpan:
        if self.end < self.start and not self.start.startswith(self.end):
            raise ValueError(f"the span ends ({self.end}) before it starts ({self.start})")
        return self


def _date_kind(data: Any) -> str | None:
    """Pick the date form by its telling key, so errors speak of one form only."""
    if isinstance(data, str):
        return "date"
    if isinstance(data, dict):
        if "weekday" in data:
            return "weekday"
        if "from" in data or "to" in data:
            return "span"
        return "relative"
    return _DATE_TAGS.get(type(data))


_DATE_TAGS: dict[type, str] = {
    str: "date",
    RelativeDate: "relative",
    WeekdayDate: "weekday",
    DateSpan: "span",
}

DateSpec = Annotated[
    Annotated[PartialDate, Tag("date")]
    | Annotated[RelativeDate, Tag("relative")]
    | Annotated[WeekdayDate, Tag("weekday")]
    | Annotated[DateSpan, Tag("span")],
    Discriminator(_date_kind),
    Field(
        description="An ISO 8601 (partial) date string, a date relative to another claim, a weekday, "
        "or a span of days.",
        examples=DATE_EXAMPLES,
    ),
]


#: What a date field holds once read.
DateSpecValue = str | RelativeDate | WeekdayDate | DateSpan


# -- values ------------------------------------------------------------------


class Approximation(enum.StrEnum):
    """How a stated number relates to the true one."""

    EXACT = "exact"
    ABOUT = "about"  # "around 30", "some 40"
    AT_LEAST = "at-least"  # "at least 5"
    MORE_THAN = "more-than"  # "more than four months"
    AT_MOST = "at-most"  # "as many as 2 million", "up to 10"
    LESS_THAN = "less-than"  # "fewer than 100"
    NEARLY = "nearly"  # "nearly 200", "almost 200": just below it


class Vague(enum.StrEnum):
    """A quantity said in words, not digits: "dozens of protesters"."""

    SEVERAL = "several"
    DOZENS = "dozens"
    HUNDREDS = "hundreds"
    THOUSANDS = "thousands"
    TENS_OF_THOUSANDS = "tens-of-thousands"
    HUNDREDS_OF_THOUSANDS = "hundreds-of-thousands"
    MILLIONS = "millions"


class QuantityValue(StrictModel):
    """A number with a unit: ``{amount: 10, unit: day}`` or a range ``{min: 20, max: 30, unit: person}``."""

    model_config = ConfigDict(
        json_schema_extra={
            "oneOf": [
                {
                    "required": ["amount"],
                    "not": {"anyOf": [{"required": ["min"]}, {"required": ["max"]}, {"required": ["vague"]}]},
                },
                {
                    "anyOf": [{"required": ["min"]}, {"required": ["max"]}],
                    "not": {"anyOf": [{"required": ["amount"]}, {"required": ["vague"]}]},
                },
                {
                    "required": ["vague"],
                    "not": {
                        "anyOf": [{"required": ["amount"]}, {"required": ["min"]}, {"required": ["max"]}]
                    },
                },
            ]
        }
    )

    amount: float | None = Field(
        default=None,
        ge=-MAX_AMOUNT,
        le=MAX_AMOUNT,
        allow_inf_nan=False,
        description='The stated number, as a number (10, not "ten"). Give either amount, or min and/or '
        "max, or vague.",
        examples=[10, 2000000],
    )
    min: float | None = Field(
        default=None,
        ge=-MAX_AMOUNT,
        le=MAX_AMOUNT,
        allow_inf_nan=False,
        description='Lower bound of a range ("20 to 30"); alone, with approx, for "more than four".',
        examples=[20],
    )
    max: float | None = Field(
        default=None,
        ge=-MAX_AMOUNT,
        le=MAX_AMOUNT,
        allow_inf_nan=False,
        description='Upper bound of a range ("20 to 30"); alone, with approx, for "up to 30".',
        examples=[30],
    )
    unit: Annotated[str, StringConstraints(min_length=1, max_length=50)] = Field(
        description="Unit of the number, from the unit catalogue (day, week, month, year, person, ...); "
        "plurals are accepted. properties.yaml can add units such as protester.",
        examples=["day", "person", "usd"],
    )
    approx: Approximation = Field(
        default=Approximation.EXACT,
        description='How the text qualifies the number: exact (the default), about ("around 30"), '
        'at-least, more-than, at-most ("as many as", "up to"), less-than, nearly ("almost").',
        examples=["about", "at-most"],
    )
    vague: Vague | None = Field(
        default=None,
        description="A quantity said in words instead of a number: several, dozens, hundreds, thousands, "
        "tens-of-thousands, hundreds-of-thousands, millions.",
        examples=["dozens"],
    )

    @model_validator(mode="after")
    def _amount_or_range(self) -> QuantityValue:
        given = sum(1 for part in (self.amount, self.vague) if part is not None)
        given += self.min is not None or self.max is not None
        if given == 0:
            raise ValueError("a quantity needs 'amount', 'min' and/or 'max', or 'vague'")
        if given > 1:
            raise ValueError("give one of 'amount', a 'min'/'max' range or 'vague'")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"range minimum {self.min:g} is greater than its maximum {self.max:g}")
        return self


class DateValue(StrictModel):
    """A date as the value of a claim: ``{date: "2021-02-10"}``."""

    date: DateSpec = Field(
        description="The date the source states as the fact (a date of birth, the day of a verdict).",
        examples=DATE_EXAMPLES,
    )


class TextValue(StrictModel):
    """Free text: ``{text: violating the law on mass gatherings}``."""

    text: Text = Field(
        description="The text the source states, close to its own words (a charge, a verdict, a slogan).",
        examples=["violating the law on mass gatherings", "guilty"],
    )


class EntityValue(StrictModel):
    """A reference to an entity, as this source writes it: ``{entity: Almaty}``."""

    entity: Text = Field(
        description="A person, organisation, place or group as this source writes it; it is matched to "
        "claims/entities.yaml like a subject.",
        examples=["Almaty", "Chinese Consulate in Almaty"],
    )


def _value_kind(data: Any) -> str | None:
    """Pick the value model by its telling key, so errors speak of one kind only."""
    if isinstance(data, dict):
        return next((key for key in ("date", "text", "entity") if key in data), "quantity")
    return _VALUE_TAGS.get(type(data))


_VALUE_TAGS: dict[type, str] = {
    QuantityValue: "quantity",
    DateValue: "date",
    TextValue: "text",
    EntityValue: "entity",
}

#: Every tag pydantic puts into an error location for a tagged union (dates, values).
UNION_TAGS: frozenset[str] = frozenset({*_DATE_TAGS.values(), *_VALUE_TAGS.values()})

Value = Annotated[
    Annotated[QuantityValue, Tag("quantity")]
    | Annotated[DateValue, Tag("date")]
    | Annotated[TextValue, Tag("text")]
    | Annotated[EntityValue, Tag("entity")],
    Discriminator(_value_kind),
    Field(
        description="The value the source states: a quantity {amount: 10, unit: day}, a date {date: ...}, "
        "text {text: ...} or an entity {entity: ...}.",
        examples=[
            {"amount": 10, "unit": "day"},
            {"min": 4, "unit": "month", "approx": "more-than"},
            {"date": "2021-02-10"},
            {"text": "guilty"},
            {"entity": "Almaty"},
        ],
    ),
]


# -- sources and claims --------------------------------------------------------

SOURCE_EXAMPLE: dict[str, Any] = {
    "id": "rferl-kunbolatuly-10-days",
    "title": "Kazakh Man Gets 10 Days In Jail For Picketing Chinese Consulate In Almaty",
    "outlet": "RFE/RL's Kazakh Service",
    "publisher": "RFE/RL",
    "published": "2021-02-10",
    "language": "en",
    "text": "sources/rferl-kunbolatuly-10-days.txt",
    "sha256": "c37251a098d0f2c4d5a4f07b988496c8a4eabdb68bcb7f308d5abc4ce8f19351",
}
CLAIM_EXAMPLE: dict[str, Any] = {
    "id": "sentence",
    "subject": "Baibolat Kunbolatuly",
    "property": "jail-sentence",
    "value": {"amount": 10, "unit": "day"},
    "date": "2021-02-10",
    "qualifiers": {"charge": "violating the law on mass gatherings"},
    "quote": "found Baibolat Kunbolatuly guilty of violating the law on mass gatherings and sent him to "
    "jail for 10 days",
}


class Source(StrictModel):
    """The article a claim file records."""

    id: Identifier = Field(
        description="The source's id, unique in the archive (usually the file name without .yaml); "
        "findings and waivers name claims as source-id/claim-id.",
        examples=["rferl-kunbolatuly-10-days"],
    )
    title: Text = Field(
        description="The article's headline as published.",
        examples=["Kazakh Man Gets 10 Days In Jail For Picketing Chinese Consulate In Almaty"],
    )
    outlet: Text = Field(
        description="Outlet as published, e.g. 'RFE/RL Kazakh Service'.", examples=["RFE/RL's Kazakh Service"]
    )
    publisher: Text | None = Field(
        default=None,
        description="Organisation behind the outlet; sources sharing a publisher are not independent. "
        "Defaults to the outlet.",
        examples=["RFE/RL"],
    )
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = Field(
        default=None,
        description="The article's web address (http or https), if it has one.",
        examples=["https://www.rferl.org/a/31096367.html"],
    )
    published: PartialDate = Field(
        description="When the article was published: YYYY-MM-DD (or YYYY-MM, YYYY), in quotes.",
        examples=["2021-02-10"],
    )
    language: Annotated[str, StringConstraints(pattern=LANGUAGE_PATTERN)] = Field(
        description="BCP 47 language tag of the article: en, ru, kk, kk-Latn ...", examples=["en", "kk-Latn"]
    )
    text: Annotated[str, StringConstraints(pattern=r"^[^/\\][^\\]*$", min_length=1)] = Field(
        description="Path of the stored article text, relative to the repository root (sources/...).",
        examples=["sources/rferl-kunbolatuly-10-days.txt"],
    )
    sha256: Annotated[str, StringConstraints(pattern=SHA256_PATTERN)] = Field(
        description="SHA-256 of the stored text when the claims were recorded; `checker fix --sha256` "
        "writes it.",
        examples=["c37251a098d0f2c4d5a4f07b988496c8a4eabdb68bcb7f308d5abc4ce8f19351"],
    )

    @property
    def publisher_name(self) -> str:
        """The publisher, falling back to the outlet."""
        return self.publisher or self.outlet


class Claim(StrictModel):
    """One fact a source states, with the quote that supports it."""

    id: Identifier = Field(
        description="Unique within its file; other claims and waivers refer to it.",
        examples=["sentence", "picket"],
    )
    subject: Text = Field(
        description="The entity the claim is about, as this source writes it (the checker matches "
        "spellings to claims/entities.yaml).",
        examples=["Baibolat Kunbolatuly"],
    )
    property: Identifier = Field(
        description="A property id from the property catalogue, claims/properties.yaml.",
        examples=["jail-sentence", "nationality"],
    )
    value: Value
    event: Identifier | None = Field(
        default=None,
        description="Id of a shared event from claims/entities.yaml, only where the text makes the event "
        "clear: claims naming one event that disagree are an error.",
        examples=["consulate-picket-2021-02-09"],
    )
    date: DateSpec | None = Field(
        default=None, description="When the stated fact happened.", examples=DATE_EXAMPLES
    )
    as_of: DateSpec | None = Field(
        default=None,
        description="The date a time-series value was true on (a death toll 'as of Monday').",
        examples=["2021-06-24", {"weekday": "monday"}],
    )
    time: Annotated[str, StringConstraints(pattern=TIME_PATTERN)] | None = Field(
        default=None,
        description="Time of day the text gives, HH:MM or HH:MM:SS, with its UTC offset when known "
        "(14:30+06:00, 09:15Z).",
        examples=["14:30+06:00", "09:15"],
    )
    place: Text | None = Field(
        default=None,
        description="Where the fact happened, as the source writes it; it separates facts when the "
        "property's scope lists 'place'.",
        examples=["Almaty"],
    )
    qualifiers: dict[Identifier, Text] = Field(
        default_factory=dict,
        description="Further qualifiers that tell facts apart: charge, court, ...",
        json_schema_extra=_identifier_keys,
        examples=[{"charge": "violating the law on mass gatherings", "court": "a court in Almaty"}],
    )
    attribution: Text | None = Field(
        default=None,
        description="Who the source attributes the claim to, e.g. 'U.S. State Department'.",
        examples=["U.S. State Department"],
    )
    quote: Text = Field(
        description="The verbatim passage of the source that supports the claim; it must be found in the "
        "stored text.",
        examples=["The court on February 10 found Baibolat Kunbolatuly guilty"],
    )
    note: Text | None = Field(
        default=None,
        description="A remark for other editors (why the claim reads as it does); the checker ignores it.",
        examples=["Headline. 'Kazakh' may mean a citizen or an ethnic Kazakh; the article does not say."],
    )


class ClaimFile(StrictModel):
    """A claim file: one source and the facts it states."""

    model_config = ConfigDict(
        title="Claim file", json_schema_extra={"$comment": "Generated by `checker schema`."}
    )

    source: Source = Field(
        description="The article this file records: its id, outlet, publication date and stored text.",
        examples=[SOURCE_EXAMPLE],
    )
    claims: list[Claim] = Field(
        default_factory=list,
        description="The facts the article states, one entry each, with the quote that supports it.",
        examples=[[CLAIM_EXAMPLE]],
    )


# -- entities, events, judgements ---------------------------------------------


class EntityType(enum.StrEnum):
    """What kind of thing an entity is."""

    PERSON = "person"
    ORGANISATION = "organisation"
    PLACE = "place"
    GROUP = "group"
    EVENT = "event"
    OTHER = "other"


class Entity(StrictModel):
    """A person, organisation, place or group that claims name."""

    id: Identifier = Field(
        description="The entity's id, unique in this file; judgements name entities by it.",
        examples=["baibolat-kunbolatuly"],
    )
    name: Text = Field(description="Canonical (house) spelling.", examples=["Baibolat Kunbolatuly"])
    type: EntityType = Field(
        description="person, organisation, place, group (Uyghurs, the protesters), event or other.",
        examples=["person", "place"],
    )
    aliases: list[Text] = Field(
        default_factory=list,
        description="Other names known to denote this entity: short forms, other transliterations.",
        examples=[["Kunbolatuly"], ["Toqaev", "Tokayev"]],
    )
    description: Text | None = Field(
        default=None,
        description="Who or what it is, for the editors who match names to it.",
        examples=["Man sentenced in Almaty on 2021-02-10 to 10 days in jail"],
    )


class Event(StrictModel):
    """An event that claims from several sources can name, so their facts align."""

    id: Identifier = Field(
        description="The event's id, unique in this file; claims name it as `event:`.",
        examples=["consulate-picket-2021-02-09"],
    )
    name: Text = Field(
        description="What the event is called in reports.", examples=["Picket at the Chinese Consulate"]
    )
    date: PartialDate | None = Field(
        default=None, description="When it happened (YYYY-MM-DD, YYYY-MM or YYYY).", examples=["2021-02-09"]
    )
    place: Text | None = Field(default=None, description="Where it happened.", examples=["Almaty"])
    description: Text | None = Field(
        default=None,
        description="What tells it apart from similar events, for the editors who name it.",
        examples=["The February 2021 picket that led to the 10-day sentence"],
    )


class Judgement(StrictModel):
    """An editor's recorded decision about whether two entities are one."""

    relation: Literal["same-as", "distinct-from"] = Field(
        description="same-as: the two entities are one (their claims are compared as one's); "
        "distinct-from: they are two, however alike their names.",
        examples=["distinct-from", "same-as"],
    )
    entities: Annotated[list[Identifier], Field(min_length=2, max_length=2)] = Field(
        description="The two entity ids the judgement is about.",
        examples=[["baibolat-kunbolatuly", "baibolat-kunbolat"]],
    )
    reason: Text = Field(
        description="Why: what the editor checked.",
        examples=["Different court dates and charges: two sentences, possibly two men"],
    )
    by: Text | None = Field(default=None, description="Who recorded the judgement.", examples=["night desk"])
    date: PartialDate | None = Field(
        default=None, description="When it was recorded (YYYY-MM-DD).", examples=["2021-06-25"]
    )

    @model_validator(mode="after")
    def _two_entities(self) -> Judgement:
        if self.entities[0] == self.entities[1]:
            raise ValueError(f"a judgement is about two different entities, not {self.entities[0]!r} twice")
        return self


class EntitiesFile(StrictModel):
    """claims/entities.yaml: the entities and events claims refer to, and judgements about them."""

    model_config = ConfigDict(
        title="Entities file", json_schema_extra={"$comment": "Generated by `checker schema`."}
    )

    entities: list[Entity] = Field(
        default_factory=list,
        description="The people, organisations, places and groups that claims name.",
        examples=[
            [{"id": "almaty", "name": "Almaty", "type": "place", "aliases": ["Alma-Ata"]}],
        ],
    )
    events: list[Event] = Field(
        default_factory=list,
        description="Events that claims from several sources name (`event:`), so their facts align.",
        examples=[[{"id": "consulate-picket-2021-02-09", "name": "Picket at the Chinese Consulate"}]],
    )
    judgements: list[Judgement] = Field(
        default_factory=list,
        description="Editors' decisions on whether two entities are one (settles N001 name-variant).",
        examples=[
            [
                {
                    "relation": "distinct-from",
                    "entities": ["baibolat-kunbolatuly", "baibolat-kunbolat"],
                    "reason": "Different court dates and charges",
                }
            ]
        ],
    )


# -- the property catalogue ---------------------------------------------------


class ValueKind(enum.StrEnum):
    """What a property's values are."""

    QUANTITY = "quantity"
    DATE = "date"
    TEXT = "text"
    ENTITY = "entity"


class Tolerance(StrictModel):
    """How far two numbers may be apart and still agree."""

    absolute: float = Field(
        default=0.0,
        ge=0,
        allow_inf_nan=False,
        description="How far apart two values may be, in the dimension's base unit (days, people).",
        examples=[1],
    )
    relative: float = Field(
        default=0.0,
        ge=0,
        le=1,
        allow_inf_nan=False,
        description="How far apart two values may be as a share of their size (0.05: each may stray 5%).",
        examples=[0.05],
    )


class Property(StrictModel):
    """What a property's values are and when two of them can conflict."""

    id: Identifier = Field(
        description="What claims write as `property:`; unique in this file.", examples=["jail-sentence"]
    )
    label: Text = Field(description="How reports name the property.", examples=["Jail sentence"])
    description: Text | None = Field(
        default=None,
        description="What it means, for the editors who record claims.",
        examples=["Length of a jail sentence handed to the subject; the date is the day it was handed down."],
    )
    kind: ValueKind = Field(
        description="What a value is: quantity (a number with a unit), date, text, or entity.",
        examples=["quantity", "text"],
    )
    dimension: Identifier | None = Field(
        default=None,
        description="For quantities: the unit dimension (duration, count, money, ...).",
        examples=["duration", "count"],
    )
    single_valued: bool = Field(
        default=True,
        description="One subject has one value per event/date; two different values conflict.",
        examples=[True, False],
    )
    time_series: bool = Field(
        default=False,
        description="Values change over time (a death toll); compare only at the same as-of date.",
        examples=[True],
    )
    monotonic: Literal["increasing", "decreasing"] | None = Field(
        default=None,
        description="For time series: the direction values may only move in.",
        examples=["increasing"],
    )
    grows_with_time: bool | None = Field(
        default=None,
        description="For duration time series: the value is the time since a fixed start (an age, days in "
        "custody), so between two as-of dates it grows by the time between them. Default: true for a "
        "time-series duration that is not 'monotonic: decreasing'.",
        examples=[True],
    )
    tolerance: Tolerance = Field(
        default_factory=Tolerance,
        description="How far two numbers may be apart and still agree: absolute (base units) and/or "
        "relative (a share); the default is exact.",
        examples=[{"relative": 0.05}, {"absolute": 1}],
    )
    vocabulary: list[Text] | None = Field(
        default=None,
        description="For text properties: the closed list of values (guilty, acquitted). Only then can two "
        "texts conflict; free texts are worded differently by every source.",
        examples=[["guilty", "acquitted"]],
    )
    scope: list[Identifier] = Field(
        default_factory=list,
        description="Qualifiers (or 'place') that make a different fact when they differ: a population rank "
        "in China is not a population rank in Xinjiang. Claims differing in scope are never compared. "
        "The qualifier 'category' always separates facts (police officers among the dead).",
        examples=[["place"], ["region"]],
    )

    @model_validator(mode="after")
    def _dimension_for_quantities(self) -> Property:
        if self.kind is ValueKind.QUANTITY and self.dimension is None:
            raise ValueError("a quantity property needs a 'dimension'")
        if self.kind is not ValueKind.QUANTITY and self.dimension is not None:
            raise ValueError("only quantity properties have a 'dimension'")
        if self.monotonic is not None and not self.time_series:
            raise ValueError("'monotonic' applies to time-series properties only")
        if self.grows_with_time and not (self.time_series and self.dimension == "duration"):
            raise ValueError("'grows_with_time' applies to time-series durations only")
        return self

    @property
    def counts_elapsed_time(self) -> bool:
        """Whether values are a clock since a fixed start (an age): see ``grows_with_time``."""
        if self.grows_with_time is not None:
            return self.grows_with_time
        return self.time_series and self.dimension == "duration" and self.monotonic != "decreasing"


class UnitDefinition(StrictModel):
    """A unit the catalogue adds: ``{name: protester, dimension: count}``."""

    name: Identifier = Field(
        description="The unit as claims write it (singular; plurals are accepted).", examples=["protester"]
    )
    dimension: Identifier = Field(
        description="What it measures: count, duration, money-usd, ...", examples=["count", "length"]
    )
    factor: float = Field(
        default=1.0,
        gt=0,
        allow_inf_nan=False,
        description="Its size in the dimension's base unit (metres for length, days for duration).",
        examples=[1, 1609.344],
    )


class ExchangeRate(StrictModel):
    """How two currencies convert: ``{from: usd, to: kzt, rate: 450}`` (one dollar is 450 tenge).

    Amounts in two currencies are compared only when the catalogue gives a
    rate between them (directly or through others), grown by ``tolerance``:
    rates move and outlets round their conversions.
    """

    model_config = ConfigDict(populate_by_name=True)

    source: Identifier = Field(
        alias="from", description="The currency converted from (usd, eur, kzt, ...).", examples=["usd"]
    )
    target: Identifier = Field(alias="to", description="The currency converted to.", examples=["kzt"])
    rate: float = Field(
        gt=0,
        le=1e9,
        allow_inf_nan=False,
        description="How many of 'to' one 'from' is worth.",
        examples=[450],
    )
    tolerance: float = Field(
        default=0.05,
        ge=0,
        le=1,
        allow_inf_nan=False,
        description="How far a conversion may stray (a share).",
        examples=[0.05],
    )


class PropertiesFile(StrictModel):
    """claims/properties.yaml: the property catalogue."""

    model_config = ConfigDict(
        title="Property catalogue", json_schema_extra={"$comment": "Generated by `checker schema`."}
    )

    properties: list[Property] = Field(
        default_factory=list,
        description="What a claim's `property:` may be, what kind of value it takes and when two disagree.",
        examples=[
            [{"id": "jail-sentence", "label": "Jail sentence", "kind": "quantity", "dimension": "duration"}]
        ],
    )
    units: list[UnitDefinition] = Field(
        default_factory=list,
        description="Units the catalogue adds to the built-in ones: count nouns (protester, vote) or others.",
        examples=[[{"name": "protester", "dimension": "count"}]],
    )
    rates: list[ExchangeRate] = Field(
        default_factory=list,
        description="Exchange rates: only currencies a rate joins are compared with each other.",
        examples=[[{"from": "usd", "to": "kzt", "rate": 450}]],
    )


#: Every top-level document kind, by the schema file name it is published under.
DOCUMENT_MODELS: dict[str, type[StrictModel]] = {
    "claim-file": ClaimFile,
    "entities-file": EntitiesFile,
    "properties-file": PropertiesFile,
}


def kind_of(model: type[StrictModel]) -> str:
    """The document kind ``model`` is published under: :data:`DOCUMENT_MODELS` read backwards."""
    for kind, known in DOCUMENT_MODELS.items():
        if known is model:
            return kind
    raise KeyError(model.__name__)
