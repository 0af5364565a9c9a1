"""What only the embedded store does: one writer, snapshots, transactions, crash-safe bulk loads."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.generate import TRIPLES_PER_DOCUMENT, write_nquads
from kg.errors import InputError, StoreBusy, StoreError
from kg.store.embedded import JOURNAL, EmbeddedStore
from tests.store.conftest import DOC_1, DOC_2, document_graph

HOLD_OPEN = """
import sys, time
from kg.store.embedded import EmbeddedStore
store = EmbeddedStore(sys.argv[1])
print("open", flush=True)
time.sleep(60)
"""

BULK_LOAD = """
import sys
from kg.store.embedded import EmbeddedStore
store = EmbeddedStore(sys.argv[1])
print("loading", flush=True)
store.load(sys.argv[2], "nq")
print("done", flush=True)
"""


def test_a_second_writer_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "store"
    EmbeddedStore(path).close()
    holder = subprocess.Popen([sys.executable, "-c", HOLD_OPEN, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreBusy) as caught:
            EmbeddedStore(path)
        assert "another process" in caught.value.message
    finally:
        holder.kill()
        holder.wait()


def test_missing_store_is_not_created_for_readers(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        EmbeddedStore(tmp_path / "nowhere", create=False)
    assert not (tmp_path / "nowhere").exists()


def test_read_only_snapshot_refuses_writes(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "store")
    store.replace_graph(DOC_1, document_graph("doc-1"))
    store.close()
    snapshot = EmbeddedStore(tmp_path / "store", read_only=True)
    assert snapshot.count(DOC_1) == 30
    with pytest.raises(StoreError):
        snapshot.replace_graph(DOC_2, document_graph("doc-2"))
    snapshot.close()


def test_a_batch_is_one_transaction(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "store")
    store.replace_graph(DOC_1, document_graph("doc-1"))
    assert store.replace_graphs([(DOC_1, document_graph("doc-2")), (DOC_2, document_graph("doc-2"))]) == [
        33,
        33,
    ]
    assert store.count() == 66
    assert store.replace_graphs([(DOC_1, document_graph("doc-2")), (DOC_1, document_graph("doc-1"))]) == [
        33,
        30,
    ]
    assert store.count(DOC_1) == 30  # the same graph twice in a batch: the last version wins
    with pytest.raises(InputError):
        store.replace_graphs([(DOC_1, document_graph("doc-1")), ("not an iri", document_graph("doc-1"))])
    assert store.count(DOC_1) == 30  # the failed batch changed nothing
    store.close()


def test_an_update_is_one_transaction(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "store")
    store.replace_graph(DOC_1, document_graph("doc-1"))
    with pytest.raises(Exception, match="exists"):
        store.update(
            f"INSERT DATA {{ GRAPH <{DOC_2}> {{ <urn:a> <urn:b> <urn:c> }} }} ; CREATE GRAPH <{DOC_1}>"
        )
    assert store.graphs() == [DOC_1]
    store.close()


def test_bulk_load_replaces_graphs_and_rejects_a_broken_file(tmp_path: Path) -> None:
    data = tmp_path / "data.nq"
    quads = write_nquads(data, 20)
    store = EmbeddedStore(tmp_path / "store")
    store.replace_graph("https://w3id.org/commitment-kg/id/document/doc-3", document_graph("doc-1"))
    assert store.load(data, "nq") == quads
    assert store.count() == quads
    assert store.count("https://w3id.org/commitment-kg/id/document/doc-3") == TRIPLES_PER_DOCUMENT
    broken = tmp_path / "broken.nq"
    broken.write_text(data.read_text()[:5000] + "<oops\n")
    with pytest.raises(InputError):
        store.load(broken, "nq")
    assert store.count() == quads
    assert not (tmp_path / "store" / JOURNAL).exists()
    store.close()


@pytest.mark.slow
def test_sigkill_during_a_bulk_load_leaves_each_graph_whole_or_absent(tmp_path: Path) -> None:
    data = tmp_path / "data.nq"
    write_nquads(data, 1500)
    path = tmp_path / "store"
    EmbeddedStore(path).close()
    loader = subprocess.Popen(
        [sys.executable, "-c", BULK_LOAD, str(path), str(data)], stdout=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 60
    while not (path / JOURNAL).exists() and time.monotonic() < deadline and loader.poll() is None:
        time.sleep(0.01)
    assert (path / JOURNAL).exists(), "the load never started"
    time.sleep(0.2)  # into the bulk load itself
    loader.send_signal(signal.SIGKILL)
    loader.wait()
    journal = json.loads((path / JOURNAL).read_text())["loading"]
    assert len(journal) == 1500

    store = EmbeddedStore(path)
    assert store.recovered == journal
    for graph in store.graphs():
        assert store.count(graph) == TRIPLES_PER_DOCUMENT
    assert store.load(data, "nq") == 1500 * TRIPLES_PER_DOCUMENT
    assert len(store.graphs()) == 1500
    assert store.count() == 1500 * TRIPLES_PER_DOCUMENT
    store.close()
