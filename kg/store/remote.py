"""The remote store: any SPARQL 1.1 server, reached with SPARQLWrapper and the Graph Store Protocol.

Answers are fetched in one canonical format (SPARQL JSON results, N-Triples) and rewritten by
Oxigraph's serialisers, so both backends give the same bytes. A server that says an answer is
partial (Virtuoso's `X-SQL-State` after its `timeout` parameter) raises `QueryTimeout`: a user
never gets a silently truncated answer.
"""

from __future__ import annotations

import ast
import base64
import json
import re
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections.abc import Iterable, Iterator
from http import HTTPStatus
from http.client import HTTPResponse
from typing import Any

import pyoxigraph as ox
from SPARQLWrapper import BASIC, DIGEST, POST, URLENCODED, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from kg.errors import NotFound, QueryError, QueryTimeout, StoreError
from kg.formats import rdf_format
from kg.namespaces import PREFIXES
from kg.store import results
from kg.store.base import Dataset, QueryOutput, Triple
from kg.store.convert import ntriples, quads_of

SOLUTIONS_JSON = "application/sparql-results+json"
NTRIPLES = "application/n-triples"
GRAPH_FORMS = ("CONSTRUCT", "DESCRIBE")
# Graphs a fresh Virtuoso holds for itself; they are not part of the knowledge graph.
SYSTEM_GRAPHS = (
    "http://www.openlinksw.com/",
    "http://www.w3.org/ns/ldp#",
    "http://localuriqaserver/",
)
PARTIAL_STATES = ("S1TAT",)
HTTP_TIMEOUT_S = 300.0


