"""The commitments as CSV for spreadsheet users: one row per actor–asset pair.

Columns: document, sentence, actor, asset, recipient, status, negated, conditions. Actors,
assets, recipients and conditions are given by their labels; several recipients or conditions
are joined with "; "; `negated` is "false" where the graph does not say "true". The rows come
from one SPARQL query, so every backend gives the same file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import IO, Any

from kg.store.base import Store

SEPARATOR = "; "
COLUMNS = ("document", "sentence", "actor", "asset", "recipient", "status", "negated", "conditions")

COMMITMENTS_CSV = """
PREFIX ckg: <https://w3id.org/commitment-kg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?document ?sentence ?actor ?asset
       (GROUP_CONCAT(DISTINCT ?recipientLabel; separator="; ") AS ?recipient)
       (SAMPLE(?statusName) AS ?status) (SAMPLE(?negatedText) AS ?negated)
       (GROUP_CONCAT(DISTINCT ?conditionLabel; separator="; ") AS ?conditions)
WHERE {
  ?commitment a ckg:Commitment ;
      ckg:hasActor ?actorNode ;
      ckg:hasAsset ?assetNode .
  OPTIONAL { ?actorNode rdfs:label ?actorLabel }
  OPTIONAL { ?assetNode rdfs:label ?assetLabel }
  BIND(COALESCE(?actorLabel, STR(?actorNode)) AS ?actor)
  BIND(COALESCE(?assetLabel, STR(?assetNode)) AS ?asset)
  OPTIONAL {
    ?commitment prov:wasDerivedFrom ?statement .
    OPTIONAL { ?statement ckg:text ?sentence }
    OPTIONAL { ?statement ckg:beginIndex ?begin }
    OPTIONAL { ?statement dcterms:isPartOf/dcterms:identifier ?document }
  }
  OPTIONAL { ?commitment ckg:hasRecipient ?recipientNode .
             OPTIONAL { ?recipientNode rdfs:label ?recipientLabel } }
  OPTIONAL { ?commitment ckg:status ?statusNode .
             BIND(STRAFTER(STR(?statusNode), "#") AS ?statusName) }
  OPTIONAL { ?commitment ckg:negated ?negatedValue }
  BIND(COALESCE(STR(?negatedValue), "false") AS ?negatedText)
  OPTIONAL { ?commitment ckg:conditionedOn ?condition .
             OPTIONAL { ?condition rdfs:label ?conditionLabel } }
}
GROUP BY ?commitment ?document ?sentence ?begin ?actor ?asset
ORDER BY ?document ?begin ?commitment ?actor ?asset
"""


def export_commitments(store: Store, out: IO[bytes]) -> None:
    """Write the commitments CSV (RFC 4180, UTF-8, a header row) to `out`, row by row."""
    output = store.query(COMMITMENTS_CSV, result_format="csv")
    rows = csv.reader(
        io.TextIOWrapper(io.BufferedReader(ChunkStream(output.chunks)), encoding="utf-8", newline="")
    )
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)  # type: ignore[arg-type]
    writer = csv.writer(text)
    for number, row in enumerate(rows):
        writer.writerow(row if number == 0 else [_sorted_list(cell) for cell in row])
    text.detach()


def _sorted_list(cell: str) -> str:
    """A "; "-joined cell in a stable order (SPARQL leaves GROUP_CONCAT's order open)."""
    return SEPARATOR.join(sorted(cell.split(SEPARATOR))) if SEPARATOR in cell else cell


class ChunkStream(io.RawIOBase):
    """A readable binary stream over an iterator of byte chunks."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._pending = chunk
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size
