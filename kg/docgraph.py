"""The value the extractor hands to writers and stores: one document's graph."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef
from rdflib.term import Node

from kg.documents import Document

Triple = tuple[Node, Node, Node]


@dataclass(frozen=True)
class DocumentGraph:
    """The triples read from one document; they belong in the named graph `iri` (the document's IRI)."""

    document: Document
    iri: URIRef
    triples: list[Triple]
    commitments: int
