"""Bibliography entries -> works: imprint mending on hand-made entries."""

from __future__ import annotations

from redarmy_kg.bibliography import parse_bibliography
from redarmy_kg.structure.model import BibEntry, Span, TextBlock


def entry(n: int, text: str) -> BibEntry:
    block = TextBlock(text, list(range(len(text))), (Span(0, len(text)),))
    return BibEntry(f"bibliography/1/{n}", "Books and Journal Articles", 1, n, block)


def test_publisher_and_place_printed_the_wrong_way_round_are_swapped_back() -> None:
    works = parse_bibliography([
        entry(1, "Rayfield, Donald, Stalin and his Hangmen (Viking: London, 2004)"),
        entry(2, "Figes, Orlando, A Peoples Tragedy (London: Jonathan Cape, 1996)"),
        entry(3, "Thatcher, Ian, Trotsky (London: Routledge, 2002)"),
        entry(4, "Chaney, Otto, Zhukov (Norman, Okla.: University of Oklahoma Press, 1996)"),
    ]).works
    imprints = [(w.place, w.publisher, "imprint-swapped" in w.flags) for w in works]
    assert imprints == [
        ("London", "Viking", True),
        ("London", "Jonathan Cape", False),
        ("London", "Routledge", False),
        ("Norman, Okla.", "University of Oklahoma Press", False),
    ]


def test_swapped_imprint_is_a_finding() -> None:
    from redarmy_kg.citations import extract_from_footnotes

    bibliography = parse_bibliography([
        entry(1, "Rayfield, Donald, Stalin and his Hangmen (Viking: London, 2004)"),
        entry(2, "Figes, Orlando, A Peoples Tragedy (London: Jonathan Cape, 1996)"),
    ])
    findings = extract_from_footnotes([], bibliography).findings
    swapped = [f for f in findings if f["kind"] == "imprint-swapped"]
    assert [f["detail"] for f in swapped] == [
        "publisher and place printed the wrong way round; read as London: Viking"]
