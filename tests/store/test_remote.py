"""What only the remote store does: credentials, and never a silently partial answer (real Virtuoso)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from bench.generate import write_nquads
from kg.errors import QueryTimeout, StoreError
from kg.store import open_store, remote_store
from tests.api import running
from tests.api.conftest import TOKEN
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


def test_kg_serve_over_the_remote_store(virtuoso_server: Virtuoso, tmp_path) -> None:
    """The query processes and the HTTP worker each talk to the server; writes reach it."""
    import json
    import urllib.parse
    import urllib.request

    graph = "https://example.org/kg/served"
    server = running.start(
        virtuoso_server.store_url, tmp_path / "serve.log", env={"KG_UPDATE_TOKEN": TOKEN}, workers=1
    )
    try:
        headers = {"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"}
        query = f"SELECT ?n WHERE {{ GRAPH <{graph}> {{ <urn:a> <urn:b> ?n }} }}"
        for value in (42, 43):  # the second answer is the server's, not one kept from the first
            update = (
                f"DROP SILENT GRAPH <{graph}> ; "
                f"INSERT DATA {{ GRAPH <{graph}> {{ <urn:a> <urn:b> {value} }} }}"
            )
            request = urllib.request.Request(f"{server.url}/update", update.encode(), headers)
            with urllib.request.urlopen(request) as answer:
                assert answer.status == 204
            with urllib.request.urlopen(f"{server.url}/sparql?query={urllib.parse.quote(query)}") as answer:
                rows = json.loads(answer.read())["results"]["bindings"]
            assert [row["n"]["value"] for row in rows] == [str(value)]
        metrics = urllib.request.urlopen(f"{server.url}/metrics").read().decode()
        assert 'kg_result_cache_lookups_total{result="hit"} 0' in metrics
    finally:
        assert server.stop() == 0
        remote_store(virtuoso_server.store_url).delete_graph(graph)