class RemoteStore:
    """A SPARQL 1.1 endpoint (queries and updates) with an optional Graph Store Protocol endpoint."""

    def __init__(
        self,
        endpoint: str,
        *,
        user: str | None = None,
        password: str | None = None,
        auth: str = "digest",
        graph_store: str | None = None,
    ) -> None:
        self.location = endpoint
        self.endpoint = endpoint
        self.graph_store = graph_store
        self._user = user
        self._password = password
        self._auth = DIGEST if auth.lower() == "digest" else BASIC
        # Our own opener: SPARQLWrapper installs a global one with Digest credentials.
        self._http = urllib.request.build_opener()

    # -- writes ---------------------------------------------------------------------------

    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> int:
        """Replace the named graph `graph` in one request (a GSP PUT, or DROP + INSERT)."""
        quads = quads_of(graph, triples)
        if self.graph_store:
            self._graph_store("PUT", graph, ntriples(quads))
        else:
            # INSERT ... WHERE {} rather than INSERT DATA: Virtuoso refuses blank nodes in the latter.
            body = "".join(f"{q.subject} {q.predicate} {q.object} .\n" for q in quads)
            self.update(
                f"DROP SILENT GRAPH <{graph}> ;\nINSERT {{ GRAPH <{graph}> {{\n{body}}} }} WHERE {{}}"
            )
        return len(quads)

    def replace_graphs(self, graphs: Iterable[tuple[str, Iterable[Triple]]]) -> list[int]:
        """Replace several graphs; over HTTP each graph is its own transaction."""
        return [self.replace_graph(name, triples) for name, triples in graphs]

    def delete_graph(self, graph: str) -> bool:
        """Remove a named graph; return whether it existed."""
        if self.graph_store:
            return self._graph_store("DELETE", graph) != HTTPStatus.NOT_FOUND
        existed = graph in self.graphs()
        if existed:
            self.update(f"DROP SILENT GRAPH <{graph}>")
        return existed

    def update(self, sparql: str, *, timeout: float | None = None) -> None:
        """Run a SPARQL update on the server (one request: the server's transaction)."""
        wrapper = self._wrapper(sparql, timeout)
        wrapper.queryType = "INSERT"  # always sent as an update, whatever its first keyword
        response = self._send(wrapper)
        response.read()
        response.close()

    # -- reads ----------------------------------------------------------------------------

    def query(
        self,
        sparql: str,
        *,
        result_format: str,
        dataset: Dataset | None = None,
        timeout: float | None = None,
    ) -> QueryOutput:
        """Run a SPARQL query on the server and rewrite its answer in `result_format`."""
        wrapper = self._wrapper(sparql, timeout)
        if wrapper.isSparqlUpdateRequest():
            raise QueryError("this is a SPARQL update, not a query")
        form = (wrapper.queryType or "SELECT").upper()
        graph_answer = form in GRAPH_FORMS
        wrapper.addCustomHttpHeader("Accept", NTRIPLES if graph_answer else SOLUTIONS_JSON)
        if dataset is not None:
            for graph in dataset.default_graphs:
                wrapper.addDefaultGraph(graph)
            for graph in dataset.named_graphs:
                wrapper.addNamedGraph(graph)
            for key, value in dataset.extra.items():
                wrapper.addParameter(key, value)
        response = self._send(wrapper)
        try:
            if graph_answer:
                fmt, media_type = results.resolve(result_format, "graph")
                triples = ox.parse(response, ox.RdfFormat.N_TRIPLES)
                chunks = results.spooled(lambda out: ox.serialize(triples, out, fmt))  # type: ignore[arg-type]
                return QueryOutput("graph", media_type, chunks)
            body = _normalised_json(json.load(response))
            answer = ox.parse_query_results(body, ox.QueryResultsFormat.JSON)
        except (SyntaxError, ValueError, OSError) as err:
            raise StoreError(f"the server's answer could not be read: {err}") from None
        finally:
            response.close()
        kind = results.kind_of(answer)
        answer_format, media_type = results.resolve(result_format, kind)
        chunks = results.spooled(lambda out: answer.serialize(out, answer_format))  # type: ignore[arg-type]
        return QueryOutput(kind, media_type, chunks)

    def export(self, out: object, *, rdf_format: str, graph: str | None = None) -> None:
        """Stream the store (or one graph) graph by graph to `out`; triple formats merge the graphs."""
        fmt = _format(rdf_format)
        names = self.graphs()
        if graph is not None:
            if graph not in names:
                raise NotFound(f"no graph {graph!r} in the store")
            names = [graph]
        per_graph = fmt.supports_datasets and graph is None
        statements: Iterator[ox.Quad | ox.Triple] = (
            statement for name in names for statement in self._graph_statements(name, per_graph)
        )
        try:
            ox.serialize(statements, out, fmt, prefixes=PREFIXES)  # type: ignore[arg-type]
        except BrokenPipeError:
            raise
        except OSError as err:
            raise StoreError(f"the export failed: {err}") from None

    def count(self, graph: str | None = None) -> int:
        """The number of quads in the knowledge graph's named graphs, or triples in one graph."""
        if graph is not None:
            return self._count(f"GRAPH <{graph}> {{ ?s ?p ?o }}")
        return sum(self._count(f"GRAPH <{name}> {{ ?s ?p ?o }}") for name in self.graphs())

    def graphs(self) -> list[str]:
        """The names of the named graphs, less the server's own system graphs."""
        answer = self._select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        names = (row["g"]["value"] for row in answer if row.get("g", {}).get("type") == "uri")
        return sorted(name for name in names if not name.startswith(SYSTEM_GRAPHS))

    def close(self) -> None:
        """Nothing to release: every request has its own connection."""

    # -- internals ------------------------------------------------------------------------

    def _wrapper(self, sparql: str, timeout: float | None) -> SPARQLWrapper:
        wrapper = SPARQLWrapper(self.endpoint, updateEndpoint=self.endpoint)
        wrapper.setMethod(POST)
        wrapper.setRequestMethod(URLENCODED)
        wrapper.setOnlyConneg(True)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # an unrecognised query form: the server will say why
            wrapper.setQuery(sparql)
        wrapper.setTimeout(int(timeout + 5) if timeout else int(HTTP_TIMEOUT_S))
        if timeout:
            # Virtuoso's own limit (milliseconds); its partial answers are refused in `_send`.
            wrapper.addParameter("timeout", str(max(1, int(timeout * 1000))))
        if self._user and self._password:
            wrapper.setHTTPAuth(self._auth)
            wrapper.setCredentials(self._user, self._password)
        return wrapper

    def _send(self, wrapper: SPARQLWrapper) -> HTTPResponse:
        try:
            response, _ = wrapper._query()
        except SPARQLWrapperException as err:
            raise _server_error(err) from None
        except urllib.error.HTTPError as err:
            raise StoreError(f"the server answered {err.code}: {_text(err.read())}") from None
        except TimeoutError:
            raise QueryTimeout("the server did not answer in time") from None
        except urllib.error.URLError as err:
            raise StoreError(f"cannot reach {self.endpoint}: {err.reason}") from None
        state = response.headers.get("X-SQL-State", "")
        if state in PARTIAL_STATES:
            response.close()
            raise QueryTimeout(
                "the query ran out of time on the server, which offered only a partial answer",
                detail=response.headers.get("X-SQL-Message", ""),
            )
        return response  # type: ignore[no-any-return]

    def _select(self, sparql: str) -> list[dict[str, Any]]:
        wrapper = self._wrapper(sparql, None)
        wrapper.addCustomHttpHeader("Accept", SOLUTIONS_JSON)
        response = self._send(wrapper)
        try:
            return list(json.load(response)["results"]["bindings"])
        finally:
            response.close()

    def _count(self, pattern: str) -> int:
        rows = self._select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")
        return int(rows[0]["n"]["value"]) if rows else 0

    def _graph_statements(self, graph: str, as_quads: bool) -> Iterator[ox.Quad | ox.Triple]:
        wrapper = self._wrapper(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}", None)
        wrapper.addCustomHttpHeader("Accept", NTRIPLES)
        response = self._send(wrapper)
        name = ox.NamedNode(graph)
        try:
            # Each answer numbers its blank nodes afresh: rename them so two graphs never share one.
            for triple in ox.parse(response, ox.RdfFormat.N_TRIPLES, rename_blank_nodes=True):
                yield ox.Quad(triple.subject, triple.predicate, triple.object, name) if as_quads else triple
        finally:
            response.close()

    def _graph_store(self, method: str, graph: str, body: bytes | None = None) -> int:
        assert self.graph_store is not None
        url = f"{self.graph_store}?{urllib.parse.urlencode({'graph': graph})}"
        request = urllib.request.Request(url, data=body, method=method)
        if body is not None:
            request.add_header("Content-Type", NTRIPLES)
        authorization = self._authorization(request)
        if authorization:
            request.add_unredirected_header("Authorization", authorization)
        try:
            with self._http.open(request, timeout=HTTP_TIMEOUT_S) as response:
                response.read()
                return int(response.status)
        except urllib.error.HTTPError as err:
            message = _text(err.read())
            if err.code == HTTPStatus.NOT_FOUND and method == "DELETE":
                return err.code
            raise StoreError(f"the graph store answered {err.code} to {method}: {message}") from None
        except urllib.error.URLError as err:
            raise StoreError(f"cannot reach {self.graph_store}: {err.reason}") from None

    def _authorization(self, request: urllib.request.Request) -> str | None:
        """The Authorization header for `request`, from the server's challenge to a body-less probe.

        (A Digest client that sends a large body unauthenticated first gets its connection reset.)
        """
        if not (self._user and self._password):
            return None
        try:
            with self._http.open(request.full_url, timeout=HTTP_TIMEOUT_S) as probe:
                probe.read()
                return None
        except urllib.error.HTTPError as err:
            err.read()
            challenge = err.headers.get("WWW-Authenticate", "") if err.code == 401 else ""
        except urllib.error.URLError as err:
            raise StoreError(f"cannot reach {self.graph_store}: {err.reason}") from None
        scheme, _, params = challenge.partition(" ")
        if scheme.lower() == "digest":
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            passwords.add_password(None, request.full_url, self._user, self._password)
            handler = urllib.request.HTTPDigestAuthHandler(passwords)
            fields = urllib.request.parse_keqv_list(urllib.request.parse_http_list(params))
            answer = handler.get_authorization(request, fields)
            return f"Digest {answer}" if answer else None
        token = base64.b64encode(f"{self._user}:{self._password}".encode()).decode("ascii")
        return f"Basic {token}"


