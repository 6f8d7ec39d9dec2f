"""Authors of the bibliography's works, aligned with the curated people.

The entity catalog is the one authority on person IRIs. A work's creator is
matched to a catalogued person by the printed forms `Surname, Given` or
`Given Surname` (or, failing that, by surname when exactly one catalogued
person has it); the work's `person_keys` then name that person. A creator the
catalog does not know keeps the key the bibliography gave it and is published
with a label built from the printed name and a flag, so that it is never lost
and a reviewer can add it to `mappings/people.tsv`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from pyoxigraph import Quad

from redarmy_kg.bibliography.model import Creator, Work
from redarmy_kg.entities.catalog import Catalog
from redarmy_kg.iris import slugify
from redarmy_kg.rdf.terms import FOAF, RDF, RKG, SKOS, graph, node, text


@dataclass(frozen=True)
class UncataloguedCreator:
    key: str
    creator: Creator


def align_creators(works: Iterable[Work], catalog: Catalog) -> list[UncataloguedCreator]:
    """Point every work's `person_keys` at catalogued people; return those not catalogued."""
    by_form, by_surname = _person_indexes(catalog)
    unknown: dict[str, UncataloguedCreator] = {}
    for work in works:
        keys = []
        for creator, key in zip(work.creators, work.person_keys, strict=False):
            match = _match(creator, by_form, by_surname)
            if match is None:
                unknown.setdefault(key, UncataloguedCreator(key, creator))
                keys.append(key)
            else:
                keys.append(match)
        work.person_keys = keys
    return [unknown[key] for key in sorted(unknown)]


def emit_uncatalogued(creators: Iterable[UncataloguedCreator]) -> list[Quad]:
    g = graph("entities")
    quads = []
    for item in creators:
        person = node("person", item.key)
        label = f"{item.creator.given} {item.creator.surname}".strip()
        quads += [
            Quad(person, RDF.type, FOAF.Person, g),
            Quad(person, SKOS.prefLabel, text(label, "en"), g),
            Quad(person, RKG.flag, text("author not in the curated catalog"), g),
        ]
    return quads


def _person_indexes(catalog: Catalog) -> tuple[dict[str, str], dict[str, list[str]]]:
    by_form: dict[str, str] = {}
    by_surname: dict[str, list[str]] = defaultdict(list)
    for person in catalog.by_category("person"):
        for form in (person.pref_label, *person.alt_labels, *person.surface_forms):
            by_form.setdefault(_normal(form), person.key)
        by_surname[_normal(person.pref_label.split()[-1])].append(person.key)
    return by_form, by_surname


def _match(
    creator: Creator, by_form: dict[str, str], by_surname: dict[str, list[str]]
) -> str | None:
    forms = [f"{creator.surname}, {creator.given}", f"{creator.given} {creator.surname}"]
    for form in forms:
        key = by_form.get(_normal(form))
        if key is not None:
            return key
    candidates = by_surname.get(_normal(creator.surname), [])
    return candidates[0] if len(candidates) == 1 else None


def _normal(form: str) -> str:
    return slugify(form.replace(",", " "))
