"""Turning the pipeline's typed objects into RDF quads (pyoxigraph terms)."""
