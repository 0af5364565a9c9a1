"""The answer cache: repeated queries skip the engine, and a write makes every kept answer go."""

from __future__ import annotations

import pytest

from api.cache import ENTRY_SHARE, CachedWork
from api.config import ApiConfig
from api.metrics import Metrics
from api.work import Answer, LocalWork
from kg.store.base import Dataset

JSON = "application/sparql-results+json"
ASK = "ASK { <http://example.org/us> ?p ?o }"


class CountingWork(LocalWork):
    """The real work, counting the queries that reach the store."""

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self.queries = 0

    def query(self, text: str, *, media_type: str, dataset: Dataset | None = None) -> Answer:
        self.queries += 1
        return super().query(text, media_type=media_type, dataset=dataset)


@pytest.fixture
def inner(store):
    return CountingWork(store, ApiConfig())


def test_a_repeated_query_does_not_reach_the_store(inner):
    metrics = Metrics()
    cached = CachedWork(inner, lambda: 1, 1 << 20, metrics)
    first = cached.query(ASK, media_type=JSON)
    second = cached.query(ASK, media_type=JSON)
    assert second == first and b"true" in first.body
    assert inner.queries == 1
    assert 'kg_result_cache_lookups_total{result="hit"} 1' in metrics.render({})
    assert 'kg_result_cache_lookups_total{result="miss"} 1' in metrics.render({})


def test_another_media_type_is_another_answer(inner):
    cached = CachedWork(inner, lambda: 1, 1 << 20, Metrics())
    cached.query(ASK, media_type=JSON)
    xml = cached.query(ASK, media_type="application/sparql-results+xml")
    assert xml.body.startswith(b"<?xml")
    assert inner.queries == 2


def test_a_write_makes_the_answers_go(inner, store):
    generation = [1]
    cached = CachedWork(inner, lambda: generation[0], 1 << 20, Metrics())
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    before = cached.query(count, media_type="text/csv")
    store.update("INSERT DATA { GRAPH <http://example.org/new> { <urn:a> <urn:b> <urn:c> } }")
    generation[0] = 2  # what the writer does after each write
    after = cached.query(count, media_type="text/csv")
    assert before.body != after.body
    assert inner.queries == 2


def test_the_budget_holds(inner):
    budget = 16 * 10  # answers of up to 10 bytes are kept
    cached = CachedWork(inner, lambda: 1, budget, Metrics())
    for n in range(40):
        cached.query(f"SELECT ?x WHERE {{ VALUES ?x {{ {n} }} }}", media_type="text/csv")
    assert 0 < cached._size <= budget
    assert inner.queries == 40
    cached.query("SELECT ?x WHERE { VALUES ?x { 39 } }", media_type="text/csv")  # the newest is kept
    assert inner.queries == 40
    cached.query("SELECT ?x WHERE { VALUES ?x { 0 } }", media_type="text/csv")  # the oldest went
    assert inner.queries == 41


def test_a_large_answer_is_not_kept(inner):
    cached = CachedWork(inner, lambda: 1, ENTRY_SHARE * 10, Metrics())
    query = "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
    cached.query(query, media_type=JSON)
    cached.query(query, media_type=JSON)
    assert inner.queries == 2


def test_a_protocol_dataset_is_not_kept(inner):
    cached = CachedWork(inner, lambda: 1, 1 << 20, Metrics())
    dataset = Dataset(default_graphs=("http://example.org/doc1",))
    for _ in range(2):
        cached.query(ASK, media_type=JSON, dataset=dataset)
    assert inner.queries == 2
