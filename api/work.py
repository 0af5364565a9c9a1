"""The work a request may spend the time limit on: queries, graph exports and extraction.

`LocalWork` does it in the calling process (the Flask test client, scripts); under `kg serve`
the same calls go to `api.pool.PooledWork`, which runs a `LocalWork` in a child process that it
can kill when the time limit passes.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from api.config import ApiConfig
from kg.docgraph import DocumentGraph
from kg.documents import Document, InputFailure
from kg.errors import ResultTooLarge
from kg.ingest import Extractor
from kg.store.base import Dataset, Store


@dataclass(frozen=True)
class Answer:
    """A whole answer, ready to send."""

    body: bytes
    media_type: str


class Work(Protocol):
    """What the views ask for under the time limit."""

    def query(self, text: str, *, media_type: str, dataset: Dataset | None = None) -> Answer:
        """Run a query; the answer in `media_type` (or the store's closest), at most the size cap."""
        ...

    def export(self, graph: str, *, rdf_format: str) -> bytes:
        """One named graph in an RDF syntax, at most the size cap."""
        ...

    def extract(self, document: Document) -> DocumentGraph | InputFailure:
        """The extractor's reading of one document (nothing is stored)."""
        ...

    def close(self) -> None:
        """Release what the work holds."""
        ...


class LocalWork:
    """The work done here, over `store`; the time limit is only passed on to the store."""

    def __init__(self, store: Store, config: ApiConfig) -> None:
        self.store = store
        self.config = config
        self._extractor: Extractor | None = None

    def query(self, text: str, *, media_type: str, dataset: Dataset | None = None) -> Answer:
        output = self.store.query(
            text, result_format=media_type, dataset=dataset, timeout=self.config.query_timeout
        )
        return Answer(collect(output.chunks, self.config.max_result_bytes), output.media_type)

    def export(self, graph: str, *, rdf_format: str) -> bytes:
        buffer = io.BytesIO()
        self.store.export(buffer, rdf_format=rdf_format, graph=graph)
        return collect([buffer.getvalue()], self.config.max_result_bytes)

    def extract(self, document: Document) -> DocumentGraph | InputFailure:
        if self._extractor is None:
            from kg.extract import Extractor as SpacyExtractor

            self._extractor = SpacyExtractor(model=self.config.spacy_model)
        (result,) = list(self._extractor.extract([document]))
        return result

    def close(self) -> None:
        self.store.close()


def collect(chunks: Iterable[bytes], limit: int) -> bytes:
    """Join an answer's chunks; `ResultTooLarge` as soon as they pass `limit` bytes."""
    parts: list[bytes] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > limit:
            raise ResultTooLarge(
                f"the answer is over the limit of {limit} bytes",
                detail="add LIMIT to the query, or raise KG_MAX_RESULT_BYTES",
            )
        parts.append(chunk)
    return b"".join(parts)
