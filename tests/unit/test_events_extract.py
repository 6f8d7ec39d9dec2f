"""Event rules on hand-made sentences: voice, lists, several events, pronouns, restraint."""

from __future__ import annotations

from redarmy_kg.events.extract import extract_sentence
from redarmy_kg.events.model import EntityRef
from redarmy_kg.events.triggers import load_event_types

from .events_fixtures import paragraph


def events_of(*texts: str, earlier: tuple[str, ...] = ()):
    sentences = paragraph(*texts, earlier=earlier)
    return [m for s in sentences for m in extract_sentence(s, load_event_types())]


def summary(mentions):
    return sorted(
        (m.type, tuple((p.role, p.entity.key) for p in m.participants), m.date.value)
        for m in mentions
    )


def test_passive_voice_with_agent():
    found = events_of("On 20 August 1936 Putna was arrested by the NKVD.")
    assert summary(found) == [("arrest", (("victim", "putna"), ("agent", "nkvd")), "1936-08-20")]


def test_active_voice_agent_and_victim():
    found = events_of("In May 1937 the NKVD arrested Tukhachevskii.")
    assert summary(found) == [
        ("arrest", (("victim", "tukhachevskii"), ("agent", "nkvd")), "1937-05")
    ]


def test_list_after_noun_gives_one_arrest_each():
    found = events_of("The arrests of Primakov, Putna and Shmidt in the summer of 1936 followed.")
    assert summary(found) == [
        ("arrest", (("victim", "primakov"),), "1936"),
        ("arrest", (("victim", "putna"),), "1936"),
        ("arrest", (("victim", "shmidt"),), "1936"),
    ]


def test_several_events_in_one_sentence_take_their_nearest_dates():
    found = events_of(
        "Putna was arrested in August 1936 and Tukhachevskii was executed on 12 June 1937."
    )
    assert summary(found) == [
        ("arrest", (("victim", "putna"),), "1936-08"),
        ("execution", (("victim", "tukhachevskii"),), "1937-06-12"),
    ]


def test_pronoun_refers_to_the_single_person_of_the_previous_sentence():
    found = events_of("Putna returned from London in 1936.", "In August he was arrested.")
    assert summary(found) == [("arrest", (("victim", "putna"),), "1936-08")]
    assert found[0].date.inferred_year


def test_pronoun_with_two_candidates_is_left_out():
    found = events_of("Putna met Primakov in 1936.", "In August he was arrested.")
    assert [m for m in found if m.type == "arrest"] == []


def test_all_refers_to_the_list_of_the_previous_sentence():
    found = events_of(
        "The group chosen for the trial were Tukhachevskii, Iakir and Putna.",
        "All were executed on 12 June.",
        earlier=("The plenum met in 1937.",),
    )
    executions = [m for m in found if m.type == "execution"]
    assert summary(executions) == [
        ("execution", (("victim", key),), "1937-06-12")
        for key in ("iakir", "putna", "tukhachevskii")
    ]


def test_possessive_noun():
    found = events_of("Putnas arrest in August 1936 alarmed the army.")
    assert summary(found) == [("arrest", (("victim", "putna"),), "1936-08")]


def test_letter_author_and_recipient():
    found = events_of("On 22 August 1936 Budennyi wrote to Voroshilov about the cavalry.")
    assert summary(found) == [
        ("letter", (("author", "budennyi"), ("recipient", "voroshilov")), "1936-08-22")
    ]


def test_replaced_gives_appointee_and_replaced_person():
    found = events_of(
        "On 25 September Iagoda was replaced by Ezhov.", earlier=("In 1936 much changed.",)
    )
    assert summary(found) == [
        ("appointment", (("appointee", "ezhov"), ("replacedPerson", "iagoda")), "1936-09-25")
    ]


def test_negated_and_hypothetical_statements_yield_nothing():
    assert events_of("In 1936 Putna was not arrested.") == []
    assert events_of("In 1936 Putna could have been arrested.") == []


def test_no_date_anywhere_yields_nothing():
    assert events_of("Putna was arrested.") == []


def test_date_taken_from_previous_sentence_is_flagged():
    found = events_of(
        "On 11 June 1937 a closed court sat.",
        "The executions of Tukhachevskii and Iakir caused scandal.",
    )
    assert summary(found) == [
        ("execution", (("victim", "iakir"),), "1937-06-11"),
        ("execution", (("victim", "tukhachevskii"),), "1937-06-11"),
    ]
    assert all(m.date_from_context for m in found)


