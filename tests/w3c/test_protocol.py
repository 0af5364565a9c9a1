"""The 34 W3C SPARQL 1.1 Protocol tests, through real HTTP against `kg serve`."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from tests.w3c.manifests import SUITE, HttpRequest, HttpTest, http_tests

TESTS = list(http_tests(SUITE / "protocol" / "manifest.ttl"))
MEDIA_TYPES = {
    "boolean": ("application/sparql-results+json", "application/sparql-results+xml"),
    "tabular": (
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "text/csv",
        "text/tab-separated-values",
    ),
    "RDF": ("text/turtle", "application/n-triples", "application/rdf+xml"),
}


def test_the_suite_is_whole():
    assert len(TESTS) == 34


def boolean_of(media_type: str, body: bytes) -> bool:
    if media_type == "application/sparql-results+json":
        return bool(json.loads(body)["boolean"])
    element = ET.fromstring(body).find("{http://www.w3.org/2005/sparql-results#}boolean")
    assert element is not None
    return element.text == "true"


def run(w3c, request: HttpRequest) -> None:
    path = request.path.replace("/sparql/", "/sparql", 1)
    body = request.body.encode("utf-8") if request.body is not None else None
    headers = dict(request.headers)
    if request.result_format in ("boolean", "tabular") and "accept" not in headers:
        headers["Accept"] = "application/sparql-results+json, application/sparql-results+xml;q=0.9"
    status, answer_headers, answer = w3c.send(request.method, path, body, headers)
    assert request.accepts(status), f"{request.method} {path}: {status} {answer[:300]!r}"
    media_type = (answer_headers.get("Content-Type") or "").split(";")[0].strip()
    if request.result_format is not None:
        assert media_type in MEDIA_TYPES[request.result_format], media_type
    if request.boolean is not None:
        assert boolean_of(media_type, answer) is request.boolean


@pytest.mark.parametrize("test", TESTS, ids=[test.name for test in TESTS])
def test_protocol(w3c, test: HttpTest):
    w3c.clear()
    for path, graph in test.graph_data:
        w3c.put(graph, path.read_bytes(), "application/n-triples")
    for request in test.requests:
        run(w3c, request)
