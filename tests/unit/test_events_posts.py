"""Posts and memberships on hand-made sentences: apposition, title, predicate, appointment."""

from __future__ import annotations

from redarmy_kg.events.model import EntityRef
from redarmy_kg.events.posts import find_posts, group_memberships
from redarmy_kg.events.stage import appointments_from_posts

from .events_fixtures import paragraph

POST_ORGS = frozenset({EntityRef("org", "pur"), EntityRef("org", "kvo"), EntityRef("org", "nkvd")})


def posts_of(*texts: str, earlier: tuple[str, ...] = ()):
    return [p for s in paragraph(*texts, earlier=earlier) for p in find_posts(s, POST_ORGS)]


def summary(posts):
    return [
        (
            p.person.key,
            p.role,
            p.organization.key if p.organization else None,
            p.date.value if p.date else None,
            p.starts,
        )
        for p in posts
    ]


def test_apposition_after_the_name():
    found = posts_of("On 14 July 1937 Iakir, now the commander of the KVO, wrote a report.")
    assert summary(found) == [("iakir", "commander", "kvo", "1937-07-14", False)]


def test_title_before_the_name_and_fixed_organisation():
    found = posts_of("In 1936 Peoples Commissar for Defence Voroshilov spoke.")
    assert summary(found) == [("voroshilov", "peoples-commissar-for-defence", "nko", "1936", False)]


def test_predicate_with_a_start_verb_is_also_an_appointment():
    found = posts_of("Gamarnik became head of PUR in 1929.")
    assert summary(found) == [("gamarnik", "head", "pur", "1929", True)]
    (appointment,) = appointments_from_posts(found, [])
    assert appointment.type == "appointment"
    assert appointment.institutions == (EntityRef("org", "pur"),)


def test_former_post_gets_no_date_and_unknown_organisation_no_post():
    assert summary(posts_of("In 1937 Iakir, the former commander of the KVO, spoke.")) == [
        ("iakir", "commander", "kvo", None, False)
    ]
    assert posts_of("In 1937 Iakir, the head of the Moscow zoo, spoke.") == []


def test_mentions_of_one_post_make_one_membership():
    found = posts_of("Gamarnik became head of PUR in 1929.", "As head of PUR, Gamarnik spoke.")
    memberships = group_memberships(found)
    assert [(m.key, len(m.mentions)) for m in memberships] == [("gamarnik-head-pur", 2)]


def test_second_post_joined_by_and_has_the_same_holder_and_its_own_date():
    found = posts_of(
        "Tukhachevskii became deputy Chief of Staff in July 1924 and Chief of Staff in "
        "November 1925."
    )
    assert summary(found) == [
        ("tukhachevskii", "deputy-chief-of-staff", "rkka", "1924-07", True),
        ("tukhachevskii", "chief-of-staff", "rkka", "1925-11", True),
    ]


def test_successor_named_after_replaced_by_takes_the_post():
    found = posts_of("On 25 September 1936 Iagoda was replaced by Ezhov as the head of the NKVD.")
    assert [(p.person.key, p.starts, p.date.value) for p in found] == [
        ("ezhov", True, "1936-09-25")
    ]
