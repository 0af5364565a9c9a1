"""Robust input, provenance and the graph's shape."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyshacl
import rdflib
from rdflib import Literal, URIRef

from kg.docgraph import DocumentGraph
from kg.documents import Document, InputFailure
from kg.extract import Extractor
from kg.namespaces import CKG, DCTERMS, OWL, PROV, RDF, RDFS, SKOS, WD
from tests.paths import ONTOLOGY_DIR

ARTICLE = (
    "1204 readers online\n\n"
    "Share this article\n\n"
    "Germany ready to send more tanks to Ukraine\n\n"
    "German Chancellor Anna Weber said on Monday that Berlin is prepared to provide Ukraine with "
    "“modern tanks” and air defence systems after the end of the winter.\n\n"
    "  1. A training mission run by Poland;\n"
    "  2. Ammunition from stocks.\n\n"
    "This was reported by the Daily Courier, citing two officials, according to Radio North.\n"
)


def _graph(triples: list[tuple[object, object, object]]) -> rdflib.Graph:
    graph = rdflib.Graph()
    for triple in triples:
        graph.add(triple)  # type: ignore[arg-type]
    return graph


def test_offsets_point_into_the_document_text(graph_of: Callable[..., DocumentGraph]) -> None:
    result = graph_of(ARTICLE)
    graph = _graph(result.triples)
    statements = list(graph.subjects(RDF.type, CKG.Statement))
    assert statements
    for statement in statements:
        begin = int(graph.value(statement, CKG.beginIndex))  # type: ignore[arg-type]
        end = int(graph.value(statement, CKG.endIndex))  # type: ignore[arg-type]
        assert ARTICLE[begin:end] == str(graph.value(statement, CKG.text))
        assert graph.value(statement, DCTERMS.isPartOf) == result.iri


def test_headline_list_items_and_noise_are_their_own_sentences(
    graph_of: Callable[..., DocumentGraph],
) -> None:
    graph = _graph(graph_of(ARTICLE).triples)
    texts = {str(o) for o in graph.objects(None, CKG.text)}
    assert "Germany ready to send more tanks to Ukraine" in texts
    assert not any("readers online" in text for text in texts)


def test_actor_entity_person_and_attribution(graph_of: Callable[..., DocumentGraph]) -> None:
    graph = _graph(graph_of(ARTICLE).triples)
    germany = URIRef("https://w3id.org/commitment-kg/id/actor/germany")
    assert graph.value(germany, RDFS.label) == Literal("Germany")
    assert (germany, OWL.sameAs, WD.Q183) in graph
    assert (germany, RDF.type, CKG.State) in graph
    assert Literal("Berlin") in set(graph.objects(germany, SKOS.altLabel))
    speakers = {str(graph.value(p, RDFS.label)) for p in graph.objects(None, CKG.speaker)}
    assert speakers == {"German Chancellor Anna Weber"}
    labels = {str(graph.value(s, RDFS.label)) for s in graph.subjects(RDF.type, CKG.Source)}
    assert {"the Daily Courier", "two officials", "Radio North"} <= labels
    assert any(True for _ in graph.subject_objects(CKG.cites))
    conditions = {str(graph.value(c, RDFS.label)) for c in graph.objects(None, CKG.conditionedOn)}
    assert "after the end of the winter" in conditions


def test_same_input_same_iris(extractor: Extractor) -> None:
    document = Document(id="repeat", text=ARTICLE)
    first, second = list(extractor.extract([document, document]))
    assert isinstance(first, DocumentGraph) and isinstance(second, DocumentGraph)
    assert set(first.triples) == set(second.triples)


def test_graph_conforms_to_the_shapes(graph_of: Callable[..., DocumentGraph]) -> None:
    graph = _graph(graph_of(ARTICLE, title="A title", date="2025-08-26", url="https://example.org/a").triples)
    conforms, _, report = pyshacl.validate(
        graph,
        shacl_graph=str(ONTOLOGY_DIR / "shapes.ttl"),
        ont_graph=str(ONTOLOGY_DIR / "commitment-kg.ttl"),
        inference="rdfs",
        advanced=True,
    )
    assert conforms, report
    commitments = list(graph.subjects(RDF.type, CKG.Commitment))
    assert commitments and all(graph.value(c, PROV.wasDerivedFrom) for c in commitments)
    assert str(next(graph.objects(None, DCTERMS.date))) == "2025-08-26"


def test_empty_and_failed_documents_pass_through_in_order(extractor: Extractor) -> None:
    failure = InputFailure("in.jsonl:2", "broken JSON")
    items = [
        Document(id="a", text=""),
        failure,
        Document(id="b", text="   \n\n  "),
        Document(id="c", text="Hi."),
    ]
    results = list(extractor.extract(items, batch_size=2))
    assert [type(r).__name__ for r in results] == [
        "DocumentGraph",
        "InputFailure",
        "DocumentGraph",
        "DocumentGraph",
    ]
    assert results[1] is failure
    assert all(r.commitments == 0 for r in results if isinstance(r, DocumentGraph))


def test_very_long_document_is_extracted(extractor: Extractor) -> None:
    text = "Norway will deliver 12 artillery pieces to Moldova. " * 2000
    (result,) = list(extractor.extract([Document(id="long", text=text)]))
    assert isinstance(result, DocumentGraph)
    assert result.commitments == 2000


def test_oversized_document_is_reported_not_fatal(extractor: Extractor) -> None:
    from kg.extract.extractor import MAX_CHARS

    items = [Document(id="huge", text="a " * MAX_CHARS, location="big.txt"), Document(id="ok", text="Hi.")]
    huge, ok = list(extractor.extract(items))
    assert isinstance(huge, InputFailure) and huge.location == "big.txt"
    assert isinstance(ok, DocumentGraph)


def test_curly_quotes_and_odd_characters(graph_of: Callable[..., DocumentGraph]) -> None:
    result = graph_of("“We will send 20 ambulances,” said Italy’s minister. \u200b Done.\x00")
    assert result.commitments >= 0


def test_processes_give_the_same_graphs(extractor: Extractor, tmp_path: Path) -> None:
    documents = [Document(id=f"d{i}", text=f"Norway will deliver {i} tanks to Moldova.") for i in range(6)]
    one = list(extractor.extract(documents, processes=1, batch_size=2))
    two = list(extractor.extract(documents, processes=2, batch_size=2))
    assert [set(r.triples) for r in one] == [set(r.triples) for r in two]  # type: ignore[union-attr]


def test_we_is_the_document_source(graph_of: Callable[..., DocumentGraph]) -> None:
    text = "We will provide 300 tents and 40 generators to the flood victims, the ministry said."
    with_source = _graph(
        graph_of(text, doc_id="st-1", source="Ministry of Foreign Affairs of Canada").triples
    )
    actors = {str(with_source.value(a, RDFS.label)) for a in with_source.objects(None, CKG.hasActor)}
    assert actors == {"Canada"}
    assert graph_of(text, doc_id="st-2").commitments == 0
