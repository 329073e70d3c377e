"""The rule registry: every code the checker can report, in one explicit list.

Adding a rule means writing its module here and adding it to ``_MODULES``;
``tests/test_registry.py`` fails when a module in this package is missing
from the list or lacks documentation.
"""

from __future__ import annotations

from types import MappingProxyType

from checker.rule import Rule
from checker.rules import (
    ambiguous_entity,
    bad_date_reference,
    bad_number,
    contradictory_judgements,
    date_conflict,
    duplicate_catalogue_id,
    duplicate_claim_id,
    duplicate_key,
    duplicate_source_id,
    elapsed_time,
    empty_file,
    expired_waiver,
    figure_in_two_categories,
    file_too_large,
    file_unreadable,
    house_spelling,
    inconsistent_spelling,
    invalid_text,
    invalid_value,
    missing_source_text,
    multiple_documents,
    name_variant,
    near_name_same_role,
    non_string_key,
    not_independent,
    quote_does_not_support_value,
    quote_not_found,
    schema_violation,
    series_reversal,
    single_source,
    source_changed,
    too_deep,
    unknown_entity,
    unknown_event,
    unknown_property,
    unknown_unit,
    unrecorded_fact,
    unused_waiver,
    value_conflict,
    value_kind_mismatch,
    weekday_mismatch,
    yaml_alias,
    yaml_directive,
    yaml_syntax,
    yaml_tag,
)

_MODULES = (
    # load: the file cannot be read as claims at all
    file_unreadable,
    invalid_text,
    yaml_syntax,
    duplicate_key,
    yaml_alias,
    yaml_tag,
    yaml_directive,
    non_string_key,
    bad_number,
    too_deep,
    file_too_large,
    empty_file,
    multiple_documents,
    # schema: the file does not fit its model
    schema_violation,
    invalid_value,
    # corpus: references between files and catalogues
    unknown_entity,
    unknown_property,
    unknown_event,
    duplicate_claim_id,
    duplicate_source_id,
    duplicate_catalogue_id,
    bad_date_reference,
    unknown_unit,
    value_kind_mismatch,
    missing_source_text,
    ambiguous_entity,
    contradictory_judgements,
    # quotes: claims against their stored article text
    quote_not_found,
    source_changed,
    quote_does_not_support_value,
    unrecorded_fact,
    # names: which names denote the same entity
    name_variant,
    inconsistent_spelling,
    house_spelling,
    near_name_same_role,
    # values: what sources say about the same thing
    value_conflict,
    series_reversal,
    elapsed_time,
    figure_in_two_categories,
    date_conflict,
    weekday_mismatch,
    # corroboration: who else says so
    single_source,
    not_independent,
    # waiver: the configuration's waivers themselves (applied by the engine)
    unused_waiver,
    expired_waiver,
)

RULES: tuple[Rule, ...] = tuple(sorted((m.RULE for m in _MODULES), key=lambda r: r.code))
REGISTRY: MappingProxyType[str, Rule] = MappingProxyType({r.code: r for r in RULES})


def corpus_rules() -> tuple[Rule, ...]:
    """The rules that check a loaded corpus, in code order."""
    return tuple(r for r in RULES if r.check is not None)


def find(code_or_name: str) -> Rule | None:
    """A rule by its code (R001) or its name (unknown-entity), case-insensitively."""
    wanted = code_or_name.strip()
    for rule in RULES:
        if wanted.upper() == rule.code or wanted.lower() == rule.name:
            return rule
    return None