def test_pluperfect_does_not_take_the_sentence_date():
    assert events_of("In 1937 Voroshilov recalled that Putna had been arrested.") == []


def test_historians_view_yields_no_event():
    sentences = paragraph("Conquest argued that Stalin executed Tukhachevskii in 1937.")
    sentences[0].reports_view = True
    assert extract_sentence(sentences[0], load_event_types()) == []


def test_second_verb_of_a_coordination_takes_the_first_verbs_subject():
    found = events_of("On 14 May 1937 Kork was removed from his position and arrested.")
    assert ("arrest", (("victim", "kork"),), "1937-05-14") in summary(found)


def test_plenum_of_a_body_and_party_congress():
    found = events_of(
        "At a Plenum of the Central Committee in February 1924 Gamarnik spoke.",
        "The Tenth Party Congress in March 1921 laid the foundations.",
    )
    assert summary(found) == [
        ("plenum", (("organiser", "communist-party"),), "1921-03"),
        ("plenum", (("organiser", "tsk"),), "1924-02"),
    ]


def test_a_body_that_meets_but_not_a_person_alone():
    found = events_of("The Military Soviet met again in October 1936.", "Stalin met in 1936.")
    assert summary(found) == [("meeting", (("organiser", "military-soviet"),), "1936-10")]


def test_people_listed_after_were_are_the_defendants_of_one_trial():
    found = events_of(
        "On 11 June 1937 a group of officers were selected for trial.",
        "The group chosen for the trial were Tukhachevskii, Iakir, Kork and Putna.",
    )
    assert summary(found) == [
        (
            "trial",
            (
                ("defendant", "tukhachevskii"),
                ("defendant", "iakir"),
                ("defendant", "kork"),
                ("defendant", "putna"),
            ),
            "1937-06-11",
        )
    ]
    assert found[0].date_from_context


def test_a_described_name_after_included_is_the_victim():
    found = events_of(
        "Other arrests at this time included the deputy commander of the LVO, Primakov, "
        "on 14 August 1936, who had been watched since 1933."
    )
    assert summary(found) == [("arrest", (("victim", "primakov"),), "1936-08-14")]


def test_included_after_a_clause_break_is_not_read():
    found = events_of(
        "Radek testified during interrogation in December 1936 to a plot which apparently "
        "included Primakov and Putna."
    )
    assert found == []


def test_adverb_between_auxiliary_and_passive_verb():
    found = events_of("Tukhachevskii was fully rehabilitated in May 1932.")
    assert summary(found) == [("rehabilitation", (("victim", "tukhachevskii"),), "1932-05")]


def test_a_guessing_sentence_lends_no_date():
    found = events_of(
        "In early May 1937 Stalin must have felt action was needed.",
        "Only Kork was arrested in the first instance.",
    )
    assert found == []


def test_an_uprising_told_by_its_place_or_its_leader():
    found = events_of(
        "The mutiny at the Moscow naval fortress during February and March 1921 was crushed.",
        "Kork led a mutiny against the Bolsheviks in July 1918.",
        "Following the Moscow rebellion similar methods were used on the Don in 1921.",
        "An uprising crushed by the NKVD occurred in Moscow in September 1920.",
    )
    assert summary(found) == [
        ("uprising", (("organiser", "kork"),), "1918-07"),
        ("uprising", (("place", "moscow"),), "1920-09"),
    ]
    assert found[-1].institutions == (EntityRef("org", "nkvd"),)


def test_an_institution_abolished_is_a_reorganisation():
    found = events_of(
        "At the end of April 1937 the Politburo was abolished and replaced by a committee.",
        "A department was formed in October 1920.",
    )
    assert summary(found) == [("reorganisation", (("institution", "politburo"),), "1937-04")]


def test_under_interrogation_opening_the_sentence_names_the_interrogated():
    found = events_of(
        "Under interrogation at the end of April 1937, Putna and Primakov gave evidence.",
        "Stalin read the details of the interrogations of Kork on 10 September 1937.",
    )
    assert summary(found) == [
        ("interrogation", (("victim", "primakov"),), "1937-04"),
        ("interrogation", (("victim", "putna"),), "1937-04"),
    ]


def test_an_annulled_appointment_and_an_expulsion_from_a_body_are_not_read():
    found = events_of(
        "On 15 May 1937 Kork's appointment as commander of the KVO was annulled.",
        "In December 1930 Putna was expelled from the Central Committee.",
        "Under interrogation Shmidt named his fellow participants.",
    )
    assert found == []
