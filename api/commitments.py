"""A document graph's commitments as plain JSON, for the answer of `POST /documents`."""

from __future__ import annotations

from collections import defaultdict

from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.term import Node

from kg.docgraph import DocumentGraph
from kg.namespaces import CKG, PROV


def summarise(graph: DocumentGraph) -> list[dict[str, object]]:
    """Each commitment: its IRI, actor, assets, recipient, status, negation and sentence."""
    about: dict[Node, dict[Node, list[Node]]] = defaultdict(lambda: defaultdict(list))
    for subject, predicate, value in graph.triples:
        about[subject][predicate].append(value)

    def label(node: Node) -> str:
        labels = about[node][RDFS.label]
        return str(labels[0]) if labels else str(node)

    def first(node: Node, predicate: URIRef) -> Node | None:
        values = about[node][predicate]
        return values[0] if values else None

    found: list[dict[str, object]] = []
    for subject, properties in about.items():
        if CKG.Commitment not in properties[RDF.type]:
            continue
        actor = first(subject, CKG.hasActor)
        recipient = first(subject, CKG.hasRecipient)
        status = first(subject, CKG.status)
        negated = first(subject, CKG.negated)
        statement = first(subject, PROV.wasDerivedFrom)
        sentence = first(statement, CKG.text) if statement is not None else None
        found.append(
            {
                "iri": str(subject),
                "actor": label(actor) if actor is not None else None,
                "assets": [label(asset) for asset in properties[CKG.hasAsset]],
                "recipient": label(recipient) if recipient is not None else None,
                "status": str(status).rsplit("#", 1)[-1] if status is not None else None,
                "negated": bool(negated.toPython()) if isinstance(negated, Literal) else False,
                "sentence": str(sentence) if sentence is not None else None,
            }
        )
    return sorted(found, key=lambda item: str(item["iri"]))
