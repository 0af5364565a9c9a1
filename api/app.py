"""`create_app(config, store)`: the Flask app of the HTTP API, its resources injected."""

from __future__ import annotations

import json
import logging
import time

from flask import Flask, Response, g, request

from api import errors
from api.config import ApiConfig
from api.context import EXTENSION, State, state
from api.metrics import Metrics
from api.page import blueprint as page_blueprint
from api.views import documents, graph_store, ops, query, update
from api.watchdog import Watchdog
from kg.store.base import Store

access_log = logging.getLogger("kg.access")


def create_app(
    config: ApiConfig, store: Store, *, metrics: Metrics | None = None, watchdog: Watchdog | None = None
) -> Flask:
    """Build the app over `store`.

    `kg serve` also gives the `metrics` shared by its worker processes and the `watchdog` that
    ends a worker whose request overruns the time limit.
    """
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = config.max_body_bytes
    app.extensions[EXTENSION] = State(config, store, metrics or Metrics(), watchdog)
    for module in (query, update, graph_store, documents, ops):
        app.register_blueprint(module.blueprint)
    app.register_blueprint(page_blueprint)
    errors.register(app)
    app.before_request(_start)
    app.after_request(_finish)
    return app


def _start() -> None:
    g.started = time.perf_counter()


def _finish(response: Response) -> Response:
    """Count the request, log it as one JSON line and add the CORS headers."""
    current = state()
    seconds = time.perf_counter() - g.get("started", time.perf_counter())
    blueprint, _, view = (request.endpoint or "other").partition(".")
    endpoint = view if blueprint == "ops" else blueprint
    current.metrics.observe(endpoint, response.status_code, seconds)
    if access_log.isEnabledFor(logging.INFO):
        access_log.info(
            json.dumps(
                {
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "bytes": response.content_length,
                    "ms": round(seconds * 1000, 2),
                    "remote": request.remote_addr,
                }
            )
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
