"""The SPARQL behind the HTML pages, written against the model of design section 4.

Every part is OPTIONAL where a layer may be missing, so that a page degrades to
"none yet" instead of failing when a build lacks events or claims.
"""

from __future__ import annotations

PREFIXES = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX cito: <http://purl.org/spar/cito/>
PREFIX doco: <http://purl.org/spar/doco/>
PREFIX fabio: <http://purl.org/spar/fabio/>
PREFIX c4o: <http://purl.org/spar/c4o/>
PREFIX bibo: <http://purl.org/ontology/bibo/>
PREFIX rico: <https://www.ica.org/standards/RiC/ontology#>
PREFIX rkg: <https://w3id.org/redarmy-kg/ontology#>
"""
LABEL = "skos:prefLabel|rdfs:label|dcterms:title|rico:identifier"
QUOTE = "rkg:textAnchor/oa:hasSelector/oa:exact"


def properties(node: str) -> str:
    return PREFIXES + f"""
SELECT DISTINCT ?p ?o ?olabel WHERE {{
  {node} ?p ?o .
  OPTIONAL {{ ?o {LABEL} ?olabel }}
}} ORDER BY ?p ?o LIMIT 2000"""


def incoming(node: str, limit: int = 300) -> str:
    """What points to the resource (mentions left out: they have their own section).

    `limit` links are picked before their labels are looked up, and without ORDER BY:
    sorting thousands of IRIs (the thesis has 17k incoming links) takes seconds on disk."""
    return PREFIXES + f"""
SELECT ?s ?p (MIN(?label) AS ?slabel) WHERE {{
  {{ SELECT DISTINCT ?s ?p WHERE {{ ?s ?p {node} . FILTER(?p != oa:hasBody) }}
     LIMIT {limit} }}
  LATERAL {{ OPTIONAL {{ ?s {LABEL} ?label }} }}
}} GROUP BY ?s ?p ORDER BY ?p ?s"""


def mentions(node: str) -> str:
    """Sentences mentioning the resource (a mention `id/mention/<sentence path>/m/<n>`
    sits in the sentence `id/thesis/<sentence path>`)."""
    return PREFIXES + f"""
SELECT ?sentence ?text (MIN(?offset) AS ?start) WHERE {{
  ?mention oa:hasBody {node} .
  BIND(IRI(REPLACE(STR(?mention), "/id/mention/(.+)/m/[^/]+$", "/id/thesis/$1")) AS ?sentence)
  LATERAL {{
    ?sentence c4o:hasContent ?text .
    OPTIONAL {{ ?sentence rkg:textAnchor/oa:hasSelector/oa:start ?offset }}
  }}
}} GROUP BY ?sentence ?text ORDER BY ?start ?sentence LIMIT 1000"""


def quote(node: str) -> str:
    return PREFIXES + f"SELECT ?quote WHERE {{ {node} {QUOTE} ?quote }} LIMIT 1"


def timeline(node: str) -> str:
    """Events the resource takes part in, in any role of the rkg vocabulary, with evidence."""
    return PREFIXES + f"""
SELECT ?event ?elabel ?type ?role ?date ?earliest ?claim ?kind ?sentence ?quote
       ?cited ?citedLabel ?locator ?footnote WHERE {{
  ?event ?role {node} .
  FILTER(STRSTARTS(STR(?role), STR(rkg:))
         && ?role NOT IN (rkg:attestedBy, rkg:attests, rkg:conflictsWith, rkg:statedIn))
  ?event a rkg:Event .
  OPTIONAL {{ ?event {LABEL} ?elabel }}
  OPTIONAL {{ ?event a ?type . FILTER(STRSTARTS(STR(?type), STR(rkg:)) && ?type != rkg:Event) }}
  OPTIONAL {{ ?event rkg:date ?date }}
  OPTIONAL {{ ?event rkg:earliestDate ?earliest }}
  {_evidence("?event")}
}} LIMIT 5000"""


def attested_by(node: str) -> str:
    """The claims attesting an event or a post holding, with quotes and sources."""
    return PREFIXES + f"""
