"""The store contract: every backend (embedded Oxigraph, a real Virtuoso) passes the same tests."""

from __future__ import annotations

import csv
import io
import json

import pytest
from rdflib import RDF, Graph, URIRef
from rdflib import Dataset as RdfDataset
from rdflib.compare import isomorphic

from kg.errors import NotFound, QueryError, UnsupportedFormat
from kg.store.base import Dataset, Store
from kg.store.csvexport import COLUMNS, export_commitments
from tests.store.conftest import DOC_1, DOC_2, document_graph

CKG = "PREFIX ckg: <https://w3id.org/commitment-kg/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
ACTOR_LABELS = CKG + "SELECT DISTINCT ?label WHERE { ?a a ckg:Actor ; rdfs:label ?label } ORDER BY ?label"


def fill(store: Store) -> None:
    assert store.replace_graph(DOC_1, document_graph("doc-1")) == 30
    assert store.replace_graph(DOC_2, document_graph("doc-2")) == 33


def answer(store: Store, sparql: str, result_format: str, **options: object) -> bytes:
    output = store.query(sparql, result_format=result_format, **options)  # type: ignore[arg-type]
    return b"".join(output.chunks)


def test_replace_count_and_list_graphs(store: Store) -> None:
    assert store.count() == 0
    fill(store)
    assert store.count(DOC_1) == 30
    assert store.count(DOC_2) == 33
    assert store.count() == 63
    assert store.graphs() == [DOC_1, DOC_2]


def test_replacing_a_graph_drops_its_old_triples(store: Store) -> None:
    fill(store)
    smaller = Graph()
    smaller.add((URIRef(DOC_1), RDF.type, URIRef("https://w3id.org/commitment-kg/ontology#Document")))
    assert store.replace_graph(DOC_1, smaller) == 1
    assert store.count(DOC_1) == 1
    assert store.count(DOC_2) == 33
    labels = answer(store, ACTOR_LABELS, "csv").decode().split()
    assert labels == ["label", "Germany", "Moldova", "Ukraine"]


def test_delete_graph(store: Store) -> None:
    fill(store)
    assert store.delete_graph(DOC_1) is True
    assert store.delete_graph(DOC_1) is False
    assert store.graphs() == [DOC_2]
    assert store.count() == 33


@pytest.mark.parametrize("result_format", ["json", "application/sparql-results+json"])
def test_select_json(store: Store, result_format: str) -> None:
    fill(store)
    output = store.query(ACTOR_LABELS, result_format=result_format)
    assert output.kind == "solutions"
    assert output.media_type == "application/sparql-results+json"
    body = json.loads(b"".join(output.chunks))
    assert body["head"]["vars"] == ["label"]
    labels = [row["label"]["value"] for row in body["results"]["bindings"]]
    assert labels == ["Germany", "Moldova", "Ukraine", "United States"]


def test_select_csv_tsv_xml_agree(store: Store) -> None:
    fill(store)
    sparql = CKG + (
        "SELECT ?text ?begin WHERE { ?s a ckg:Statement ; ckg:text ?text ; ckg:beginIndex ?begin } "
        "ORDER BY ?begin"
    )
    rows = list(csv.reader(io.StringIO(answer(store, sparql, "csv").decode("utf-8"))))
    assert rows[0] == ["text", "begin"]
    assert rows[1][0].startswith('Germany will send a third "IRIS-T" system and €500 million, in two\n')
    assert [row[1] for row in rows[1:]] == ["0", "1893"]
    tsv = answer(store, sparql, "tsv").decode("utf-8")
    assert tsv.splitlines()[0] == "?text\t?begin"
    assert "\\n" in tsv and "1893" in tsv
    xml = answer(store, sparql, "xml").decode("utf-8")
    assert '<variable name="text"/>' in xml and ">1893<" in xml


def test_ask(store: Store) -> None:
    fill(store)
    yes = answer(store, CKG + "ASK { ?c ckg:status ckg:Refused }", "json")
    no = answer(store, CKG + "ASK { ?c ckg:status ckg:Offered }", "json")
    assert json.loads(yes)["boolean"] is True
    assert json.loads(no)["boolean"] is False


