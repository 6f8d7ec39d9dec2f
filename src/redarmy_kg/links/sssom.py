"""Load and validate `mappings/wikidata.sssom.tsv`: curated links to Wikidata items.

The file is SSSOM/TSV: a YAML metadata block in `#` comment lines, then one
mapping per row. Besides the SSSOM columns it carries our own `status`
(`confirmed` or `unconfirmed`: only confirmed rows are published), `evidence`
(where the QID was seen beside the name and life dates) and, for people, the
`birth_year`/`death_year` printed in that evidence (what `links verify` checks).
A row whose object is `sssom:NoTermFound` records a search that found nothing.
Subjects are people (`rkgp:` = `id/person/`) and institutions, archives included
(`rkgo:` = `id/org/`), keyed as in `mappings/people.tsv` and `organisations.tsv`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from redarmy_kg import iris
from redarmy_kg.entities.catalog import MappingError

MAPPINGS_FILE = "wikidata.sssom.tsv"
DEFAULT_MAPPINGS = Path(__file__).resolve().parents[3] / "mappings" / MAPPINGS_FILE

WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
NO_TERM_FOUND = "sssom:NoTermFound"
STATUSES = ("confirmed", "unconfirmed")

PREDICATES = {
    "owl:sameAs": "http://www.w3.org/2002/07/owl#sameAs",
    "skos:exactMatch": "http://www.w3.org/2004/02/skos/core#exactMatch",
    "skos:closeMatch": "http://www.w3.org/2004/02/skos/core#closeMatch",
}
KIND_NAMES = {"person": "a person", "org": "an institution"}
# Two entities cannot both be the very item; a close match may be shared.
IDENTITY_PREDICATES = ("owl:sameAs", "skos:exactMatch")
# CURIE prefix of the subject -> the entity kind (the path segment under `id/`).
SUBJECT_KINDS = {"rkgp": "person", "rkgo": "org"}
# A person is the same individual as the item; an institution matches a concept.
PREDICATES_BY_KIND = {
    "person": ("owl:sameAs",),
    "org": ("skos:exactMatch", "skos:closeMatch"),
}
REQUIRED_PREFIXES = {
    "wikidata": WIKIDATA_ENTITY,
    "rkgp": iris.DEFAULT_BASE + "id/person/",
    "rkgo": iris.DEFAULT_BASE + "id/org/",
}
COLUMNS = (
    "subject_id",
    "subject_label",
    "predicate_id",
    "object_id",
    "object_label",
    "mapping_justification",
    "confidence",
    "comment",
    "status",
    "evidence",
    "birth_year",
    "death_year",
)

_QID = re.compile(r"wikidata:(Q[1-9][0-9]*)")
_KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_YEAR = re.compile(r"-?[0-9]{1,4}")


@dataclass(frozen=True)
class WikidataLink:
    """One row of the mapping file: an entity of the graph and its Wikidata item."""

    row: int
    subject_id: str
    subject_kind: str
    subject_key: str
    subject_label: str
    predicate_id: str
    qid: str | None
    object_label: str
    justification: str
    confidence: float
    status: str
    evidence: str
    comment: str
    birth_year: int | None = None
    death_year: int | None = None

    @property
    def published(self) -> bool:
        """Only confirmed rows that name an item become links in the graph."""
        return self.status == "confirmed" and self.qid is not None

    @property
    def subject_iri(self) -> str:
        return iris.id_iri(self.subject_kind, self.subject_key)

    @property
    def predicate_iri(self) -> str:
        return PREDICATES[self.predicate_id]

    @property
    def object_iri(self) -> str | None:
        return WIKIDATA_ENTITY + self.qid if self.qid else None


@dataclass(frozen=True)
class MappingSet:
    path: Path
    metadata: dict[str, object]
    links: tuple[WikidataLink, ...]

    def published(self) -> list[WikidataLink]:
        return [link for link in self.links if link.published]


def load_mappings(path: Path = DEFAULT_MAPPINGS) -> MappingSet:
    """Read and validate the mapping file; any malformed row raises `MappingError`."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise _error(path, None, f"cannot read the file: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise _error(path, None, f"not UTF-8 text: {error.reason}") from error
    header_index = _first_table_line(lines)
    metadata = _parse_metadata(path, lines[:header_index])
    if header_index == len(lines):
        raise _error(path, None, "no header row after the metadata block")
    header = lines[header_index].split("\t")
    _check_header(path, header_index + 1, header)
    links = [
        _parse_row(path, number, dict(zip(header, cells, strict=True)))
        for number, cells in _data_rows(path, lines, header_index, len(header))
    ]
    _check_unique(path, links)
    return MappingSet(path=path, metadata=metadata, links=tuple(links))


def _first_table_line(lines: list[str]) -> int:
    for index, line in enumerate(lines):
        if not line.startswith("#"):
            return index
    return len(lines)


def _parse_metadata(path: Path, comment_lines: list[str]) -> dict[str, object]:
    text = "\n".join(line[1:] for line in comment_lines)
    try:
        metadata = yaml.safe_load(text) if text.strip() else None
    except yaml.YAMLError as error:
        raise _error(path, None, f"metadata block is not valid YAML: {error}") from error
    if not isinstance(metadata, dict):
        raise _error(path, 1, "missing the SSSOM metadata block (# curie_map: ...)")
    curie_map = metadata.get("curie_map")
    if not isinstance(curie_map, dict):
        raise _error(path, 1, "metadata has no curie_map")
    for prefix, expansion in REQUIRED_PREFIXES.items():
        if curie_map.get(prefix) != expansion:
            raise _error(path, 1, f"curie_map must map {prefix!r} to {expansion!r}")
    for key in ("mapping_set_id", "license", "mapping_date"):
        if not metadata.get(key):
            raise _error(path, 1, f"metadata has no {key}")
    return metadata


