"""Typed objects of the claims stage."""

from __future__ import annotations

from dataclasses import dataclass, field

from redarmy_kg.events.model import EntityRef
from redarmy_kg.structure.model import Span

KINDS = ("SourcedStatement", "AuthorInterpretation", "HistoriographicalReport")
THESIS_AUTHOR = EntityRef("person", "whitewood")


@dataclass(frozen=True)
class SourceRef:
    """One citation of a footnote: the `cito:Citation` node and the work or file it cites."""

    citation_iri: str
    cited_iri: str | None


@dataclass(frozen=True)
class ReportedViewFact:
    historian: EntityRef
    view: str  # the words of the sentence that state the view


@dataclass
class Claim:
    """One statement of the thesis: the facts it asserts and where they come from."""

    key: str  # `ch5-p12-s3-1`: the sentence's short key and the statement's index in it
    kind: str  # one of KINDS
    sentence_key: str
    span: Span  # the sentence in the corpus
    footnotes: list[str]  # footnote keys whose sources the statement rests on
    sources: list[SourceRef]
    attributed_to: EntityRef
    event_key: str | None = None
    membership_key: str | None = None
    view: ReportedViewFact | None = None
    conflicts_with: list[str] = field(default_factory=list)

    @property
    def no_source_given(self) -> bool:
        return not any(s.cited_iri for s in self.sources)
