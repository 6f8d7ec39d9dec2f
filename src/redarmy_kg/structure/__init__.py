"""Structure stage: the corpus text -> an offset-anchored `Document`."""

from redarmy_kg.structure.document import parse_document

__all__ = ["parse_document"]
