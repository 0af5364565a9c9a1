"""Comparing SPARQL answers with the suite's expected results, as bags of solutions or graphs."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

from rdflib import XSD, BNode, Graph, Literal, Namespace
from rdflib.compare import isomorphic
from rdflib.query import Result
from rdflib.term import Node, Variable

GRAPH_SYNTAXES = {".ttl": "turtle", ".nt": "nt", ".rdf": "xml"}
RESULT_SYNTAXES = {".srx": "xml", ".srj": "json", ".tsv": "tsv"}
RS = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/result-set#")
NUMERIC = {XSD.integer, XSD.decimal, XSD.double, XSD.float}


def normal(term: Node | None) -> object:
    """A term as compared: blank nodes alike, plain literals as xsd:string, numbers by value."""
    if term is None:
        return None
    if isinstance(term, BNode):
        return "_:"
    if isinstance(term, Literal):
        datatype = term.datatype or (None if term.language else XSD.string)
        if datatype in NUMERIC:
            try:
                return ("number", datatype, float(term.toPython()))
            except (TypeError, ValueError):
                pass
        return ("literal", str(term), datatype, term.language.lower() if term.language else None)
    return str(term)


def solutions(result: Result) -> tuple[object, Counter[frozenset[tuple[str, object]]]]:
    """An ASK answer, or the bag of a SELECT answer's solutions."""
    if result.type == "ASK":
        return bool(result.askAnswer), Counter()
    bag: Counter[frozenset[tuple[str, object]]] = Counter()
    for row in result.bindings:
        bag[frozenset((str(name), normal(value)) for name, value in row.items() if value is not None)] += 1
    return None, bag


def expected_result(path: Path) -> Result:
    """The expected SELECT/ASK answer of a `.srx`, `.srj`, `.tsv` file, or an RDF result set."""
    if path.suffix in GRAPH_SYNTAXES:
        return _result_set(path)
    with path.open("rb") as source:
        return Result.parse(source, format=RESULT_SYNTAXES[path.suffix])


def is_result_set(path: Path) -> bool:
    """Whether an RDF result file describes solutions (the DAWG result-set vocabulary)."""
    return path.suffix in GRAPH_SYNTAXES and "result-set#" in path.read_text(encoding="utf-8")


def _result_set(path: Path) -> Result:
    graph = Graph().parse(path, format=GRAPH_SYNTAXES[path.suffix], publicID=path.as_uri())
    result = Result("SELECT")
    result.vars = [Variable(str(name)) for name in graph.objects(None, RS.resultVariable)]
    result.bindings = [
        {
            Variable(str(graph.value(b, RS.variable))): graph.value(b, RS.value)
            for b in graph.objects(s, RS.binding)
        }
        for s in graph.objects(None, RS.solution)
    ]
    return result


def solution_difference(got: bytes, expected: Path) -> str:
    """'' when a JSON answer has the expected solutions (as a bag) or boolean, else what differs."""
    got_boolean, got_bag = solutions(Result.parse(io.BytesIO(got), format="json"))
    want_boolean, want_bag = solutions(expected_result(expected))
    if (got_boolean, got_bag) == (want_boolean, want_bag):
        return ""
    return (
        f"boolean {got_boolean} vs {want_boolean}; extra {got_bag - want_bag}; missing {want_bag - got_bag}"
    )


def same_csv(got: bytes, expected: Path) -> bool:
    """Whether a CSV answer has the expected rows in any order (columns matched by name)."""

    def rows(text: str) -> Counter[frozenset[tuple[str, str]]]:
        header, *body = list(csv.reader(io.StringIO(text)))
        return Counter(
            frozenset(
                (name, "_:" if value.startswith("_:") else value)
                for name, value in zip(header, row, strict=True)
            )
            for row in body
        )

    return rows(got.decode("utf-8")) == rows(expected.read_text(encoding="utf-8"))


def same_graph(got: bytes, expected: Path) -> bool:
    """Whether a Turtle answer is isomorphic to the expected graph."""
    expected_graph = Graph().parse(
        expected, format=GRAPH_SYNTAXES[expected.suffix], publicID=expected.as_uri()
    )
    return isomorphic(Graph().parse(data=got, format="turtle"), expected_graph)
