"""DCAT: the catalogue, the dataset's distributions (dumps), the SPARQL service,
licence, rights, citation and the build that generated the data."""

from __future__ import annotations

from pathlib import Path

from redarmy_kg.publish.files import sha256_file
from redarmy_kg.publish.metadata import ReleaseInfo, load_metadata
from redarmy_kg.publish.triples import (
    FORMATS,
    IANA_MEDIA_TYPES,
    SPDX,
    TripleSet,
    count_literal,
)
from redarmy_kg.rdf.terms import DCAT, DCTERMS, FOAF, PROV, RDF, RDFS, SCHEMA, XSD, typed

SPARQL_PROTOCOL = "https://www.w3.org/TR/sparql11-protocol/"
MEDIA_TYPES = {
    ".nq": "application/n-quads",
    ".trig": "application/trig",
    ".ttl": "text/turtle",
    ".jsonld": "application/ld+json",
}
FORMAT_NAMES = {".nq": "N-Quads", ".trig": "TriG", ".ttl": "Turtle", ".jsonld": "JSON-LD"}
GZIP = "application/gzip"


def dataset_iri(info: ReleaseInfo) -> str:
    return info.iri("dataset")


def describe_catalog(out: TripleSet, info: ReleaseInfo) -> None:
    catalog = info.iri("catalog")
    out.add_iri(catalog, RDF.type, DCAT.Catalog.value)
    out.add(catalog, DCTERMS.title, "redarmy-kg data catalogue")
    out.add_iri(catalog, DCAT.dataset, dataset_iri(info))
    out.add_iri(catalog, DCAT.service, service_iri(info))
    out.add_iri(catalog, FOAF.homepage, info.base)


def describe_dataset_terms(out: TripleSet, info: ReleaseInfo) -> None:
    """Title, description, licence, rights, citation and keywords of the dataset."""
    dataset = dataset_iri(info)
    metadata = load_metadata()
    out.add_iri(dataset, RDF.type, DCAT.Dataset.value)
    out.add(dataset, DCTERMS.title, info.text("title"))
    out.add(dataset, DCTERMS.description, info.text("description"))
    out.add_iri(dataset, DCTERMS.license, str(metadata["license"]))
    out.add(dataset, DCTERMS.rights, info.text("rights"))
    out.add(dataset, DCTERMS.bibliographicCitation, info.text("citation"))
    out.add(dataset, SCHEMA.version, info.version)
    out.add_iri(dataset, DCAT.landingPage, info.base)
    out.add_iri(dataset, DCTERMS.source, info.iri(str(metadata["root_resource"])))
    thesis = info.iri(str(metadata["root_resource"]))
    out.add(thesis, DCTERMS.bibliographicCitation, info.text("thesis_citation"))
    for keyword in metadata["keywords"]:
        out.add(dataset, DCAT.keyword, str(keyword))


def service_iri(info: ReleaseInfo) -> str:
    return info.iri("dataset/service/sparql")


def describe_service(out: TripleSet, info: ReleaseInfo) -> None:
    service = service_iri(info)
    out.add_iri(service, RDF.type, DCAT.DataService.value)
    out.add(service, DCTERMS.title, "redarmy-kg SPARQL endpoint")
    out.add_iri(service, DCAT.endpointURL, info.sparql_endpoint)
    out.add_iri(service, DCAT.endpointDescription, info.sparql_endpoint)
    out.add_iri(service, DCAT.servesDataset, dataset_iri(info))
    out.add_iri(service, DCTERMS.conformsTo, SPARQL_PROTOCOL)
    out.add_iri(service, DCTERMS.license, str(load_metadata()["license"]))


def describe_distributions(out: TripleSet, info: ReleaseInfo, files: list[Path]) -> list[str]:
    """One dcat:Distribution per dump file; returns the download URLs."""
    urls = []
    for path in sorted(files, key=lambda p: p.name):
        urls.append(describe_distribution(out, info, path))
    return urls


def describe_distribution(out: TripleSet, info: ReleaseInfo, path: Path) -> str:
    distribution = info.iri(f"dataset/dump/{path.name}")
    url = info.download_url(path.name)
    gzipped = path.suffix == ".gz"
    inner = Path(path.stem) if gzipped else path
    out.add_iri(dataset_iri(info), DCAT.distribution, distribution)
    out.add_iri(distribution, RDF.type, DCAT.Distribution.value)
    title = FORMAT_NAMES[inner.suffix] + (" (gzip)" if gzipped else "")
    out.add(distribution, DCTERMS.title, f"{title} dump: {path.name}")
    out.add_iri(distribution, DCAT.downloadURL, url)
    out.add_iri(distribution, DCAT.accessURL, url)
    out.add_iri(distribution, DCAT.mediaType, IANA_MEDIA_TYPES + MEDIA_TYPES[inner.suffix])
    if gzipped:
        out.add_iri(distribution, DCAT.compressFormat, IANA_MEDIA_TYPES + GZIP)
    out.add_iri(distribution, DCTERMS.conformsTo, FORMATS[FORMAT_NAMES[inner.suffix]].value)
    out.add(distribution, DCAT.byteSize, count_literal(path.stat().st_size))
    out.add_iri(distribution, DCTERMS.license, str(load_metadata()["license"]))
    describe_checksum(out, distribution + "#sha256", sha256_file(path))
    out.add_iri(distribution, SPDX.checksum, distribution + "#sha256")
    return url


def describe_checksum(out: TripleSet, node: str, hex_digest: str) -> None:
    out.add_iri(node, RDF.type, SPDX.Checksum.value)
    out.add_iri(node, SPDX.algorithm, SPDX.checksumAlgorithm_sha256.value)
    out.add(node, SPDX.checksumValue, typed(hex_digest, XSD.hexBinary))


def describe_build(out: TripleSet, info: ReleaseInfo) -> None:
    """`prov:wasGeneratedBy` a build activity that used the corpus and this code version."""
    activity = info.iri(f"dataset/build/{info.version}")
    software = info.iri(f"dataset/software/redarmy-kg/{info.version}")
    corpus = info.iri(str(load_metadata()["corpus_resource"]))
    out.add_iri(dataset_iri(info), PROV.wasGeneratedBy, activity)
    out.add_iri(activity, RDF.type, PROV.Activity.value)
    out.add(activity, RDFS.label, f"redarmy-kg {info.version} build")
    out.add_iri(activity, PROV.used, corpus)
    out.add_iri(activity, PROV.wasAssociatedWith, software)
    out.add_iri(software, RDF.type, PROV.SoftwareAgent.value)
    out.add(software, RDFS.label, f"redarmy-kg {info.version}")
    out.add(software, SCHEMA.softwareVersion, info.version)
    out.add(corpus, RDFS.label, "The thesis text (plain ASCII extracted from the PDF)")
    describe_checksum(out, activity + "#corpus-sha256", info.corpus_sha256)
    out.add_iri(corpus, SPDX.checksum, activity + "#corpus-sha256")
