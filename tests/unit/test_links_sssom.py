"""Loading and validating the SSSOM file of Wikidata links."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from redarmy_kg.cli import main
from redarmy_kg.entities.catalog import MappingError
from redarmy_kg.links.sssom import DEFAULT_MAPPINGS, load_mappings

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "links" / "mini.sssom.tsv"
STALIN_ROW = 36  # line of rkgp:stalin in the fixture
TROTSKY_ROW = 37


def variant(tmp_path: Path, old: str, new: str, count: int = 1) -> Path:
    """A copy of the fixture with one edit, under the same file name."""
    text = MINI.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "mini.sssom.tsv"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


def test_loads_every_row_of_the_fixture() -> None:
    mapping_set = load_mappings(MINI)
    assert [link.subject_id for link in mapping_set.links] == [
        "rkgp:stalin",
        "rkgp:trotsky",
        "rkgp:voroshilov",
        "rkgp:tukhachevskii",
        "rkgo:nkvd",
        "rkgo:rvs",
        "rkgo:rvsr",
    ]
    stalin = mapping_set.links[0]
    assert stalin.row == STALIN_ROW
    assert stalin.qid == "Q855"
    assert stalin.subject_iri == "https://w3id.org/redarmy-kg/id/person/stalin"
    assert stalin.object_iri == "http://www.wikidata.org/entity/Q855"
    assert (stalin.birth_year, stalin.death_year) == (1878, 1953)
    assert mapping_set.metadata["curie_map"]["wikidata"] == "http://www.wikidata.org/entity/"


def test_only_confirmed_rows_with_an_item_are_published() -> None:
    published = load_mappings(MINI).published()
    assert [link.subject_key for link in published] == ["stalin", "trotsky", "nkvd", "rvs"]


def test_no_term_found_row_has_no_item() -> None:
    tukhachevskii = load_mappings(MINI).links[3]
    assert tukhachevskii.qid is None
    assert tukhachevskii.object_iri is None
    assert not tukhachevskii.published


@pytest.mark.parametrize(
    ("old", "new", "row", "problem"),
    [
        ("wikidata:Q855\t", "wikidata:Q85x5\t", STALIN_ROW, "not wikidata:Q<digits>"),
        ("wikidata:Q855\t", "wikidata:855\t", STALIN_ROW, "not wikidata:Q<digits>"),
        ("wikidata:Q855\t", "wikidata:Q0855\t", STALIN_ROW, "not wikidata:Q<digits>"),
        ("owl:sameAs\twikidata:Q855", "owl:equivalentClass\twikidata:Q855", STALIN_ROW,
         "unknown predicate_id"),
        ("owl:sameAs\twikidata:Q855", "skos:exactMatch\twikidata:Q855", STALIN_ROW,
         "a person is linked with owl:sameAs"),
        ("skos:exactMatch\twikidata:Q182449", "owl:sameAs\twikidata:Q182449", 40,
         "an institution is linked with skos:exactMatch or skos:closeMatch"),
        ("\tconfirmed\trecord A", "\tverified\trecord A", STALIN_ROW, "unknown status 'verified'"),
        ("rkgp:trotsky\t", "rkgp:stalin\t", TROTSKY_ROW, "duplicate subject rkgp:stalin"),
        ("wikidata:Q33391\t", "wikidata:Q855\t", TROTSKY_ROW, "Q855 is already mapped"),
        ("\tconfirmed\trecord A (Q855, 1878-12-18, 1953-03-05)\t", "\tconfirmed\t\t",
         STALIN_ROW, "needs its evidence"),
        ("\t1878\t1953", "\t\t1953", STALIN_ROW, "needs birth_year and death_year"),
        ("\t1878\t1953", "\t18x8\t1953", STALIN_ROW, "birth_year '18x8' is not a year"),
        ("\t0.99\t", "\t1.5\t", STALIN_ROW, "outside 0..1"),
        ("\t0.99\t", "\thigh\t", STALIN_ROW, "is not a number"),
        ("rkgp:stalin\t", "rkgx:stalin\t", STALIN_ROW, "must start with rkgp:, rkgo:"),
        ("rkgp:stalin\t", "rkgp:Stalin_I\t", STALIN_ROW, "malformed key"),
        ("sssom:NoTermFound\t\tsemapv:ManualMappingCuration\t0\tnothing found\tunconfirmed",
         "sssom:NoTermFound\t\tsemapv:ManualMappingCuration\t0\tnothing found\tconfirmed",
         39, "cannot be confirmed"),
        ("\tsemapv:ManualMappingCuration\t0.99", "\tby hand\t0.99", STALIN_ROW,
         "must be a semapv: term"),
        ("\t1878\t1953", "\t1878\t1953\textra", STALIN_ROW, "expected 12 tab-separated cells"),
    ],
)
def test_malformed_row_fails_with_file_and_row(
    tmp_path: Path, old: str, new: str, row: int, problem: str
) -> None:
    with pytest.raises(MappingError) as caught:
        load_mappings(variant(tmp_path, old, new))
    message = str(caught.value)
    assert "\n" not in message
    assert "mini.sssom.tsv" in message
    assert f"mini.sssom.tsv row {row}:" in message
    assert problem in message


def test_missing_column_names_the_header_row(tmp_path: Path) -> None:
    path = variant(tmp_path, "\tevidence\t", "\tproof\t")
    with pytest.raises(MappingError, match=r"mini\.sssom\.tsv row 35: missing column\(s\): "
                                           r"evidence"):
        load_mappings(path)


def test_missing_metadata_block_is_reported(tmp_path: Path) -> None:
    text = MINI.read_text(encoding="utf-8")
    path = tmp_path / "bare.tsv"
    path.write_text(text[text.index("subject_id\t"):], encoding="utf-8")
    with pytest.raises(MappingError, match=r"bare\.tsv row 1: missing the SSSOM metadata"):
        load_mappings(path)


def test_curie_map_must_expand_our_prefixes_as_the_graph_does(tmp_path: Path) -> None:
    path = variant(tmp_path, "rkgp: https://w3id.org/redarmy-kg/id/person/",
                   "rkgp: https://example.org/person/")
    with pytest.raises(MappingError, match="curie_map must map 'rkgp'"):
        load_mappings(path)


def test_missing_file_is_a_mapping_error(tmp_path: Path) -> None:
    with pytest.raises(MappingError, match=r"absent\.tsv: cannot read the file"):
        load_mappings(tmp_path / "absent.tsv")


def test_cli_reports_a_malformed_file_in_one_line_with_exit_2(tmp_path: Path) -> None:
    path = variant(tmp_path, "wikidata:Q855\t", "wikidata:Qabc\t")
    result = CliRunner().invoke(
        main, ["links", "verify", "--mappings", str(path), "--endpoint", "http://127.0.0.1:9/q"]
    )
    assert result.exit_code == 2
    error_lines = result.stderr.strip().splitlines()
    assert len(error_lines) == 1
    assert f"mini.sssom.tsv row {STALIN_ROW}: object_id 'wikidata:Qabc'" in error_lines[0]


def test_bundled_mapping_file_is_valid_and_every_published_link_has_evidence() -> None:
    mapping_set = load_mappings(DEFAULT_MAPPINGS)
    published = mapping_set.published()
    assert published, "the bundled file publishes no link"
    for link in published:
        assert link.evidence.startswith("github:"), link.subject_id
        assert link.confidence >= 0.8, link.subject_id
    people = [link for link in published if link.subject_kind == "person"]
    assert all(link.predicate_id == "owl:sameAs" for link in people)
    # The people whose QID was seen beside name and life dates in the evidence.
    assert {link.subject_key: link.qid for link in people} == {
        "benes": "Q152274",
        "brzezinski": "Q168041",
        "churchill": "Q8016",
        "dimitrov": "Q155074",
        "dzerzhinskii": "Q188570",
        "george-v": "Q269412",
        "gorbachev-mikhail": "Q30487",
        "kaganovich": "Q215705",
        "kamenev-lev": "Q165854",
        "kolchak": "Q185718",
        "lenin": "Q1394",
        "ordzhonikidze": "Q259843",
        "radek": "Q84266",
        "stalin": "Q855",
        "tomskii": "Q449630",
        "trotsky": "Q33391",
        "voroshilov": "Q186185",
        "zhukov": "Q124617",
        "zinoviev": "Q207459",
    }
