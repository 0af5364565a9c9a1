"""Writing a stream of document graphs as RDF: quads in TriG or N-Quads, merged for triple formats."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from kg.docgraph import DocumentGraph
from kg.documents import InputFailure
from kg.formats import format_for_path, rdf_format
from kg.namespaces import PREFIXES
from kg.outputs import open_output
from kg.oxterms import to_oxigraph

STREAMING = (ox.RdfFormat.N_QUADS, ox.RdfFormat.N_TRIPLES)


def write_graphs(
    items: Iterable[DocumentGraph | InputFailure],
    output: str | Path | None = None,
    format: str | None = None,
    on_failure: object = None,
) -> tuple[int, list[InputFailure]]:
    """Write every graph of `items` to `output` (stdout when None); return (documents, failures).

    Named graphs keep each document apart in quad formats; triple formats merge them. A file is
    written to a temporary name and renamed at the end, so a broken run leaves no half file.
    """
    fmt = rdf_format(format) if format else (format_for_path(output) if output else ox.RdfFormat.TRIG)
    failures: list[InputFailure] = []
    count = 0

    def quads() -> Iterator[ox.Quad]:
        nonlocal count
        for item in items:
            if isinstance(item, InputFailure):
                failures.append(item)
                if callable(on_failure):
                    on_failure(item)
                continue
            count += 1
            graph = ox.NamedNode(str(item.iri)) if fmt.supports_datasets else ox.DefaultGraph()
            for s, p, o in item.triples:
                yield ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), graph)  # type: ignore[arg-type]

    with open_output(output) as stream:
        _serialize(quads(), stream, fmt)
    return count, failures


def _serialize(quads: Iterator[ox.Quad], stream: IO[bytes], fmt: ox.RdfFormat) -> None:
    if fmt in STREAMING or fmt.supports_datasets:
        ox.serialize(quads, stream, fmt, prefixes=PREFIXES if fmt not in STREAMING else None)
    else:
        ox.serialize(_unique(q.triple for q in quads), stream, fmt, prefixes=PREFIXES)


def _unique(triples: Iterator[ox.Triple]) -> Iterator[ox.Triple]:
    """Merged graphs share actors: write each triple once."""
    seen: set[ox.Triple] = set()
    for triple in triples:
        if triple not in seen:
            seen.add(triple)
            yield triple
