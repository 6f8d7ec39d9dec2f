"""Every shape rejects a small non-conforming fixture and accepts a conforming one,
and both engines (pySHACL, the SPARQL checks on pyoxigraph) agree on each.

The conforming fixture is `fixtures/shapes-valid.trig`; each case below breaks
it with one SPARQL Update and states exactly which violations must follow
(`"<shape>:<component>": count`, shape names in rkgsh:, components without the
`ConstraintComponent` suffix).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import rdflib
from rdflib import URIRef

from redarmy_kg.validate import shacl, sparql_checks
from redarmy_kg.validate.model import ValidationReport
from redarmy_kg.validate.resources import SHAPES_NS, shapes_graph

VALID = Path(__file__).parent / "fixtures" / "shapes-valid.trig"
PREFIXES = """
BASE <https://w3id.org/redarmy-kg/id/>
PREFIX g: <https://w3id.org/redarmy-kg/graph/>
PREFIX rkg: <https://w3id.org/redarmy-kg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX c4o: <http://purl.org/spar/c4o/>
PREFIX fabio: <http://purl.org/spar/fabio/>
PREFIX cito: <http://purl.org/spar/cito/>
PREFIX rico: <https://www.ica.org/standards/RiC/ontology#>
PREFIX rst: <https://www.ica.org/standards/RiC/vocabularies/recordSetTypes#>
"""
SENTENCE = "<thesis/ch5/p/1/s/1>"
S_ANCHOR = "<thesis/ch5/p/1/s/1#anchor>"
S_POSITION = "<thesis/ch5/p/1/s/1#position>"
S_QUOTE = "<thesis/ch5/p/1/s/1#quote>"
FOOTNOTE = "<thesis/ch5/fn/2>"
CITATION = "<citation/ch5-fn2-1>"
FILE = "<archive/rgva/f4/op19/d16>"
EVENT = "<event/arrest-tukhachevskii-1937-05-22>"
MEMBERSHIP = "<membership/tukhachevskii-nko>"
CLAIM = "<claim/ch5-p1-s1>"
OTHER_CLAIM = "<claim/intro-p1-s1>"
MENTION = "<mention/ch5-p1-s1-0>"
CHAPTER = "<thesis/ch5>"
SECTION = "<thesis/ch5/sec/1>"
PARAGRAPH = "<thesis/ch5/p/1>"
MARKER = "<thesis/ch5/marker/2>"
SEGMENT = "<thesis/ch5/p/1/segment/1>"
BIB_ENTRY = "<thesis/bibliography/1/1>"
LABEL = "<thesis/ch5/fn/2/number>"
WORK = "<work/getty-naumov-1999-road-to-terror>"
AMBIGUOUS = "<person/kamenev>"


def replace(subject: str, predicate: str, new_object: str | None = None) -> str:
    """Delete every value of subject/predicate (in any graph), optionally add one."""
    pattern = f"GRAPH ?g {{ {subject} {predicate} ?o }}"
    update = f"DELETE {{ {pattern} }} WHERE {{ {pattern} }}"
    if new_object is not None:
        update += f"; INSERT DATA {{ GRAPH g:test {{ {subject} {predicate} {new_object} }} }}"
    return update


def add(subject: str, predicate: str, new_object: str) -> str:
    return f"INSERT DATA {{ GRAPH g:test {{ {subject} {predicate} {new_object} }} }}"


CASES: dict[str, tuple[str, dict[str, int]]] = {
    # text anchors
    "anchor without source": (
        replace(S_ANCHOR, "oa:hasSource"),
        {"SpecificResource-source:MinCount": 1},
    ),
    "anchor with two sources": (
        add(S_ANCHOR, "oa:hasSource", "<thesis/other>"),
        {"SpecificResource-source:MaxCount": 1},
    ),
    "anchor source is a literal": (
        replace(S_ANCHOR, "oa:hasSource", '"thesis"'),
        {"SpecificResource-source:NodeKind": 1},
    ),
    "anchor without position selector": (
        f"DELETE DATA {{ GRAPH g:structure {{ {S_ANCHOR} oa:hasSelector {S_POSITION} }} }}",
        {"SpecificResource-position:HasValue": 1},
    ),
    "anchor without quote selector": (
        f"DELETE DATA {{ GRAPH g:structure {{ {S_ANCHOR} oa:hasSelector {S_QUOTE} }} }}",
        {"SpecificResource-quote:HasValue": 1},
    ),
    "position without start": (
        replace(S_POSITION, "oa:start"),
        {"TextPositionSelector-start:MinCount": 1},
    ),
    "position with two starts": (
        add(S_POSITION, "oa:start", '"90"^^xsd:nonNegativeInteger'),
        {"TextPositionSelector-start:MaxCount": 1},
    ),
    "position without end": (
        replace(S_POSITION, "oa:end"),
        {"TextPositionSelector-end:MinCount": 1},
    ),
    "position with two ends": (
        add(S_POSITION, "oa:end", '"170"^^xsd:nonNegativeInteger'),
        {"TextPositionSelector-end:MaxCount": 1},
    ),
    "position start negative": (
        replace(S_POSITION, "oa:start", '"-5"^^xsd:integer'),
        {"TextPositionSelector-start:Datatype": 1},
    ),
    "position end not an integer": (
        replace(S_POSITION, "oa:end", '"160"^^xsd:decimal'),
        {"TextPositionSelector-end:Datatype": 1},
    ),
    "position start after end": (
        replace(S_POSITION, "oa:start", '"200"^^xsd:nonNegativeInteger'),
        {"TextPositionSelector-order:LessThanOrEquals": 1},
    ),
    "quote without exact": (replace(S_QUOTE, "oa:exact"), {"TextQuoteSelector-exact:MinCount": 1}),
    "quote exact empty": (
        replace(S_QUOTE, "oa:exact", '""'),
        {"TextQuoteSelector-exact:MinLength": 1},
    ),
    "quote exact twice": (
        add(S_QUOTE, "oa:exact", '"again"'),
        {"TextQuoteSelector-exact:MaxCount": 1},
    ),
    "quote exact not a string": (
        replace(S_QUOTE, "oa:exact", "42"),
        {"TextQuoteSelector-exact:Datatype": 1},
    ),
    # document components
    "sentence without anchor": (
        replace(SENTENCE, "rkg:textAnchor"),
        {"Sentence-anchor:MinCount": 1},
    ),
    "sentence with two anchors": (
        add(SENTENCE, "rkg:textAnchor", "<thesis/ch5/fn/2#anchor>"),
        {"Sentence-anchor:MaxCount": 1},
    ),
    "sentence anchor is not a SpecificResource": (
        replace(SENTENCE, "rkg:textAnchor", "<thesis/ch5/p/1/s/1#nowhere>"),
        {"Sentence-anchor:Class": 1},
    ),
    "sentence without paragraph": (
        replace(SENTENCE, "dcterms:isPartOf"),
        {"Sentence-part:MinCount": 1},
    ),
    "sentence part is a literal": (
        replace(SENTENCE, "dcterms:isPartOf", '"p1"'),
        {"Sentence-part:NodeKind": 1},
    ),
    "footnote without text": (
        replace(FOOTNOTE, "c4o:hasContent"),
        {"Footnote-content:MinCount": 1},
    ),
    "footnote with empty text": (
        replace(FOOTNOTE, "c4o:hasContent", '""'),
        {"Footnote-content:MinLength": 1},
    ),
    "footnote with two texts": (
        add(FOOTNOTE, "c4o:hasContent", '"more"'),
        {"Footnote-content:MaxCount": 1},
    ),
    "footnote text with a language tag": (
        replace(FOOTNOTE, "c4o:hasContent", '"RGVA"@en'),
        {"Footnote-content:Datatype": 1},
    ),
    "footnote without part": (replace(FOOTNOTE, "dcterms:isPartOf"), {"Footnote-part:MinCount": 1}),
    "footnote part is a literal": (
        replace(FOOTNOTE, "dcterms:isPartOf", '"ch5"'),
        {"Footnote-part:NodeKind": 1},
    ),
    "footnote without anchor": (
        replace(FOOTNOTE, "rkg:textAnchor"),
        {"Footnote-anchor:MinCount": 1},
    ),
    "footnote with two anchors": (
        add(FOOTNOTE, "rkg:textAnchor", S_ANCHOR),
        {"Footnote-anchor:MaxCount": 1},
    ),
    "footnote anchor is not a SpecificResource": (
        replace(FOOTNOTE, "rkg:textAnchor", FOOTNOTE),
        {"Footnote-anchor:Class": 1},
    ),
    # more document components
    "thesis without title": (replace("<thesis>", "dcterms:title"), {"Thesis-title:MinCount": 1}),
    "thesis without author": (
        replace("<thesis>", "dcterms:creator"),
        {"Thesis-creator:MinCount": 1},
    ),
    "thesis author is a literal": (
        replace("<thesis>", "dcterms:creator", '"Whitewood"'),
        {"Thesis-creator:NodeKind": 1},
    ),
    "chapter without title": (replace(CHAPTER, "dcterms:title"), {"Chapter-title:MinCount": 1}),
    "chapter with two titles": (
        add(CHAPTER, "dcterms:title", '"Chapter Five"'),
        {"Chapter-title:MaxCount": 1},
    ),
    "chapter outside the thesis": (
        replace(CHAPTER, "dcterms:isPartOf"),
        {"Chapter-part:MinCount": 1},
    ),
    "chapter part of a paragraph": (
        replace(CHAPTER, "dcterms:isPartOf", PARAGRAPH),
        {"Chapter-part:Class": 1},
    ),
    "section outside any part": (
        replace(SECTION, "dcterms:isPartOf"),
        {"Section-part:MinCount": 1},
    ),
    "section part is a literal": (
        replace(SECTION, "dcterms:isPartOf", '"ch5"'),
        {"Section-part:NodeKind": 1},
    ),
    "section without heading": (replace(SECTION, "dcterms:title"), {"Section-label:MinCount": 1}),
    "paragraph without text": (
        replace(PARAGRAPH, "c4o:hasContent"),
        {"Paragraph-content:MinCount": 1},
    ),
    "paragraph with two texts": (
        add(PARAGRAPH, "c4o:hasContent", '"more"'),
        {"Paragraph-content:MaxCount": 1},
    ),
    "paragraph text typed": (
        replace(PARAGRAPH, "c4o:hasContent", "7"),
        {"Paragraph-content:Datatype": 1},
    ),
    "paragraph text empty": (
        replace(PARAGRAPH, "c4o:hasContent", '""'),
        {"Paragraph-content:MinLength": 1},
    ),
    "paragraph without anchor": (
        replace(PARAGRAPH, "rkg:textAnchor"),
        {"Paragraph-anchor:MinCount": 1},
    ),
    "paragraph with two anchors": (
        add(PARAGRAPH, "rkg:textAnchor", "<thesis/ch5/fn/2#anchor>"),
        {"Paragraph-anchor:MaxCount": 1},
    ),
    "paragraph anchor untyped": (
        replace(PARAGRAPH, "rkg:textAnchor", "<x#nowhere>"),
        {"Paragraph-anchor:Class": 1},
    ),
    "paragraph outside any part": (
        replace(PARAGRAPH, "dcterms:isPartOf"),
        {"Paragraph-part:MinCount": 1},
    ),
    "paragraph part is a literal": (
        replace(PARAGRAPH, "dcterms:isPartOf", '"sec 1"'),
        {"Paragraph-part:NodeKind": 1},
    ),
    "sentence without text": (
        replace(SENTENCE, "c4o:hasContent"),
        {"Sentence-content:MinCount": 1},
    ),
    "sentence with two texts": (
        add(SENTENCE, "c4o:hasContent", '"more"'),
        {"Sentence-content:MaxCount": 1},
    ),
    "sentence text typed": (
        replace(SENTENCE, "c4o:hasContent", "7"),
        {"Sentence-content:Datatype": 1},
    ),
    "sentence text empty": (
        replace(SENTENCE, "c4o:hasContent", '""'),
        {"Sentence-content:MinLength": 1},
    ),
    "marker without footnote": (replace(MARKER, "rkg:marks"), {"FootnoteMarker-marks:MinCount": 1}),
    "marker marks two footnotes": (
        add(MARKER, "rkg:marks", "<thesis/ch5/fn/3>"),
        {"FootnoteMarker-marks:MaxCount": 1, "FootnoteMarker-marks:Class": 1},
    ),
    "marker marks a sentence": (
        replace(MARKER, "rkg:marks", SENTENCE),
        {"FootnoteMarker-marks:Class": 1},
    ),
    "marker without anchor": (
        replace(MARKER, "rkg:textAnchor"),
        {"FootnoteMarker-anchor:MinCount": 1},
    ),
    "marker with two anchors": (
        add(MARKER, "rkg:textAnchor", "<thesis/ch5/fn/2#anchor>"),
        {"FootnoteMarker-anchor:MaxCount": 1},
    ),
    "marker anchor untyped": (
        replace(MARKER, "rkg:textAnchor", "<x#nowhere>"),
        {"FootnoteMarker-anchor:Class": 1},
    ),
    "segment without anchor": (
        replace(SEGMENT, "rkg:textAnchor"),
        {"TextSegment-anchor:MinCount": 1},
    ),
    "segment with two anchors": (
        add(SEGMENT, "rkg:textAnchor", "<thesis/ch5/fn/2#anchor>"),
        {"TextSegment-anchor:MaxCount": 1},
    ),
    "segment anchor untyped": (
        replace(SEGMENT, "rkg:textAnchor", "<x#nowhere>"),
        {"TextSegment-anchor:Class": 1},
    ),
    "segment of nothing": (replace(SEGMENT, "dcterms:isPartOf"), {"TextSegment-part:MinCount": 1}),
    "segment of two components": (
        add(SEGMENT, "dcterms:isPartOf", SENTENCE),
        {"TextSegment-part:MaxCount": 1},
    ),
    "segment part is a literal": (
        replace(SEGMENT, "dcterms:isPartOf", '"p1"'),
        {"TextSegment-part:NodeKind": 1},
    ),
    "segment without index": (replace(SEGMENT, "rkg:index"), {"TextSegment-index:MinCount": 1}),
    "segment with two indexes": (add(SEGMENT, "rkg:index", "2"), {"TextSegment-index:MaxCount": 1}),
    "segment index as text": (
        replace(SEGMENT, "rkg:index", '"1"'),
        {"TextSegment-index:Datatype": 1},
    ),
    "bibliography entry without text": (
        replace(BIB_ENTRY, "c4o:hasContent"),
        {"BibliographyEntry-content:MinCount": 1},
    ),
    "bibliography entry with two texts": (
        add(BIB_ENTRY, "c4o:hasContent", '"more"'),
        {"BibliographyEntry-content:MaxCount": 1},
    ),
    "bibliography entry text empty": (
        replace(BIB_ENTRY, "c4o:hasContent", '""'),
        {"BibliographyEntry-content:MinLength": 1},
    ),
    "bibliography entry without anchor": (
        replace(BIB_ENTRY, "rkg:textAnchor"),
        {"BibliographyEntry-anchor:MinCount": 1},
    ),
    "bibliography entry with two anchors": (
        add(BIB_ENTRY, "rkg:textAnchor", S_ANCHOR),
        {"BibliographyEntry-anchor:MaxCount": 1},
    ),
    "bibliography entry anchor untyped": (
        replace(BIB_ENTRY, "rkg:textAnchor", "<x#nowhere>"),
        {"BibliographyEntry-anchor:Class": 1},
    ),
    "label without anchor": (replace(LABEL, "rkg:textAnchor"), {"AnchoredText-anchor:MinCount": 1}),
    "label with two anchors": (
        add(LABEL, "rkg:textAnchor", S_ANCHOR),
        {"AnchoredText-anchor:MaxCount": 1},
    ),
    "label anchor untyped": (
        replace(LABEL, "rkg:textAnchor", "<x#nowhere>"),
        {"AnchoredText-anchor:Class": 1},
    ),
    "label of nothing": (replace(LABEL, "dcterms:isPartOf"), {"AnchoredText-part:MinCount": 1}),
    "label part is a literal": (
        replace(LABEL, "dcterms:isPartOf", '"fn 2"'),
        {"AnchoredText-part:NodeKind": 1},
    ),
    "front matter outside the thesis": (
        replace("<thesis/front>", "dcterms:isPartOf"),
        {"Component-part:MinCount": 1},
    ),
    "front matter part is a literal": (
        replace("<thesis/front>", "dcterms:isPartOf", '"thesis"'),
        {"Component-part:NodeKind": 1},
    ),
    # citations and record sets
    "citation without kind": (
        replace(CITATION, "rkg:referenceKind"),
        {"Citation-kind:MinCount": 1},
    ),
    "citation with two kinds": (
        add(CITATION, "rkg:referenceKind", '"work"'),
        {"Citation-kind:MaxCount": 1},
    ),
    "citation of an unknown kind": (
        replace(CITATION, "rkg:referenceKind", '"archive"'),
        {"Citation-kind:In": 1},
    ),
    "work without title": (replace(WORK, "dcterms:title"), {"Work-title:MinCount": 1}),
    "work with two titles": (
        add(WORK, "dcterms:title", '"Road to Terror"'),
        {"Work-title:MaxCount": 1},
    ),
    "citation without citing entity": (
        replace(CITATION, "cito:hasCitingEntity"),
        {"Citation-citing:MinCount": 1},
    ),
    "citation with two citing entities": (
        add(CITATION, "cito:hasCitingEntity", SENTENCE),
        {"Citation-citing:MaxCount": 1},
    ),
    "citation citing a literal": (
        replace(CITATION, "cito:hasCitingEntity", '"fn 2"'),
        {"Citation-citing:NodeKind": 1},
    ),
    "citation without cited entity": (
        replace(CITATION, "cito:hasCitedEntity"),
        {"Citation-cited:MinCount": 1},
    ),
    "citation with two cited entities": (
        add(CITATION, "cito:hasCitedEntity", "<archive/rgva/f4>"),
        {"Citation-cited:MaxCount": 1},
    ),
    "citation cites a literal": (
        replace(CITATION, "cito:hasCitedEntity", '"RGVA"'),
        {"Citation-cited:NodeKind": 1},
    ),
    "file without holder": (replace(FILE, "rico:hasOrHadHolder"), {"RecordSet-holder:MinCount": 1}),
    "file holder is a literal": (
        replace(FILE, "rico:hasOrHadHolder", '"RGVA"'),
        {"RecordSet-holder:NodeKind": 1},
    ),
    "fond without identifier": (
        replace("<archive/rgva/f4>", "rico:identifier"),
        {"RecordSet-identifier:MinCount": 1},
    ),
    "file with two identifiers": (
        add(FILE, "rico:identifier", '"d. 17"'),
        {"RecordSet-identifier:MaxCount": 1},
    ),
    "file identifier is an IRI": (
        replace(FILE, "rico:identifier", "<d16>"),
        {"RecordSet-identifier:NodeKind": 1},
    ),
    "file without parent": (
        replace(FILE, "rico:isOrWasIncludedIn"),
        {"ArchivalFile:Or": 1},
    ),
    "series with two parents": (
        add("<archive/rgva/f4/op19>", "rico:isOrWasIncludedIn", "<archive/rgva/f4/op19/d16>"),
        {"RecordSet-parent:MaxCount": 1},
    ),
    "file inside a non-record set": (
        replace(FILE, "rico:isOrWasIncludedIn", "<org/nkvd>"),
        {"RecordSet-parent:Class": 1},
    ),
    "record set without type": (
        replace(FILE, "rico:hasRecordSetType"),
        {"RecordSet-type:MinCount": 1},
    ),
    "record set with two types": (
        add(FILE, "rico:hasRecordSetType", "rst:Series"),
        {"RecordSet-type:MaxCount": 1},
    ),
    "record set of an unknown type": (
        replace("<archive/rgva/f4>", "rico:hasRecordSetType", "rst:Collection"),
        {"RecordSet-type:In": 1},
    ),
    # people, institutions, places, links
    "person without preferred label": (
        replace("<person/tukhachevskii>", "skos:prefLabel"),
        {"Person-prefLabel:MinCount": 1},
    ),
    "person with two preferred labels": (
        add("<person/tukhachevskii>", "skos:prefLabel", '"Tukhachevsky"@en'),
        {"Person-prefLabel:MaxCount": 1},
    ),
    "person label is an IRI": (
        replace("<person/whitewood>", "skos:prefLabel", "<whitewood>"),
        {"Person-prefLabel:NodeKind": 1},
    ),
    "institution without preferred label": (
        replace("<org/nkvd>", "skos:prefLabel"),
        {"Organization-prefLabel:MinCount": 1},
    ),
    "institution with two preferred labels": (
        add("<org/nkvd>", "skos:prefLabel", '"NKVD SSSR"@en'),
        {"Organization-prefLabel:MaxCount": 1},
    ),
    "institution label is an IRI": (
        replace("<org/nko>", "skos:prefLabel", "<nko>"),
        {"Organization-prefLabel:NodeKind": 1},
    ),
    "place without preferred label": (
        replace("<place/moscow>", "skos:prefLabel"),
        {"Place-prefLabel:MinCount": 1},
    ),
    "place with two preferred labels": (
        add("<place/moscow>", "skos:prefLabel", '"Moskva"@ru'),
        {"Place-prefLabel:MaxCount": 1},
    ),
    "place label is an IRI": (
        replace("<place/moscow>", "skos:prefLabel", "<moscow>"),
        {"Place-prefLabel:NodeKind": 1},
    ),
    "sameAs to a Wikidata https IRI": (
        replace(
            "<person/tukhachevskii>", "owl:sameAs", "<https://www.wikidata.org/entity/Q184336>"
        ),
        {"WikidataLink-sameAs:Or": 1},
    ),
    "exactMatch to a Wikidata page": (
        replace("<org/nkvd>", "skos:exactMatch", "<https://www.wikidata.org/wiki/Q35487>"),
        {"WikidataLink-exactMatch:Or": 1},
    ),
    "closeMatch to a Wikidata property": (
        add("<org/ogpu>", "skos:closeMatch", "<http://www.wikidata.org/entity/P31>"),
        {"WikidataLink-closeMatch:Or": 1},
    ),
    "renaming without original": (
        replace("<org/renaming/ogpu-nkvd>", "org:originalOrganization"),
        {"ChangeEvent-original:MinCount": 1},
    ),
    "renaming from a place": (
        replace("<org/renaming/ogpu-nkvd>", "org:originalOrganization", "<place/moscow>"),
        {"ChangeEvent-original:Class": 1},
    ),
    "renaming without result": (
        replace("<org/renaming/ogpu-nkvd>", "org:resultingOrganization"),
        {"ChangeEvent-resulting:MinCount": 1},
    ),
    "renaming into a person": (
        replace("<org/renaming/ogpu-nkvd>", "org:resultingOrganization", "<person/whitewood>"),
        {"ChangeEvent-resulting:Class": 1},
    ),
    "concept without preferred label": (
        replace("<role/deputy-commissar>", "skos:prefLabel"),
        {"Concept-prefLabel:MinCount": 1},
    ),
    "concept with two preferred labels": (
        add("<thesis/abbreviations/nkvd>", "skos:prefLabel", '"NKVD"'),
        {"Concept-prefLabel:MaxCount": 1},
    ),
    "concept label is an IRI": (
        replace("<role/deputy-commissar>", "skos:prefLabel", "<deputy>"),
        {"Concept-prefLabel:NodeKind": 1},
    ),
    "ambiguous name with one candidate": (
        f"DELETE DATA {{ GRAPH g:entities {{ {AMBIGUOUS} rkg:candidate <person/whitewood> }} }}",
        {"AmbiguousName-candidate:MinCount": 1},
    ),
    "ambiguous name with a place as candidate": (
        add(AMBIGUOUS, "rkg:candidate", "<place/moscow>"),
        {"AmbiguousName-candidate:Class": 1},
    ),
    # posts and memberships
    "membership with two roles": (
        add(MEMBERSHIP, "org:role", "<role/deputy-commissar-2>")
        + "; "
        + add("<role/deputy-commissar-2>", "rdf:type", "org:Role")
        + "; "
        + add("<role/deputy-commissar-2>", "skos:prefLabel", '"Deputy"'),
        {"Membership-role:MaxCount": 1},
    ),
    "membership role untyped": (
        replace(MEMBERSHIP, "org:role", "<role/nowhere>"),
        {"Membership-role:Class": 1},
    ),
    "membership without member": (
        replace(MEMBERSHIP, "org:member"),
        {"Membership-member:MinCount": 1},
    ),
    "membership with two members": (
        add(MEMBERSHIP, "org:member", "<person/whitewood>"),
        {"Membership-member:MaxCount": 1},
    ),
    "membership member is a place": (
        replace(MEMBERSHIP, "org:member", "<place/moscow>"),
        {"Membership-member:Class": 1},
    ),
    "membership without institution": (
        replace(MEMBERSHIP, "org:organization"),
        {"Membership-organization:MinCount": 1},
    ),
    "membership in two institutions": (
        add(MEMBERSHIP, "org:organization", "<org/nkvd>"),
        {"Membership-organization:MaxCount": 1},
    ),
    "membership in a person": (
        replace(MEMBERSHIP, "org:organization", "<person/whitewood>"),
        {"Membership-organization:Class": 1},
    ),
    "membership not attested": (
        replace(MEMBERSHIP, "rkg:attestedBy"),
        {"Membership-attested:MinCount": 1},
    ),
    "membership attested by a sentence": (
        replace(MEMBERSHIP, "rkg:attestedBy", SENTENCE),
        {"Membership-attested:Class": 1},
    ),
    # events and dates
    "event without a type": (
        replace(EVENT, "rdf:type", "rkg:Event"),
        {"Event-type:HasValue": 1},
    ),
    "event without earliest date": (
        replace(EVENT, "rkg:earliestDate"),
        {"Event-earliest:MinCount": 1},
    ),
    "event with two earliest dates": (
        add(EVENT, "rkg:earliestDate", '"1937-05-01"^^xsd:date'),
        {"Event-earliest:MaxCount": 1, "DateBounds-earliest:MaxCount": 1},
    ),
    "event without latest date": (replace(EVENT, "rkg:latestDate"), {"Event-latest:MinCount": 1}),
    "event with two latest dates": (
        add(EVENT, "rkg:latestDate", '"1937-06-01"^^xsd:date'),
        {"Event-latest:MaxCount": 1, "DateBounds-latest:MaxCount": 1},
    ),
    "event without date precision": (
        replace(EVENT, "rkg:datePrecision"),
        {"Event-precision:MinCount": 1},
    ),
    "event without the date as printed": (
        replace(EVENT, "rkg:dateText"),
        {"Event-dateText:MinCount": 1},
    ),
    "event with two dates as printed": (
        add(EVENT, "rkg:dateText", '"May 1937"'),
        {"Event-dateText:MaxCount": 1},
    ),
    "event with two precisions": (
        add(EVENT, "rkg:datePrecision", '"month"'),
        {"Event-precision:MaxCount": 1},
    ),
    "event with an unknown precision": (
        replace(EVENT, "rkg:datePrecision", '"weekly"'),
        {"Event-precision:In": 1},
    ),
    "event date as a plain string": (
        replace(EVENT, "rkg:date", '"22 May 1937"'),
        {"Event-date:Or": 1},
    ),
    "event with two dates": (
        add(EVENT, "rkg:date", '"1937"^^xsd:gYear'),
        {"Event-date:MaxCount": 1},
    ),
    "event without participant": (
        replace(EVENT, "rkg:victim") + "; " + replace(EVENT, "rkg:institution"),
        {"Event-participant:MinCount": 1},
    ),
    "event not attested by a claim": (
        replace(EVENT, "rkg:attestedBy"),
        {"Event-attested:MinCount": 1},
    ),
    "event attested by a sentence": (
        replace(EVENT, "rkg:attestedBy", SENTENCE),
        {"Event-attested:Class": 1},
    ),
    "event place is an institution": (
        replace(EVENT, "rkg:place", "<org/nkvd>"),
        {"Event-place:Class": 1},
    ),
    "date interval reversed": (
        replace(EVENT, "rkg:earliestDate", '"1937-06-01"^^xsd:date'),
        {"DateBounds-order:LessThanOrEquals": 1},
    ),
    # (a date and a gYear cannot be compared: pySHACL then reports only the datatype)
    "latest date typed gYear": (
        replace(MEMBERSHIP, "rkg:latestDate", '"1937"^^xsd:gYear'),
        {"DateBounds-latest:Datatype": 1},
    ),
    "earliest date typed as a string": (
        replace(MEMBERSHIP, "rkg:earliestDate", '"1936-01-01"'),
        {"DateBounds-earliest:Datatype": 1, "DateBounds-order:LessThanOrEquals": 1},
    ),
    # claims
    "claim without kind": (replace(CLAIM, "rdf:type", "rkg:Claim"), {"Claim-kind:HasValue": 1}),
    "claim without quote and offsets": (
        replace(CLAIM, "rkg:textAnchor"),
        {"Claim-anchor:MinCount": 1},
    ),
    "claim with two anchors": (
        add(CLAIM, "rkg:textAnchor", S_ANCHOR),
        {"Claim-anchor:MaxCount": 1},
    ),
    "claim anchored to an untyped node": (
        replace(CLAIM, "rkg:textAnchor", "<claim/ch5-p1-s1#nowhere>"),
        {"Claim-anchor:Class": 1},
    ),
    "claim without its sentence": (replace(CLAIM, "rkg:statedIn"), {"Claim-statedIn:MinCount": 1}),
    "claim stated in a literal": (
        replace(CLAIM, "rkg:statedIn", '"s1"'),
        {"Claim-statedIn:NodeKind": 1},
    ),
    "claim without attribution": (
        replace(CLAIM, "prov:wasAttributedTo"),
        {"Claim-attribution:MinCount": 1},
    ),
    "claim attributed to a literal": (
        replace(CLAIM, "prov:wasAttributedTo", '"Whitewood"'),
        {"Claim-attribution:NodeKind": 1},
    ),
    "claim without source or no-source mark": (
        replace(CLAIM, "prov:wasDerivedFrom"),
        {"ClaimSource:Or": 1},
    ),
    "claim marked as sourced with false": (
        replace(OTHER_CLAIM, "rkg:noSourceGiven", "false"),
        {"ClaimSource:Or": 1},
    ),
    "claim derived from a citation node (a warning)": (
        add(CLAIM, "prov:wasDerivedFrom", CITATION),
        {"Claim-sourceNotCitation:Not": 1},
    ),
    "claim conflicting with a non-claim": (
        add(CLAIM, "rkg:conflictsWith", SENTENCE),
        {"Claim-conflict:Class": 1},
    ),
    "claim without assertion graph": (
        replace(CLAIM, "rkg:assertionGraph"),
        {"Claim-graph:MinCount": 1},
    ),
    "claim with two assertion graphs": (
        add(CLAIM, "rkg:assertionGraph", "g:other"),
        {"Claim-graph:MaxCount": 1},
    ),
    "claim assertion graph is a literal": (
        replace(CLAIM, "rkg:assertionGraph", '"g1"'),
        {"Claim-graph:NodeKind": 1},
    ),
    "claim footnote is a sentence": (
        replace(CLAIM, "rkg:footnote", SENTENCE),
        {"Claim-footnote:Class": 1},
    ),
    "claim citation is a footnote": (
        replace(CLAIM, "rkg:citation", FOOTNOTE),
        {"Claim-citation:Class": 1},
    ),
    # mentions
    "mention without entity": (replace(MENTION, "oa:hasBody"), {"Annotation-body:MinCount": 1}),
    "mention body is a literal": (
        replace(MENTION, "oa:hasBody", '"Tukhachevskii"'),
        {"Annotation-body:NodeKind": 1},
    ),
    "mention without target": (replace(MENTION, "oa:hasTarget"), {"Annotation-target:MinCount": 1}),
    "mention with two targets": (
        add(MENTION, "oa:hasTarget", S_ANCHOR),
        {"Annotation-target:MaxCount": 1},
    ),
    "mention target untyped": (
        replace(MENTION, "oa:hasTarget", "<mention/ch5-p1-s1-0#nowhere>"),
        {"Annotation-target:Class": 1},
    ),
}

CONFORMING_VARIANTS: dict[str, str] = {
    "participant through the generic property": (
        replace(EVENT, "rkg:victim")
        + "; "
        + replace(EVENT, "rkg:institution")
        + "; "
        + add(EVENT, "rkg:participant", "<person/tukhachevskii>")
    ),
    "event dated by month only": (
        replace(EVENT, "rkg:date", '"1937-05"^^xsd:gYearMonth')
        + "; "
        + replace(EVENT, "rkg:earliestDate", '"1937-05-01"^^xsd:date')
        + "; "
        + replace(EVENT, "rkg:latestDate", '"1937-05-31"^^xsd:date')
    ),
    "event dated by a season, without rkg:date": (
        replace(EVENT, "rkg:date") + "; " + replace(EVENT, "rkg:datePrecision", '"season"')
    ),
    "non-Wikidata links are not checked": add(
        "<person/whitewood>", "owl:sameAs", "<https://viaf.org/viaf/123>"
    ),
    "series without a parent (a TNA series)": replace(
        "<archive/rgva/f4/op19>", "rico:isOrWasIncludedIn"
    ),
    "claim with both kinds of sources": add(OTHER_CLAIM, "prov:wasDerivedFrom", FILE),
}


WARNING_SHAPES = {
    str(shape).removeprefix(SHAPES_NS)
    for shape in shapes_graph().subjects(
        URIRef("http://www.w3.org/ns/shacl#severity"), URIRef("http://www.w3.org/ns/shacl#Warning")
    )
}


def mutated_nquads(update: str | None) -> bytes:
    dataset = rdflib.Dataset()
    dataset.parse(VALID, format="trig")
    if update:
        dataset.update(PREFIXES + update)
    return dataset.serialize(format="nquads", encoding="utf-8")


def short_counts(report: ValidationReport) -> Counter[str]:
    return Counter(
        {
            f"{shape.removeprefix(SHAPES_NS)}:{component.removesuffix('ConstraintComponent')}": n
            for (shape, component), n in report.counts().items()
        }
    )


def both_engines(nquads: bytes) -> tuple[ValidationReport, ValidationReport]:
    return shacl.validate_nquads(nquads), sparql_checks.validate_nquads(nquads)


def test_valid_fixture_conforms_in_both_engines() -> None:
    reference, fast = both_engines(mutated_nquads(None))
    assert reference.conforms, short_counts(reference)
    assert fast.conforms, short_counts(fast)


@pytest.mark.parametrize("name", sorted(CONFORMING_VARIANTS))
def test_conforming_variant_is_accepted(name: str) -> None:
    reference, fast = both_engines(mutated_nquads(CONFORMING_VARIANTS[name]))
    assert reference.conforms, short_counts(reference)
    assert fast.conforms, short_counts(fast)


@pytest.mark.parametrize("name", sorted(CASES))
def test_shape_rejects_broken_fixture_and_engines_agree(name: str) -> None:
    update, expected = CASES[name]
    reference, fast = both_engines(mutated_nquads(update))
    only_warnings = all(key.split(":")[0] in WARNING_SHAPES for key in expected)
    assert reference.conforms == fast.conforms == only_warnings
    assert short_counts(reference) == Counter(expected)
    assert short_counts(fast) == short_counts(reference)
    assert all(result.message for result in reference.results)


def test_every_constraint_has_a_failing_case() -> None:
    """A constraint no fixture can break is a defect (or a missing test)."""
    covered = {key for _, expected in CASES.values() for key in expected}
    compiled = {
        f"{check.shape.removeprefix(SHAPES_NS)}:{check.component.removesuffix('ConstraintComponent')}"
        for check in sparql_checks.shape_checks()
    }
    assert compiled - covered == set()
    assert covered - compiled == set()