@pytest.mark.parametrize(
    ("result_format", "rdflib_format"),
    [("turtle", "turtle"), ("ntriples", "nt"), ("rdfxml", "xml"), ("jsonld", "json-ld")],
)
def test_construct_in_each_syntax(store: Store, result_format: str, rdflib_format: str) -> None:
    fill(store)
    sparql = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{DOC_2}> {{ ?s ?p ?o }} }}"
    output = store.query(sparql, result_format=result_format)
    assert output.kind == "graph"
    graph = Graph().parse(data=b"".join(output.chunks), format=rdflib_format)
    assert isomorphic(graph, document_graph("doc-2"))


def test_malformed_query_gives_the_parser_message(store: Store) -> None:
    with pytest.raises(QueryError) as caught:
        store.query("SELECT ?x WHERE { ?x ?y }", result_format="json")
    assert caught.value.message.strip()
    assert caught.value.exit_code == 1


def test_result_format_must_fit_the_query(store: Store) -> None:
    with pytest.raises(UnsupportedFormat):
        store.query("SELECT * WHERE { ?s ?p ?o } LIMIT 1", result_format="turtle")


def test_update_and_malformed_update(store: Store) -> None:
    store.update(
        "INSERT DATA { GRAPH <https://example.org/kg/g> "
        '{ <https://example.org/kg/a> <https://example.org/kg/b> "c" } }'
    )
    assert store.count("https://example.org/kg/g") == 1
    with pytest.raises(QueryError):
        store.update("INSERT DATA { GRAPH <https://example.org/kg/g> { <https://example.org/kg/a> } }")
    assert store.count("https://example.org/kg/g") == 1


def test_dataset_restricts_the_default_graph(store: Store) -> None:
    fill(store)
    body = answer(store, ACTOR_LABELS, "json", dataset=Dataset(default_graphs=(DOC_1,)))
    labels = [row["label"]["value"] for row in json.loads(body)["results"]["bindings"]]
    assert labels == ["Ukraine", "United States"]


def test_export_whole_store_as_trig(store: Store) -> None:
    fill(store)
    out = io.BytesIO()
    store.export(out, rdf_format="trig")
    dataset = RdfDataset()
    dataset.parse(data=out.getvalue(), format="trig")
    assert isomorphic(dataset.graph(URIRef(DOC_1)), document_graph("doc-1"))
    assert isomorphic(dataset.graph(URIRef(DOC_2)), document_graph("doc-2"))


def test_export_one_graph_and_merged(store: Store) -> None:
    fill(store)
    one = io.BytesIO()
    store.export(one, rdf_format="ttl", graph=DOC_2)
    assert isomorphic(Graph().parse(data=one.getvalue(), format="turtle"), document_graph("doc-2"))
    other = Graph().parse(
        data='<https://example.org/kg/x> <https://example.org/kg/p> [ <https://example.org/kg/q> "z" ] .'
    )
    store.replace_graph("https://example.org/kg/document-doc-3", other)
    merged = io.BytesIO()
    store.export(merged, rdf_format="nt")
    expected = document_graph("doc-1") + document_graph("doc-2") + other  # two blank nodes stay two
    assert isomorphic(Graph().parse(data=merged.getvalue(), format="nt"), expected)
    with pytest.raises(NotFound):
        store.export(io.BytesIO(), rdf_format="ttl", graph="https://example.org/kg/none")


GERMAN_PLEDGE = (
    'Germany will send a third "IRIS-T" system and €500 million, in two\ntranches, to Ukraine and Moldova.'
)


def test_commitments_csv_is_the_same_on_every_backend(store: Store) -> None:
    fill(store)
    out = io.BytesIO()
    export_commitments(store, out)
    rows = list(csv.reader(io.StringIO(out.getvalue().decode("utf-8"), newline="")))
    assert rows == [
        list(COLUMNS),
        [
            "doc-1",
            "Officials stressed that the United States still opposes deploying its own troops in Ukraine.",
            "United States",
            "its own troops",
            "Ukraine",
            "Refused",
            "true",
            "under any peace agreement",
        ],
        [
            "doc-2",
            GERMAN_PLEDGE,
            "Germany",
            'a third "IRIS-T" system',
            "Moldova; Ukraine",
            "Pledged",
            "false",
            "",
        ],
        [
            "doc-2",
            GERMAN_PLEDGE,
            "Germany",
            "€500 million, in two\ntranches",
            "Moldova; Ukraine",
            "Pledged",
            "false",
            "",
        ],
    ]
