"""RDF sent in a request body: its format from the media type, parsed to N-Triples, refused when unsafe."""

from __future__ import annotations

import re

import pyoxigraph as ox

from kg.errors import InputError, UnsupportedMediaType

TRIPLE_FORMATS: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/xml": ox.RdfFormat.RDF_XML,
    "text/xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "text/n3": ox.RdfFormat.N3,
}
_DOCTYPE = re.compile(r"<!\s*DOCTYPE", re.IGNORECASE)


def triple_format(media_type: str) -> ox.RdfFormat:
    """The RDF syntax of a body; `UnsupportedMediaType` (415) for anything else."""
    try:
        return TRIPLE_FORMATS[media_type.lower()]
    except KeyError:
        raise UnsupportedMediaType(
            f"cannot read a graph sent as {media_type or 'no content type'!r}",
            detail="send one of: " + ", ".join(TRIPLE_FORMATS),
        ) from None


def ntriples(body: bytes, rdf_format: ox.RdfFormat, base_iri: str) -> str:
    """The triples of `body` as N-Triples text, ready for an INSERT DATA block.

    RDF/XML with a document type declaration is refused: XML parsers expand its entities
    (the "billion laughs"), and RDF has no use for one.
    """
    # The engine reads RDF/XML as UTF-8 only, so a declaration cannot hide in another encoding.
    if rdf_format == ox.RdfFormat.RDF_XML and _DOCTYPE.search(body.decode("utf-8", errors="replace")):
        raise InputError(
            "RDF/XML with a DOCTYPE declaration is refused", detail="remove the DOCTYPE and its entities"
        )
    try:
        quads = ox.parse(body, rdf_format, base_iri=base_iri)
        return "".join(f"{q.subject} {q.predicate} {q.object} .\n" for q in quads)
    except SyntaxError as err:
        raise InputError(f"the {rdf_format.name} body does not parse: {err}") from None
