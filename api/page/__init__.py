"""The web page at `GET /`: a SPARQL editor, the commitments view and an extraction preview."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, render_template, request

from api.commitments import summarise
from api.context import state
from kg.documents import Document, InputFailure
from kg.errors import InputError

blueprint = Blueprint(
    "page", __name__, template_folder="templates", static_folder="static", static_url_path="/page/static"
)


@blueprint.route("/")
def index() -> str:
    """The page; everything on it talks to the API from the browser."""
    return render_template("page.html")


@blueprint.route("/page/preview", methods=["POST"])
def preview() -> Response:
    """What the extractor would read from `{"text": ...}`; nothing is stored."""
    body = request.get_json(silent=True)
    text = body.get("text") if isinstance(body, dict) else None
    if not isinstance(text, str) or not text.strip():
        raise InputError('send {"text": "..."} with a non-empty text')
    result = state().work.extract(Document(id="preview", text=text, location="preview"))
    if isinstance(result, InputFailure):
        raise InputError(f"{result.location}: {result.reason}")
    return jsonify({"commitments": summarise(result)})
