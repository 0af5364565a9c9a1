"""Safety: SERVICE/LOAD reach only allowed prefixes, no DOCTYPE, body and answer limits, CORS."""

from __future__ import annotations

import socket
import threading
from urllib.parse import quote

import pytest

from api.app import create_app
from api.config import ApiConfig
from tests.api.conftest import AUTH, TOKEN


class Listener:
    """A TCP port on 127.0.0.1 that records whether anything connected to it."""

    def __init__(self) -> None:
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen()
        self.socket.settimeout(0.2)
        self.port = self.socket.getsockname()[1]
        self.connections = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop.is_set():
            try:
                connection, _ = self.socket.accept()
            except TimeoutError:
                continue
            self.connections += 1
            connection.close()

    def close(self) -> None:
        self.stop.set()
        self.thread.join()
        self.socket.close()


@pytest.fixture
def listener():
    opened = Listener()
    yield opened
    opened.close()


def service_query(port: int) -> str:
    return f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"


def test_service_to_localhost_is_refused_without_a_request(client, listener):
    response = client.get("/sparql?query=" + quote(service_query(listener.port)))
    assert response.status_code == 403
    assert response.json["error"] == "forbidden"
    listener.stop.wait(0.5)
    assert listener.connections == 0


def test_an_allowed_prefix_is_fetched(store, listener):
    allowed = ApiConfig(fetch_allow=(f"http://127.0.0.1:{listener.port}/",))
    client = create_app(allowed, store).test_client()
    response = client.get("/sparql?query=" + quote(service_query(listener.port)))
    assert response.status_code != 403
    listener.stop.wait(0.5)
    assert listener.connections >= 1


@pytest.mark.parametrize(
    "query",
    [
        "PREFIX r: <http://127.0.0.1:9/> SELECT * { SERVICE SILENT r:sparql { ?s ?p ?o } }",
        "SELECT * { ?x ?y ?z . SERVICE ?x { ?s ?p ?o } }",
        "SELECT * { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
        "select * { service <http://127.0.0.1:9/> { ?s ?p ?o } }",
        "SELECT * { { SELECT * { SERVICE <file:///etc/passwd> { ?s ?p ?o } } } }",
    ],
)
def test_service_forms_are_refused(client, query):
    assert client.get("/sparql?query=" + quote(query)).status_code == 403


def test_service_inside_a_string_is_harmless(client):
    query = 'SELECT * { ?s ?p "SERVICE <http://127.0.0.1:9/>" }'
    assert client.get("/sparql?query=" + quote(query)).status_code == 200


@pytest.mark.parametrize(
    "update",
    [
        "LOAD <http://127.0.0.1:9/data.ttl>",
        "LOAD SILENT <file:///etc/passwd> INTO GRAPH <http://example.org/g>",
    ],
)
def test_load_is_refused(client, update):
    response = client.post("/update", data=update, content_type="application/sparql-update", headers=AUTH)
    assert response.status_code == 403


RDF_XML_BOMB = """<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [ <!ENTITY a "aaaaaaaaaa"> <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"> ]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
  <rdf:Description rdf:about="http://example.org/x"><ex:p>&b;</ex:p></rdf:Description>
</rdf:RDF>"""


def test_rdf_xml_with_a_doctype_is_refused(client):
    url = "/store?graph=http%3A%2F%2Fexample.org%2Fbomb"
    response = client.put(url, data=RDF_XML_BOMB, content_type="application/rdf+xml", headers=AUTH)
    assert response.status_code == 400
    assert "DOCTYPE" in response.json["message"]
    assert client.get(url).status_code == 404


def test_body_limit_is_413(store):
    client = create_app(ApiConfig(update_token=TOKEN, max_body_bytes=1000), store).test_client()
    query = "ASK { " + "#" * 2000 + "\n}"
    response = client.post("/sparql", data=query, content_type="application/sparql-query")
    assert response.status_code == 413
    assert set(response.json) >= {"error", "message"}
    assert client.post("/sparql", data={"query": query}).status_code == 413


def test_result_limit(store):
    client = create_app(ApiConfig(max_result_bytes=100), store).test_client()
    response = client.get("/sparql?query=" + quote("SELECT * WHERE { ?s ?p ?o }"))
    assert response.status_code == 507
    assert response.json["error"] == "result_too_large"


def test_cors_is_off_by_default(client):
    response = client.get("/healthz", headers={"Origin": "https://elsewhere.example"})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_cors_for_configured_origins(store):
    client = create_app(ApiConfig(cors_origins=("https://app.example",)), store).test_client()
    allowed = client.get("/healthz", headers={"Origin": "https://app.example"})
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://app.example"
    other = client.get("/healthz", headers={"Origin": "https://elsewhere.example"})
    assert "Access-Control-Allow-Origin" not in other.headers
    preflight = client.options("/sparql", headers={"Origin": "https://app.example"})
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
