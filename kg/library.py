"""The operations of the CLI as plain functions, for scripts and notebooks (re-exported by `kg`)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import Dataset

from kg.documents import Document, InputFailure
from kg.errors import InputError
from kg.extract import Extractor
from kg.ingest import IngestSummary
from kg.ingest import ingest as ingest_items
from kg.namespaces import DEFAULT_BASE, PREFIXES
from kg.outputs import open_output
from kg.store.base import Store


def as_documents(texts: Iterable[str | Document]) -> list[Document]:
    """Documents from plain strings (ids `text-1`, `text-2` ...) or ready-made `Document`s."""
    return [
        text if isinstance(text, Document) else Document(id=f"text-{number}", text=text)
        for number, text in enumerate(texts, start=1)
    ]


def extract_texts(
    texts: Iterable[str | Document], *, model: str | None = None, base: str = DEFAULT_BASE
) -> Dataset:
    """Extract commitments from texts into an rdflib Dataset, one named graph per document.

    The dataset's default graph is the union of the named graphs, so it can be queried whole.
    A document the extractor cannot read raises `InputError` naming it.
    """
    dataset = Dataset(default_union=True)
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace)
    for item in Extractor(model, base).extract(as_documents(texts)):
        if isinstance(item, InputFailure):
            raise InputError(f"{item.location}: {item.reason}")
        graph = dataset.graph(item.iri)
        for triple in item.triples:
            graph.add(triple)
    return dataset


def ingest_texts(
    store: Store, texts: Iterable[str | Document], *, model: str | None = None, base: str = DEFAULT_BASE
) -> IngestSummary:
    """Extract texts and save each document's graph into `store`, replacing earlier versions."""
    return ingest_items(store, as_documents(texts), Extractor(model, base), progress=False)


def query_store(store: Store, sparql: str, result_format: str = "json") -> bytes:
    """Run a SPARQL query; the answer serialised as `result_format` (json, csv, turtle ...)."""
    return b"".join(store.query(sparql, result_format=result_format).chunks)


def export_store(
    store: Store, output: str | Path, rdf_format: str = "trig", graph: str | None = None
) -> None:
    """Write the whole store, or one named graph, to the file `output` in an RDF syntax."""
    with open_output(output) as out:
        store.export(out, rdf_format=rdf_format, graph=graph)


__all__ = ["export_store", "extract_texts", "ingest_texts", "query_store"]
