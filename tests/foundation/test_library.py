"""The Python API: `import kg` is cheap, and its operations work end to end on a real store."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDF, Graph

import kg
from kg.errors import InputError
from kg.namespaces import CKG

LABELS = """
PREFIX ckg: <https://w3id.org/commitment-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?actor ?asset WHERE { ?c ckg:hasActor/rdfs:label ?actor ; ckg:hasAsset/rdfs:label ?asset }
"""


def test_import_loads_neither_spacy_nor_the_store_engine() -> None:
    code = "import sys, kg; print('spacy' in sys.modules, 'pyoxigraph' in sys.modules, kg.__version__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split()[:2] == ["False", "False"]


def test_every_public_name_resolves() -> None:
    for name in kg.__all__:
        assert getattr(kg, name) is not None
    with pytest.raises(AttributeError):
        kg.no_such_name  # noqa: B018


def test_extract_ingest_query_export(tmp_path: Path) -> None:
    texts = ["France has pledged 100 million euros to Lebanon.", "Japan refused to deploy troops."]
    dataset = kg.extract_texts(texts)
    assert len(list(dataset.subjects(RDF.type, CKG.Commitment))) == 2

    store = kg.open_store(str(tmp_path / "store"))
    try:
        summary = kg.ingest_texts(store, texts)
        assert (summary.documents, summary.commitments, summary.failures) == (2, 2, [])
        rows = kg.query_store(store, LABELS, "csv").decode().splitlines()
        assert rows[0] == "actor,asset"
        assert "France,100 million euros" in rows
        kg.export_store(store, tmp_path / "out.ttl", "ttl")
    finally:
        store.close()
    exported = Graph().parse(tmp_path / "out.ttl")
    assert len(list(exported.subjects(RDF.type, CKG.Commitment))) == 2


def test_extract_names_a_document_it_cannot_read() -> None:
    with pytest.raises(InputError, match="huge"):
        kg.extract_texts([kg.Document(id="huge", text="x " * 600_000, location="huge")])
