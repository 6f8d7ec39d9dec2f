"""Every entity linked to Wikidata is a curated entity of the catalog."""

from __future__ import annotations

import csv
from pathlib import Path

from redarmy_kg.links.sssom import DEFAULT_MAPPINGS, load_mappings

MAPPINGS = Path(__file__).resolve().parents[2] / "mappings"


def catalog_keys(name: str) -> set[str]:
    with (MAPPINGS / name).open(encoding="utf-8", newline="") as handle:
        rows = (line for line in handle if line.strip() and not line.startswith("#"))
        return {row["key"] for row in csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE)}


def test_every_subject_is_a_catalog_key() -> None:
    catalog = {"person": catalog_keys("people.tsv"), "org": catalog_keys("organisations.tsv")}
    unknown = [
        link.subject_id
        for link in load_mappings(DEFAULT_MAPPINGS).links
        if link.subject_key not in catalog[link.subject_kind]
    ]
    assert unknown == []


def catalog_life_years() -> dict[str, tuple[str, str]]:
    with (MAPPINGS / "people.tsv").open(encoding="utf-8", newline="") as handle:
        rows = (line for line in handle if line.strip() and not line.startswith("#"))
        reader = csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {row["key"]: (row["birth"], row["death"]) for row in reader}


def test_life_years_in_the_evidence_agree_with_the_catalog() -> None:
    """Two independent records of the same person's life must not disagree."""
    years = catalog_life_years()
    disagreements = [
        (link.subject_key, (link.birth_year, link.death_year), years[link.subject_key])
        for link in load_mappings(DEFAULT_MAPPINGS).links
        if link.subject_kind == "person"
        and link.birth_year is not None
        and all(years.get(link.subject_key, ("", "")))
        and (str(link.birth_year), str(link.death_year)) != years[link.subject_key]
    ]
    assert disagreements == []
