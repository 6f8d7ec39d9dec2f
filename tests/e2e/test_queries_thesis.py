"""Every query in queries/ (except the citations stage's sources-*) on the real build,
each checked against an answer verified by reading the thesis."""

from __future__ import annotations

from pathlib import Path

import pytest

QUERIES = Path(__file__).resolve().parents[2] / "queries"
ID = "https://w3id.org/redarmy-kg/id/"

pytestmark = pytest.mark.e2e


def short(value: str) -> str:
    """IRIs of the dataset and ontology as their last segment: `person/putna` -> `putna`."""
    if value.startswith(("https://w3id.org/redarmy-kg/", "http")):
        return value.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return value


def run(store, name: str) -> list[dict[str, str]]:
    text = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    solutions = store.query(text, use_default_graph_as_union=True)
    names = [v.value for v in solutions.variables]
    return [{n: short(row[n].value) for n in names if row[n] is not None} for row in solutions]


def flat(text: str) -> str:
    """The quote with the corpus's line breaks as single spaces."""
    return " ".join(text.split())


def column(rows: list[dict[str, str]], name: str) -> set[str]:
    return {r[name] for r in rows if name in r}


def test_every_query_states_its_question_and_parses(built_store):
    mine = sorted(p for p in QUERIES.glob("*.rq") if not p.name.startswith("sources-"))
    assert len(mine) >= 25
    for path in mine:
        assert path.read_text(encoding="utf-8").startswith("# Question: ")
        run(built_store, path.stem)


def test_executed_people(built_store):
    rows = run(built_store, "events-executed-people")
    dates = {(r["person"], r["date"]) for r in rows}
    # Introduction: executed immediately after the trial of 11 June 1937; Chapter Five: 12 June.
    for person in ("tukhachevskii", "iakir", "uborevich", "feldman", "eideman", "kork",
                   "primakov", "putna"):
        assert {(person, "1937-06-11"), (person, "1937-06-12")} <= dates
    # Chapter Three: "until Tukhachevskiis execution in June 1937".
    assert ("tukhachevskii", "1937-06-01") in dates


def test_arrests_in_may_1937(built_store):
    rows = run(built_store, "events-arrests-may-1937")
    found = {(r["person"], r["earliest"]) for r in rows}
    # "On 22 May Tukhachevskii, Eideman, Iakir and Uborevich were all arrested."
    for person in ("tukhachevskii", "eideman", "iakir", "uborevich"):
        assert (person, "1937-05-22") in found
    # "On 14 May Kork was removed from his position and arrested." / Feldman on 15 May.
    assert ("kork", "1937-05-14") in found
    assert ("feldman", "1937-05-15") in found
    assert ("medvedev", "1937-05-06") in found
    assert all("1937-05" in r["earliest"] for r in rows)


def test_heads_of_pur(built_store):
    rows = run(built_store, "posts-heads-of-pur")
    names = column(rows, "person")
    # "the new head of PUR, Ian Gamarnik" (1930), "the new head of PUR, P. A. Smirnov" (1937),
    # "the new head of PUR, Lev Mekhlis", "Antonov-Ovseenko, who headed PUR until ... 1923".
    assert {"gamarnik", "smirnov-petr", "mekhlis", "antonov-ovseenko"} <= names
    gamarnik = [r for r in rows if r["person"] == "gamarnik" and "earliest" in r]
    assert gamarnik and gamarnik[0]["earliest"].startswith("1930")


def test_budennyi_letter_of_22_august_1936_rests_on_rgva_f4_op19_d16(built_store):
    rows = run(built_store, "claims-budennyi-letter-august-1936-sources")
    # Chapter Five, footnote 2: "RGVA, f. 4, op. 19, d. 16, l. 265."
    assert ("RGVA, f. 4, op. 19, d. 16", "l. 265") in {
        (r.get("identifier"), r.get("locator")) for r in rows}


def test_chapter_five_claims_on_secondary_works_only(built_store):
    rows = run(built_store, "claims-ch5-secondary-only")
    assert rows
    assert all(r["claim"].startswith("ch5-") for r in rows)
    assert all("RGVA" not in r["works"] and "archive" not in r["works"] for r in rows)


