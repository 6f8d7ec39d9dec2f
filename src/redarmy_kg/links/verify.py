"""Check every published Wikidata link against a live (or local) SPARQL endpoint.

For each confirmed mapping the endpoint must know the item, one of its English
or Russian labels must equal the `object_label` we recorded, and for people its
date of birth (P569) and death (P570) must fall in the years we recorded. The
query reads `rdfs:label` and `wdt:` truthy statements exactly as the Wikidata
Query Service exposes them, so a local endpoint loaded with data of the same
shape stands in for Wikidata in tests.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlparse

from SPARQLWrapper import GET, JSON, SPARQLWrapper
from SPARQLWrapper import __version__ as sparqlwrapper_version

from redarmy_kg import __version__
from redarmy_kg.errors import BadInput
from redarmy_kg.links.sssom import WikidataLink

DEFAULT_ENDPOINT = "https://query.wikidata.org/sparql"
DEFAULT_TIMEOUT_S = 60
BATCH_SIZE = 50
LABEL_LANGUAGES = ("en", "ru")

_YEAR = re.compile(r"^([+-]?[0-9]{1,6})-")


class EndpointError(BadInput):
    """The endpoint cannot be reached or does not answer the query (exit 2)."""


@dataclass(frozen=True)
class ItemFacts:
    """What the endpoint says about one item: labels by language, life years."""

    qid: str
    labels: dict[str, tuple[str, ...]] = field(default_factory=dict)
    birth_years: frozenset[int] = frozenset()
    death_years: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Mismatch:
    link: WikidataLink
    check: str
    expected: str
    found: str

    def line(self) -> str:
        return (
            f"row {self.link.row}: {self.link.subject_id} -> {self.link.qid}: {self.check} "
            f"expected {self.expected}, found {self.found}"
        )


@dataclass
class VerifyReport:
    endpoint: str
    checked: list[WikidataLink]
    mismatches: list[Mismatch]

    @property
    def ok(self) -> bool:
        return not self.mismatches

    def summary_line(self) -> str:
        bad = len({m.link.subject_id for m in self.mismatches})
        return f"checked {len(self.checked)} published links at {self.endpoint}: {bad} mismatched"


def user_agent() -> str:
    """Wikimedia asks every client to name itself and say where to reach its makers."""
    return (
        f"redarmy-kg/{__version__} (https://w3id.org/redarmy-kg/; Wikidata link checker) "
        f"SPARQLWrapper/{sparqlwrapper_version}"
    )


def verify_links(
    links: Iterable[WikidataLink],
    endpoint: str = DEFAULT_ENDPOINT,
    timeout_s: int = DEFAULT_TIMEOUT_S,
) -> VerifyReport:
    """Fetch the facts of every published link's item and compare them with the mapping."""
    published = [link for link in links if link.published]
    facts = fetch_facts([link.qid for link in published if link.qid], endpoint, timeout_s)
    mismatches = [
        mismatch
        for link in published
        for mismatch in compare(link, facts.get(link.qid or "", ItemFacts(qid=link.qid or "")))
    ]
    return VerifyReport(endpoint=endpoint, checked=published, mismatches=mismatches)


def compare(link: WikidataLink, facts: ItemFacts) -> list[Mismatch]:
    """The differences between one mapping row and what the endpoint knows of its item."""
    if not facts.labels and not facts.birth_years and not facts.death_years:
        return [Mismatch(link, "item", "an item with labels", "nothing at the endpoint")]
    mismatches = []
    found_labels = [label for lang in LABEL_LANGUAGES for label in facts.labels.get(lang, ())]
    if normalise(link.object_label) not in {normalise(label) for label in found_labels}:
        shown = "; ".join(
            f"{lang}={label!r}" for lang in LABEL_LANGUAGES for label in facts.labels.get(lang, ())
        )
        mismatches.append(
            Mismatch(link, "label (en/ru)", repr(link.object_label), shown or "no en/ru label")
        )
    if link.subject_kind == "person":
        born, died = facts.birth_years, facts.death_years
        mismatches += _year_mismatches(link, "birth year (P569)", link.birth_year, born)
        mismatches += _year_mismatches(link, "death year (P570)", link.death_year, died)
    return mismatches


