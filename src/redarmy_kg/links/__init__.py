"""Curated links from the graph's people and institutions to Wikidata items.

`sssom` loads and validates `mappings/wikidata.sssom.tsv`, `rdf` emits the
confirmed links, `verify` checks them against a Wikidata SPARQL endpoint and
`quickstatements` writes edits that cite the thesis on Wikidata.
"""

from redarmy_kg.links.rdf import build_links, emit_links, links_report, linkset_counts
from redarmy_kg.links.sssom import DEFAULT_MAPPINGS, MappingSet, WikidataLink, load_mappings

__all__ = [
    "build_links",
    "DEFAULT_MAPPINGS",
    "MappingSet",
    "WikidataLink",
    "emit_links",
    "links_report",
    "linkset_counts",
    "load_mappings",
]
