"""Store fixtures: each contract test runs on the embedded store and on a real Virtuoso."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph

from kg.store import open_store, remote_store
from kg.store.base import Store
from tests.paths import TEST_DATA
from tests.store import virtuoso

STORE_DATA = TEST_DATA / "store"
DOC_1 = "https://example.org/kg/document-doc-1"
DOC_2 = "https://example.org/kg/document-doc-2"


def document_graph(name: str) -> Graph:
    """A hand-written document graph from tests/data/store/."""
    return Graph().parse(STORE_DATA / f"{name}.ttl", format="turtle")


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[virtuoso.Virtuoso]:
    """One Virtuoso for the whole run (it takes a few seconds to start), stopped at the end."""
    server = virtuoso.start(tmp_path_factory.mktemp("virtuoso"))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["embedded", "remote", "remote-sparql-update"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty store of each backend (the remote one emptied of the previous test's graphs).

    `remote-sparql-update` writes through SPARQL Update instead of the Graph Store Protocol.
    """
    if request.param == "embedded":
        opened: Store = open_store(str(tmp_path / "store"))
    else:
        server = request.getfixturevalue("virtuoso_server")
        opened = remote_store(server.store_url)
        if request.param == "remote-sparql-update":
            opened.graph_store = None  # type: ignore[attr-defined]
        for graph in opened.graphs():
            opened.delete_graph(graph)
    try:
        yield opened
    finally:
        opened.close()