SELECT ?claim ?kind ?sentence ?quote ?cited ?citedLabel ?locator ?footnote WHERE {{
  {node} rkg:attestedBy ?claim .
  {_claim_evidence()}
}} LIMIT 2000"""


def _evidence(subject: str) -> str:
    """An OPTIONAL block binding a claim attesting `subject`, with its quote and sources."""
    return f"""
  LATERAL {{ OPTIONAL {{
    {subject} rkg:attestedBy ?claim .
    {_claim_evidence()}
  }} }}"""


def _claim_evidence() -> str:
    """Patterns binding the kind, sentence, quote and cited sources of ?claim (bound before).

    LATERAL makes the engine evaluate them for the claims at hand, not for every claim of
    the graph before joining."""
    return f"""
    LATERAL {{
    OPTIONAL {{ ?claim a ?kind . FILTER(?kind != rkg:Claim && STRSTARTS(STR(?kind), STR(rkg:))) }}
    OPTIONAL {{ ?claim rkg:statedIn ?sentence }}
    OPTIONAL {{ ?claim {QUOTE} ?claimQuote }}
    OPTIONAL {{ ?claim rkg:statedIn/{QUOTE} ?sentenceQuote }}
    OPTIONAL {{ ?claim rkg:statedIn/c4o:hasContent ?sentenceText }}
    BIND(COALESCE(?claimQuote, ?sentenceQuote, ?sentenceText) AS ?quote)
    OPTIONAL {{
      ?claim rkg:citation ?citation .
      ?citation cito:hasCitedEntity ?cited .
      OPTIONAL {{ ?citation bibo:locator ?locator }}
      OPTIONAL {{ ?citation cito:hasCitingEntity ?footnote }}
      OPTIONAL {{ ?cited {LABEL} ?citedLabel }}
    }}
    }}"""


def posts(node: str) -> str:
    """Posts held (org:Membership, or org:holds a post), with dates and attesting claims."""
    return PREFIXES + f"""
SELECT ?membership ?post ?postLabel ?org ?orgLabel ?start ?end ?claim ?kind ?sentence ?quote
       ?cited ?citedLabel ?locator ?footnote WHERE {{
  {{ ?membership org:member {node} . OPTIONAL {{ ?membership org:role ?post }}
     OPTIONAL {{ ?membership org:organization ?org }} }}
  UNION
  {{ {node} org:holds ?post . OPTIONAL {{ ?post org:postIn ?org }} }}
  OPTIONAL {{ ?post {LABEL} ?postLabel }}
  OPTIONAL {{ ?org {LABEL} ?orgLabel }}
  OPTIONAL {{ ?membership rkg:startDate|rkg:earliestDate ?start }}
  OPTIONAL {{ ?membership rkg:endDate|rkg:latestDate ?end }}
  {_evidence("?membership")}
}} LIMIT 2000"""


def members(node: str) -> str:
    """People the thesis places in a post in this institution."""
    return PREFIXES + f"""
SELECT ?person (MIN(?label) AS ?personLabel) ?role (MIN(?rlabel) AS ?roleLabel)
       (MIN(?date) AS ?start) WHERE {{
  ?membership org:organization {node} ; org:member ?person .
  OPTIONAL {{ ?membership org:role ?role . OPTIONAL {{ ?role {LABEL} ?rlabel }} }}
  OPTIONAL {{ ?person {LABEL} ?label }}
  OPTIONAL {{ ?membership rkg:startDate|rkg:earliestDate ?date }}
}} GROUP BY ?person ?role ORDER BY ?start ?personLabel LIMIT 500"""


def claim_details(node: str) -> str:
    return PREFIXES + f"""
SELECT ?claim ?kind ?sentence ?quote ?cited ?citedLabel ?locator ?footnote ?attributed
       ?attributedLabel ?graph WHERE {{
  VALUES ?claim {{ {node} }}
  ?claim a ?anyType .
  OPTIONAL {{ ?claim rkg:assertionGraph ?graph }}
  OPTIONAL {{ ?claim prov:wasAttributedTo ?attributed .
             OPTIONAL {{ ?attributed {LABEL} ?attributedLabel }} }}
  {_claim_evidence()}
}} LIMIT 2000"""


def conflicts(node: str) -> str:
    return PREFIXES + f"""
SELECT DISTINCT ?other WHERE {{
  {{ {node} rkg:conflictsWith ?other }} UNION {{ ?other rkg:conflictsWith {node} }}
}} ORDER BY ?other"""


def assertion(graph: str) -> str:
    return PREFIXES + f"""
SELECT ?s ?p ?o ?slabel ?olabel WHERE {{
  GRAPH {graph} {{ ?s ?p ?o }}
  OPTIONAL {{ ?s {LABEL} ?slabel }}
  OPTIONAL {{ ?o {LABEL} ?olabel }}
}} ORDER BY ?s ?p ?o LIMIT 500"""


def claims_resting_on(node: str) -> str:
    """Claims citing a source (archival file, work): through citations or prov:wasDerivedFrom."""
    return PREFIXES + f"""
