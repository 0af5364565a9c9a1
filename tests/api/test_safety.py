"""Safety: SERVICE/LOAD reach only allowed prefixes, no DOCTYPE, body and answer limits, CORS."""

from __future__ import annotations

import io
import socket
import threading
from urllib.parse import quote, urlencode

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


CHUNKED = {"Transfer-Encoding": "chunked"}  # no Content-Length: the server reads to the end


@pytest.mark.parametrize(
    ("content_type", "encode"),
    [
        ("application/sparql-update", lambda text: text.encode()),
        ("application/x-www-form-urlencoded", lambda text: urlencode({"update": text}).encode()),
    ],
)
def test_a_chunked_body_over_the_limit_is_refused_not_cut(store, content_type, encode):
    """A body without Content-Length, cut at the limit, would still be a valid update."""
    client = create_app(ApiConfig(update_token=TOKEN, max_body_bytes=1000), store).test_client()
    update = "INSERT DATA { GRAPH <http://example.org/cut> { <urn:a> <urn:b> 1 } } ;\n"
    update += "INSERT DATA { GRAPH <http://example.org/cut> { <urn:a> <urn:b> 2 } } #" + "x" * 2000
    body = encode(update)
    response = client.post(
        "/update",
        input_stream=io.BytesIO(body),
        headers={"Content-Type": content_type, "Authorization": f"Bearer {TOKEN}", **CHUNKED},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert response.status_code == 413
    assert not store.graphs() or "http://example.org/cut" not in store.graphs()


def test_a_chunked_body_under_the_limit_is_taken(store):
    client = create_app(ApiConfig(update_token=TOKEN), store).test_client()
    update = b"INSERT DATA { GRAPH <http://example.org/whole> { <urn:a> <urn:b> 1 } }"
    response = client.post(
        "/update",
        input_stream=io.BytesIO(update),
        headers={"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}", **CHUNKED},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert response.status_code == 204
    assert "http://example.org/whole" in store.graphs()


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
