"""Curated entities: load and validate the mapping files under `mappings/`.

People, organisations, places and concepts each live in one TSV file with one
row per entity; ambiguous surnames, renamings of organisations and the few
surface forms that are ordinary English words (guarded forms) are curated
there too. Every problem is reported as a one-line `MappingError` naming the
file and the row.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from redarmy_kg.errors import BadInput

PERSON_KINDS = frozenset(
    {"military", "politician", "police", "historian", "emigre", "foreign", "official", "other"}
)
ORGANISATION_KINDS = frozenset(
    {
        "political-police", "party-body", "party-faction", "state-body", "military-body",
        "military-district", "emigre-organisation", "foreign-state-body",
        "international-organisation", "archive", "newspaper",
    }
)
PLACE_KINDS = frozenset({"city", "country", "region", "building"})
KINDS = {"person": PERSON_KINDS, "organisation": ORGANISATION_KINDS, "place": PLACE_KINDS}

ENTITY_FILES = {"person": "people.tsv", "organisation": "organisations.tsv", "place": "places.tsv"}
CONCEPT_FILE = "concepts.tsv"
AMBIGUOUS_FILE = "ambiguous_names.tsv"
RENAMINGS_FILE = "org_renamings.tsv"
GUARD_WORDS_FILE = "reporting_verbs.txt"

# The IRI segment under `id/` for each category.
IRI_SEGMENT = {"person": "person", "organisation": "org", "place": "place", "concept": "concept"}

REQUIRED_COLUMNS = {
    "person": ("key", "pref_label", "kind", "surface_forms", "guarded_forms", "birth", "death",
               "dates_source", "note"),
    "organisation": ("key", "pref_label", "kind", "abbreviation", "expansion", "surface_forms",
                     "guarded_forms", "note"),
    "place": ("key", "pref_label", "kind", "surface_forms", "guarded_forms", "note"),
    "concept": ("key", "pref_label", "surface_forms", "note"),
    "ambiguous": ("surface", "candidate", "cues", "note"),
    "renaming": ("key", "original", "resulting", "date", "statement"),
}

KEY_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QID_PATTERN = re.compile(r"^Q[1-9][0-9]*$")
YEAR_PATTERN = re.compile(r"^[0-9]{4}$")
DATES_SOURCES = frozenset({"thesis", "knowledge", "none", ""})
INITIALS = re.compile(r"\b([A-Z][a-z]?)\. (?=[A-Z][a-z]?\. )")


class MappingError(BadInput):
    """A curated mapping file cannot be used; the message names the file and row."""


@dataclass(frozen=True)
class Entity:
    key: str
    category: str  # person | organisation | place | concept
    kind: str
    pref_label: str
    alt_labels: tuple[str, ...]
    surface_forms: tuple[str, ...]  # matched anywhere on word boundaries
    guarded_forms: tuple[str, ...] = ()  # common words: matched only in the form `Name,`
    abbreviation: str = ""
    expansion: str = ""
    birth: str = ""
    death: str = ""
    dates_source: str = ""
    qid: str = ""
    note: str = ""

    @property
    def ref(self) -> str:
        """The entity's path under `id/`: `person/stalin`, `org/nkvd`, `concept/trotskyism`."""
        return f"{IRI_SEGMENT[self.category]}/{self.key}"


@dataclass(frozen=True)
class Candidate:
    ref: str  # `person/kamenev-lev`
    cues: tuple[str, ...]


@dataclass(frozen=True)
class AmbiguityRule:
    surface: str
    candidates: tuple[Candidate, ...]
    notes: tuple[str, ...]

    @property
    def ref(self) -> str:
        from redarmy_kg.iris import slugify

        return f"ambiguous/{slugify(self.surface)}"


@dataclass(frozen=True)
class Renaming:
    key: str
    original: str  # org ref
    resulting: str  # org ref
    date: str
    statement: str
    row: int


@dataclass
class Catalog:
    entities: dict[str, Entity] = field(default_factory=dict)  # by ref
    ambiguities: dict[str, AmbiguityRule] = field(default_factory=dict)  # by surface
    renamings: list[Renaming] = field(default_factory=list)
    guard_words: frozenset[str] = frozenset()  # words after which a guarded form counts

    def get(self, ref: str) -> Entity:
        return self.entities[ref]

    def by_category(self, category: str) -> list[Entity]:
        return [e for ref, e in sorted(self.entities.items()) if e.category == category]


