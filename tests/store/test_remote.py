"""What only the remote store does: credentials, and never a silently partial answer (real Virtuoso)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from bench.generate import write_nquads
from kg.errors import QueryTimeout, StoreError
from kg.store import open_store, remote_store
from tests.store.conftest import DOC_1, document_graph
from tests.store.virtuoso import PASSWORD, USER, Virtuoso

HEAVY = """
SELECT ?a (COUNT(*) AS ?n) WHERE {
  GRAPH <https://example.org/kg/heavy> { ?a ?b ?c . ?c ?e ?f . ?f ?h ?i }
} GROUP BY ?a ORDER BY DESC(?n) LIMIT 3
"""


def test_credentials_from_the_url_or_the_environment(
    virtuoso_server: Virtuoso, monkeypatch: pytest.MonkeyPatch
) -> None:
    from_url = remote_store(virtuoso_server.store_url)
    assert from_url.endpoint == f"{virtuoso_server.base}/sparql-auth"
    assert from_url.graph_store == f"{virtuoso_server.base}/sparql-graph-crud-auth"
    monkeypatch.setenv("KG_STORE_USER", USER)
    monkeypatch.setenv("KG_STORE_PASSWORD", PASSWORD)
    from_env = open_store(f"{virtuoso_server.base}/sparql-auth")
    assert from_env.replace_graph(DOC_1, document_graph("doc-1")) == 30
    assert from_env.delete_graph(DOC_1) is True


def test_wrong_credentials_are_refused(virtuoso_server: Virtuoso) -> None:
    store = open_store(f"http://{USER}:wrong@127.0.0.1:{virtuoso_server.http_port}/sparql-auth")
    with pytest.raises(StoreError):
        store.replace_graph(DOC_1, document_graph("doc-1"))


def test_a_partial_answer_is_never_handed_on(virtuoso_server: Virtuoso, tmp_path) -> None:
    data = tmp_path / "heavy.nq"
    write_nquads(data, 600)
    store = open_store(virtuoso_server.store_url)
    quads = ox.parse(path=str(data), format=ox.RdfFormat.N_QUADS)
    body = ox.serialize((quad.triple for quad in quads), format=ox.RdfFormat.N_TRIPLES)
    store._graph_store("PUT", "https://example.org/kg/heavy", body)  # type: ignore[attr-defined]
    try:
        with pytest.raises(QueryTimeout) as caught:
            store.query(HEAVY, result_format="json", timeout=0.05)
        assert "partial" in caught.value.message
    finally:
        store.delete_graph("https://example.org/kg/heavy")
