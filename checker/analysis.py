"""One analysis per run: everything the rules share, worked out once.

The engine builds an :class:`Analysis` of the loaded corpus and hands the
same one to every rule's ``check``. Each part is computed the first time a
rule (or the report) asks for it and then kept, so a run that selects one
rule pays only for what that rule reads, and nothing is computed twice:

* ``identities``: which names denote which entities (:mod:`checker.resolve`);
* ``facts``: per claim, its subject, dates and value resolved;
* ``texts``: the stored article texts, each read and normalised once;
* ``clusters``, ``links``, ``statements``: claims grouped into the facts
  they state (:mod:`checker.clusters`).
"""

from __future__ import annotations

from functools import cached_property

from checker.clusters import (
    ClusterLink,
    FactCluster,
    Member,
    Statement,
    build_clusters,
    build_statements,
    link_clusters,
)
from checker.corpus import Corpus
from checker.options import RuleOptions
from checker.resolve import ClaimFacts, Identities, resolve_claims, resolve_identities
from checker.text.sources import SourceTexts


class Analysis:
    """The typed, shared view of one run's corpus that every rule reads."""

    def __init__(self, corpus: Corpus, options: RuleOptions | None = None) -> None:
        self.corpus = corpus
        self.options = options or RuleOptions()  # the configuration's rule options

    @cached_property
    def identities(self) -> Identities:
        return resolve_identities(self.corpus)

    @cached_property
    def facts(self) -> tuple[ClaimFacts, ...]:
        """What resolution worked out about each claim, in corpus order."""
        return tuple(resolve_claims(self.corpus, self.identities))

    @cached_property
    def texts(self) -> SourceTexts:
        """The stored article texts, read (and normalised) at most once each."""
        return SourceTexts(self.corpus.root)

    @cached_property
    def clusters(self) -> tuple[FactCluster, ...]:
        return build_clusters(self.facts, self.corpus.properties, self.identities)

    @cached_property
    def member_of(self) -> dict[str, Member]:
        """Each claim in a fact cluster (by ``source-id/claim-id``) as a member of it."""
        return {member.key: member for cluster in self.clusters for member in cluster.members}

    @cached_property
    def cluster_of(self) -> dict[str, FactCluster]:
        """The fact cluster each claim (by ``source-id/claim-id``) is part of."""
        return {member.key: cluster for cluster in self.clusters for member in cluster.members}

    @cached_property
    def claims_of_event(self) -> dict[str, tuple[ClaimFacts, ...]]:
        """The claims that name each event, in corpus order."""
        found: dict[str, list[ClaimFacts]] = {}
        for facts in self.facts:
            if facts.ref.claim.event is not None:
                found.setdefault(facts.ref.claim.event, []).append(facts)
        return {event: tuple(claims) for event, claims in found.items()}

    @cached_property
    def links(self) -> tuple[ClusterLink, ...]:
        return link_clusters(self.clusters, self.identities)

    @cached_property
    def statements(self) -> tuple[Statement, ...]:
        return build_statements(self.clusters, self.identities)
