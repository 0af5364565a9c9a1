"""One `kg serve` for the whole W3C run, and a way to empty its store between tests."""

from __future__ import annotations

import http.client
import urllib.parse

import pytest

from tests.api import running

TOKEN = "w3c-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


class W3CServer:
    """The server under test and the requests every test needs."""

    def __init__(self, server: running.Server) -> None:
        self.server = server
        self.url = server.url
        parts = urllib.parse.urlsplit(server.url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80

    def send(self, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None):
        """An HTTP request with the token and exactly these headers; returns (status, headers, body)."""
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers={**AUTH, **(headers or {})})
            answer = connection.getresponse()
            return answer.status, answer.headers, answer.read()
        finally:
            connection.close()

    def clear(self) -> None:
        """Drop every graph, default included."""
        status, _, body = self.send(
            "POST", "/update", b"DROP ALL", {"Content-Type": "application/sparql-update"}
        )
        assert status == 204, body

    def put(self, graph: str | None, data: bytes, media_type: str) -> None:
        """Load RDF into a named graph (or the default graph when `graph` is None)."""
        target = "default" if graph is None else "graph=" + urllib.parse.quote(graph, safe="")
        status, _, body = self.send("PUT", f"/store?{target}", data, {"Content-Type": media_type})
        assert status in (201, 204), body


@pytest.fixture(scope="session")
def w3c(tmp_path_factory: pytest.TempPathFactory):
    directory = tmp_path_factory.mktemp("w3c")
    env = {"KG_UPDATE_TOKEN": TOKEN, "KG_QUERY_TIMEOUT": "20"}
    server = running.start(directory / "store", directory / "serve.log", env=env, workers=2)
    yield W3CServer(server)
    server.stop()
