"""`POST /documents`: the real extractor and model read a document; its graph is stored."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from tests.api.conftest import AUTH

pytestmark = pytest.mark.slow
TEXT = "Germany will deliver two more Patriot air defence systems to Ukraine, the chancellor said on Tuesday."


def graph_count(client, graph: str) -> int:
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    body = json.loads(client.get("/sparql?query=" + quote(query)).data)
    return int(body["results"]["bindings"][0]["n"]["value"])


def test_plain_text_is_extracted_and_stored(client):
    response = client.post("/documents?id=berlin-1", data=TEXT, content_type="text/plain", headers=AUTH)
    assert response.status_code == 201, response.json
    body = response.json
    assert body["id"] == "berlin-1"
    assert body["triples"] == graph_count(client, body["graph"]) > 0
    actors = {item["actor"] for item in body["commitments"]}
    assert "Germany" in actors
    germany = next(item for item in body["commitments"] if item["actor"] == "Germany")
    assert any("Patriot" in asset for asset in germany["assets"])
    assert germany["sentence"] == TEXT


def test_json_record_and_replacement(client):
    record = {"id": "doc-7", "text": TEXT, "title": "Air defence"}
    first = client.post("/documents", json=record, headers=AUTH)
    assert first.status_code == 201
    again = client.post("/documents", json=record, headers=AUTH)
    assert again.json["graph"] == first.json["graph"]
    assert graph_count(client, first.json["graph"]) == first.json["triples"]


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"data": "{not json", "content_type": "application/json"}, 400),
        ({"json": {"id": "x"}}, 400),
        ({"data": "   ", "content_type": "text/plain"}, 400),
        ({"data": b"\xff\xfe", "content_type": "text/plain"}, 400),
        ({"data": "text", "content_type": "application/pdf"}, 415),
    ],
)
def test_bad_documents(client, kwargs, status):
    response = client.post("/documents", headers=AUTH, **kwargs)
    assert response.status_code == status
    assert set(response.json) <= {"error", "message", "detail"}
