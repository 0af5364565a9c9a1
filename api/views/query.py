"""`GET|POST /sparql`: the protocol's query operation (updates are handed to the update view)."""

from __future__ import annotations

from flask import Blueprint, Response, request

from api import description, policy
from api.context import state
from api.negotiation import choose, query_kind
from api.protocol import Operation, read_operation
from api.views.update import run_update

blueprint = Blueprint("sparql", __name__)


@blueprint.route("/sparql", methods=["GET", "POST", "PUT", "DELETE", "PATCH"])
def sparql() -> Response:
    """One endpoint for queries, updates and the service description."""
    operation = read_operation(request)
    if operation.kind == "description":
        return description.response(request)
    if operation.kind == "update":
        return run_update(operation)
    return run_query(operation)


def run_query(operation: Operation) -> Response:
    """Run a query and answer in the negotiated format, whole (so its size is known and capped)."""
    current = state()
    policy.check_fetches(operation.text, current.config.fetch_allow)
    media_type = choose(
        query_kind(operation.text), request.headers.get("Accept"), request.values.get("format")
    )
    answer = current.work.query(operation.text, media_type=media_type, dataset=operation.dataset)
    return Response(answer.body, content_type=with_charset(answer.media_type))


def with_charset(media_type: str) -> str:
    """The Content-Type of an answer: textual ones say they are UTF-8."""
    textual = media_type.startswith("text/") or media_type.endswith(
        ("json", "xml", "triples", "quads", "trig")
    )
    return f"{media_type}; charset=utf-8" if textual and "charset" not in media_type else media_type
