"""The Graph Store HTTP Protocol at /store."""

from __future__ import annotations

from rdflib import Graph
from rdflib.compare import isomorphic

from tests.api.conftest import AUTH

TURTLE = """@prefix ex: <http://example.org/> .
ex:de ex:commits [ ex:label "air defence" ] ; ex:label "Germany" .
"""
MORE = "<http://example.org/de> <http://example.org/commits> <http://example.org/money> .\n"
GRAPH = "/store?graph=http%3A%2F%2Fexample.org%2Fdoc9"


def get_graph(client, url: str) -> Graph:
    response = client.get(url, headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    return Graph().parse(data=response.data, format="turtle")


def test_put_get_post_delete(client):
    created = client.put(GRAPH, data=TURTLE, content_type="text/turtle", headers=AUTH)
    assert created.status_code == 201
    assert isomorphic(get_graph(client, GRAPH), Graph().parse(data=TURTLE, format="turtle"))
    replaced = client.put(GRAPH, data=TURTLE, content_type="text/turtle", headers=AUTH)
    assert replaced.status_code == 204
    assert len(get_graph(client, GRAPH)) == 3
    merged = client.post(GRAPH, data=MORE, content_type="application/n-triples", headers=AUTH)
    assert merged.status_code == 204
    assert len(get_graph(client, GRAPH)) == 4
    assert client.head(GRAPH).status_code == 200
    assert client.delete(GRAPH, headers=AUTH).status_code == 204
    assert client.get(GRAPH).status_code == 404
    assert client.head(GRAPH).status_code == 404
    assert client.delete(GRAPH, headers=AUTH).status_code == 404


def test_default_graph_holds_only_its_own_triples(client):
    assert (
        client.put(
            "/store?default", data=MORE, content_type="application/n-triples", headers=AUTH
        ).status_code
        == 204
    )
    graph = get_graph(client, "/store?default")
    assert isomorphic(graph, Graph().parse(data=MORE, format="nt"))


def test_direct_identification_uses_the_request_url(client):
    assert (
        client.put(
            "/store/people/1", data=MORE, content_type="application/n-triples", headers=AUTH
        ).status_code
        == 201
    )
    assert len(get_graph(client, "/store?graph=http%3A%2F%2Flocalhost%2Fstore%2Fpeople%2F1")) == 1


def test_post_to_the_store_creates_a_graph(client):
    response = client.post("/store", data=MORE, content_type="application/n-triples", headers=AUTH)
    assert response.status_code == 201
    location = response.headers["Location"]
    assert len(get_graph(client, "/store?graph=" + location)) == 1


def test_bad_uploads(client):
    assert client.put(GRAPH, data="<a> <b>", content_type="text/turtle", headers=AUTH).status_code == 400
    assert client.put(GRAPH, data="x", content_type="application/pdf", headers=AUTH).status_code == 415
    bad_iri = "/store?graph=http%3A%2F%2Fx%3E%20%7D"
    assert (
        client.put(bad_iri, data=MORE, content_type="application/n-triples", headers=AUTH).status_code == 400
    )
    assert client.get(GRAPH).status_code == 404


def test_graph_formats(client):
    client.put(GRAPH, data=TURTLE, content_type="text/turtle", headers=AUTH)
    for accept, name in (
        ("application/rdf+xml", "xml"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
    ):
        response = client.get(GRAPH, headers={"Accept": accept})
        assert response.mimetype == accept
        assert len(Graph().parse(data=response.data, format=name)) == 3
