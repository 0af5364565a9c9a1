"""Content negotiation: which serialisation answers a query, from `format` or `Accept`."""

from __future__ import annotations

import functools
import re

from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from kg.errors import NotAcceptable, QueryError
from kg.store.base import QueryKind

SOLUTIONS: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
BOOLEAN: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
}
GRAPH: dict[str, str] = {
    "text/turtle": "turtle",
    "application/n-triples": "ntriples",
    "application/n-quads": "nquads",
    "application/trig": "trig",
    "application/rdf+xml": "rdfxml",
    "application/ld+json": "jsonld",
}
OFFERS: dict[QueryKind, dict[str, str]] = {"solutions": SOLUTIONS, "boolean": BOOLEAN, "graph": GRAPH}

# Generic types clients send for the same formats; they map onto our canonical ones.
ALIASES: dict[str, str] = {
    "application/json": "application/sparql-results+json",
    "application/xml": "application/sparql-results+xml",
    "text/xml": "application/sparql-results+xml",
    "application/x-turtle": "text/turtle",
    "text/plain": "application/n-triples",
    "text/n3": "text/turtle",
}
SHORT_NAMES: dict[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "ntriples": "application/n-triples",
    "nt": "application/n-triples",
    "nquads": "application/n-quads",
    "nq": "application/n-quads",
    "trig": "application/trig",
    "rdfxml": "application/rdf+xml",
    "rdf": "application/rdf+xml",
    "jsonld": "application/ld+json",
    "json-ld": "application/ld+json",
}

_PROLOGUE = re.compile(
    r"""\s+|\#[^\n]*|BASE\s*<[^>]*>|PREFIX\s+[^\s:]*:\s*<[^>]*>""",
    re.IGNORECASE,
)
_FORM = re.compile(r"(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_KINDS: dict[str, QueryKind] = {
    "SELECT": "solutions",
    "ASK": "boolean",
    "CONSTRUCT": "graph",
    "DESCRIBE": "graph",
}


def query_kind(sparql: str) -> QueryKind:
    """The kind of answer a query gives, read from its first keyword after the prologue."""
    position = 0
    while match := _PROLOGUE.match(sparql, position):
        position = match.end()
    form = _FORM.match(sparql, position)
    if not form:
        raise QueryError("malformed query: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
    return _KINDS[form.group(1).upper()]


def choose(kind: QueryKind, accept: str | None, format_param: str | None) -> str:
    """The media type to answer with, for an `Accept` header value and a `format` parameter.

    `NotAcceptable` (406) when nothing offered is wanted. Clients repeat the same few headers,
    so the answers are remembered.
    """
    return _choose(kind, accept or "", format_param or "")


@functools.lru_cache(maxsize=512)
def _choose(kind: QueryKind, accept_header: str, format_param: str) -> str:
    offers = OFFERS[kind]
    accept = parse_accept_header(accept_header, MIMEAccept)
    if format_param:
        wanted = format_param.strip().lower()
        media_type = ALIASES.get(wanted, SHORT_NAMES.get(wanted, wanted))
        if media_type in offers:
            return media_type
        raise NotAcceptable(
            f"format {format_param!r} is not offered for this query",
            detail="offered: " + ", ".join(offers),
        )
    if not accept:
        return next(iter(offers))
    candidates = list(offers) + [alias for alias, target in ALIASES.items() if target in offers]
    # Parameters such as `charset=utf-8` do not change which syntax is wanted.
    bare = MIMEAccept([(value.split(";")[0].strip(), quality) for value, quality in accept])
    best = bare.best_match(candidates)
    if best is None:
        raise NotAcceptable(
            "none of the media types in Accept is offered for this query",
            detail="offered: " + ", ".join(offers),
        )
    return ALIASES.get(best, best)
