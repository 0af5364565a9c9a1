"""Document graphs (rdflib triples) as pyoxigraph quads and as SPARQL/N-Triples text."""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from kg.docgraph import Triple
from kg.errors import InputError
from kg.oxterms import to_oxigraph


def quads_of(graph: str, triples: Iterable[Triple]) -> list[ox.Quad]:
    """The distinct triples of one document as quads in the named graph `graph`, in order."""
    try:
        name = ox.NamedNode(graph)
        quads = (
            ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), name)  # type: ignore[arg-type]
            for s, p, o in triples
        )
        return list(dict.fromkeys(quads))
    except (ValueError, TypeError) as err:
        raise InputError(f"graph <{graph}> holds a term that is not valid RDF: {err}") from None


def ntriples(quads: Iterable[ox.Quad]) -> bytes:
    """The triples of `quads` as N-Triples."""
    return "".join(f"{q.subject} {q.predicate} {q.object} .\n" for q in quads).encode("utf-8")
