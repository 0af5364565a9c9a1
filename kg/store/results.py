"""Query result formats by short name or media type, and streaming of serialised results.

SELECT and ASK answers are written as SPARQL results (JSON, XML, CSV, TSV); CONSTRUCT and
DESCRIBE answers in an RDF syntax. Oxigraph's serialisers do the writing on every backend, so
both stores give the same bytes for the same answer.
"""

from __future__ import annotations

import functools
import tempfile
from collections.abc import Callable, Iterator
from typing import IO

import pyoxigraph as ox

from kg.errors import UnsupportedFormat
from kg.store.base import QueryKind

SOLUTION_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "json": ox.QueryResultsFormat.JSON,
    "srj": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "srx": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}

GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ttl": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "rdf": ox.RdfFormat.RDF_XML,
    "xml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
    "json-ld": ox.RdfFormat.JSON_LD,
    "json": ox.RdfFormat.JSON_LD,
}

DEFAULTS = {"solutions": "json", "boolean": "json", "graph": "turtle"}
ANY = ("", "*/*", "auto")
SPOOL_IN_MEMORY = 16 * 1024 * 1024
CHUNK_SIZE = 256 * 1024

ResultFormat = ox.QueryResultsFormat | ox.RdfFormat


def resolve(name: str | None, kind: QueryKind) -> tuple[ResultFormat, str]:
    """The format for `name` and an answer of `kind`, with its media type (cached: it is on every query)."""
    return _resolved(name, kind)


@functools.lru_cache(maxsize=256)
def _resolved(name: str | None, kind: QueryKind) -> tuple[ResultFormat, str]:
    found = result_format(name, kind)
    return found, found.media_type


def result_format(name: str | None, kind: QueryKind) -> ResultFormat:
    """The format that `name` (a short name or a media type) gives for an answer of `kind`."""
    key = (name or "").strip().lower()
    if key in ANY:
        key = DEFAULTS[kind]
    key = key.split(";")[0].strip()
    if kind == "graph":
        graph_format = GRAPH_FORMATS.get(key) or ox.RdfFormat.from_media_type(key)
        if graph_format is not None:
            return graph_format
    else:
        solution_format = SOLUTION_FORMATS.get(key) or ox.QueryResultsFormat.from_media_type(key)
        if solution_format is not None:
            return solution_format
    raise UnsupportedFormat(
        f"{name!r} is not a result format for this query",
        detail=f"use one of: {', '.join(names_for(kind))}",
    )


def names_for(kind: QueryKind) -> list[str]:
    """The short format names an answer of `kind` can be written in."""
    table = GRAPH_FORMATS if kind == "graph" else SOLUTION_FORMATS
    return sorted(table)


def kind_of(answer: object) -> QueryKind:
    """What kind of answer pyoxigraph returned."""
    if isinstance(answer, ox.QuerySolutions):
        return "solutions"
    if isinstance(answer, ox.QueryBoolean):
        return "boolean"
    return "graph"


def spooled(write: Callable[[IO[bytes]], object]) -> Iterator[bytes]:
    """Run `write(out)` now and return its bytes as chunks.

    The answer is complete (or its error raised) before the first byte is handed on, so a
    failing query never yields a truncated answer; answers over `SPOOL_IN_MEMORY` bytes go to
    a temporary file instead of memory.
    """
    spool = _Spool()
    try:
        write(spool)  # type: ignore[arg-type]
    except BaseException:
        spool.close()
        raise
    return spool.chunks()


class _Spool:
    """A write-only binary sink that keeps small answers in memory and spills large ones to disk."""

    __slots__ = ("file", "parts", "size")

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.size = 0
        self.file: IO[bytes] | None = None

    def write(self, data: bytes) -> int:
        if self.file is not None:
            return self.file.write(data)
        self.parts.append(bytes(data))
        self.size += len(data)
        if self.size > SPOOL_IN_MEMORY:
            self.file = tempfile.TemporaryFile()  # noqa: SIM115 (closed by `chunks` or `close`)
            self.file.writelines(self.parts)
            self.parts = []
        return len(data)

    def flush(self) -> None:
        """Nothing to do: the bytes are read back by `chunks`."""

    def close(self) -> None:
        if self.file is not None:
            self.file.close()

    def chunks(self) -> Iterator[bytes]:
        if self.file is None:
            return iter(self.parts)
        return _file_chunks(self.file)


def _file_chunks(file: IO[bytes]) -> Iterator[bytes]:
    with file:
        file.seek(0)
        while chunk := file.read(CHUNK_SIZE):
            yield chunk
