"""The page blueprint under the Flask test client: the page, its files and the preview."""

from __future__ import annotations

from flask.testing import FlaskClient

COUNT = {"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"}
SENTENCE = "Officials stressed that the United States still opposes deploying its own troops in Ukraine."


def test_index_is_the_page(client: FlaskClient) -> None:
    answer = client.get("/")
    assert answer.status_code == 200
    assert answer.mimetype == "text/html"
    page = answer.get_data(as_text=True)
    for part in ('id="sparql"', 'id="graph"', 'id="news"', "/page/static/graph.js"):
        assert part in page


def test_static_files_are_served(client: FlaskClient) -> None:
    files = {"page.css": "text/css", "sparql.js": "text/javascript", "graph.js": "text/javascript"}
    for name, mimetype in files.items():
        answer = client.get(f"/page/static/{name}")
        assert answer.status_code == 200, name
        assert answer.mimetype == mimetype
        answer.close()


def test_preview_reads_without_storing(client: FlaskClient) -> None:
    before = client.post("/sparql", data=COUNT).json
    answer = client.post("/page/preview", json={"text": SENTENCE})
    assert answer.status_code == 200
    body = answer.get_json()
    assert body is not None
    (found,) = [c for c in body["commitments"] if c["status"] == "Refused"]
    assert found["actor"] == "United States"
    assert "troops" in " ".join(found["assets"])
    after = client.post("/sparql", data=COUNT).json
    assert after == before


def test_preview_rejects_a_missing_text(client: FlaskClient) -> None:
    for body in ({}, {"text": "  "}, {"text": 3}):
        answer = client.post("/page/preview", json=body)
        assert answer.status_code == 400
        assert "text" in (answer.get_json() or {})["message"]
    assert client.post("/page/preview", data="not json", content_type="text/plain").status_code == 400