@dataclass
class _Row:
    file: str
    number: int  # line number in the file (header is line 1)
    values: dict[str, str]

    def fail(self, message: str) -> MappingError:
        return MappingError(f"{self.file} row {self.number}: {message}")


def load_catalog(mappings_dir: Path) -> Catalog:
    """Read and validate every curated entity file under `mappings_dir`."""
    catalog = Catalog()
    surface_owner: dict[str, tuple[str, _Row]] = {}
    for category, filename in ENTITY_FILES.items():
        for row in _read_rows(mappings_dir / filename, REQUIRED_COLUMNS[category]):
            _add_entity(catalog, _entity_from_row(category, row), row, surface_owner)
    concept_path = mappings_dir / CONCEPT_FILE
    if concept_path.exists():
        for row in _read_rows(concept_path, REQUIRED_COLUMNS["concept"]):
            _add_entity(catalog, _entity_from_row("concept", row), row, surface_owner)
    ambiguous_path = mappings_dir / AMBIGUOUS_FILE
    if ambiguous_path.exists():
        catalog.ambiguities = _load_ambiguities(ambiguous_path, catalog, surface_owner)
    guard_path = mappings_dir / GUARD_WORDS_FILE
    if guard_path.exists():
        catalog.guard_words = _load_word_list(guard_path)
    renamings_path = mappings_dir / RENAMINGS_FILE
    if renamings_path.exists():
        catalog.renamings = _load_renamings(renamings_path, catalog)
    return catalog


def _load_word_list(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def _read_rows(path: Path, required: tuple[str, ...]) -> list[_Row]:
    name = f"mappings/{path.name}"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise MappingError(f"{name}: cannot read ({error.strerror})") from error
    lines = text.splitlines()
    if not lines:
        raise MappingError(f"{name} row 1: empty file, expected a header")
    header = lines[0].split("\t")
    missing = [column for column in required if column not in header]
    if missing:
        raise MappingError(f"{name} row 1: missing column(s) {', '.join(missing)}")
    rows = []
    for number, values in enumerate(csv.reader(lines[1:], delimiter="\t", quoting=csv.QUOTE_NONE),
                                    start=2):
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            raise MappingError(
                f"{name} row {number}: {len(values)} fields, the header has {len(header)}"
            )
        rows.append(_Row(name, number, {h: v.strip() for h, v in zip(header, values, strict=True)}))
    return rows


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split("|") if part.strip())


def _with_initials_variants(forms: list[str]) -> list[str]:
    """`M. N. Tukhachevskii` is also printed `M.N. Tukhachevskii`."""
    out: list[str] = []
    for form in forms:
        for variant in (form, INITIALS.sub(r"\1.", form)):
            if variant not in out:
                out.append(variant)
    return out


def _inverted_name(label: str) -> str | None:
    """`Orlando Figes` -> `Figes, Orlando`, the bibliography's form (None for one word)."""
    first, _, last = label.rpartition(" ")
    return f"{last}, {first}" if first else None


def _entity_from_row(category: str, row: _Row) -> Entity:
    v = row.values
    key = v["key"]
    if not KEY_PATTERN.match(key):
        raise row.fail(f"bad key {key!r}: use lower-case ASCII words joined by '-'")
    kind = v.get("kind", "concept") if category != "concept" else "concept"
    if category in KINDS and kind not in KINDS[category]:
        allowed = ", ".join(sorted(KINDS[category]))
        raise row.fail(f"unknown kind {kind!r} for {category} {key!r} (allowed: {allowed})")
    if not v["pref_label"]:
        raise row.fail(f"{key!r} has no pref_label")
    qid = v.get("qid", "")
    if qid and not QID_PATTERN.match(qid.removeprefix("wikidata:")):
        raise row.fail(f"bad QID {qid!r} for {key!r}: expected Q followed by digits")
    for column in ("birth", "death"):
        if v.get(column) and not YEAR_PATTERN.match(v[column]):
            raise row.fail(f"bad {column} year {v[column]!r} for {key!r}: expected YYYY")
    if v.get("dates_source", "") not in DATES_SOURCES:
        raise row.fail(f"unknown dates_source {v['dates_source']!r} (thesis, knowledge or none)")
    forms = list(_split(v["surface_forms"]))
    if category in ("person", "place", "concept") and v["pref_label"] not in forms:
        forms.insert(0, v["pref_label"])
    if category == "person":
        inverted = _inverted_name(v["pref_label"])
        if inverted and inverted not in forms:
            forms.append(inverted)
    for extra in (v.get("abbreviation", ""), v.get("expansion", "")):
        if extra and extra not in forms:
            forms.append(extra)
    if not forms:
        raise row.fail(f"{key!r} has no surface form")
    forms = _with_initials_variants(forms)
    alt = tuple(f for f in forms if f != v["pref_label"])
    return Entity(
        key=key, category=category, kind=kind, pref_label=v["pref_label"], alt_labels=alt,
        surface_forms=tuple(forms), guarded_forms=_split(v.get("guarded_forms", "")),
        abbreviation=v.get("abbreviation", ""), expansion=v.get("expansion", ""),
        birth=v.get("birth", ""), death=v.get("death", ""),
        dates_source=v.get("dates_source", ""), qid=qid, note=v.get("note", ""),
    )


