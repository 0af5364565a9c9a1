"""`kg ingest` with the real extractor: summary, replacement, failures, and a SIGKILL mid-batch."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.namespaces import ONTOLOGY_GRAPH
from kg.store.embedded import EmbeddedStore

ACTORS = ("Germany", "France", "Poland", "Japan", "Canada", "The Netherlands")
ASSETS = ("two Patriot systems", "artillery shells", "a field hospital", "winter clothing", "fighter jets")
SUMMARY = re.compile(r"(\d+) documents, (\d+) commitments, (\d+) triples, (\d+) failures in [\d.]+ s")


def write_documents(path: Path, count: int, broken_line: int | None = None) -> None:
    """JSON Lines documents, each with two commitment sentences; optionally one broken line."""
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            if number == broken_line:
                out.write('{"id": "broken", "text": \n')
                continue
            actor, other = ACTORS[number % len(ACTORS)], ACTORS[(number + 1) % len(ACTORS)]
            asset = ASSETS[number % len(ASSETS)]
            text = (
                f"{actor} will send {asset} to Ukraine, its defence minister said on day {number}. "
                f"{other} refused to deploy troops in Ukraine."
            )
            out.write(json.dumps({"id": f"doc-{number}", "text": text}) + "\n")


def kg_ingest(inputs: Path, store: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", "ingest", str(inputs), "--store", str(store), "--quiet", *extra],
        capture_output=True,
        text=True,
        timeout=600,
    )


def graph_counts(path: Path) -> dict[str, int]:
    store = EmbeddedStore(path)
    try:
        return {graph: store.count(graph) for graph in store.graphs()}
    finally:
        store.close()


def test_ingest_summary_and_reingest_replaces(tmp_path: Path) -> None:
    inputs = tmp_path / "docs.jsonl"
    write_documents(inputs, 5)
    result = kg_ingest(inputs, tmp_path / "store")
    assert result.returncode == 0, result.stderr
    documents, commitments, triples, failures = map(int, SUMMARY.search(result.stderr).groups())  # type: ignore[union-attr]
    assert (documents, failures) == (5, 0)
    assert commitments >= 5
    first = graph_counts(tmp_path / "store")
    assert ONTOLOGY_GRAPH in first
    assert len(first) == 6
    assert sum(n for g, n in first.items() if g != ONTOLOGY_GRAPH) == triples
    again = kg_ingest(inputs, tmp_path / "store")
    assert again.returncode == 0, again.stderr
    assert graph_counts(tmp_path / "store") == first


def test_a_failing_document_is_reported_and_the_rest_stored(tmp_path: Path) -> None:
    inputs = tmp_path / "docs.jsonl"
    write_documents(inputs, 4, broken_line=1)
    result = kg_ingest(inputs, tmp_path / "store")
    assert result.returncode == 1
    assert f"failed: {inputs}:2: broken JSON" in result.stderr
    assert SUMMARY.search(result.stderr).groups()[0] == "3"  # type: ignore[union-attr]
    assert len(graph_counts(tmp_path / "store")) == 4  # three documents and the ontology


@pytest.mark.slow
def test_sigkill_mid_batch_leaves_documents_whole_or_absent(tmp_path: Path) -> None:
    inputs = tmp_path / "docs.jsonl"
    write_documents(inputs, 240)
    reference = tmp_path / "reference"
    assert kg_ingest(inputs, reference, "--batch-size", "8").returncode == 0
    expected = graph_counts(reference)

    store = tmp_path / "store"
    command = [sys.executable, "-m", "kg", "ingest", str(inputs), "--store", str(store), "--batch-size", "8"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, env={**os.environ, "TQDM_MININTERVAL": "0"})
    assert process.stderr is not None
    seen = b""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        seen += os.read(process.stderr.fileno(), 4096)
        done = [int(n) for n in re.findall(rb"ingest: (\d+)doc", seen)]
        if done and max(done) >= 44:
            break
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert done and max(done) < 240, "the ingest finished before it could be killed"

    partial = graph_counts(store)
    assert 40 <= len(partial) - 1 < len(expected) - 1
    for graph, count in partial.items():
        assert count == expected[graph], f"{graph} is not whole"

    assert kg_ingest(inputs, store, "--batch-size", "8").returncode == 0
    assert graph_counts(store) == expected
