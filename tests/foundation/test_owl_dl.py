"""The ontology keeps to OWL 2 DL as Protégé and HermiT need it, with every own term documented."""

from __future__ import annotations

from rdflib import OWL, RDF, RDFS, XSD

from kg.namespaces import CKG
from kg.owl import load_ontology

DECLARATION_TYPES = (
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.NamedIndividual,
)


def test_no_xsd_date_anywhere() -> None:
    ontology = load_ontology()
    assert not any(XSD.date in triple for triple in ontology)


def test_no_imports_that_need_the_network() -> None:
    assert not list(load_ontology().triples((None, OWL.imports, None)))


def test_no_punning() -> None:
    ontology = load_ontology()
    for subject in set(ontology.subjects(RDF.type, None)):
        kinds = {t for t in ontology.objects(subject, RDF.type) if t in DECLARATION_TYPES}
        kinds.discard(OWL.NamedIndividual)
        assert len(kinds) <= 1, f"{subject} is punned: {kinds}"


def test_every_own_term_has_label_and_comment() -> None:
    ontology = load_ontology()
    own = {s for s in ontology.subjects(RDF.type, None) if str(s).startswith(str(CKG))}
    assert len(own) > 30
    undocumented = [
        s for s in own if ontology.value(s, RDFS.label) is None or ontology.value(s, RDFS.comment) is None
    ]
    assert not undocumented
