"""`GET /sparql?query=` is answered by the fast path exactly as the Flask view answers it."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from api.fastpath import QueryFastPath

QUERIES = [
    "SELECT ?who WHERE { ?who <http://example.org/commits> ?what } ORDER BY ?who",
    "ASK { <us> ?p ?o }",  # a relative IRI: resolved against the endpoint's URL on both paths
    "CONSTRUCT WHERE { ?s <http://example.org/commits> ?o }",
    "SELECT * WHERE { ?s ?p }",  # malformed: 400
    "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",  # refused: 403
]
ACCEPTS = ["", "text/csv", "application/n-triples, */*;q=0.1", "image/png"]


def test_the_app_is_wrapped(app):
    assert isinstance(app.wsgi_app, QueryFastPath)


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("accept", ACCEPTS)
def test_same_answer_as_the_full_view(client, query, accept):
    headers = {"Accept": accept} if accept else {}
    fast = client.get(f"/sparql?query={quote(query)}", headers=headers)
    # A second parameter sends the request through Flask; POST reaches the same view.
    full = client.get(f"/sparql?query={quote(query)}&format=", headers=headers)
    assert fast.status_code == full.status_code
    assert fast.headers["Content-Type"] == full.headers["Content-Type"]
    assert fast.data == full.data


def test_requests_are_counted_and_timed(client):
    client.get("/sparql?query=" + quote("ASK {}"))
    client.get("/sparql?query=" + quote("ASK {"))
    metrics = client.get("/metrics").get_data(as_text=True)
    assert 'kg_http_requests_total{endpoint="sparql",status="200"} 1' in metrics
    assert 'kg_http_requests_total{endpoint="sparql",status="400"} 1' in metrics
    assert 'kg_http_request_duration_seconds_count{endpoint="sparql"} 2' in metrics


def test_bytes_that_are_not_utf8_get_the_full_view(client):
    response = client.get("/sparql?query=ASK%7B%7D%FF")
    assert response.status_code == 400
    assert response.json["error"] == "bad_query"


def test_a_cross_origin_request_gets_the_cors_headers(store):
    from api.app import create_app
    from api.config import ApiConfig

    client = create_app(ApiConfig(cors_origins=("https://app.example",)), store).test_client()
    response = client.get("/sparql?query=" + quote("ASK {}"), headers={"Origin": "https://app.example"})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "https://app.example"