def test_conflicting_claims_are_the_june_1937_executions(built_store):
    rows = run(built_store, "claims-conflicting")
    pairs = {(r["date"], r["otherDate"]) for r in rows}
    assert pairs == {("1937-06-12", "1937-06-11")}
    victims = {r["event"].split("-")[1] for r in rows}
    assert {"tukhachevskii", "iakir", "putna", "primakov"} <= victims
    assert any(flat(r["otherQuote"]).startswith("The executions of Marshal Mikhail Tukhachevskii")
               for r in rows)
    assert any(flat(r["quote"]).startswith("All were executed on 12 June") for r in rows)


def test_count_by_type(built_store):
    counts = {r["type"]: int(r["events"]) for r in run(built_store, "events-count-by-type")}
    assert counts["Arrest"] >= 20 and counts["Execution"] >= 16 and counts["Letter"] >= 20
    assert {"Appointment", "Dismissal", "Report", "Suicide"} <= set(counts)


def test_timeline_of_1937_is_in_date_order(built_store):
    rows = run(built_store, "events-timeline-1937")
    dates = [r["earliest"] for r in rows]
    assert dates == sorted(dates) and all(d.startswith("1937") for d in dates)
    events = [r["event"] for r in rows]
    assert events.index("arrest-tukhachevskii-1937-05-22") < events.index(
        "execution-tukhachevskii-1937-06-12")


def test_what_happened_to_tukhachevskii(built_store):
    rows = run(built_store, "people-tukhachevskii-events")
    seen = {(r["type"], r["earliest"]) for r in rows}
    # removed on 10 May, arrested 22 May, expelled from the party 24 May 1937; deputy Chief
    # of Staff in July 1924.
    assert {("Dismissal", "1937-05-10"), ("Arrest", "1937-05-22"),
            ("Expulsion", "1937-05-24"), ("Appointment", "1924-07-01")} <= seen


def test_letters_to_stalin(built_store):
    rows = run(built_store, "events-letters-to-stalin")
    seen = {(r.get("author"), r["earliest"]) for r in rows}
    # "in December 1931, Gamarnik wrote to Stalin"; "On 2 November 1921 Voroshilov wrote to Stalin"
    assert ("gamarnik", "1931-12-01") in seen
    assert ("voroshilov", "1921-11-02") in seen


def test_correspondence_network(built_store):
    rows = run(built_store, "events-correspondence-network")
    counts = {(r["authorName"], r["recipientName"]): int(r["communications"]) for r in rows}
    assert counts[("Kliment Voroshilov", "Iosif Stalin")] >= 3
    assert counts[("Semen Budennyi", "Kliment Voroshilov")] >= 3


def test_military_district_commanders(built_store):
    rows = run(built_store, "posts-military-district-commanders")
    seen = {(r["name"], r["districtName"].split("(")[-1].rstrip(")")) for r in rows}
    # "Belov, now the commander of the BVO"; "Budennyi, then the commander of the MVO";
    # "I. I. Garkavyi, the commander of the UVO".
    assert {("Ivan Belov", "BVO"), ("Semen Budennyi", "MVO"), ("Ilia Garkavyi", "UVO")} <= seen


def test_all_posts(built_store):
    rows = run(built_store, "posts-all")
    # "Voroshilov, who became Peoples Commissar for Military and Naval Affairs in 1925"
    assert any(r["name"] == "Kliment Voroshilov" and r.get("start") == "1925"
               and r["role"].startswith("Peoples Commissar for Military") for r in rows)


def test_political_police_chiefs(built_store):
    rows = run(built_store, "posts-political-police-chiefs")
    # "On 25 September Iagoda was replaced by Ezhov as the head of the political police."
    assert any(r["name"] == "Nikolai Ezhov" and r.get("replacedName") == "Genrikh Iagoda"
               and r.get("earliest") == "1936-09-25" for r in rows)
    assert "Viacheslav Menzhinskii" in column(rows, "name")


