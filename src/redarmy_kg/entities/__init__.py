"""Entities stage: curated people, institutions, places and concepts (`mappings/`) and
every mention of them in the thesis."""

from redarmy_kg.entities.catalog import Catalog, Entity, MappingError, load_catalog
from redarmy_kg.entities.mentions import Mention, MentionIndex, find_mentions
from redarmy_kg.entities.report import entities_report

__all__ = [
    "Catalog", "Entity", "MappingError", "Mention", "MentionIndex", "entities_report",
    "find_mentions", "load_catalog",
]
