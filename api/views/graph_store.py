"""`/store`: the SPARQL 1.1 Graph Store HTTP Protocol (`?graph=IRI`, `?default`, or a direct IRI).

Reads take the negotiated RDF syntax; writes need the token and become one SPARQL update each
(one transaction), run by the store like any other update.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from flask import Blueprint, Response, request

from api.auth import require_writer
from api.context import state
from api.negotiation import GRAPH, choose
from api.protocol import checked_iri
from api.uploads import ntriples, triple_format
from kg.errors import NotFound, UsageError
from kg.store.base import Dataset

blueprint = Blueprint("store", __name__)
METHODS = ["GET", "HEAD", "PUT", "POST", "DELETE"]
# Naming no default graph and only an absent named graph leaves the store's own default graph.
DEFAULT_GRAPH_ONLY = Dataset(named_graphs=("urn:x-kg:no-graph",))


@dataclass(frozen=True)
class Target:
    """The graph a request is about: a named graph, or the default graph when `iri` is None."""

    iri: str | None

    @property
    def sparql(self) -> str:
        return "DEFAULT" if self.iri is None else f"GRAPH <{self.iri}>"


@blueprint.route("/store", methods=METHODS)
@blueprint.route("/store/<path:_name>", methods=METHODS)
def graph_store(_name: str | None = None) -> Response:
    """Dispatch on the method; the graph is `?graph`, `?default`, or this URL itself."""
    target = _target()
    if request.method in ("GET", "HEAD"):
        return _get(_required(target))
    require_writer()
    if request.method == "DELETE":
        return _delete(_required(target))
    if request.method == "PUT":
        return _write(_required(target), replace=True)
    if target is None:
        created = Target(f"{request.host_url}store/{uuid.uuid4()}")
        response = _write(created, replace=True)
        response.headers["Location"] = str(created.iri)
        return response
    return _write(target, replace=False)


def _target() -> Target | None:
    if "default" in request.args:
        if "graph" in request.args:
            raise UsageError("give either ?graph=IRI or ?default, not both")
        return Target(None)
    if "graph" in request.args:
        return Target(checked_iri(request.args["graph"]))
    if request.path.rstrip("/") != "/store":
        return Target(request.base_url)
    return None


def _required(target: Target | None) -> Target:
    if target is None:
        raise UsageError("name the graph: ?graph=IRI or ?default")
    return target


def _get(target: Target) -> Response:
    current = state()
    media_type = choose("graph", request.headers.get("Accept"), request.args.get("format"))
    if target.iri is None:
        body = current.work.query(
            "CONSTRUCT WHERE { ?s ?p ?o }", media_type=media_type, dataset=DEFAULT_GRAPH_ONLY
        ).body
    else:
        body = current.work.export(target.iri, rdf_format=GRAPH[media_type])
    return Response(body, content_type=f"{media_type}; charset=utf-8")


def _exists(target: Target) -> bool:
    if target.iri is None:
        return True
    current = state()
    output = current.store.query(
        f"ASK {{ GRAPH <{target.iri}> {{ ?s ?p ?o }} }}",
        result_format="json",
        timeout=current.config.query_timeout,
    )
    return b"true" in b"".join(output.chunks)


def _delete(target: Target) -> Response:
    if not _exists(target):
        raise NotFound(f"no graph <{target.iri}> in the store")
    current = state()
    current.store.update(f"DROP {target.sparql}", timeout=current.config.query_timeout)
    return Response(status=204)


def _write(target: Target, *, replace: bool) -> Response:
    current = state()
    payload = _payload(target.iri or request.base_url)
    existed = _exists(target)
    block = payload if target.iri is None else f"GRAPH <{target.iri}> {{\n{payload}}}"
    update = (f"DROP SILENT {target.sparql} ;\n" if replace else "") + f"INSERT DATA {{\n{block}\n}}"
    current.store.update(update, timeout=current.config.query_timeout)
    return Response(status=204 if existed else 201)


def _payload(base_iri: str) -> str:
    """The N-Triples of the body, or of every file of a multipart/form-data body."""
    if request.mimetype == "multipart/form-data":
        return "".join(
            ntriples(upload.read(), triple_format(upload.mimetype or ""), base_iri)
            for upload in request.files.values()
        )
    return ntriples(request.get_data(cache=False), triple_format(request.mimetype), base_iri)
