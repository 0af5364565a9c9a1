"""End to end through a real `kg serve`: the time limit stops the work, writes, shutdown."""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from kg.store.embedded import EmbeddedStore
from tests.api import running
from tests.api.conftest import TOKEN

pytestmark = pytest.mark.slow
TRIPLES = 1500
CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def fetch(url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def query(server: running.Server, sparql: str) -> tuple[int, bytes]:
    return fetch(f"{server.url}/sparql?query={urllib.parse.quote(sparql)}")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    directory = tmp_path_factory.mktemp("served")
    store = EmbeddedStore(directory / "store")
    rows = " ".join(f"<http://example.org/s{i}> <http://example.org/p> {i} ." for i in range(TRIPLES))
    store.update(f"INSERT DATA {{ GRAPH <http://example.org/g> {{ {rows} }} }}")
    store.close()
    env = {"KG_QUERY_TIMEOUT": "2", "KG_UPDATE_TOKEN": TOKEN}
    started = running.start(directory / "store", directory / "serve.log", env=env)
    yield started
    started.stop()


def test_a_timed_out_aggregate_stops_using_cpu(server):
    began = time.monotonic()
    status, body = query(server, CROSS)
    elapsed = time.monotonic() - began
    assert status == 504
    assert json.loads(body)["error"] == "timeout"
    assert 1.5 < elapsed < 6
    time.sleep(0.5)  # the replacement worker starts
    before = running.tree_cpu_seconds(server.process.pid)
    time.sleep(2.0)
    used = running.tree_cpu_seconds(server.process.pid) - before
    assert used < 0.5, f"the server used {used:.2f} s of CPU in 2 s after the timeout"
    assert query(server, "ASK { ?s ?p ?o }")[0] == 200
    metrics = fetch(server.url + "/metrics")[1].decode()
    assert "kg_query_timeouts_total 1" in metrics


def test_writes_go_through_the_writer_and_are_read_by_every_worker(server):
    update = (
        b"INSERT DATA { GRAPH <http://example.org/new> { <http://example.org/x> <http://example.org/p> 1 } }"
    )
    headers = {"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"}
    assert fetch(server.url + "/update", update, headers)[0] == 204
    for _ in range(6):  # several requests, so more than one worker answers
        status, body = query(server, "ASK { GRAPH <http://example.org/new> { ?s ?p ?o } }")
        assert status == 200 and json.loads(body)["boolean"] is True


def test_a_timed_out_update_writes_nothing(server):
    update = (
        b"INSERT { GRAPH <http://example.org/slow> { ?a ?b ?i } } "
        b"WHERE { GRAPH ?x { ?a ?b ?c } GRAPH ?y { ?d ?e ?f } GRAPH ?z { ?g ?h ?i } }"
    )
    headers = {"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"}
    status, body = fetch(server.url + "/update", update, headers)
    assert status == 504, body
    assert (
        json.loads(query(server, "ASK { GRAPH <http://example.org/slow> { ?s ?p ?o } }")[1])["boolean"]
        is False
    )
    small = b"INSERT DATA { GRAPH <http://example.org/after> { <urn:y> <urn:p> 2 } }"
    deadline = time.monotonic() + 30
    while (status := fetch(server.url + "/update", small, headers)[0]) != 204 and time.monotonic() < deadline:
        time.sleep(0.5)  # the writer is being restarted
    assert status == 204


def test_graceful_shutdown(tmp_path: Path):
    started = running.start(tmp_path / "store", tmp_path / "serve.log")
    snapshots = list(tmp_path.glob(".store-snapshots-*"))
    assert snapshots
    assert started.stop() == 0
    assert not any(path.exists() for path in snapshots)
    assert EmbeddedStore(tmp_path / "store").count() == 0  # the writer released the store's lock


def test_a_posted_document_is_stored_by_the_writer(server):
    text = b"France will send 20 armoured vehicles to Ukraine next month."
    headers = {"Content-Type": "text/plain", "Authorization": f"Bearer {TOKEN}"}
    status, body = fetch(server.url + "/documents?id=paris-1", text, headers)
    assert status == 201, body
    answer = json.loads(body)
    assert [item["actor"] for item in answer["commitments"]] == ["France"]
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{answer['graph']}> {{ ?s ?p ?o }} }}"
    rows = json.loads(query(server, count)[1])["results"]["bindings"]
    assert int(rows[0]["n"]["value"]) == answer["triples"]


def test_a_write_empties_the_answer_cache(server):
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://example.org/cached> { ?s ?p ?o } }"

    def counted() -> int:
        status, body = query(server, count)
        assert status == 200
        return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])

    hits = re.compile(r'kg_result_cache_lookups_total\{result="hit"\} (\d+)')
    before = int(hits.findall(fetch(server.url + "/metrics")[1].decode())[0])
    assert counted() == 0
    assert counted() == 0  # kept
    assert int(hits.findall(fetch(server.url + "/metrics")[1].decode())[0]) == before + 1
    update = b"INSERT DATA { GRAPH <http://example.org/cached> { <urn:x> <urn:p> 1 } }"
    headers = {"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"}
    assert fetch(server.url + "/update", update, headers)[0] == 204
    assert counted() == 1
