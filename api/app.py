"""`create_app(config, store)`: the Flask app of the HTTP API, its resources injected."""

from __future__ import annotations

import time

from flask import Flask, Response, g, request

from api import errors
from api.access import AccessLog
from api.config import ApiConfig
from api.context import EXTENSION, State, state
from api.fastpath import QueryFastPath
from api.metrics import Metrics
from api.page import blueprint as page_blueprint
from api.views import documents, graph_store, ops, query, update
from api.work import LocalWork, Work
from kg.store.base import Store


def create_app(
    config: ApiConfig, store: Store, *, metrics: Metrics | None = None, work: Work | None = None
) -> Flask:
    """Build the app over `store`.

    `kg serve` also gives the `metrics` shared by its processes and the `work` that runs
    queries, exports and extraction in processes it kills at the time limit; without it that
    work is done in this process.
    """
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = config.max_body_bytes
    app.extensions[EXTENSION] = State(
        config, store, metrics or Metrics(), work or LocalWork(store, config), AccessLog()
    )
    for module in (query, update, graph_store, documents, ops):
        app.register_blueprint(module.blueprint)
    app.register_blueprint(page_blueprint)
    errors.register(app)
    app.before_request(_start)
    app.after_request(_finish)
    app.wsgi_app = QueryFastPath(app.extensions[EXTENSION], app.wsgi_app)  # type: ignore[method-assign]
    return app


def _start() -> None:
    g.started = time.perf_counter()
    if request.content_length is None and request.method in ("POST", "PUT", "PATCH"):
        _read_unsized_body()


def _read_unsized_body() -> None:
    """Read a body sent without Content-Length (chunked) now, whole or refused.

    Werkzeug stops such a body at the size limit without saying so: a cut update could still
    parse and be run in part. Read and kept here, one byte past the limit raises 413.
    """
    request.get_data(cache=True, parse_form_data=False)
    request.stream.read(1)


def _finish(response: Response) -> Response:
    """Count the request, log it as one JSON line and add the CORS headers."""
    current = state()
    seconds = time.perf_counter() - g.get("started", time.perf_counter())
    blueprint, _, view = (request.endpoint or "other").partition(".")
    endpoint = view if blueprint == "ops" else blueprint
    current.metrics.observe(endpoint, response.status_code, seconds)
    current.access.record(
        request.method,
        request.path,
        response.status_code,
        response.content_length,
        seconds,
        request.remote_addr,
    )
    _cors(current.config, response)
    return response


def _cors(config: ApiConfig, response: Response) -> None:
    origin = request.headers.get("Origin")
    if origin and ("*" in config.cors_origins or origin in config.cors_origins):
        response.headers["Access-Control-Allow-Origin"] = "*" if "*" in config.cors_origins else origin
        response.headers["Vary"] = "Origin"
        if request.method == "OPTIONS":
            response.headers["Access-Control-Allow-Methods"] = "GET, POST, PUT, DELETE"
            response.headers["Access-Control-Allow-Headers"] = "Authorization, Content-Type, Accept"
