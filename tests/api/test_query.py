"""The protocol's query operation: GET, POST form, POST direct, datasets, negotiation."""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import quote

import pytest
from rdflib import Graph

SELECT = "SELECT ?who WHERE { ?who <http://example.org/commits> ?what } ORDER BY ?who"
ASK = "ASK { <http://example.org/us> <http://example.org/commits> <http://example.org/tanks> }"
CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { ?s <http://example.org/commits> ?x . ?s ?p ?o }"
WHO = ["http://example.org/uk", "http://example.org/us"]


def who(response) -> list[str]:
    body = json.loads(response.data)
    return [row["who"]["value"] for row in body["results"]["bindings"]]


def test_get(client):
    response = client.get(f"/sparql?query={quote(SELECT)}")
    assert response.status_code == 200
    assert response.mimetype == "application/sparql-results+json"
    assert who(response) == WHO


def test_post_form(client):
    response = client.post("/sparql", data={"query": SELECT})
    assert response.status_code == 200
    assert who(response) == WHO


def test_post_direct(client):
    response = client.post("/sparql", data=SELECT, content_type="application/sparql-query")
    assert response.status_code == 200
    assert who(response) == WHO


def test_default_graph_uri_limits_the_dataset(client):
    url = f"/sparql?query={quote(SELECT)}&default-graph-uri={quote('http://example.org/doc2')}"
    assert who(client.get(url)) == ["http://example.org/uk"]


def test_named_graph_uri_limits_graph_patterns(client):
    query = "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    url = f"/sparql?query={quote(query)}&named-graph-uri={quote('http://example.org/doc1')}"
    rows = json.loads(client.get(url).data)["results"]["bindings"]
    assert [row["g"]["value"] for row in rows] == ["http://example.org/doc1"]


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("application/json", "application/sparql-results+json"),
        ("text/html;q=0.9, text/csv;q=0.5", "text/csv"),
        ("*/*", "application/sparql-results+json"),
    ],
)
def test_select_negotiation(client, accept, media_type):
    response = client.get(f"/sparql?query={quote(SELECT)}", headers={"Accept": accept})
    assert response.status_code == 200
    assert response.mimetype == media_type


def test_csv_answer_has_the_rows(client):
    response = client.get(f"/sparql?query={quote(SELECT)}&format=csv")
    rows = list(csv.reader(io.StringIO(response.data.decode())))
    assert rows == [["who"], *[[iri] for iri in WHO]]


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/rdf+xml", "xml"),
        ("application/ld+json", "json-ld"),
        ("application/n-quads", "nquads"),
        ("application/trig", "trig"),
    ],
)
def test_construct_negotiation(client, accept, rdflib_format):
    response = client.get(f"/sparql?query={quote(CONSTRUCT)}", headers={"Accept": accept})
    assert response.status_code == 200
    assert response.mimetype == accept
    graph = Graph()
    graph.parse(data=response.data, format=rdflib_format)
    assert len(graph) == 4


def test_ask(client):
    response = client.get(f"/sparql?query={quote(ASK)}")
    assert json.loads(response.data) == {"head": {}, "boolean": True}


def test_format_parameter_wins_over_accept(client):
    response = client.get(f"/sparql?query={quote(SELECT)}&format=tsv", headers={"Accept": "text/csv"})
    assert response.mimetype == "text/tab-separated-values"


@pytest.mark.parametrize(
    ("query", "accept"),
    [(SELECT, "text/turtle"), (CONSTRUCT, "application/sparql-results+json"), (ASK, "text/csv")],
)
def test_unacceptable_is_406(client, query, accept):
    response = client.get(f"/sparql?query={quote(query)}", headers={"Accept": accept})
    assert response.status_code == 406
    assert response.json["error"] in ("not_acceptable", "unsupported_format")


def test_service_description(client):
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = Graph().parse(data=response.data, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert any(str(o) == sd + "SPARQL11Query" for o in graph.objects())


@pytest.mark.parametrize(
    ("method", "kwargs", "status"),
    [
        ("get", {"query_string": "query=SELECT%20%2A%20%7B"}, 400),
        ("get", {"query_string": "query=ASK%7B%7D&query=ASK%7B%7D"}, 400),
        ("post", {"data": "ASK {}", "content_type": "text/plain"}, 415),
        ("post", {"data": "query=ASK%7B%7D"}, 400),
        ("post", {"data": "ASK {}", "content_type": "application/sparql-query; charset=UTF-16"}, 415),
        ("post", {"data": b"ASK { \xff }", "content_type": "application/sparql-query"}, 400),
        ("put", {"query_string": "query=ASK%7B%7D"}, 405),
        ("get", {"query_string": "update=CLEAR%20ALL"}, 405),
    ],
)
def test_protocol_errors(client, method, kwargs, status):
    response = getattr(client, method)("/sparql", **kwargs)
    assert response.status_code == status
    assert set(response.json) <= {"error", "message", "detail"}
