"""Finding SERVICE clauses, updates and dataset clauses in a query without being fooled."""

from __future__ import annotations

import pytest

from redarmy_kg.server.query_scan import refused_services, scan_query

ALLOWED = ("https://query.wikidata.org/sparql",)


@pytest.mark.parametrize(("query", "written", "iri"), [
    ("SELECT * { SERVICE <http://a/s> { ?x ?y ?z } }", "<http://a/s>", "http://a/s"),
    ("select * { service <http://a/s> { } }", "<http://a/s>", "http://a/s"),
    ("SELECT * { SeRvIcE sIlEnT <http://a/s> { } }", "<http://a/s>", "http://a/s"),
    ("SELECT * { SERVICE ?endpoint { } }", "?endpoint", None),
    ("SELECT * { SERVICE $endpoint { } }", "$endpoint", None),
    ("PREFIX e: <http://a/> SELECT * { SERVICE e:s { } }", "e:s", "http://a/s"),
    ("PREFIX : <http://a/> SELECT * { SERVICE :s { } }", ":s", "http://a/s"),
    ("SELECT * { SERVICE undeclared:s { } }", "undeclared:s", None),
    ("BASE <http://a/b/> SELECT * { SERVICE <s> { } }", "<s>", "http://a/b/s"),
    ("SELECT * { SERVICE <s> { } }", "<s>", None),
    ("SELECT * {\n# } comment\nSERVICE<http://a/s>{} }", "<http://a/s>", "http://a/s"),
    ("SELECT * { ?s ?p '''it's\n''' SERVICE <http://a/s> {} }", "<http://a/s>", "http://a/s"),
    ("SELECT * { FILTER(?a<?b) SERVICE <http://a/s> {} }", "<http://a/s>", "http://a/s"),
    (r"SELECT * { SERVIC\u0045 <http://a/s> {} }", "<http://a/s>", "http://a/s"),
    (r"SELECT * { SERVICE <http://a/\u0073> {} }", "<http://a/s>", "http://a/s"),
])
def test_service_targets_are_found(query: str, written: str, iri: str | None) -> None:
    targets = scan_query(query).services
    assert [(t.written, t.iri) for t in targets][-1] == (written, iri)
    assert refused_services(scan_query(query), ALLOWED)


@pytest.mark.parametrize("query", [
    'SELECT * { ?s ?p "SERVICE <http://a/s> {}" }',
    "SELECT * { ?s ?p 'service <http://a/s>' }",
    'SELECT * { ?s ?p """multi\nline SERVICE <http://a/s> {}""" }',
    "SELECT * { ?s ?p ?o } # SERVICE <http://a/s> {}",
    "SELECT ?service { ?service <http://a/SERVICE> ?o }",
    "PREFIX service: <http://a/> SELECT * { ?s service:x ?o }",
    'SELECT * { ?s ?p "say \\"SERVICE <http://a/s> {}\\"" }',
])
def test_the_word_elsewhere_is_not_a_service(query: str) -> None:
    assert scan_query(query).services == []


def test_allow_listed_endpoints_pass_and_others_do_not() -> None:
    allowed = "SELECT * { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }"
    assert refused_services(scan_query(allowed), ALLOWED) == []
    mixed = allowed.replace("}", "} SERVICE <http://10.0.0.1/> { } ", 1)
    assert [t.iri for t in refused_services(scan_query(mixed), ALLOWED)] == ["http://10.0.0.1/"]


@pytest.mark.parametrize(("query", "form"), [
    ("PREFIX a: <http://a/> SELECT * {}", "SELECT"),
    ("BASE <http://a/> ASK {}", "ASK"),
    ("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
    ("describe <http://a/>", "DESCRIBE"),
    ("INSERT DATA { <a> <b> <c> }", "UPDATE"),
    ("PREFIX a: <http://a/> delete where { ?s ?p ?o }", "UPDATE"),
    ("LOAD <http://a/x.ttl>", "UPDATE"),
    ("# SELECT\nCLEAR ALL", "UPDATE"),
])
def test_query_form(query: str, form: str) -> None:
    assert scan_query(query).form == form


def test_dataset_clauses_are_noticed() -> None:
    assert scan_query("SELECT * FROM <http://g/> { ?s ?p ?o }").has_dataset_clause
    assert scan_query("SELECT * FROM NAMED <http://g/> { ?s ?p ?o }").has_dataset_clause
    assert not scan_query('SELECT * { ?s ?p "FROM" }').has_dataset_clause