def test_historians_views(built_store):
    rows = run(built_store, "historians-views")
    views = {(r["historian"], r["view"]) for r in rows}
    # "Priestland has argued that ideology was the prime force behind state violence."
    assert ("priestland", "ideology was the prime force behind state violence.") in views
    assert {"getty", "kantor", "conquest", "erickson"} <= column(rows, "historian")


def test_historians_who_saw_the_purge_as_stalins_drive_for_power(built_store):
    rows = run(built_store, "historians-views-stalin-power")
    # Introduction: "The most common interpretation sees Stalin launch a pre-planned military
    # purge ... as part of his domination through terror", footnote 4: Wollenberg, Shapiro,
    # Erickson, Conquest and others.
    assert {"conquest", "erickson", "wollenberg", "shapiro"} <= column(rows, "historian")


def test_claims_without_source(built_store):
    rows = run(built_store, "claims-without-source")
    assert rows
    kinds = column(rows, "kind")
    assert kinds <= {"SourcedStatement", "AuthorInterpretation", "HistoriographicalReport"}


def test_claims_by_chapter(built_store):
    rows = run(built_store, "claims-by-chapter-and-kind")
    per_part: dict[str, int] = {}
    for r in rows:
        per_part[r["part"]] = per_part.get(r["part"], 0) + int(r["claims"])
    assert set(per_part) >= {"intro", "ch1", "ch2", "ch3", "ch4", "ch5"}
    assert per_part["ch5"] == max(per_part.values())


def test_archival_files_behind_most_claims(built_store):
    rows = run(built_store, "claims-archival-files-most-used")
    assert rows and rows[0]["identifier"].startswith(("RGVA", "RGASPI"))
    counts = [int(r["claims"]) for r in rows]
    assert counts == sorted(counts, reverse=True)
    assert "RGVA, f. 4, op. 19, d. 16" in column(rows, "identifier")


def test_events_dated_by_context(built_store):
    rows = run(built_store, "events-dated-by-context")
    # "All were executed on 12 June." has no year: it is inferred.
    assert any(r["event"] == "execution-putna-1937-06-12" and r.get("yearInferred") == "true"
               for r in rows)
    # "The executions of ... caused international scandal." takes 11 June 1937 from context.
    assert any(r["event"] == "execution-putna-1937-06-11" and r.get("fromContext") == "true"
               for r in rows)


def test_appointments(built_store):
    rows = run(built_store, "events-appointments")
    seen = {(r["appointeeName"], r["earliest"]) for r in rows}
    # "On Trotskys resignation as War Commissar in January 1925, Mikhail Frunze was promoted"
    assert ("Mikhail Frunze", "1925-01-01") in seen
    assert ("Nikolai Ezhov", "1936-09-25") in seen


def test_deaths_other_than_executions(built_store):
    rows = run(built_store, "events-deaths-other-than-executions")
    seen = {(r["type"], r["name"], r["earliest"]) for r in rows}
    # "Gamarnik, who committed suicide on 31 May"; "the Kirov murder in December 1934".
    assert ("Suicide", "Ian Gamarnik", "1937-05-31") in seen
    assert any(t == "Assassination" and "Kirov" in n and d.startswith("1934-12")
               for t, n, d in seen)


def test_putna_arrest_quote(built_store, corpus_text):
    rows = run(built_store, "claims-putna-arrest-quote")
    # "He was eventually arrested on the 20 August.178"
    row = next(r for r in rows if r["event"] == "arrest-putna-1936-08-20")
    assert flat(row["quote"]).startswith("He was eventually arrested on the 20 August")
    assert corpus_text[int(row["start"]) : int(row["end"])] == row["quote"]
    assert row["footnote"] == "178"


def test_events_with_political_police(built_store):
    rows = run(built_store, "events-with-political-police")
    # "Later on 13 May members of the political police sent Ezhov a report"
    assert any(r["event"] == "report-political-police-1937-05-13" and r["role"] == "author"
               for r in rows)


def test_repression_by_month(built_store):
    rows = {r["month"]: int(r["events"]) for r in run(built_store, "events-repression-by-month")}
    assert rows["1937-05"] >= 8  # the May 1937 arrests, dismissals and expulsion
    assert rows["1937-06"] >= 8  # the June 1937 executions


