"""Operations: `/healthz` for liveness and `/metrics` for Prometheus."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify

from api.context import state

blueprint = Blueprint("ops", __name__)


@blueprint.route("/healthz")
def healthz() -> Response:
    """200 when the store answers a trivial query, 503 when it does not."""
    current = state()
    body: dict[str, object] = {"store": current.store.location, "writes": current.config.writes_enabled}
    try:
        output = current.store.query("ASK {}", result_format="json", timeout=5.0)
        b"".join(output.chunks)
    except Exception as err:  # the point of a health check is to report any failure
        response = jsonify({**body, "status": "unavailable", "reason": str(err)})
        response.status_code = 503
        return response
    return jsonify({**body, "status": "ok"})


@blueprint.route("/metrics")
def metrics() -> Response:
    """Request counts, latencies, timeouts and store size, summed over all workers."""
    current = state()
    text = current.metrics.render(
        {"kg_store_quads": ("Quads in the store.", lambda: float(current.store.count()))}
    )
    return Response(text, content_type="text/plain; version=0.0.4; charset=utf-8")
