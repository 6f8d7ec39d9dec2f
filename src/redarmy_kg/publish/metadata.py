"""What a release says about itself: version, corpus checksum, licence, citation.

The prose (title, rights statement, how to cite) lives in `metadata.yaml`
beside this module, so that it can be edited without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml

from redarmy_kg import __version__, iris

METADATA_FILE = "metadata.yaml"


@cache
def load_metadata() -> dict[str, object]:
    text = resources.files(__package__).joinpath(METADATA_FILE).read_text(encoding="utf-8")
    return yaml.safe_load(text)


def default_corpus_sha256() -> str:
    from redarmy_kg.pipeline import CORPUS_SHA256

    return CORPUS_SHA256


@dataclass(frozen=True)
class ReleaseInfo:
    """The identity of one build: code version, corpus checksum and public base IRI."""

    version: str = __version__
    corpus_sha256: str = field(default_factory=default_corpus_sha256)
    base: str = field(default_factory=iris.base)

    def iri(self, path: str) -> str:
        return self.base + path

    @property
    def uri_space(self) -> str:
        return self.base + "id/"

    @property
    def sparql_endpoint(self) -> str:
        return self.base + "sparql"

    def download_url(self, file_name: str) -> str:
        return self.base + "dumps/" + file_name

    def text(self, key: str) -> str:
        template = str(load_metadata()[key])
        return " ".join(template.format(version=self.version, base=self.base).split())
