"""The RDF namespaces of the graph contract and the default base for instance IRIs."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

CKG = Namespace("https://w3id.org/commitment-kg/ontology#")
ONTOLOGY_IRI = "https://w3id.org/commitment-kg/ontology"
ONTOLOGY_GRAPH = "https://w3id.org/commitment-kg/ontology"
WD = Namespace("http://www.wikidata.org/entity/")
DEFAULT_BASE = "https://w3id.org/commitment-kg/id/"

PREFIXES: dict[str, str] = {
    "ckg": str(CKG),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "skos": str(SKOS),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "wd": str(WD),
}

__all__ = [
    "CKG",
    "DCTERMS",
    "DEFAULT_BASE",
    "ONTOLOGY_GRAPH",
    "ONTOLOGY_IRI",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SKOS",
    "WD",
    "XSD",
]
