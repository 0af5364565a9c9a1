"""Answers kept for repeated queries, valid until the next write.

Analysts' pages, dashboards and scripts ask the same queries again and again, and a graph of
commitments changes only when documents are ingested. `CachedWork` keeps recent answers keyed
by the query text and media type and by the store's snapshot generation, which every write
bumps: a repeated query (without a protocol dataset) is answered without the engine, never
with stale data. Answers over 1/`ENTRY_SHARE` of the budget are not kept; the least recently
used go first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

from api.metrics import Metrics
from api.work import Answer, Work
from kg.docgraph import DocumentGraph
from kg.documents import Document, InputFailure
from kg.store.base import Dataset

ENTRY_SHARE = 16
Key = tuple[str, str]


class CachedWork:
    """`Work` whose query answers are kept, up to `budget` bytes, while `generation()` holds."""

    def __init__(self, inner: Work, generation: Callable[[], int], budget: int, metrics: Metrics) -> None:
        self.inner = inner
        self.generation = generation
        self.budget = budget
        self.metrics = metrics
        self._answers: OrderedDict[Key, Answer] = OrderedDict()
        self._size = 0
        self._seen_generation = -1
        self._lock = threading.Lock()

    def query(self, text: str, *, media_type: str, dataset: Dataset | None = None) -> Answer:
        if dataset is not None:  # rare, and not kept
            return self.inner.query(text, media_type=media_type, dataset=dataset)
        key = (text, media_type)
        generation = self.generation()
        with self._lock:
            if generation != self._seen_generation:
                self._answers.clear()
                self._size = 0
                self._seen_generation = generation
            answer = self._answers.get(key)
            if answer is not None:
                self._answers.move_to_end(key)
        self.metrics.cache_lookup(answer is not None)
        if answer is not None:
            return answer
        answer = self.inner.query(text, media_type=media_type, dataset=dataset)
        if len(answer.body) <= self.budget // ENTRY_SHARE:
            self._keep(key, answer, generation)
        return answer

    def _keep(self, key: Key, answer: Answer, generation: int) -> None:
        with self._lock:
            if generation != self._seen_generation or key in self._answers:
                return  # a write came in meanwhile, or another thread kept it first
            self._answers[key] = answer
            self._size += len(answer.body)
            while self._size > self.budget:
                _, dropped = self._answers.popitem(last=False)
                self._size -= len(dropped.body)

    def export(self, graph: str, *, rdf_format: str) -> bytes:
        return self.inner.export(graph, rdf_format=rdf_format)

    def extract(self, document: Document) -> DocumentGraph | InputFailure:
        return self.inner.extract(document)

    def close(self) -> None:
        self.inner.close()
