"""Every term of the graph contract is declared in the ontology, with a label and a comment."""

from __future__ import annotations

import re

import pytest
from rdflib import OWL, RDF, RDFS, URIRef

from kg.namespaces import CKG
from kg.owl import load_ontology
from tests.paths import SHARED

CONTRACT = SHARED / "spec" / "graph-contract.md"
PREFIXES = {
    "ckg": str(CKG),
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
}
KINDS = {
    "class": OWL.Class,
    "object property": OWL.ObjectProperty,
    "datatype property": OWL.DatatypeProperty,
    "(PROV-O)": OWL.ObjectProperty,
}
STATUSES = ("Ongoing", "Pledged", "Offered", "Possible", "Refused", "Required")


def contract_terms() -> list[tuple[str, URIRef, URIRef | None]]:
    """(name, IRI, expected OWL kind) for each row of the contract's term table."""
    rows = []
    for line in CONTRACT.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not cells[0].startswith("`"):
            continue
        kind = KINDS.get(cells[1])
        for name in re.findall(r"`(\w+):(\w+)`", cells[0]):
            prefix, local = name
            if prefix in PREFIXES:
                rows.append((f"{prefix}:{local}", URIRef(PREFIXES[prefix] + local), kind))
    return rows


TERMS = contract_terms()


def test_the_contract_table_was_read() -> None:
    assert len(TERMS) >= 20, "the contract's term table could not be read"


@pytest.mark.parametrize(("name", "iri", "kind"), TERMS, ids=[t[0] for t in TERMS])
def test_contract_term_is_declared_and_documented(name: str, iri: URIRef, kind: URIRef | None) -> None:
    ontology = load_ontology()
    declared = set(ontology.objects(iri, RDF.type))
    assert declared, f"{name} is not declared"
    if kind is not None:
        assert kind in declared, f"{name} should be a {kind}, is {declared}"
    assert ontology.value(iri, RDFS.label) is not None, f"{name} has no rdfs:label"
    assert ontology.value(iri, RDFS.comment) is not None, f"{name} has no rdfs:comment"


@pytest.mark.parametrize("status", STATUSES)
def test_status_individual_is_declared(status: str) -> None:
    ontology = load_ontology()
    individual = CKG[status]
    assert (individual, RDF.type, CKG.CommitmentStatus) in ontology
    assert (individual, RDF.type, OWL.NamedIndividual) in ontology
    assert ontology.value(individual, RDFS.comment) is not None


def test_commitment_status_has_exactly_the_six_individuals() -> None:
    ontology = load_ontology()
    enumerations = [
        list(ontology.items(ontology.value(cls, OWL.oneOf)))
        for cls in ontology.objects(CKG.CommitmentStatus, OWL.equivalentClass)
    ]
    assert enumerations == [[CKG[s] for s in STATUSES]]


@pytest.mark.parametrize("subclass", ["State", "Organisation", "GroupOfStates", "Person"])
def test_actor_subclasses(subclass: str) -> None:
    assert (CKG[subclass], RDFS.subClassOf, CKG.Actor) in load_ontology()
