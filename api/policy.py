"""Which IRIs a query or update may make the server fetch (`SERVICE`, `LOAD`).

Both engines would fetch any URL, which makes an open endpoint a request-forgery tool; so every
`SERVICE` and `LOAD` target must start with a configured prefix (`KG_FETCH_ALLOW`), and one
given by a variable is refused outright.
"""

from __future__ import annotations

from api.sparql_text import tokens, unescape
from kg.errors import Forbidden

FETCHING = ("SERVICE", "LOAD")


def check_fetches(text: str, allowed: tuple[str, ...]) -> None:
    """`Forbidden` unless every SERVICE/LOAD target of `text` starts with an allowed prefix."""
    upper = text.upper()
    if not any(word in upper for word in FETCHING) and "\\U" not in upper:
        return
    for variant in {text, unescape(text)}:
        for keyword, target in _targets(variant):
            if target is None or not target.startswith(allowed) or not allowed:
                raise Forbidden(
                    f"{keyword} {target or 'with a variable target'} is not allowed",
                    detail="SERVICE and LOAD may only reach the IRI prefixes listed in KG_FETCH_ALLOW",
                )


def _targets(text: str) -> list[tuple[str, str | None]]:
    """(keyword, target IRI or None when not a constant) for each SERVICE and LOAD."""
    prefixes: dict[str, str] = {}
    found: list[tuple[str, str | None]] = []
    pending: str | None = None
    declaring: str | None = None
    for kind, token, _ in tokens(text):
        word = token.upper() if kind == "word" else ""
        if declaring is not None:
            if kind == "pname" and not declaring:
                declaring = token[:-1] or ":"
                continue
            if kind == "iri":
                prefixes[declaring.rstrip(":")] = token[1:-1]
            declaring = None
            continue
        if word == "PREFIX":
            declaring = ""
            continue
        if pending is not None:
            if word == "SILENT":
                continue
            found.append((pending, _resolve(kind, token, prefixes)))
            pending = None
        if word in FETCHING:
            pending = word
    if pending is not None:
        found.append((pending, None))
    return found


def _resolve(kind: str, token: str, prefixes: dict[str, str]) -> str | None:
    if kind == "iri":
        return token[1:-1]
    if kind == "pname":
        prefix, _, local = token.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + local
    return None
