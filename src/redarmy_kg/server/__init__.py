"""The public face of the graph: SPARQL endpoint, linked-data IRIs and HTML pages."""

from redarmy_kg.server.settings import ServerSettings

__all__ = ["ServerSettings", "create_app"]


def create_app(settings: ServerSettings):  # noqa: ANN201 - avoids importing Starlette eagerly
    from redarmy_kg.server.app import create_app as _create_app

    return _create_app(settings)
