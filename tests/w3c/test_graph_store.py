"""The W3C Graph Store Protocol tests (direct and indirect identification), through real HTTP."""

from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from tests.w3c.manifests import SUITE, HttpTest, http_tests

MANIFESTS = ("manifest-direct.ttl", "manifest-indirect.ttl")
TESTS = [test for name in MANIFESTS for test in http_tests(SUITE / "graph-store-protocol" / name)]


def test_the_suite_is_whole():
    assert len(TESTS) == 13


@pytest.mark.parametrize("test", TESTS, ids=[test.name for test in TESTS])
def test_graph_store(w3c, test: HttpTest):
    w3c.clear()
    variables: dict[str, str] = {}
    for request in test.requests:
        path = request.path.replace("/gsp", "/store", 1)
        body = request.body
        for name, value in variables.items():
            path, body = path.replace(name, value), body.replace(name, value) if body else body
        status, headers, answer = w3c.send(
            request.method, path, body.encode("utf-8") if body is not None else None, request.headers
        )
        assert request.accepts(status), f"{request.method} {path}: {status} {answer[:300]!r}"
        if request.location_variable:
            variables[request.location_variable] = headers["Location"]
        if request.expected_content_type:
            expected = request.expected_content_type.split(";")[0]
            assert headers["Content-Type"].split(";")[0] == expected
        if request.expected_body is not None and request.method != "HEAD":
            got = Graph().parse(data=answer, format="turtle")
            assert isomorphic(got, Graph().parse(data=request.expected_body, format="turtle")), (
                answer.decode()
            )
