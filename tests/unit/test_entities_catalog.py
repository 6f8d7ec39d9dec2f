"""The curated entity files load, and malformed ones fail with file and row."""

from __future__ import annotations

from pathlib import Path

import pytest

from redarmy_kg.entities.catalog import MappingError, load_catalog

from .entities_fixtures import MAPPINGS, write_mappings

PEOPLE_HEADER = (
    "key\tpref_label\tkind\tsurface_forms\tguarded_forms\tbirth\tdeath\tdates_source\tnote\n"
)
STALIN = "stalin\tIosif Stalin\tpolitician\tStalin\t\t1878\t1953\tknowledge\t\n"


def people_file(*rows: str, header: str = PEOPLE_HEADER) -> str:
    return header + "".join(rows)


def load_with(tmp_path: Path, **files: str):
    return load_catalog(write_mappings(tmp_path / "mappings", **files))


def test_real_mappings_load_with_every_category() -> None:
    catalog = load_catalog(MAPPINGS)
    assert len(catalog.by_category("person")) >= 200
    assert len(catalog.by_category("organisation")) >= 50
    assert catalog.get("org/nkvd").abbreviation == "NKVD"
    assert "Yezhov" in catalog.get("person/ezhov").alt_labels
    assert [r.key for r in catalog.renamings] == [
        "renaming-cheka-gpu", "renaming-gpu-ogpu", "renaming-ogpu-nkvd"]


def test_surface_variants_are_generated(tmp_path: Path) -> None:
    catalog = load_catalog(MAPPINGS)
    forms = catalog.get("person/tukhachevskii").surface_forms
    assert "M.N. Tukhachevskii" in forms  # initials printed without a space
    assert "Tukhachevskii, Mikhail" in forms  # the bibliography's inverted form
    assert "Tukhachevskogo" in forms


def test_duplicate_key_names_file_and_row(tmp_path: Path) -> None:
    people = people_file(STALIN, STALIN.replace("Stalin\t", "Dzhugashvili\t"))
    with pytest.raises(MappingError, match=r"^mappings/people.tsv row 3: duplicate key 'stalin'"):
        load_with(tmp_path, people=people)


def test_unknown_kind_names_file_and_row(tmp_path: Path) -> None:
    people = people_file(STALIN.replace("politician", "dictator"))
    with pytest.raises(MappingError, match=r"^mappings/people.tsv row 2: unknown kind 'dictator'"):
        load_with(tmp_path, people=people)


def test_bad_qid_names_file_and_row(tmp_path: Path) -> None:
    header = PEOPLE_HEADER.replace("\tnote\n", "\tnote\tqid\n")
    people = people_file(STALIN.replace("\n", "\tQ855\n"),
                         "lenin\tVladimir Lenin\tpolitician\tLenin\t\t\t\tnone\t\tQ12x\n",
                         header=header)
    with pytest.raises(MappingError, match=r"^mappings/people.tsv row 3: bad QID 'Q12x'"):
        load_with(tmp_path, people=people)


def test_missing_column_names_file(tmp_path: Path) -> None:
    header = PEOPLE_HEADER.replace("\tkind", "")
    people = people_file(STALIN.replace("\tpolitician", ""), header=header)
    with pytest.raises(MappingError, match=r"^mappings/people.tsv row 1: missing column\(s\) kind"):
        load_with(tmp_path, people=people)


def test_wrong_field_count_names_row(tmp_path: Path) -> None:
    people = people_file(STALIN, "lenin\tVladimir Lenin\tpolitician\n")
    with pytest.raises(MappingError, match=r"^mappings/people.tsv row 3: 3 fields"):
        load_with(tmp_path, people=people)


def test_shared_surface_form_must_go_to_ambiguous_file(tmp_path: Path) -> None:
    people = people_file(STALIN, "koba\tKoba\tother\tStalin\t\t\t\tnone\t\n")
    with pytest.raises(MappingError, match=r"row 3: surface form 'Stalin' of person/koba"):
        load_with(tmp_path, people=people)


def test_ambiguous_candidate_must_exist(tmp_path: Path) -> None:
    ambiguous = ("surface\tcandidate\tcues\tnote\n"
                 "Kamenev\tkamenev-lev\tZinoviev\t\nKamenev\tkamenev-boris\tx\t\n")
    expected = r"^mappings/ambiguous_names.tsv row 3: unknown candidate 'kamenev-boris'"
    with pytest.raises(MappingError, match=expected):
        load_with(tmp_path, ambiguous=ambiguous)


def test_renaming_needs_known_organisations(tmp_path: Path) -> None:
    renamings = ("key\toriginal\tresulting\tdate\tstatement\n"
                 "renaming-x\tcheka\tmgb\t1946\tThe Cheka became the MGB.\n")
    with pytest.raises(MappingError,
                       match=r"^mappings/org_renamings.tsv row 2: unknown organisation 'mgb'"):
        load_with(tmp_path, renamings=renamings)


def test_bad_year_names_row(tmp_path: Path) -> None:
    people = people_file(STALIN.replace("1878", "c. 1878"))
    with pytest.raises(MappingError, match=r"row 2: bad birth year 'c. 1878'"):
        load_with(tmp_path, people=people)
