"""The commonest request, `GET /sparql?query=...`, answered without Flask's request machinery.

A lookup costs the engine tens of microseconds; Flask's routing, request objects and hooks cost
several times that. So a GET to `/sparql` whose only parameter is `query` is answered here,
with the same negotiation, fetch policy, base IRI, time limit, errors, metrics and access log
as the full view; anything else (other parameters, an `Origin` header, bytes that are not
UTF-8, other paths) goes on to the Flask app.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import Any
from urllib.parse import unquote_plus

from api import policy
from api.context import State
from api.errors import error_body, internal_error
from api.negotiation import choose, query_kind
from api.protocol import with_base
from api.views.query import with_charset
from kg.errors import KGError

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]
PREFIX = "query="
REASONS = {status.value: status.phrase for status in HTTPStatus}


class QueryFastPath:
    """WSGI middleware in front of the Flask app (`app.wsgi_app`)."""

    def __init__(self, state: State, app: WSGIApp) -> None:
        self.state = state
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        raw = environ.get("QUERY_STRING", "")
        host = environ.get("HTTP_HOST")
        if (
            environ.get("PATH_INFO") != "/sparql"
            or environ.get("REQUEST_METHOD") != "GET"
            or not raw.startswith(PREFIX)
            or "&" in raw
            or not host
            or "HTTP_ORIGIN" in environ
        ):
            return self.app(environ, start_response)
        try:
            text = unquote_plus(raw[len(PREFIX) :], errors="strict")
        except UnicodeDecodeError:
            return self.app(environ, start_response)
        started = time.perf_counter()
        status, headers, body = self._answer(environ, host, text)
        start_response(f"{status} {REASONS.get(status, 'Error')}", headers)
        seconds = time.perf_counter() - started
        self.state.metrics.observe("sparql", status, seconds)
        self.state.access.record("GET", "/sparql", status, len(body), seconds, environ.get("REMOTE_ADDR"))
        return [body]

    def _answer(
        self, environ: dict[str, Any], host: str, text: str
    ) -> tuple[int, list[tuple[str, str]], bytes]:
        config = self.state.config
        base = f"{environ.get('wsgi.url_scheme', 'http')}://{host}{environ.get('SCRIPT_NAME', '')}/sparql"
        try:
            text = with_base(text, base)
            policy.check_fetches(text, config.fetch_allow)
            media_type = choose(query_kind(text), environ.get("HTTP_ACCEPT"), None)
            answer = self.state.work.query(text, media_type=media_type)
        except Exception as failure:  # every failure answers, as in the Flask app
            error = failure if isinstance(failure, KGError) else internal_error(failure)
            body = error_body(error)
            headers = [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
            return error.http_status, headers, body
        content_type = with_charset(answer.media_type)
        return 200, [("Content-Type", content_type), ("Content-Length", str(len(answer.body)))], answer.body
