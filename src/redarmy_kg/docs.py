"""The ontology's documentation page (served at /ontology), generated with pyLODE.

pyLODE's OntPub profile documents the classes and properties of
`ontology/redarmy.ttl`; the SKOS concept scheme of event types (which pyLODE's
ontology profile does not show) is appended as a short section of its own.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

import jinja2
import rdflib
from rdflib import SKOS, URIRef

from redarmy_kg.errors import BadInput
from redarmy_kg.validate import resources

ONTOLOGY_HTML = "ontology.html"
EVENT_TYPES = URIRef("https://w3id.org/redarmy-kg/ontology#EventTypes")

EVENT_TYPES_SECTION = jinja2.Template(
    """
<div class="section" id="event-types">
  <h2>Event types (SKOS concept scheme)</h2>
  <p>{{ definition }} Each concept is the event class of the same IRI.</p>
  {%- macro tree(nodes) %}
  <ul>
    {%- for node in nodes %}
    <li><a href="#{{ node.local }}"><code>rkg:{{ node.local }}</code></a> {{ node.label }}
      {%- if node.alt %} <em>({{ node.alt | join(", ") }})</em>{% endif %}
      {%- if node.children %}{{ tree(node.children) }}{% endif %}</li>
    {%- endfor %}
  </ul>
  {%- endmacro %}
  {{ tree(roots) }}
</div>
""",
    autoescape=True,
)


@dataclass
class ConceptNode:
    local: str
    label: str
    alt: list[str]
    children: list[ConceptNode]


def concept_tree(graph: rdflib.Graph, concept: URIRef) -> ConceptNode:
    children = sorted(graph.subjects(SKOS.broader, concept))
    return ConceptNode(
        local=str(concept).rsplit("#", 1)[-1],
        label=str(graph.value(concept, SKOS.prefLabel) or ""),
        alt=sorted(str(label) for label in graph.objects(concept, SKOS.altLabel)),
        children=[concept_tree(graph, child) for child in children if isinstance(child, URIRef)],
    )


def event_types_html() -> str:
    graph = resources.parse_turtle_files([resources.EVENT_TYPES_FILE])
    roots = sorted(
        top for top in graph.objects(EVENT_TYPES, SKOS.hasTopConcept) if isinstance(top, URIRef)
    )
    return EVENT_TYPES_SECTION.render(
        definition=str(graph.value(EVENT_TYPES, SKOS.definition) or ""),
        roots=[concept_tree(graph, root) for root in roots],
    )


def import_ontpub() -> type:
    """pyLODE's OntPub, without the root logging set-up pyLODE does on import.

    (pyLODE 3.2.1 calls logging.basicConfig(level=DEBUG) when imported, which
    would make every later log line of the process print on stderr.)
    """
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    from pylode import OntPub

    root.handlers[:] = handlers
    root.setLevel(level)
    return OntPub


def ontology_html() -> str:
    """The documentation page as one self-contained HTML string."""
    OntPub = import_ontpub()  # noqa: N806 - a class
    try:
        page = OntPub(ontology=resources.ontology_graph()).make_html(include_css=True)
    except Exception as error:  # pyLODE raises PylodeError and plain errors alike
        raise BadInput(f"pyLODE cannot document the ontology: {error}") from error
    section = event_types_html()
    marker = "</body>"
    if marker in page:
        return page.replace(marker, section + marker, 1)
    return page + section


def source_digest() -> str:
    digest = hashlib.sha256()
    for path in (resources.ONTOLOGY_FILE, resources.EVENT_TYPES_FILE, Path(__file__)):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def write_ontology_html(out_dir: Path) -> Path:
    """Write out_dir/ontology.html, unless it is already that of the current sources."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / ONTOLOGY_HTML
    stamp = f"<!-- generated from sources with SHA-256 {source_digest()} -->\n"
    if path.is_file() and path.read_text(encoding="utf-8").endswith(stamp):
        return path  # pyLODE takes seconds; the sources have not changed
    path.write_text(ontology_html().rstrip("\n") + "\n" + stamp, encoding="utf-8")
    return path
