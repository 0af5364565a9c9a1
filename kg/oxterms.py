"""Conversion of rdflib terms into pyoxigraph terms, for handing graphs to the Oxigraph engine."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

Triple = tuple[Node, Node, Node]


def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """One rdflib term as the equal pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def oxigraph_triples(triples: Iterable[Triple]) -> Iterator[ox.Triple]:
    """rdflib triples as pyoxigraph triples."""
    for subject, predicate, obj in triples:
        yield ox.Triple(to_oxigraph(subject), to_oxigraph(predicate), to_oxigraph(obj))  # type: ignore[arg-type]
