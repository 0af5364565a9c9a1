"""`POST /documents`: read one posted document, store its graph, answer with its commitments."""

from __future__ import annotations

import hashlib

from flask import Blueprint, Response, jsonify, request

from api.auth import require_writer
from api.commitments import summarise
from api.context import state
from kg.documents import Document, InputFailure, decode, parse_record
from kg.errors import InputError, UnsupportedMediaType
from kg.ingest import ensure_ontology

blueprint = Blueprint("documents", __name__)


@blueprint.route("/documents", methods=["POST"])
def post_document() -> Response:
    """JSON (one record of the JSON Lines input) or text/plain (`?id=` names it)."""
    require_writer()
    document = _document()
    current = state()
    result = current.work.extract(document)
    if isinstance(result, InputFailure):
        raise InputError(f"{result.location}: {result.reason}")
    ensure_ontology(current.store)
    triples = current.store.replace_graph(str(result.iri), result.triples)
    response = jsonify(
        {
            "id": document.id,
            "graph": str(result.iri),
            "triples": triples,
            "commitments": summarise(result),
        }
    )
    response.status_code = 201
    return response


def _document() -> Document:
    body = request.get_data(cache=False)
    text, problem = decode(body)
    if problem:
        raise InputError(f"the body is {problem}")
    if request.mimetype == "application/json":
        parsed = parse_record(text, "request body")
        if isinstance(parsed, InputFailure):
            raise InputError(parsed.reason, detail='send {"id": ..., "text": ...}')
        return parsed
    if request.mimetype == "text/plain":
        if not text.strip():
            raise InputError("the document is empty")
        doc_id = request.args.get("id") or hashlib.sha256(body).hexdigest()[:16]
        return Document(id=doc_id, text=text, location="request body")
    raise UnsupportedMediaType(
        f"cannot read a document sent as {request.mimetype or 'no content type'!r}",
        detail="send application/json (one JSON Lines record) or text/plain",
    )
