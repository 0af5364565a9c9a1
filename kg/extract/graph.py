"""RDF for one document, following the graph contract: one named graph per document."""

from __future__ import annotations

import hashlib
from itertools import pairwise
from urllib.parse import quote

from rdflib import Literal, URIRef
from rdflib.namespace import OWL

from kg.docgraph import DocumentGraph, Triple
from kg.documents import Document
from kg.extract.lexicon import load_lexicon
from kg.extract.records import ActorRef, CommitmentRec, SourceRec
from kg.extract.resolve import FIRST_PERSON, slug
from kg.extract.resolve import source_actor as source_actor_of
from kg.namespaces import CKG, DCTERMS, PROV, RDF, RDFS, SKOS, WD, XSD

STATUS = {
    name: CKG[name.capitalize()]
    for name in ("ongoing", "pledged", "offered", "possible", "refused", "required")
}


def _hash(*parts: object) -> str:
    return hashlib.sha1("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def document_iri(base: str, doc_id: str) -> URIRef:
    """The document's IRI, which is also the name of its graph."""
    return URIRef(f"{base}document/{quote(doc_id, safe='')}")


class GraphBuilder:
    """Turns one document's records into triples."""

    def __init__(self, base: str, extractor_name: str) -> None:
        self.base = base
        self.extractor_name = extractor_name

    def build(
        self, document: Document, records: list[CommitmentRec], sources: list[SourceRec]
    ) -> DocumentGraph:
        """The document's graph."""
        base = self.base
        doc_iri = document_iri(base, document.id)
        triples: list[Triple] = [
            (doc_iri, RDF.type, CKG.Document),
            (doc_iri, DCTERMS.identifier, Literal(document.id)),
            (doc_iri, CKG.content, Literal(document.text)),
            (doc_iri, CKG.extractedBy, Literal(self.extractor_name)),
        ]
        if document.title:
            triples.append((doc_iri, DCTERMS.title, Literal(document.title)))
        if document.date:
            triples.append((doc_iri, DCTERMS.date, Literal(document.date)))
        if document.url and "://" in document.url and " " not in document.url:
            triples.append((doc_iri, DCTERMS.source, URIRef(document.url)))
        if document.source:
            triples.append((doc_iri, DCTERMS.publisher, Literal(document.source)))
        source_actor = source_actor_of(document.source, load_lexicon())
        statements: dict[tuple[int, int], URIRef] = {}
        actors: dict[str, tuple[ActorRef, set[str]]] = {}
        ids: list[URIRef] = []
        emitted = 0
        for record in records:
            begin, end = record["sent"]
            ids.append(
                URIRef(
                    f"{base}commitment/{_hash(document.id, begin, record['anchor'], record['actor']['key'])}"
                )
            )
        for index, record in enumerate(records):
            begin, end = record["sent"]
            statement = statements.get((begin, end))
            if statement is None:
                statement = URIRef(f"{base}statement/{_hash(document.id, begin, end)}")
                statements[(begin, end)] = statement
                triples += [
                    (statement, RDF.type, CKG.Statement),
                    (statement, CKG.text, Literal(document.text[begin:end])),
                    (statement, CKG.beginIndex, Literal(begin, datatype=XSD.nonNegativeInteger)),
                    (statement, CKG.endIndex, Literal(end, datatype=XSD.nonNegativeInteger)),
                    (statement, DCTERMS.isPartOf, doc_iri),
                ]
            actor = record["actor"]
            if source_actor is not None and actor.get("surface", "").lower() in FIRST_PERSON:
                actor = source_actor
            if actor["key"].startswith("@"):  # "we" with no source to stand for
                continue
            emitted += 1
            actor_iri = self._actor(actor, actors)
            commitment = ids[index]
            triples += [
                (commitment, RDF.type, CKG.Commitment),
                (commitment, CKG.hasActor, actor_iri),
                (commitment, CKG.status, STATUS[record["status"]]),
                (commitment, CKG.trigger, Literal(record["trigger"])),
                (commitment, PROV.wasDerivedFrom, statement),
            ]
            if record["negated"]:
                triples.append((commitment, CKG.negated, Literal(True)))
            for text, start in record["assets"]:
                asset = URIRef(f"{commitment}-asset-{_hash(start)[:6]}-{slug(str(text))[:40]}")
                triples += [
                    (asset, RDF.type, CKG.Asset),
                    (asset, RDFS.label, Literal(str(text))),
                    (commitment, CKG.hasAsset, asset),
                ]
                if not record["negated"]:
                    triples.append((actor_iri, CKG.commits, asset))
            if record["recipient"] is not None:
                triples.append((commitment, CKG.hasRecipient, self._actor(record["recipient"], actors)))
            if record["speaker"]:
                person = URIRef(f"{base}person/{slug(record['speaker'])}")
                triples += [
                    (person, RDF.type, CKG.Actor),
                    (person, RDF.type, CKG.Person),
                    (person, RDFS.label, Literal(record["speaker"])),
                    (person, CKG.represents, actor_iri),
                    (commitment, CKG.speaker, person),
                ]
            for condition in record["conditions"]:
                node = URIRef(f"{base}condition/{_hash(document.id, condition['start'], condition['text'])}")
                triples += [
                    (node, RDF.type, CKG.Condition),
                    (node, RDFS.label, Literal(condition["text"])),
                    (commitment, CKG.conditionedOn, node),
                ]
                if condition["depends"] is not None:
                    triples.append((node, CKG.dependsOn, ids[condition["depends"]]))
        triples += self._sources(document, sources, statements)
        for actor, surfaces in actors.values():
            triples += self._actor_triples(actor, surfaces)
        return DocumentGraph(document=document, iri=doc_iri, triples=triples, commitments=emitted)

    def _actor(self, actor: ActorRef, actors: dict[str, tuple[ActorRef, set[str]]]) -> URIRef:
        entry = actors.setdefault(actor["key"], (actor, set()))
        if actor.get("surface") and actor["surface"] != actor["label"]:
            entry[1].add(actor["surface"])
        return URIRef(f"{self.base}actor/{actor['key']}")

    def _actor_triples(self, actor: ActorRef, surfaces: set[str]) -> list[Triple]:
        iri = URIRef(f"{self.base}actor/{actor['key']}")
        out: list[Triple] = [
            (iri, RDF.type, CKG.Actor),
            (iri, RDF.type, CKG[actor["type"]]),
            (iri, RDFS.label, Literal(actor["label"])),
        ]
        names = [s for s in sorted(surfaces) if s[:1].isupper() and s.lower() not in PRONOUN_FORMS]
        out += [(iri, SKOS.altLabel, Literal(name)) for name in names]
        if actor["wikidata"]:
            out.append((iri, OWL.sameAs, WD[actor["wikidata"]]))
        return out

    def _sources(
        self, document: Document, sources: list[SourceRec], statements: dict[tuple[int, int], URIRef]
    ) -> list[Triple]:
        out: list[Triple] = []
        attributed: set[URIRef] = set()
        for record in sources:
            begin, end = record["sent"]
            targets = [statements[(begin, end)]] if (begin, end) in statements else []
            if record["back"]:
                targets += [iri for (b, _), iri in statements.items() if b < begin and iri not in attributed]
            if not targets:
                continue
            nodes = []
            for position, name in enumerate(record["chain"]):
                node = URIRef(f"{self.base}source/{_hash(document.id, begin, position, name)}")
                nodes.append(node)
                out += [(node, RDF.type, CKG.Source), (node, RDFS.label, Literal(name))]
            out += [(a, CKG.cites, b) for a, b in pairwise(nodes)]
            for target in targets:
                attributed.add(target)
                out.append((target, CKG.attributedTo, nodes[0]))
        return out


PRONOUN_FORMS = {
    "it",
    "its",
    "they",
    "their",
    "them",
    "he",
    "his",
    "she",
    "her",
    "we",
    "our",
    "us",
    "itself",
    "the country",
    "the government",
    "country",
    "government",
}