SELECT ?claim ?kind ?sentence ?quote ?locator ?footnote WHERE {{
  {{ SELECT DISTINCT ?claim ?locator ?footnote WHERE {{
    {{ ?citation cito:hasCitedEntity {node} . ?claim rkg:citation ?citation .
       OPTIONAL {{ ?citation bibo:locator ?locator }}
       OPTIONAL {{ ?citation cito:hasCitingEntity ?footnote }} }}
    UNION
    {{ ?claim prov:wasDerivedFrom {node} .
       FILTER NOT EXISTS {{ ?claim rkg:citation/cito:hasCitedEntity {node} }} }}
  }} }}
  LATERAL {{
    OPTIONAL {{ ?claim a ?kind . FILTER(?kind != rkg:Claim && STRSTARTS(STR(?kind), STR(rkg:))) }}
    OPTIONAL {{ ?claim rkg:statedIn ?sentence }}
    OPTIONAL {{ ?claim {QUOTE} ?claimQuote }}
    OPTIONAL {{ ?claim rkg:statedIn/{QUOTE} ?sentenceQuote }}
    OPTIONAL {{ ?claim rkg:statedIn/c4o:hasContent ?sentenceText }}
    BIND(COALESCE(?claimQuote, ?sentenceQuote, ?sentenceText) AS ?quote)
  }}
}} ORDER BY ?claim LIMIT 2000"""


def citations_of(node: str) -> str:
    """Footnote citations of a source (with their locators), or the citations a footnote makes."""
    return PREFIXES + f"""
SELECT ?citation ?footnote ?cited ?citedLabel ?locator ?raw WHERE {{
  {{ ?citation cito:hasCitedEntity {node} . BIND({node} AS ?cited) }}
  UNION
  {{ ?citation cito:hasCitingEntity {node} . ?citation cito:hasCitedEntity ?cited }}
  OPTIONAL {{ ?citation cito:hasCitingEntity ?footnote }}
  OPTIONAL {{ ?citation bibo:locator ?locator }}
  OPTIONAL {{ ?citation rkg:rawReference ?raw }}
  OPTIONAL {{ ?cited {LABEL} ?citedLabel }}
}} ORDER BY ?footnote ?citation LIMIT 2000"""


def search(needle: str) -> str:
    return PREFIXES + f"""
SELECT ?s ?label ?matched WHERE {{
  ?s skos:prefLabel|skos:altLabel|rdfs:label ?matched .
  FILTER(CONTAINS(LCASE(STR(?matched)), LCASE({needle})))
  OPTIONAL {{ ?s skos:prefLabel ?label }}
}} ORDER BY ?label ?s LIMIT 300"""


COUNTED_CLASSES = {
    "foaf:Person": "people",
    "org:Organization": "institutions",
    "rkg:Place": "places",
    "rkg:Event": "events",
    "rkg:Claim": "claims",
    "doco:Chapter": "chapters",
    "doco:Sentence": "sentences",
    "doco:Footnote": "footnotes",
    "cito:Citation": "citations",
    "rico:RecordSet": "archival record sets",
    "fabio:Book": "books",
    "fabio:JournalArticle": "articles",
    "oa:Annotation": "mentions",
}


def counts_by_class() -> str:
    """How many resources of each headline class (events: any type under rkg:Event's IRIs)."""
    classes = " ".join(COUNTED_CLASSES)
    return PREFIXES + f"""
SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {{
  VALUES ?class {{ {classes} }}
  ?s a ?class .
}} GROUP BY ?class"""


ARCHIVAL_FILES = PREFIXES + """
PREFIX recordSetTypes: <https://www.ica.org/standards/RiC/vocabularies/recordSetTypes#>
SELECT (COUNT(DISTINCT ?file) AS ?n) WHERE {
  { ?file rico:hasRecordSetType recordSetTypes:File }
  UNION { ?file a rkg:File }
}"""


def count_under(id_prefix: str) -> str:
    """Resources whose IRI starts with a prefix (`<base>id/event/`), hash IRIs left out."""
    return f"""
SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{
  ?s a ?type .
  FILTER(STRSTARTS(STR(?s), {id_prefix}) && !CONTAINS(STR(?s), "#"))
}}"""


TOTAL_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
