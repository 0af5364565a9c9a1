"""`POST /update`: the protocol's update operation (also reached through `/sparql`)."""

from __future__ import annotations

from flask import Blueprint, Response, request

from api import policy
from api.auth import require_writer
from api.context import state
from api.protocol import Operation, read_operation

blueprint = Blueprint("update", __name__)


@blueprint.route("/update", methods=["GET", "POST", "PUT", "DELETE", "PATCH"])
def update() -> Response:
    """Only updates are taken here; a query form field is a bad request."""
    return run_update(read_operation(request, update_only=True))


def run_update(operation: Operation) -> Response:
    """Check the writer and the fetch policy, then run the update in one transaction."""
    require_writer()
    current = state()
    policy.check_fetches(operation.text, current.config.fetch_allow)
    current.store.update(operation.text, timeout=current.config.query_timeout)
    return Response(status=204)