def _add_entity(
    catalog: Catalog, entity: Entity, row: _Row, surface_owner: dict[str, tuple[str, _Row]]
) -> None:
    if entity.ref in catalog.entities:
        raise row.fail(f"duplicate key {entity.key!r}")
    for form in entity.surface_forms + entity.guarded_forms:
        owner = surface_owner.get(form)
        if owner and owner[0] != entity.ref:
            raise row.fail(
                f"surface form {form!r} of {entity.ref} is also a form of {owner[0]} "
                f"({owner[1].file} row {owner[1].number}): list it in mappings/{AMBIGUOUS_FILE}"
            )
        surface_owner[form] = (entity.ref, row)
    catalog.entities[entity.ref] = entity


def _load_ambiguities(
    path: Path, catalog: Catalog, surface_owner: dict[str, tuple[str, _Row]]
) -> dict[str, AmbiguityRule]:
    grouped: dict[str, list[tuple[Candidate, str]]] = {}
    for row in _read_rows(path, REQUIRED_COLUMNS["ambiguous"]):
        surface, key = row.values["surface"], row.values["candidate"]
        if not surface:
            raise row.fail("empty surface")
        if surface in surface_owner:
            owner, owner_row = surface_owner[surface]
            raise row.fail(
                f"ambiguous surface {surface!r} is also a surface form of {owner} "
                f"({owner_row.file} row {owner_row.number})"
            )
        ref = _person_or_other_ref(catalog, key)
        if ref is None:
            raise row.fail(f"unknown candidate {key!r} for {surface!r}")
        if any(c.ref == ref for c, _ in grouped.get(surface, [])):
            raise row.fail(f"duplicate candidate {key!r} for {surface!r}")
        grouped.setdefault(surface, []).append(
            (Candidate(ref, _split(row.values["cues"])), row.values["note"])
        )
    rules = {}
    for surface, entries in grouped.items():
        if len(entries) < 2:
            raise MappingError(f"mappings/{path.name}: {surface!r} has only one candidate")
        rules[surface] = AmbiguityRule(
            surface, tuple(c for c, _ in entries), tuple(n for _, n in entries)
        )
    return rules


def _person_or_other_ref(catalog: Catalog, key: str) -> str | None:
    for segment in ("person", "org", "place"):
        if f"{segment}/{key}" in catalog.entities:
            return f"{segment}/{key}"
    return None


def _load_renamings(path: Path, catalog: Catalog) -> list[Renaming]:
    renamings = []
    seen: set[str] = set()
    for row in _read_rows(path, REQUIRED_COLUMNS["renaming"]):
        v = row.values
        if not KEY_PATTERN.match(v["key"]) or v["key"] in seen:
            raise row.fail(f"bad or duplicate key {v['key']!r}")
        seen.add(v["key"])
        for column in ("original", "resulting"):
            if f"org/{v[column]}" not in catalog.entities:
                raise row.fail(f"unknown organisation {v[column]!r} in column {column}")
        if not YEAR_PATTERN.match(v["date"]):
            raise row.fail(f"bad date {v['date']!r}: expected YYYY")
        if not v["statement"]:
            raise row.fail("empty statement: quote the sentence that states the renaming")
        renamings.append(
            Renaming(v["key"], f"org/{v['original']}", f"org/{v['resulting']}", v["date"],
                     v["statement"], row.number)
        )
    return renamings
