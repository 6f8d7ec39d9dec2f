"""A careful look at a SPARQL request before it reaches the engine.

pyoxigraph would evaluate `SERVICE <url>` by fetching any URL a user names, so
SERVICE clauses must be found before evaluation. A keyword search would be
fooled by `"service"` in a string, a comment or an IRI, so the query is split
into SPARQL tokens first: strings, IRIs, comments, variables and prefixed names
are single tokens and only bare keywords count.

The scan fails closed: it is run on the query as written and on the query with
its `\\uXXXX` codepoint escapes decoded, and a SERVICE found by either counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][A-Za-z0-9_\u00B7-\uFFFF]+)
  | (?P<pname>(?:[A-Za-z\u00C0-\uFFFF][\w.\-\u00B7-\uFFFF]*)?:
              (?:[\w\-:%\\\u00B7-\uFFFF]|\.(?=[\w\-:%]))*)
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")

UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)
QUERY_FORMS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})


@dataclass(frozen=True)
class Token:
    kind: str
    text: str


@dataclass(frozen=True)
class ServiceTarget:
    """What a SERVICE clause names: an absolute IRI, or None for a variable/unresolvable name."""

    iri: str | None
    written: str


@dataclass
class QueryScan:
    form: str | None = None
    """SELECT, ASK, CONSTRUCT, DESCRIBE, UPDATE, or None when no form keyword was seen."""
    services: list[ServiceTarget] = field(default_factory=list)
    has_dataset_clause: bool = False
    """FROM / FROM NAMED present: the query picks its own default graph."""


def tokenize(query: str) -> list[Token]:
    tokens = []
    for match in _TOKEN.finditer(query):
        kind = match.lastgroup or "other"
        if kind not in ("ws", "comment"):
            tokens.append(Token(kind, match.group()))
    return tokens


def decode_codepoint_escapes(query: str) -> str:
    def replace(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF else match.group()

    return _ESCAPE.sub(replace, query)


def scan_query(query: str) -> QueryScan:
    """Scan the query as written and with escapes decoded; merge what either saw."""
    first = _scan_tokens(tokenize(query))
    decoded = decode_codepoint_escapes(query)
    if decoded == query:
        return first
    second = _scan_tokens(tokenize(decoded))
    services = first.services + [s for s in second.services if s not in first.services]
    return QueryScan(
        form=first.form or second.form,
        services=services,
        has_dataset_clause=first.has_dataset_clause or second.has_dataset_clause,
    )


def refused_services(scan: QueryScan, allowed: tuple[str, ...]) -> list[ServiceTarget]:
    """The SERVICE targets not on the allow-list (variables are never allowed)."""
    return [s for s in scan.services if s.iri is None or s.iri not in allowed]


def _scan_tokens(tokens: list[Token]) -> QueryScan:
    scan = QueryScan()
    prefixes: dict[str, str] = {}
    base: str | None = None
    for index, token in enumerate(tokens):
        word = token.text.upper() if token.kind == "word" else ""
        if word == "PREFIX" and index + 2 < len(tokens):
            name, iri = tokens[index + 1], tokens[index + 2]
            if name.kind == "pname" and iri.kind == "iri":
                prefixes[name.text.rstrip(":")] = _resolve(iri.text[1:-1], base) or ""
        elif word == "BASE" and index + 1 < len(tokens) and tokens[index + 1].kind == "iri":
            base = _resolve(tokens[index + 1].text[1:-1], base)
        elif word in QUERY_FORMS | UPDATE_KEYWORDS and scan.form is None:
            scan.form = "UPDATE" if word in UPDATE_KEYWORDS else word
        elif word == "FROM":
            scan.has_dataset_clause = True
        elif word == "SERVICE":
            scan.services.append(_service_target(tokens, index + 1, prefixes, base))
    return scan


def _service_target(
    tokens: list[Token], index: int, prefixes: dict[str, str], base: str | None
) -> ServiceTarget:
    if index < len(tokens) and tokens[index].text.upper() == "SILENT":
        index += 1
    if index >= len(tokens):
        return ServiceTarget(None, "")
    token = tokens[index]
    if token.kind == "iri":
        return ServiceTarget(_resolve(token.text[1:-1], base), token.text)
    if token.kind == "pname":
        prefix, _, local = token.text.partition(":")
        namespace = prefixes.get(prefix)
        iri = namespace + local.replace("\\", "") if namespace else None
        return ServiceTarget(iri, token.text)
    return ServiceTarget(None, token.text)


def _resolve(iri: str, base: str | None) -> str | None:
    """An absolute IRI, or None when it is relative and there is nothing to resolve against."""
    if re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*:", iri):
        return iri
    return urljoin(base, iri) if base else None