def _server_error(err: SPARQLWrapperException) -> Exception:
    """SPARQLWrapper's error as ours, with the server's own message."""
    text = str(err)
    raw = text.partition("Response:\n")[2]
    try:
        message = _text(ast.literal_eval(raw)) if raw else text
    except (ValueError, SyntaxError):
        message = text
    name = type(err).__name__
    if name == "QueryBadFormed":
        return QueryError(message)
    if name == "Unauthorized":
        return StoreError("the server refused the store's credentials", detail=message)
    if name == "EndPointNotFound":
        return StoreError("the server has no SPARQL endpoint at this URL", detail=message)
    if re.search(r"timeout|time limit|exceeds the limit", message, re.IGNORECASE):
        return QueryTimeout("the query ran out of time on the server", detail=message)
    return StoreError(f"the server failed: {message}")


def _text(data: bytes | str) -> str:
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    return text.strip()[:2000]


def _format(name: str | ox.RdfFormat) -> ox.RdfFormat:
    return name if isinstance(name, ox.RdfFormat) else rdf_format(name)


def _normalised_json(answer: dict[str, Any]) -> bytes:
    """SPARQL JSON results in the W3C form Oxigraph reads (Virtuoso writes `typed-literal`, `nodeID://`)."""
    for row in answer.get("results", {}).get("bindings", []):
        for value in row.values():
            if value.get("type") == "typed-literal":
                value["type"] = "literal"
            elif value.get("type") == "bnode":
                value["value"] = re.sub(r"[^A-Za-z0-9_]", "_", value["value"])
    return json.dumps(answer).encode("utf-8")