def test_people_arrested_then_executed(built_store):
    rows = run(built_store, "people-arrested-then-executed")
    pairs = {(r["name"], r["arrested"], r["executed"]) for r in rows}
    assert ("Mikhail Tukhachevskii", "1937-05-22", "1937-06-12") in pairs
    assert ("Avgust Kork", "1937-05-14", "1937-06-12") in pairs


def test_sources_of_the_june_1937_execution_claims(built_store):
    rows = run(built_store, "claims-executions-june-1937-sources")
    claims = column(rows, "claim")
    assert any(c.startswith("intro-p1-s3-") for c in claims)
    assert any(c.startswith("ch5-") for c in claims)
    assert any("footnote" in r for r in rows)


def test_claims_attributed_to_author_and_historians(built_store):
    rows = run(built_store, "claims-attributed-to-author")
    counts = {r["attributedTo"]: int(r["claims"]) for r in rows}
    assert max(counts, key=counts.get) == "whitewood"
    assert counts.get("getty", 0) >= 3


def test_events_in_chapter_five(built_store):
    rows = run(built_store, "events-in-chapter-five")
    events = column(rows, "event")
    assert {"arrest-tukhachevskii-1937-05-22", "suicide-gamarnik-1937-05-31",
            "letter-budennyi-1936-08-22"} <= events
    assert "execution-putna-1937-06-11" not in events  # stated in the Introduction


def test_voroshilov_posts_and_letters(built_store):
    rows = run(built_store, "people-voroshilov-posts-and-letters")
    kinds = column(rows, "what")
    assert {"post", "letter written", "letter received"} <= kinds


def test_plenums_congresses_and_meetings(built_store):
    rows = run(built_store, "events-plenums-congresses-meetings")
    # "The Tenth Party Congress in March 1921"; "at a Plenum of the Central Committee in
    # February 1924"; "the Military Soviet met again between 1 and 4 June" (1937).
    names = {(r["type"], r["earliest"]) for r in rows}
    assert ("Plenum", "1921-03-01") in names and ("Plenum", "1924-02-01") in names
    assert ("Meeting", "1937-06-01") in names
    assert any(r["dateText"] == "23 to 29 June" and r["earliest"] == "1937-06-23" for r in rows)


def test_trials_and_defendants(built_store):
    rows = {r["earliest"]: r for r in run(built_store, "events-trials-and-defendants")}
    # Chapter Five: "On 11 June ... a group of the arrested officers were selected for trial" /
    # "The group chosen for the trial ... were Tukhachevskii, Iakir, Uborevich, Kork, Feldman,
    # Eideman, Primakov and Putna."
    june = rows["1937-06-11"]
    assert june["defendants"] == "8"
    assert "Tukhachevskii" in june["names"] and "Putna" in june["names"]
    # "The second Moscow show trial ... was held in January 1937" / "The defendants at the trial
    # included Sokolnikov, Radek and Piatakov".
    assert rows["1937-01-01"]["defendants"] == "3"


def test_uprisings(built_store):
    rows = run(built_store, "events-uprisings")
    found = {(r.get("leader"), r.get("place"), r["earliest"]) for r in rows}
    # "Muravev led a mutiny against the Bolsheviks in July 1918"
    assert ("muravev", None, "1918-07-01") in found
    # "peasant uprisings crushed by the Red Army occurred in Tambov in September 1920"
    assert (None, "tambov", "1920-09-01") in found
    assert any(r.get("institution") == "rkka" for r in rows if r.get("place") == "tambov")


def test_posts_with_start_dates(built_store):
    rows = run(built_store, "posts-with-start-dates")
    starts = {(r["person"], r["role"], r["start"]) for r in rows}
    # "He became deputy Chief of Staff in July 1924 and Chief of Staff in November 1925."
    assert ("tukhachevskii", "Chief of Staff of the Red Army", "1925-11") in starts
    assert ("tukhachevskii", "Deputy Chief of Staff of the Red Army", "1924-07") in starts
    # "On 25 September Iagoda was replaced by Ezhov as the head of the political police."
    assert ("ezhov", "head", "1936-09-25") in starts
