"""`kg query` and `kg export` as users run them: a real process over a real embedded store."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset as RdfDataset
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from kg.ingest import ensure_ontology
from kg.namespaces import ONTOLOGY_GRAPH
from kg.store import open_store
from tests import hermit, owlapi
from tests.store.conftest import DOC_1, DOC_2, document_graph

ACTORS = """PREFIX ckg: <https://w3id.org/commitment-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?label WHERE { ?actor a ckg:Actor ; rdfs:label ?label } ORDER BY ?label
"""


def kg(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, timeout=120)


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> str:
    """An embedded store with the ontology and the two hand-written documents."""
    path = tmp_path_factory.mktemp("cli") / "store"
    store = open_store(str(path))
    ensure_ontology(store)
    store.replace_graph(DOC_1, document_graph("doc-1"))
    store.replace_graph(DOC_2, document_graph("doc-2"))
    store.close()
    return str(path)


def test_query_json_by_default_and_csv_from_a_file(filled: str, tmp_path: Path) -> None:
    result = kg("query", "--store", filled, ACTORS)
    assert result.returncode == 0, result.stderr
    labels = [row["label"]["value"] for row in json.loads(result.stdout)["results"]["bindings"]]
    assert labels == ["Germany", "Moldova", "Ukraine", "United States"]
    query_file = tmp_path / "actors.rq"
    query_file.write_text(ACTORS)
    result = kg("query", "--store", filled, f"@{query_file}", "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().split() == ["label", "Germany", "Moldova", "Ukraine", "United", "States"]


def test_construct_defaults_to_turtle(filled: str) -> None:
    result = kg(
        "query", "--store", filled, f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{DOC_1}> {{ ?s ?p ?o }} }}"
    )
    assert result.returncode == 0, result.stderr
    assert isomorphic(Graph().parse(data=result.stdout, format="turtle"), document_graph("doc-1"))


def test_malformed_query_gives_the_parser_message_and_status_1(filled: str) -> None:
    result = kg("query", "--store", filled, "SELECT ?x WHERE { ?x ?y }")
    assert result.returncode == 1
    assert result.stdout == b""
    message = result.stderr.decode()
    assert message.startswith("Error: ") and "expected" in message


def test_bad_format_and_missing_store(filled: str, tmp_path: Path) -> None:
    result = kg("query", "--store", filled, ACTORS, "--format", "turtle")
    assert result.returncode == 2
    assert b"not a result format" in result.stderr
    result = kg("query", "--store", str(tmp_path / "none"), ACTORS)
    assert result.returncode == 1
    assert b"no store" in result.stderr
    assert not (tmp_path / "none").exists()


def test_export_trig_to_stdout_and_nquads_by_extension(filled: str, tmp_path: Path) -> None:
    result = kg("export", "--store", filled)
    assert result.returncode == 0, result.stderr
    dataset = RdfDataset()
    dataset.parse(data=result.stdout, format="trig")
    assert isomorphic(dataset.graph(URIRef(DOC_2)), document_graph("doc-2"))
    assert len(dataset.graph(URIRef(ONTOLOGY_GRAPH))) > 100
    out = tmp_path / "all.nq"
    assert kg("export", "--store", filled, "-o", str(out)).returncode == 0
    dataset = RdfDataset()
    dataset.parse(out, format="nquads")
    assert isomorphic(dataset.graph(URIRef(DOC_1)), document_graph("doc-1"))


def test_export_of_a_missing_graph_fails_and_writes_no_file(filled: str, tmp_path: Path) -> None:
    out = tmp_path / "one.ttl"
    result = kg("export", "--store", filled, "--graph", "https://example.org/kg/none", "-o", str(out))
    assert result.returncode == 1
    assert b"no graph" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_export_commitments_csv(filled: str) -> None:
    result = kg("export", "--store", filled, "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode("utf-8"), newline="")))
    assert list(rows[0]) == [
        "document", "sentence", "actor", "asset", "recipient", "status", "negated", "conditions"
    ]  # fmt: skip
    assert [(r["document"], r["actor"], r["asset"]) for r in rows] == [
        ("doc-1", "United States", "its own troops"),
        ("doc-2", "Germany", 'a third "IRIS-T" system'),
        ("doc-2", "Germany", "€500 million, in two\ntranches"),
    ]
    refusal = rows[0]
    assert refusal["recipient"] == "Ukraine"
    assert (refusal["status"], refusal["negated"]) == ("Refused", "true")
    assert refusal["conditions"] == "under any peace agreement"
    assert refusal["sentence"].startswith("Officials stressed that the United States")
    assert {r["recipient"] for r in rows[1:]} == {"Moldova; Ukraine"}
    assert {(r["status"], r["negated"], r["conditions"]) for r in rows[1:]} == {("Pledged", "false", "")}


@pytest.mark.slow
def test_protege_export_loads_in_the_owl_api_and_hermit_finds_it_consistent(
    filled: str, tmp_path: Path, owlapi_classes: Path
) -> None:
    out = tmp_path / "commitments.owl"
    result = kg("export", "--store", filled, "--protege", "-o", str(out))
    assert result.returncode == 0, result.stderr
    merged = Graph().parse(out, format="xml")
    for name in ("doc-1", "doc-2"):
        assert all(triple in merged for triple in document_graph(name) if not _has_blank_node(triple))
    check = owlapi.run_check(owlapi_classes, out)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "unparsed=0" in check.stdout
    assert hermit.is_consistent(out)


def _has_blank_node(triple: tuple[object, object, object]) -> bool:
    return any(type(term).__name__ == "BNode" for term in triple)