def _check_header(path: Path, row: int, header: list[str]) -> None:
    missing = [name for name in COLUMNS if name not in header]
    if missing:
        raise _error(path, row, f"missing column(s): {', '.join(missing)}")
    duplicated = sorted({name for name in header if header.count(name) > 1})
    if duplicated:
        raise _error(path, row, f"duplicate column(s): {', '.join(duplicated)}")


def _data_rows(
    path: Path, lines: list[str], header_index: int, width: int
) -> list[tuple[int, list[str]]]:
    rows = []
    for index in range(header_index + 1, len(lines)):
        line = lines[index]
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != width:
            raise _error(
                path, index + 1, f"expected {width} tab-separated cells, found {len(cells)}"
            )
        rows.append((index + 1, [cell.strip() for cell in cells]))
    return rows


def _parse_row(path: Path, row: int, cells: dict[str, str]) -> WikidataLink:
    kind, key = _parse_subject(path, row, cells["subject_id"])
    predicate = cells["predicate_id"]
    if predicate not in PREDICATES:
        allowed = ", ".join(PREDICATES)
        raise _error(path, row, f"unknown predicate_id {predicate!r} (use {allowed})")
    if predicate not in PREDICATES_BY_KIND[kind]:
        allowed = " or ".join(PREDICATES_BY_KIND[kind])
        raise _error(path, row, f"{KIND_NAMES[kind]} is linked with {allowed}, not {predicate}")
    status = cells["status"]
    if status not in STATUSES:
        raise _error(path, row, f"unknown status {status!r} (use confirmed or unconfirmed)")
    qid = _parse_object(path, row, cells["object_id"], status)
    if status == "confirmed" and not cells["evidence"]:
        raise _error(path, row, "a confirmed mapping needs its evidence")
    birth, death = (
        _parse_year(path, row, cells, "birth_year"),
        _parse_year(path, row, cells, "death_year"),
    )
    if status == "confirmed" and kind == "person" and (birth is None or death is None):
        raise _error(path, row, "a confirmed person needs birth_year and death_year")
    if not cells["mapping_justification"].startswith("semapv:"):
        raise _error(path, row, "mapping_justification must be a semapv: term")
    return WikidataLink(
        row=row,
        subject_id=cells["subject_id"],
        subject_kind=kind,
        subject_key=key,
        subject_label=cells["subject_label"],
        predicate_id=predicate,
        qid=qid,
        object_label=cells["object_label"],
        justification=cells["mapping_justification"],
        confidence=_parse_confidence(path, row, cells["confidence"]),
        status=status,
        evidence=cells["evidence"],
        comment=cells["comment"],
        birth_year=birth,
        death_year=death,
    )


def _parse_subject(path: Path, row: int, subject_id: str) -> tuple[str, str]:
    prefix, _, key = subject_id.partition(":")
    if prefix not in SUBJECT_KINDS:
        known = ", ".join(f"{p}:" for p in SUBJECT_KINDS)
        raise _error(path, row, f"subject_id {subject_id!r} must start with {known}")
    if not _KEY.fullmatch(key):
        raise _error(path, row, f"subject_id {subject_id!r} has a malformed key")
    return SUBJECT_KINDS[prefix], key


def _parse_object(path: Path, row: int, object_id: str, status: str) -> str | None:
    if object_id == NO_TERM_FOUND:
        if status == "confirmed":
            raise _error(path, row, f"{NO_TERM_FOUND} cannot be confirmed")
        return None
    match = _QID.fullmatch(object_id)
    if not match:
        raise _error(
            path, row, f"object_id {object_id!r} is not wikidata:Q<digits> or {NO_TERM_FOUND}"
        )
    return match.group(1)


def _parse_confidence(path: Path, row: int, value: str) -> float:
    try:
        confidence = float(value)
    except ValueError:
        raise _error(path, row, f"confidence {value!r} is not a number") from None
    if not 0.0 <= confidence <= 1.0:
        raise _error(path, row, f"confidence {value} is outside 0..1")
    return confidence


def _parse_year(path: Path, row: int, cells: dict[str, str], column: str) -> int | None:
    value = cells[column]
    if not value:
        return None
    if not _YEAR.fullmatch(value):
        raise _error(path, row, f"{column} {value!r} is not a year")
    return int(value)


def _check_unique(path: Path, links: list[WikidataLink]) -> None:
    seen_subjects: dict[str, int] = {}
    seen_items: dict[str, WikidataLink] = {}
    for link in links:
        if link.subject_id in seen_subjects:
            first = seen_subjects[link.subject_id]
            raise _error(
                path, link.row, f"duplicate subject {link.subject_id} (first on row {first})"
            )
        seen_subjects[link.subject_id] = link.row
        if link.qid is None or link.predicate_id not in IDENTITY_PREDICATES:
            continue
        other = seen_items.get(link.qid)
        if other is not None:
            raise _error(
                path,
                link.row,
                f"{link.qid} is already mapped to {other.subject_id} on row {other.row}",
            )
        seen_items[link.qid] = link


def _error(path: Path, row: int | None, problem: str) -> MappingError:
    """A one-line error naming the file (relative to the working folder) and row."""
    try:
        shown = str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        shown = str(path)
    where = f"{shown} row {row}" if row is not None else shown
    return MappingError(f"{where}: {problem}")
