"""Protégé-readiness, checked with Protégé's own library (OWL API) and HermiT (owlready2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.owl import ONTOLOGY_RDFXML, ONTOLOGY_TURTLE, load_ontology, render_rdfxml, resource_text
from tests import owlapi
from tests.hermit import is_consistent
from tests.paths import ONTOLOGY_DIR


@pytest.mark.parametrize("name", [ONTOLOGY_TURTLE, ONTOLOGY_RDFXML])
def test_owlapi_loads_with_no_unparsed_triple(owlapi_classes: Path, name: str) -> None:
    result = owlapi.run_check(owlapi_classes, ONTOLOGY_DIR / name)
    assert result.returncode == 0, result.stderr
    assert "unparsed=0 violations=0" in result.stdout


def test_owlapi_check_catches_an_unparsed_triple(owlapi_classes: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text(
        resource_text(ONTOLOGY_TURTLE) + "\n[] ckg:negated [ ckg:hasActor 'x' ] .\n", encoding="utf-8"
    )
    result = owlapi.run_check(owlapi_classes, broken)
    assert result.returncode != 0


def test_rdfxml_copy_is_generated_from_the_turtle_source() -> None:
    """The RDF/XML is never hand-kept: it is exactly what `make ontology` writes now."""
    on_disk = (ONTOLOGY_DIR / ONTOLOGY_RDFXML).read_text(encoding="utf-8")
    assert on_disk == render_rdfxml(load_ontology()), "run `make ontology` to regenerate it"
    assert isomorphic(Graph().parse(data=on_disk, format="xml"), load_ontology())


def test_hermit_finds_the_ontology_consistent() -> None:
    assert is_consistent(ONTOLOGY_DIR / ONTOLOGY_RDFXML)


def test_hermit_finds_a_contradiction(tmp_path: Path) -> None:
    """The reasoner check can fail: an individual that is both a Commitment and an Actor."""
    graph = load_ontology()
    graph.parse(
        data="""
        @prefix ckg: <https://w3id.org/commitment-kg/ontology#> .
        <https://example.org/x> a ckg:Commitment, ckg:Actor .
        """,
        format="turtle",
    )
    bad = tmp_path / "bad.owl"
    bad.write_text(render_rdfxml(graph), encoding="utf-8")
    assert not is_consistent(bad)
