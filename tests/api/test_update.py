"""The update operation at /update and /sparql, and the token that guards every write."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from flask import Flask

from api.app import create_app
from api.config import ApiConfig
from tests.api.conftest import AUTH

INSERT = "PREFIX ex: <http://example.org/> INSERT DATA { GRAPH ex:doc3 { ex:fr ex:commits ex:guns } }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://example.org/doc3> { ?s ?p ?o } }"


def count(client) -> int:
    body = json.loads(client.get(f"/sparql?query={quote(COUNT)}").data)
    return int(body["results"]["bindings"][0]["n"]["value"])


@pytest.mark.parametrize("path", ["/update", "/sparql"])
def test_update_direct(client, path):
    response = client.post(path, data=INSERT, content_type="application/sparql-update", headers=AUTH)
    assert response.status_code == 204
    assert count(client) == 1


@pytest.mark.parametrize("path", ["/update", "/sparql"])
def test_update_form(client, path):
    response = client.post(path, data={"update": INSERT}, headers=AUTH)
    assert response.status_code == 204
    assert count(client) == 1


def test_using_graph_uri_sets_the_where_dataset(client):
    update = "INSERT { GRAPH <http://example.org/copy> { ?s ?p ?o } } WHERE { ?s ?p ?o }"
    url = "/update?using-graph-uri=" + quote("http://example.org/doc2")
    assert (
        client.post(url, data=update, content_type="application/sparql-update", headers=AUTH).status_code
        == 204
    )
    query = "SELECT ?s WHERE { GRAPH <http://example.org/copy> { ?s ?p ?o } } GROUP BY ?s"
    rows = json.loads(client.get(f"/sparql?query={quote(query)}").data)["results"]["bindings"]
    assert [row["s"]["value"] for row in rows] == ["http://example.org/uk"]


def test_using_graph_uri_with_a_with_clause_is_400(client):
    update = "WITH <http://example.org/doc1> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }"
    url = "/update?using-named-graph-uri=" + quote("http://example.org/doc2")
    response = client.post(url, data=update, content_type="application/sparql-update", headers=AUTH)
    assert response.status_code == 400


def test_malformed_update_is_400_and_writes_nothing(client):
    response = client.post(
        "/update", data=INSERT + " ; INSERT DATA {", content_type="application/sparql-update", headers=AUTH
    )
    assert response.status_code == 400
    assert response.json["error"] == "bad_query"
    assert count(client) == 0


@pytest.mark.parametrize(
    ("headers", "status", "code"),
    [
        ({}, 401, "unauthorized"),
        ({"Authorization": "Bearer wrong"}, 401, "unauthorized"),
        ({"Authorization": "Basic dGVzdA=="}, 401, "unauthorized"),
    ],
)
def test_bad_token_is_401(client, headers, status, code):
    response = client.post("/update", data=INSERT, content_type="application/sparql-update", headers=headers)
    assert response.status_code == status
    assert response.json["error"] == code
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert count(client) == 0


def test_without_a_token_configured_writes_are_403(store):
    app: Flask = create_app(ApiConfig(update_token=None), store)
    client = app.test_client()
    for path in ("/update", "/sparql"):
        response = client.post(path, data=INSERT, content_type="application/sparql-update", headers=AUTH)
        assert response.status_code == 403
        assert response.json["error"] == "writes_disabled"
    assert (
        client.put("/store?graph=http://example.org/x", data="", content_type="text/turtle").status_code
        == 403
    )
    assert client.post("/documents", data="text", content_type="text/plain").status_code == 403
    assert count(client) == 0


def test_update_with_get_is_405(client):
    assert client.get("/update?update=" + quote(INSERT), headers=AUTH).status_code == 405
