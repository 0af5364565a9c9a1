"""Ingest: documents through the extractor into the store, one named graph per document.

Documents stream through in batches; each batch is written in one transaction (over HTTP: one
request per document), so a killed ingest leaves every document whole or absent. A document
that fails is reported and skipped; the rest of its batch is still written.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from tqdm import tqdm

from kg.docgraph import DocumentGraph
from kg.documents import Document, InputFailure
from kg.errors import KGError
from kg.namespaces import ONTOLOGY_GRAPH
from kg.owl import load_ontology
from kg.store.base import Store

DEFAULT_BATCH = 64


class Extractor(Protocol):
    """What ingest needs of the extractor (`kg.extract.Extractor`)."""

    def extract(
        self, items: Iterable[Document | InputFailure], processes: int = 1, batch_size: int = 64
    ) -> Iterator[DocumentGraph | InputFailure]:
        """Yield one graph (or failure) per item, in order."""
        ...


@dataclass
class IngestSummary:
    """What an ingest did."""

    documents: int = 0
    commitments: int = 0
    triples: int = 0
    failures: list[InputFailure] = field(default_factory=list)
    seconds: float = 0.0
    ontology_loaded: bool = False

    def lines(self) -> list[str]:
        """The summary as printed by `kg ingest`."""
        head = (
            f"{self.documents} documents, {self.commitments} commitments, {self.triples} triples, "
            f"{len(self.failures)} failures in {self.seconds:.1f} s"
        )
        return [head] + [f"failed: {failure.location}: {failure.reason}" for failure in self.failures]


def ensure_ontology(store: Store) -> bool:
    """Load the ontology into its own graph when the store lacks it; return whether it was loaded."""
    if store.count(ONTOLOGY_GRAPH) > 0:
        return False
    store.replace_graph(ONTOLOGY_GRAPH, list(load_ontology()))
    return True


def ingest(
    store: Store,
    items: Iterable[Document | InputFailure],
    extractor: Extractor,
    *,
    batch_size: int = DEFAULT_BATCH,
    processes: int = 1,
    progress: bool = True,
) -> IngestSummary:
    """Extract `items` and write each document's graph into `store`, batch by batch."""
    started = time.perf_counter()
    summary = IngestSummary(ontology_loaded=ensure_ontology(store))
    batch: list[DocumentGraph] = []
    bar = tqdm(unit="doc", file=sys.stderr, disable=not progress, desc="ingest")
    try:
        for result in extractor.extract(items, processes=processes, batch_size=batch_size):
            bar.update(1)
            if isinstance(result, InputFailure):
                summary.failures.append(result)
                continue
            batch.append(result)
            if len(batch) >= batch_size:
                write_batch(store, batch, summary)
                batch = []
        if batch:
            write_batch(store, batch, summary)
    finally:
        bar.close()
        summary.seconds = time.perf_counter() - started
    return summary


def write_batch(store: Store, batch: list[DocumentGraph], summary: IngestSummary) -> None:
    """Write a batch in one transaction; if it is refused, write its documents one by one."""
    try:
        counts = store.replace_graphs([(str(graph.iri), graph.triples) for graph in batch])
    except KGError:
        for graph in batch:
            try:
                count = store.replace_graph(str(graph.iri), graph.triples)
            except KGError as err:
                where = graph.document.location or graph.document.id
                summary.failures.append(InputFailure(where, err.message))
            else:
                _count(summary, graph, count)
        return
    for graph, count in zip(batch, counts, strict=True):
        _count(summary, graph, count)


def _count(summary: IngestSummary, graph: DocumentGraph, triples: int) -> None:
    summary.documents += 1
    summary.commitments += graph.commitments
    summary.triples += triples
