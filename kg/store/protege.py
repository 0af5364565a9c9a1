"""The Protégé export: one RDF/XML document with the ontology and all data, named graphs merged."""

from __future__ import annotations

from typing import IO

from kg.errors import StoreError
from kg.namespaces import ONTOLOGY_GRAPH
from kg.store.base import Store


def export_protege(store: Store, out: IO[bytes]) -> None:
    """Write every graph of `store`, the ontology's included, as one RDF/XML document."""
    if store.count(ONTOLOGY_GRAPH) == 0:
        raise StoreError(
            "the store holds no ontology graph, so Protégé could not read its data",
            detail="`kg ingest` loads the ontology into the store",
        )
    store.export(out, rdf_format="rdfxml")
