"""The pinned W3C SPARQL 1.1 test suites, read from their manifests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from tests.paths import SHARED

SUITE = SHARED / "w3c" / "sparql" / "sparql11"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
QT = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-query#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
DAWGT = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#")
RDFS_LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
HTS = "http://www.w3.org/2011/http-statusCodes#"
STATUS_NAMES = {"OK": 200, "Created": 201, "NoContent": 204, "NotFound": 404}


def load(path: Path) -> Graph:
    """A manifest, parsed with its own IRI as base."""
    return Graph().parse(path, format="turtle", publicID=path.as_uri())


def entries(graph: Graph) -> list[Node]:
    """The tests a manifest lists, in order."""
    manifest = next(graph.subjects(RDF.type, MF.Manifest))
    listed = graph.value(manifest, MF.entries)
    return list(Collection(graph, listed)) if listed is not None else []


def local(node: Node) -> str:
    """The test's short name (its IRI's fragment)."""
    return str(node).rsplit("#", 1)[-1]


@dataclass
class HttpRequest:
    """One request of a protocol test, and what its answer must be."""

    method: str
    path: str
    headers: dict[str, str]
    body: str | None
    statuses: list[str]
    boolean: bool | None = None
    result_format: str | None = None
    expected_body: str | None = None
    expected_content_type: str | None = None
    location_variable: str | None = None

    def accepts(self, status: int) -> bool:
        """Whether `status` is one the manifest allows."""
        for name in self.statuses:
            code = name.removeprefix(HTS)
            if code.startswith("StatusCode") and code.endswith("xx") and status // 100 == int(code[10]):
                return True
            if STATUS_NAMES.get(code) == status:
                return True
        return False


@dataclass
class HttpTest:
    """A protocol test: requests to run in order, after loading its graphs."""

    name: str
    requests: list[HttpRequest]
    graph_data: list[tuple[Path, str]] = field(default_factory=list)


def _headers(graph: Graph, node: Node | None) -> dict[str, str]:
    if node is None:
        return {}
    return {
        str(graph.value(header, HT.fieldName)): str(graph.value(header, HT.fieldValue))
        for header in Collection(graph, node)
    }


def _body(graph: Graph, node: Node | None) -> str | None:
    return None if node is None else str(graph.value(node, CNT.chars))


def http_tests(path: Path) -> Iterator[HttpTest]:
    """The protocol or Graph Store tests of one manifest file."""
    graph = load(path)
    for test in entries(graph):
        action = graph.value(test, MF.action)
        requests = []
        for request in Collection(graph, graph.value(action, HT.requests)):
            response = graph.value(request, HT.resp)
            content_type = _headers(graph, graph.value(response, HT.headers)).get("content-type")
            boolean = graph.value(response, MF.expectedBoolean)
            result_format = graph.value(response, MF.expectedFormat)
            location = graph.value(response, MF.expectedLocation)
            requests.append(
                HttpRequest(
                    method=str(graph.value(request, HT.methodName)),
                    path=str(graph.value(request, HT.absolutePath)),
                    headers=_headers(graph, graph.value(request, HT.headers)),
                    body=_body(graph, graph.value(request, HT.body)),
                    statuses=[str(s) for s in graph.objects(response, MF.expectedStatus)],
                    boolean=None if boolean is None else bool(boolean.toPython()),
                    result_format=None if result_format is None else str(result_format),
                    expected_body=_body(graph, graph.value(response, HT.body)),
                    expected_content_type=content_type,
                    location_variable=None if location is None else str(location),
                )
            )
        data = [
            (
                Path(str(graph.value(item, UT.graph)).removeprefix("file://")),
                str(graph.value(item, RDFS_LABEL)),
            )
            for item in graph.objects(test, UT.graphData)
        ]
        yield HttpTest(local(test), requests, data)


@dataclass
class EvaluationTest:
    """A query evaluation test: data, query, expected result."""

    name: str
    directory: str
    query: Path
    result: Path
    data: list[Path]
    graph_data: list[Path]
    approved: bool

    @property
    def id(self) -> str:
        return f"{self.directory}/{self.name}"


def evaluation_tests() -> Iterator[EvaluationTest]:
    """Every query evaluation test listed by the manifests of the suite's directories."""
    for path in sorted(SUITE.glob("*/manifest.ttl")):
        graph = load(path)
        for test in entries(graph):
            kinds = set(graph.objects(test, RDF.type))
            if not kinds & {MF.QueryEvaluationTest, MF.CSVResultFormatTest}:
                continue
            action = graph.value(test, MF.action)
            approval = graph.value(test, DAWGT.approval)
            yield EvaluationTest(
                name=local(test),
                directory=path.parent.name,
                query=_file(graph.value(action, QT.query)),
                result=_file(graph.value(test, MF.result)),
                data=[_file(node) for node in graph.objects(action, QT.data)],
                graph_data=[_file(node) for node in graph.objects(action, QT.graphData)],
                approved=approval in (DAWGT.Approved, None),
            )


def _file(node: Node | None) -> Path:
    return Path(str(node).removeprefix("file://"))