def _year_mismatches(
    link: WikidataLink, check: str, expected: int | None, found: frozenset[int]
) -> list[Mismatch]:
    if expected is None or expected in found:
        return []
    shown = ", ".join(str(year) for year in sorted(found)) or "no date"
    return [Mismatch(link, check, str(expected), shown)]


def normalise(label: str) -> str:
    """Case-, accent- and spacing-insensitive form of a label."""
    decomposed = unicodedata.normalize("NFKD", label)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


def fetch_facts(qids: Sequence[str], endpoint: str, timeout_s: int) -> dict[str, ItemFacts]:
    """Labels and life years of the items, asked in batches of `BATCH_SIZE`."""
    _check_endpoint_url(endpoint)
    facts: dict[str, ItemFacts] = {}
    unique = sorted(set(qids), key=lambda qid: int(qid[1:]))
    for start in range(0, len(unique), BATCH_SIZE):
        batch = unique[start : start + BATCH_SIZE]
        bindings = _run_query(endpoint, facts_query(batch), timeout_s)
        facts.update(facts_from_bindings(batch, bindings))
    return facts


def facts_query(qids: Sequence[str]) -> str:
    """One query for a batch; UNION keeps labels and dates from multiplying each other."""
    values = " ".join(f"wd:{qid}" for qid in qids)
    languages = ", ".join(f'"{lang}"' for lang in LABEL_LANGUAGES)
    return f"""PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?item ?label ?birth ?death WHERE {{
  VALUES ?item {{ {values} }}
  {{ ?item rdfs:label ?label FILTER(LANG(?label) IN ({languages})) }}
  UNION {{ ?item wdt:P569 ?birth }}
  UNION {{ ?item wdt:P570 ?death }}
}}"""


def facts_from_bindings(qids: Sequence[str], bindings: list[dict]) -> dict[str, ItemFacts]:
    labels: dict[str, dict[str, set[str]]] = {qid: {} for qid in qids}
    births: dict[str, set[int]] = {qid: set() for qid in qids}
    deaths: dict[str, set[int]] = {qid: set() for qid in qids}
    for binding in bindings:
        qid = binding["item"]["value"].rsplit("/", 1)[-1]
        if qid not in labels:
            continue
        if "label" in binding:
            lang = binding["label"].get("xml:lang", "")
            labels[qid].setdefault(lang, set()).add(binding["label"]["value"])
        for name, years in (("birth", births), ("death", deaths)):
            year = _year_of(binding.get(name))
            if year is not None:
                years[qid].add(year)
    return {
        qid: ItemFacts(
            qid=qid,
            labels={lang: tuple(sorted(values)) for lang, values in sorted(labels[qid].items())},
            birth_years=frozenset(births[qid]),
            death_years=frozenset(deaths[qid]),
        )
        for qid in qids
    }


def _year_of(term: dict | None) -> int | None:
    """The year of an xsd:dateTime/date literal; None for 'unknown value' blank nodes."""
    if not term or term.get("type") not in ("literal", "typed-literal"):
        return None
    match = _YEAR.match(term["value"])
    return int(match.group(1)) if match else None


def _check_endpoint_url(endpoint: str) -> None:
    parsed = urlparse(endpoint)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise EndpointError(f"endpoint {endpoint!r} is not an http(s) URL")


def _run_query(endpoint: str, query: str, timeout_s: int) -> list[dict]:
    client = SPARQLWrapper(endpoint, agent=user_agent())
    client.setMethod(GET)
    client.setReturnFormat(JSON)
    client.setTimeout(timeout_s)
    client.setQuery(query)
    try:
        result = client.queryAndConvert()
    except Exception as error:  # noqa: BLE001 - urllib, socket and SPARQLWrapper errors alike
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise EndpointError(f"cannot query {endpoint}: {reason}") from error
    if not isinstance(result, dict) or "results" not in result:
        raise EndpointError(f"{endpoint} did not answer with SPARQL JSON results")
    return list(result["results"]["bindings"])
