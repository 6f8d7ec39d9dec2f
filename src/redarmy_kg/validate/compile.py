"""Translate our SHACL shapes into SPARQL SELECT queries, one per constraint.

The translation covers the SHACL Core subset the shapes file declares (see its
header). Each query returns one row per validation result that pySHACL would
report for the same constraint, so both engines give the same counts per
(shape, constraint component); a test holds them to that.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import rdflib
from rdflib import RDF, BNode, Literal, URIRef
from rdflib.collection import Collection

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
TYPE_CLOSURE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>/<http://www.w3.org/2000/01/rdf-schema#subClassOf>*"

VALUE_COMPONENTS = {
    SH.datatype: "DatatypeConstraintComponent",
    SH["class"]: "ClassConstraintComponent",
    SH.nodeKind: "NodeKindConstraintComponent",
    SH.pattern: "PatternConstraintComponent",
    SH.minLength: "MinLengthConstraintComponent",
    SH["in"]: "InConstraintComponent",
    SH["not"]: "NotConstraintComponent",
    SH["or"]: "OrConstraintComponent",
}
NODE_KINDS = {
    SH.IRI: "isIRI({v})",
    SH.Literal: "isLiteral({v})",
    SH.BlankNode: "isBlank({v})",
    SH.BlankNodeOrIRI: "!isLiteral({v})",
    SH.IRIOrLiteral: "!isBlank({v})",
    SH.BlankNodeOrLiteral: "!isIRI({v})",
}
XSD = "http://www.w3.org/2001/XMLSchema#"
# An oxigraph store keeps every integer-derived literal as xsd:integer; these
# bounds let a datatype check accept the stored form of a value that was valid.
INTEGER_BOUNDS = {
    XSD + "nonNegativeInteger": ">= 0",
    XSD + "positiveInteger": ">= 1",
    XSD + "nonPositiveInteger": "<= 0",
    XSD + "negativeInteger": "<= -1",
}
SUPPORTED = set(VALUE_COMPONENTS) | {
    SH.path,
    SH.minCount,
    SH.maxCount,
    SH.hasValue,
    SH.lessThanOrEquals,
    SH.qualifiedValueShape,
    SH.qualifiedMinCount,
    SH.qualifiedMaxCount,
    SH.message,
    SH.property,
    SH.targetClass,
    SH.targetSubjectsOf,
    SH.severity,
    SH.flags,
    SH.name,
    SH.description,
    RDF.type,
}


class UnsupportedShape(ValueError):
    """A shape uses SHACL beyond the subset this translator handles."""


@dataclass(frozen=True)
class Check:
    """One constraint as a query: each row (?focus [?value]) is one result."""

    shape: str
    component: str
    message: str
    path: str | None
    query: str
    severity: str = "Violation"  # local name of the shape's sh:severity


def term(node: rdflib.term.Node) -> str:
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        return node.n3()
    raise UnsupportedShape(f"blank node {node} cannot be written into a query")


def compile_path(graph: rdflib.Graph, path: rdflib.term.Node) -> str:
    if isinstance(path, URIRef):
        return term(path)
    if (path, RDF.first, None) in graph:
        return "(" + "/".join(compile_path(graph, p) for p in Collection(graph, path)) + ")"
    for predicate, template in (
        (SH.inversePath, "^({})"),
        (SH.oneOrMorePath, "({})+"),
        (SH.zeroOrMorePath, "({})*"),
        (SH.zeroOrOnePath, "({})?"),
    ):
        inner = graph.value(path, predicate)
        if inner is not None:
            return template.format(compile_path(graph, inner))
    alternatives = graph.value(path, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(compile_path(graph, p) for p in Collection(graph, alternatives)) + ")"
    raise UnsupportedShape(f"unsupported path {path}")


def value_expression(graph: rdflib.Graph, shape: rdflib.term.Node, var: str) -> str:
    """A SPARQL expression true when the node in `var` conforms to `shape`."""
    parts = [
        constraint_expression(graph, shape, parameter, value, var)
        for parameter, value in sorted(graph.predicate_objects(shape))
        if parameter in VALUE_COMPONENTS
    ]
    path = graph.value(shape, SH.path)
    if path is not None:
        parts.extend(nested_property_expressions(graph, shape, compile_path(graph, path), var))
    return "(" + " && ".join(parts) + ")" if parts else "true"


def nested_property_expressions(
    graph: rdflib.Graph, shape: rdflib.term.Node, path: str, var: str
) -> Iterator[str]:
    """A property shape used inside sh:or/sh:not: only minCount 1 and hasValue."""
    min_count = graph.value(shape, SH.minCount)
    if min_count is not None:
        if int(min_count) != 1:
            raise UnsupportedShape(f"nested sh:minCount {min_count} (only 1 is supported)")
        yield f"EXISTS {{ {var} {path} ?_n }}"
    for value in graph.objects(shape, SH.hasValue):
        yield f"EXISTS {{ {var} {path} {term(value)} }}"


def constraint_expression(
    graph: rdflib.Graph,
    shape: rdflib.term.Node,
    parameter: rdflib.term.Node,
    value: rdflib.term.Node,
    var: str,
) -> str:
    if parameter == SH.datatype:
        exact = f"(isLiteral({var}) && datatype({var}) = {term(value)})"
        bound = INTEGER_BOUNDS.get(str(value))
        if bound is None:
            return exact
        stored = f"(isLiteral({var}) && datatype({var}) = <{XSD}integer> && {var} {bound})"
        return f"({exact} || {stored})"
    if parameter == SH["class"]:
        return f"EXISTS {{ {var} {TYPE_CLOSURE} {term(value)} }}"
    if parameter == SH.nodeKind:
        return NODE_KINDS[value].format(v=var)
    if parameter == SH.pattern:
        flags = graph.value(shape, SH.flags)
        flag_arg = f", {Literal(str(flags)).n3()}" if flags is not None else ""
        return f"(!isBlank({var}) && REGEX(STR({var}), {Literal(str(value)).n3()}{flag_arg}))"
    if parameter == SH.minLength:
        return f"(!isBlank({var}) && STRLEN(STR({var})) >= {int(value)})"
    if parameter == SH["in"]:
        options = [f"sameTerm({var}, {term(option)})" for option in Collection(graph, value)]
        return "(" + " || ".join(options) + ")" if options else "false"
    if parameter == SH["not"]:
        return f"!{value_expression(graph, value, var)}"
    if parameter == SH["or"]:
        members = [value_expression(graph, member, var) for member in Collection(graph, value)]
        return "(" + " || ".join(members) + ")"
    raise UnsupportedShape(f"unsupported parameter {parameter}")


def severity_of(graph: rdflib.Graph, shape: rdflib.term.Node) -> str:
    severity = graph.value(shape, SH.severity)
    return str(severity).removeprefix(str(SH)) if severity is not None else "Violation"


def is_text(var: str) -> str:
    """pySHACL compares IRIs and string literals as text, everything else by value."""
    return f'(isIRI({var}) || datatype({var}) = <{XSD}string> || lang({var}) != "")'


def target_pattern(graph: rdflib.Graph, node_shape: rdflib.term.Node) -> str:
    branches = [
        f"{{ ?focus {TYPE_CLOSURE} {term(cls)} }}"
        for cls in sorted(graph.objects(node_shape, SH.targetClass))
    ]
    branches += [
        f"{{ ?focus {term(prop)} ?_t }}"
        for prop in sorted(graph.objects(node_shape, SH.targetSubjectsOf))
    ]
    if not branches:
        raise UnsupportedShape(f"node shape {node_shape} has no target")
    return "{ SELECT DISTINCT ?focus WHERE { " + " UNION ".join(branches) + " } }"


def checks_for_property(
    graph: rdflib.Graph, prop: rdflib.term.Node, target: str, message: str
) -> Iterator[Check]:
    path = compile_path(graph, graph.value(prop, SH.path))
    shape = str(prop)
    severity = severity_of(graph, prop)

    def check(component: str, query: str) -> Check:
        return Check(shape, component, message, path, " ".join(query.split()), severity)

    values = f"{{ SELECT DISTINCT ?focus ?value WHERE {{ {target} ?focus {path} ?value }} }}"
    optional_values = (
        f"{{ SELECT DISTINCT ?focus ?value WHERE {{ {target} "
        f"OPTIONAL {{ ?focus {path} ?value }} }} }}"
    )
    for bound, component, operator in (
        (SH.minCount, "MinCountConstraintComponent", "<"),
        (SH.maxCount, "MaxCountConstraintComponent", ">"),
    ):
        limit = graph.value(prop, bound)
        if limit is not None:
            yield check(
                component,
                f"SELECT ?focus WHERE {{ {{ SELECT ?focus (COUNT(?value) AS ?n) WHERE "
                f"{{ {optional_values} }} GROUP BY ?focus }} FILTER(?n {operator} {int(limit)}) }}",
            )
    for parameter, value in sorted(graph.predicate_objects(prop)):
        if parameter in VALUE_COMPONENTS:
            expression = constraint_expression(graph, prop, parameter, value, "?value")
            yield check(
                VALUE_COMPONENTS[parameter],
                f"SELECT ?focus ?value WHERE {{ {values} FILTER(!COALESCE({expression}, false)) }}",
            )
    for value in sorted(graph.objects(prop, SH.hasValue)):
        # MINUS, not FILTER NOT EXISTS: pyoxigraph re-evaluates a correlated
        # NOT EXISTS with a path per row (50 s instead of 0.1 s on the thesis).
        yield check(
            "HasValueConstraintComponent",
            f"SELECT ?focus WHERE {{ {target} MINUS {{ ?focus {path} {term(value)} }} }}",
        )
    # Like pySHACL, a value that cannot be compared (a date and a gYear) is not
    # reported here, but a text compared with a non-text is.
    for other in sorted(graph.objects(prop, SH.lessThanOrEquals)):
        yield check(
            "LessThanOrEqualsConstraintComponent",
            f"SELECT ?focus ?value WHERE {{ {values} ?focus {term(other)} ?other "
            f"FILTER({is_text('?value')} != {is_text('?other')} "
            f"|| !COALESCE(?value <= ?other, true)) }}",
        )
    qualified = graph.value(prop, SH.qualifiedValueShape)
    if qualified is not None:
        expression = value_expression(graph, qualified, "?value")
        counted = (
            f"{{ SELECT ?focus (SUM(IF(BOUND(?value) && COALESCE({expression}, false), 1, 0)) "
            f"AS ?n) WHERE {{ {optional_values} }} GROUP BY ?focus }}"
        )
        for bound, component, operator in (
            (SH.qualifiedMinCount, "QualifiedMinCountConstraintComponent", "<"),
            (SH.qualifiedMaxCount, "QualifiedMaxCountConstraintComponent", ">"),
        ):
            limit = graph.value(prop, bound)
            if limit is not None:
                query = f"SELECT ?focus WHERE {{ {counted} FILTER(?n {operator} {int(limit)}) }}"
                yield check(component, query)


def checks_for_node_shape(graph: rdflib.Graph, node_shape: rdflib.term.Node) -> Iterator[Check]:
    unsupported = set(graph.predicates(node_shape)) - SUPPORTED
    if unsupported:
        raise UnsupportedShape(f"{node_shape} uses {sorted(unsupported)}")
    target = target_pattern(graph, node_shape)
    message = str(graph.value(node_shape, SH.message) or "")
    for parameter, value in sorted(graph.predicate_objects(node_shape)):
        if parameter in VALUE_COMPONENTS:
            expression = constraint_expression(graph, node_shape, parameter, value, "?focus")
            yield Check(
                str(node_shape),
                VALUE_COMPONENTS[parameter],
                message,
                None,
                f"SELECT ?focus WHERE {{ {target} FILTER(!COALESCE({expression}, false)) }}",
                severity_of(graph, node_shape),
            )
    for prop in sorted(graph.objects(node_shape, SH.property)):
        if isinstance(prop, BNode):
            raise UnsupportedShape(f"property shape of {node_shape} must have an IRI")
        unsupported = set(graph.predicates(prop)) - SUPPORTED
        if unsupported:
            raise UnsupportedShape(f"{prop} uses {sorted(unsupported)}")
        prop_message = str(graph.value(prop, SH.message) or message)
        yield from checks_for_property(graph, prop, target, prop_message)


def compile_shapes(graph: rdflib.Graph) -> list[Check]:
    """Every constraint of every node shape in `graph`, as a SPARQL check."""
    checks: list[Check] = []
    for node_shape in sorted(graph.subjects(RDF.type, SH.NodeShape)):
        checks.extend(checks_for_node_shape(graph, node_shape))
    return checks
