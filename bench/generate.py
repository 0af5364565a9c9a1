"""A generated commitment graph, shaped like the extractor's output, as N-Quads (one graph per document)."""

from __future__ import annotations

import random
from pathlib import Path

CKG = "https://w3id.org/commitment-kg/ontology#"
BASE = "https://w3id.org/commitment-kg/id/"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
XSD = "http://www.w3.org/2001/XMLSchema#"
ACTORS = ("united-states", "ukraine", "germany", "france", "nato", "european-union", "poland", "japan")
STATUSES = ("Ongoing", "Pledged", "Offered", "Possible", "Refused", "Required")
TRIPLES_PER_DOCUMENT = 8 + 19 * 8  # header and actors, then eight commitments


def document_graph(number: int, rnd: random.Random, commitments: int = 8) -> list[str]:
    """The N-Quads lines of one document's graph."""
    doc = f"<{BASE}document/doc-{number}>"
    lines: list[str] = []

    def add(s: str, p: str, o: str) -> None:
        lines.append(f"{s} {p} {o} {doc} .\n")

    add(doc, TYPE, f"<{CKG}Document>")
    add(doc, "<http://purl.org/dc/terms/identifier>", f'"doc-{number}"')
    for name in ACTORS[:3]:
        actor = f"<{BASE}actor/{name}>"
        add(actor, TYPE, f"<{CKG}Actor>")
        add(actor, LABEL, f'"{name.replace("-", " ").title()}"')
    for k in range(commitments):
        commitment = f"<{BASE}commitment/{number}-{k}>"
        statement = f"<{BASE}statement/doc-{number}-{k * 100}>"
        asset = f"<{BASE}asset/{number}-{k}>"
        condition = f"<{BASE}condition/{number}-{k}-0>"
        actor = f"<{BASE}actor/{rnd.choice(ACTORS)}>"
        negated = rnd.random() < 0.1
        add(commitment, TYPE, f"<{CKG}Commitment>")
        add(commitment, f"<{CKG}hasActor>", actor)
        add(commitment, f"<{CKG}hasAsset>", asset)
        add(commitment, f"<{CKG}hasRecipient>", f"<{BASE}actor/{rnd.choice(ACTORS)}>")
        add(commitment, f"<{CKG}negated>", f'"{str(negated).lower()}"^^<{XSD}boolean>')
        add(commitment, f"<{CKG}status>", f"<{CKG}{rnd.choice(STATUSES)}>")
        add(commitment, "<http://www.w3.org/ns/prov#wasDerivedFrom>", statement)
        add(commitment, f"<{CKG}conditionedOn>", condition)
        add(actor, f"<{CKG}commits>", asset)
        add(asset, TYPE, f"<{CKG}Asset>")
        add(asset, LABEL, f'"asset {rnd.randrange(500)}"')
        add(condition, TYPE, f"<{CKG}Condition>")
        add(condition, LABEL, '"if the fighting stops"')
        add(statement, TYPE, f"<{CKG}Statement>")
        add(statement, f"<{CKG}text>", f'"Sentence {k} of document {number}: someone commits something."')
        add(statement, f"<{CKG}beginIndex>", f'"{k * 100}"^^<{XSD}integer>')
        add(statement, f"<{CKG}endIndex>", f'"{k * 100 + 80}"^^<{XSD}integer>')
        add(statement, "<http://purl.org/dc/terms/isPartOf>", doc)
        add(statement, "<http://purl.org/dc/terms/source>", '"generated"')
    return lines


def write_nquads(path: Path, documents: int, seed: int = 7) -> int:
    """Write `documents` document graphs to `path`; return the number of quads."""
    rnd = random.Random(seed)
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for number in range(documents):
            lines = document_graph(number, rnd)
            out.writelines(lines)
            count += len(lines)
    return count
