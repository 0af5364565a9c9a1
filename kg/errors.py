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
