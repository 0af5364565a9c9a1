"""The one error handler: every failure leaves as `KGError.to_dict()` JSON with its status."""

from __future__ import annotations

import json
import logging

from flask import Flask, Response
from werkzeug.exceptions import HTTPException

from kg.errors import KGError

log = logging.getLogger("kg.api")


def error_body(error: KGError) -> bytes:
    """The JSON body every failure is answered with."""
    return (json.dumps(error.to_dict(), sort_keys=True, separators=(",", ":")) + "\n").encode()


def error_response(error: KGError) -> Response:
    """The JSON answer for an error of the tree."""
    response = Response(error_body(error), status=error.http_status, content_type="application/json")
    if error.http_status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="kg"'
    return response


def _from_http(error: HTTPException) -> Response:
    code = (error.name or "error").lower().replace(" ", "_")
    kg_error = KGError(error.description or error.name or "error")
    kg_error.http_status = error.code or 500
    kg_error.code = code
    response = error_response(kg_error)
    if error.code == 405 and (allowed := error.get_headers()):
        response.headers.update({k: v for k, v in allowed if k == "Allow"})
    return response


def internal_error(error: Exception) -> KGError:
    """Log a failure that is not one of ours; what the client is told instead (500)."""
    log.exception("unexpected error", exc_info=error)
    return KGError("internal error", detail=type(error).__name__)


def _unexpected(error: Exception) -> Response:
    return error_response(internal_error(error))


def register(app: Flask) -> None:
    """Install the handlers on `app`."""
    app.register_error_handler(KGError, error_response)
    app.register_error_handler(HTTPException, _from_http)
    app.register_error_handler(Exception, _unexpected)
