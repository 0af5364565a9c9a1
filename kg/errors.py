"""One exception tree: each error knows its HTTP status and CLI exit code."""

from __future__ import annotations


class KGError(Exception):
    """Base of every error the user can act on."""

    http_status = 500
    exit_code = 1
    code = "error"

    def __init__(self, message: str, *, detail: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def to_dict(self) -> dict[str, object]:
        """The one JSON error shape used by the HTTP API."""
        body: dict[str, object] = {"error": self.code, "message": self.message}
        if self.detail:
            body["detail"] = self.detail
        return body


class UsageError(KGError):
    """The command was called wrongly."""

    http_status = 400
    exit_code = 2
    code = "bad_usage"


class InputError(KGError):
    """A document or file could not be read."""

    http_status = 400
    code = "bad_input"


class QueryError(KGError):
    """A SPARQL query or update is malformed or cannot run."""

    http_status = 400
    code = "bad_query"


class ConfigurationError(KGError):
    """A setting is missing or wrong (a model that is not installed, a bad store path)."""

    http_status = 500
    code = "bad_configuration"


class StoreError(KGError):
    """The store failed to read or write."""

    http_status = 502
    code = "store_error"


class ModelNotFound(ConfigurationError):
    """No spaCy pipeline could be loaded."""

    code = "model_not_found"


# Errors of the HTTP API (their statuses follow the SPARQL 1.1 Protocol).


class NotAcceptable(KGError):
    """No serialisation the client accepts is offered for this answer."""

    http_status = 406
    code = "not_acceptable"


class UnsupportedMediaType(KGError):
    """The request body has a content type this operation does not take."""

    http_status = 415
    code = "unsupported_media_type"


class BodyTooLarge(KGError):
    """The request body is over the configured limit."""

    http_status = 413
    code = "body_too_large"


class ResultTooLarge(KGError):
    """The serialised answer is over the configured limit."""

    http_status = 507
    code = "result_too_large"


class WritesDisabled(KGError):
    """A write was asked of a server that has no update token configured."""

    http_status = 403
    code = "writes_disabled"


class Forbidden(KGError):
    """The operation is refused by policy (SERVICE or LOAD of an IRI not allowed)."""

    http_status = 403
    code = "forbidden"


class Unauthorized(KGError):
    """A write came without the right bearer token."""

    http_status = 401
    code = "unauthorized"


class NotFound(KGError):
    """The resource (a page, a named graph) does not exist."""

    http_status = 404
    code = "not_found"


class MethodNotAllowed(KGError):
    """The HTTP method is not one this endpoint takes."""

    http_status = 405
    code = "method_not_allowed"


class Overloaded(KGError):
    """Every worker is busy; try again shortly."""

    http_status = 503
    code = "overloaded"


class QueryTimeout(KGError):
    """The query or update ran past the configured time limit and was stopped."""

    http_status = 504
    code = "timeout"


class UnsupportedFormat(NotAcceptable):
    """A result or RDF format that the answer cannot be written in (a usage error in the CLI)."""

    exit_code = 2
    code = "unsupported_format"


class StoreBusy(StoreError):
    """Another process holds the embedded store for writing."""

    http_status = 503
    code = "store_busy"
