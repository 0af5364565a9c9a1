"""The protocol's `using-graph-uri` / `using-named-graph-uri`, applied to an update's text.

The engine takes no dataset for updates, so each DELETE/INSERT ... WHERE operation gets the
equivalent `USING` clauses written in front of its `WHERE`; nothing else in the text changes.
"""

from __future__ import annotations

from api.sparql_text import tokens
from kg.errors import QueryError


def apply_using(update: str, using: list[str], using_named: list[str]) -> str:
    """Write the protocol dataset as `USING` clauses into every operation that has a `WHERE`."""
    clause = " ".join([f"USING <{iri}>" for iri in using] + [f"USING NAMED <{iri}>" for iri in using_named])
    pieces: list[str] = []
    depth = 0
    last = 0
    previous = ""
    for kind, text, offset in tokens(update):
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
        elif kind == "word" and depth == 0:
            word = text.upper()
            if word in ("USING", "WITH"):
                raise QueryError(
                    "an update with USING or WITH cannot also take using-graph-uri/using-named-graph-uri"
                )
            if word == "WHERE" and previous != "DELETE":
                pieces.append(update[last:offset])
                pieces.append(clause + " ")
                last = offset
            previous = word
    pieces.append(update[last:])
    return "".join(pieces)
