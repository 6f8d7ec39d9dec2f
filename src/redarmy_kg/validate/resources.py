"""Where the ontology and shapes live, and loading them (one-line errors if broken)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import rdflib

from redarmy_kg.errors import BadInput

REPO_ROOT = Path(__file__).resolve().parents[3]
ONTOLOGY_DIR = REPO_ROOT / "ontology"
SHAPES_DIR = REPO_ROOT / "shapes"
ONTOLOGY_FILE = ONTOLOGY_DIR / "redarmy.ttl"
EVENT_TYPES_FILE = ONTOLOGY_DIR / "event-types.ttl"
ONTOLOGY_IRI = "https://w3id.org/redarmy-kg/ontology"
SHAPES_NS = "https://w3id.org/redarmy-kg/shapes#"


def shape_files() -> list[Path]:
    return sorted(SHAPES_DIR.glob("*.ttl"))


def parse_turtle_files(paths: list[Path]) -> rdflib.Graph:
    graph = rdflib.Graph()
    for path in paths:
        try:
            graph.parse(path, format="turtle")
        except FileNotFoundError as error:
            raise BadInput(f"missing file {path.name}: restore it from git") from error
        except Exception as error:  # rdflib raises many parser exception types
            first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
            raise BadInput(f"{path.name} does not parse as Turtle: {first_line}") from error
    return graph


@lru_cache(maxsize=1)
def ontology_graph() -> rdflib.Graph:
    """The OWL ontology (classes, properties, axioms) without the SKOS event types."""
    return parse_turtle_files([ONTOLOGY_FILE])


@lru_cache(maxsize=1)
def full_ontology_graph() -> rdflib.Graph:
    """The ontology together with its SKOS concept scheme of event types."""
    return parse_turtle_files([ONTOLOGY_FILE, EVENT_TYPES_FILE])


@lru_cache(maxsize=1)
def shapes_graph() -> rdflib.Graph:
    return parse_turtle_files(shape_files())


def ontology_turtle() -> bytes:
    return ONTOLOGY_FILE.read_bytes()
