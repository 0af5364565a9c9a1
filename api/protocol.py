"""The SPARQL 1.1 Protocol: what operation a request asks for, with its text and dataset."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from flask import Request
from werkzeug.datastructures import MultiDict

from api.update_dataset import apply_using
from kg.errors import MethodNotAllowed, QueryError, UnsupportedMediaType, UsageError
from kg.store.base import Dataset

FORM = "application/x-www-form-urlencoded"
QUERY_BODY = "application/sparql-query"
UPDATE_BODY = "application/sparql-update"
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^<>\"{}|^`\\\x00-\x20]*")


@dataclass(frozen=True)
class Operation:
    """One protocol operation: a query (with its dataset) or an update (dataset already applied)."""

    kind: Literal["query", "update", "description"]
    text: str = ""
    dataset: Dataset | None = None


def read_operation(request: Request, *, update_only: bool = False) -> Operation:
    """Read the operation of a `/sparql` (or, with `update_only`, `/update`) request.

    Relative IRIs in the text resolve against the endpoint's URL, as the protocol suggests.
    """
    operation = _read(request, update_only)
    if operation.kind == "description":
        return operation
    base = f"{request.scheme}://{request.host}{request.root_path}{request.path}"
    return Operation(operation.kind, with_base(operation.text, base), operation.dataset)


def with_base(text: str, base: str) -> str:
    """`text` with `base` as its base IRI, unless the endpoint's URL is not a usable IRI."""
    return f"BASE <{base}> {text}" if _IRI.fullmatch(base) else text


def _read(request: Request, update_only: bool) -> Operation:
    if request.method == "GET":
        if "update" in request.args:
            raise MethodNotAllowed("an update must be sent with POST")
        if "query" not in request.args:
            if update_only:
                raise MethodNotAllowed("an update must be sent with POST")
            return Operation("description")
        return _query(_single(request.args.getlist("query"), "query"), request.args)
    if request.method != "POST":
        raise MethodNotAllowed(f"{request.method} is not a SPARQL protocol method")
    media_type = request.mimetype
    if media_type == FORM:
        form = request.form
        if "update" in form:
            return _update(_single(form.getlist("update"), "update"), form)
        if "query" in form and not update_only:
            return _query(_single(form.getlist("query"), "query"), form)
        raise QueryError("the form has no 'update' field" if update_only else "the form has no 'query' field")
    if media_type == UPDATE_BODY:
        return _update(_body_text(request), request.args)
    if media_type == QUERY_BODY and not update_only:
        return _query(_body_text(request), request.args)
    if not media_type:
        raise QueryError("a POST needs a Content-Type")
    accepted = f"{FORM} or {UPDATE_BODY}" if update_only else f"{FORM}, {QUERY_BODY} or {UPDATE_BODY}"
    raise UnsupportedMediaType(f"cannot take a body of type {media_type!r}", detail=f"send {accepted}")


def checked_iri(value: str) -> str:
    """An absolute IRI fit to be written between `<` and `>`; `UsageError` (400) otherwise."""
    if not _IRI.fullmatch(value):
        raise UsageError(f"{value!r} is not an absolute IRI")
    return value


def _iris(params: MultiDict[str, str], name: str) -> tuple[str, ...]:
    return tuple(checked_iri(value) for value in params.getlist(name))


def _query(text: str, params: MultiDict[str, str]) -> Operation:
    defaults = _iris(params, "default-graph-uri")
    named = _iris(params, "named-graph-uri")
    dataset = Dataset(default_graphs=defaults, named_graphs=named) if defaults or named else None
    return Operation("query", text, dataset)


def _update(text: str, params: MultiDict[str, str]) -> Operation:
    using = list(_iris(params, "using-graph-uri"))
    using_named = list(_iris(params, "using-named-graph-uri"))
    if using or using_named:
        text = apply_using(text, using, using_named)
    return Operation("update", text)


def _single(values: list[str], name: str) -> str:
    if len(values) != 1:
        raise QueryError(f"give exactly one '{name}' parameter, not {len(values)}")
    return values[0]


def _body_text(request: Request) -> str:
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise UnsupportedMediaType(f"the body must be UTF-8, not {charset}")
    try:
        return request.get_data(cache=False).decode("utf-8")
    except UnicodeDecodeError as err:
        raise QueryError(f"the body is not UTF-8 (byte offset {err.start})") from None
