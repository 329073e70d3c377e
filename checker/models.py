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


class RelativeDate(StrictModel):
    """A date stated relative to another claim's date: "a day earlier"."""

    relative_to: Identifier = Field(
        description="Id of a claim in the same file whose date this one is relative to, "
        "or 'published' for the source's publication date."
    )
    offset: Annotated[str, StringConstraints(pattern=OFFSET_PATTERN)] = Field(
        description="Signed offset of up to five digits, such as '-1 day', '-2 days', '+3 weeks'."
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

    weekday: Weekday
    relative_to: Identifier = Field(
        default="published",
        description="Id of a claim in the same file whose date anchors the weekday, or 'published'.",
    )
    direction: Literal["before", "after"] = Field(
        default="before",
        description="'before': the latest such weekday on or before the anchor (past events, the default); "
        "'after': the first on or after it ('next Tuesday').",
    )
    date: PartialDate | None = Field(
        default=None, description="The full date when the text gives it too: the weekday must fall on it."
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

    start: PartialDate = Field(alias="from", description="The first day (a partial date: its first day).")
    end: PartialDate = Field(alias="to", description="The last day (a partial date: its last day).")

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
        "or a span of days."
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
        default=None, ge=-MAX_AMOUNT, le=MAX_AMOUNT, allow_inf_nan=False, description="The stated number."
    )
    min: float | None = Field(
        default=None,
        ge=-MAX_AMOUNT,
        le=MAX_AMOUNT,
        allow_inf_nan=False,
        description="Lower bound of a range.",
    )
    max: float | None = Field(
        default=None,
        ge=-MAX_AMOUNT,
        le=MAX_AMOUNT,
        allow_inf_nan=False,
        description="Upper bound of a range.",
    )
    unit: Annotated[str, StringConstraints(min_length=1, max_length=50)] = Field(
        description="Unit of the number, from the unit catalogue (day, week, month, year, person, ...)."
    )
    approx: Approximation = Field(default=Approximation.EXACT, description="How the number is qualified.")
    vague: Vague | None = Field(
        default=None, description="A quantity said in words instead of a number: dozens, hundreds, ..."
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

    date: DateSpec


class TextValue(StrictModel):
    """Free text: ``{text: violating the law on mass gatherings}``."""

    text: Text


class EntityValue(StrictModel):
    """A reference to an entity, as this source writes it: ``{entity: Almaty}``."""

    entity: Text


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
    Field(description="The value the source states: a quantity, a date, text or an entity."),
]


# -- sources and claims --------------------------------------------------------


class Source(StrictModel):
    """The article a claim file records."""

    id: Identifier
    title: Text
    outlet: Text = Field(description="Outlet as published, e.g. 'RFE/RL Kazakh Service'.")
    publisher: Text | None = Field(
        default=None,
        description="Organisation behind the outlet; sources sharing a publisher are not independent. "
        "Defaults to the outlet.",
    )
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    published: PartialDate
    language: Annotated[str, StringConstraints(pattern=LANGUAGE_PATTERN)] = Field(
        description="BCP 47 language tag of the article: en, ru, kk, kk-Latn ..."
    )
    text: Annotated[str, StringConstraints(pattern=r"^[^/\\][^\\]*$", min_length=1)] = Field(
        description="Path of the stored article text, relative to the repository root (sources/...)."
    )
    sha256: Annotated[str, StringConstraints(pattern=SHA256_PATTERN)] = Field(
        description="SHA-256 of the stored text when the claims were recorded."
    )

    @property
    def publisher_name(self) -> str:
        """The publisher, falling back to the outlet."""
        return self.publisher or self.outlet


class Claim(StrictModel):
    """One fact a source states, with the quote that supports it."""

    id: Identifier = Field(description="Unique within its file; other claims and waivers refer to it.")
    subject: Text = Field(description="The entity the claim is about, as this source writes it.")
    property: Identifier = Field(description="A property id from the property catalogue.")
    value: Value
    event: Identifier | None = Field(default=None, description="Id of a shared event from entities.yaml.")
    date: DateSpec | None = Field(default=None, description="When the stated fact happened.")
    as_of: DateSpec | None = Field(default=None, description="The date a time-series value was true on.")
    time: Annotated[str, StringConstraints(pattern=TIME_PATTERN)] | None = Field(
        default=None,
        description="Time of day the text gives, HH:MM or HH:MM:SS, with its UTC offset when known "
        "(14:30+06:00, 09:15Z).",
    )
    place: Text | None = None
    qualifiers: dict[Identifier, Text] = Field(
        default_factory=dict,
        description="Further qualifiers that tell facts apart: charge, court, ...",
        json_schema_extra=_identifier_keys,
    )
    attribution: Text | None = Field(
        default=None, description="Who the source attributes the claim to, e.g. 'U.S. State Department'."
    )
    quote: Text = Field(description="The verbatim passage of the source that supports the claim.")
    note: Text | None = None


class ClaimFile(StrictModel):
    """A claim file: one source and the facts it states."""

    model_config = ConfigDict(
        title="Claim file", json_schema_extra={"$comment": "Generated by `checker schema`."}
    )

    source: Source
    claims: list[Claim] = Field(default_factory=list)


# -- entities, events, judgements ---------------------------------------------


class EntityType(enum.StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    PLACE = "place"
    GROUP = "group"
    EVENT = "event"
    OTHER = "other"


class Entity(StrictModel):
    """A person, organisation, place or group that claims name."""

    id: Identifier
    name: Text = Field(description="Canonical (house) spelling.")
    type: EntityType
    aliases: list[Text] = Field(default_factory=list, description="Other names known to denote this entity.")
    description: Text | None = None


class Event(StrictModel):
    """An event that claims from several sources can name, so their facts align."""

    id: Identifier
    name: Text
    date: PartialDate | None = None
    place: Text | None = None
    description: Text | None = None


class Judgement(StrictModel):
    """An editor's recorded decision about whether two entities are one."""

    relation: Literal["same-as", "distinct-from"]
    entities: Annotated[list[Identifier], Field(min_length=2, max_length=2)] = Field(
        description="The two entity ids the judgement is about."
    )
    reason: Text
    by: Text | None = Field(default=None, description="Who recorded the judgement.")
    date: PartialDate | None = None

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

    entities: list[Entity] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    judgements: list[Judgement] = Field(default_factory=list)


# -- the property catalogue ---------------------------------------------------


class ValueKind(enum.StrEnum):
    QUANTITY = "quantity"
    DATE = "date"
    TEXT = "text"
    ENTITY = "entity"


class Tolerance(StrictModel):
    """How far two numbers may be apart and still agree."""

    absolute: float = Field(default=0.0, ge=0, allow_inf_nan=False)
    relative: float = Field(default=0.0, ge=0, le=1, allow_inf_nan=False)


class Property(StrictModel):
    """What a property's values are and when two of them can conflict."""

    id: Identifier
    label: Text
    description: Text | None = None
    kind: ValueKind
    dimension: Identifier | None = Field(
        default=None, description="For quantities: the unit dimension (duration, count, money, ...)."
    )
    single_valued: bool = Field(
        default=True, description="One subject has one value per event/date; two different values conflict."
    )
    time_series: bool = Field(
        default=False,
        description="Values change over time (a death toll); compare only at the same as-of date.",
    )
    monotonic: Literal["increasing", "decreasing"] | None = Field(
        default=None, description="For time series: the direction values may only move in."
    )
    grows_with_time: bool | None = Field(
        default=None,
        description="For duration time series: the value is the time since a fixed start (an age, days in "
        "custody), so between two as-of dates it grows by the time between them. Default: true for a "
        "time-series duration that is not 'monotonic: decreasing'.",
    )
    tolerance: Tolerance = Field(default_factory=Tolerance)
    vocabulary: list[Text] | None = Field(
        default=None,
        description="For text properties: the closed list of values (guilty, acquitted). Only then can two "
        "texts conflict; free texts are worded differently by every source.",
    )
    scope: list[Identifier] = Field(
        default_factory=list,
        description="Qualifiers (or 'place') that make a different fact when they differ: a population rank "
        "in China is not a population rank in Xinjiang. Claims differing in scope are never compared. "
        "The qualifier 'category' always separates facts (police officers among the dead).",
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

    name: Identifier = Field(description="The unit as claims write it (singular; plurals are accepted).")
    dimension: Identifier = Field(description="What it measures: count, duration, money-usd, ...")
    factor: float = Field(
        default=1.0, gt=0, allow_inf_nan=False, description="Its size in the dimension's base unit."
    )


class ExchangeRate(StrictModel):
    """How two currencies convert: ``{from: usd, to: kzt, rate: 450}`` (one dollar is 450 tenge).

    Amounts in two currencies are compared only when the catalogue gives a
    rate between them (directly or through others), grown by ``tolerance``:
    rates move and outlets round their conversions.
    """

    model_config = ConfigDict(populate_by_name=True)

    source: Identifier = Field(alias="from", description="The currency converted from (usd, eur, kzt, ...).")
    target: Identifier = Field(alias="to", description="The currency converted to.")
    rate: float = Field(
        gt=0, le=1e9, allow_inf_nan=False, description="How many of 'to' one 'from' is worth."
    )
    tolerance: float = Field(
        default=0.05, ge=0, le=1, allow_inf_nan=False, description="How far a conversion may stray (a share)."
    )


class PropertiesFile(StrictModel):
    """claims/properties.yaml: the property catalogue."""

    model_config = ConfigDict(
        title="Property catalogue", json_schema_extra={"$comment": "Generated by `checker schema`."}
    )

    units: list[UnitDefinition] = Field(
        default_factory=list,
        description="Units the catalogue adds to the built-in ones: count nouns (protester, vote) or others.",
    )
    rates: list[ExchangeRate] = Field(
        default_factory=list,
        description="Exchange rates: only currencies a rate joins are compared with each other.",
    )
    properties: list[Property] = Field(default_factory=list)


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
