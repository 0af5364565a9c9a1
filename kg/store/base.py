"""The store interface: what the CLI and the HTTP API ask of a graph store.

Two backends implement it: the embedded Oxigraph store on disk (the default) and a remote SPARQL
1.1 server. It is kept narrow on purpose: graph-level writes, SPARQL query and update, export.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal, Protocol

from kg.docgraph import Triple

QueryKind = Literal["solutions", "boolean", "graph"]


@dataclass
class QueryOutput:
    """A query's answer, already serialised: `chunks` streams the bytes of `media_type`."""

    kind: QueryKind
    media_type: str
    chunks: Iterator[bytes]


@dataclass(frozen=True)
class Dataset:
    """The RDF dataset of a SPARQL protocol request (`default-graph-uri`, `named-graph-uri`)."""

    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)


class Store(Protocol):
    """A graph store holding one named graph per document, plus the ontology graph."""

    location: str

    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> int:
        """Replace the named graph `graph` by `triples` in one transaction; return the triple count."""
        ...

    def replace_graphs(self, graphs: Iterable[tuple[str, Iterable[Triple]]]) -> list[int]:
        """Replace several named graphs, each whole or not at all; return each one's triple count."""
        ...

    def delete_graph(self, graph: str) -> bool:
        """Remove a named graph; return whether it existed."""
        ...

    def query(
        self,
        sparql: str,
        *,
        result_format: str,
        dataset: Dataset | None = None,
        timeout: float | None = None,
    ) -> QueryOutput:
        """Run a SPARQL query; `result_format` is a media type or a short name (json, csv, turtle ...)."""
        ...

    def update(self, sparql: str, *, timeout: float | None = None) -> None:
        """Run a SPARQL update in one transaction."""
        ...

    def export(self, out: object, *, rdf_format: str, graph: str | None = None) -> None:
        """Stream the whole store (or one graph) to the binary file `out` in an RDF syntax."""
        ...

    def count(self, graph: str | None = None) -> int:
        """The number of quads in the store, or triples in one graph."""
        ...

    def graphs(self) -> list[str]:
        """The names of the named graphs."""
        ...

    def close(self) -> None:
        """Release the store (flush, close connections)."""
        ...
