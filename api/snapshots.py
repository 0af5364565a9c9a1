"""Read-only snapshots of the embedded store, one per write, shared by the worker processes.

The writer checkpoints the store after each write (hard links, ~10 ms) into a numbered
directory and bumps a generation number in a small memory-mapped file; a worker checks that
number before each read and reopens the newest snapshot when it has changed (~10 ms). A
snapshot is deleted once no query can still be reading it (superseded longer than the time limit).
"""

from __future__ import annotations

import mmap
import shutil
import struct
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from kg.docgraph import Triple
from kg.store.base import Dataset, QueryOutput
from kg.store.embedded import EmbeddedStore

if TYPE_CHECKING:
    from api.writer import WriterClient

GENERATION = "generation"
_INT = struct.Struct("<q")


def _generation_map(directory: Path) -> mmap.mmap:
    path = directory / GENERATION
    if not path.exists():
        path.write_bytes(_INT.pack(0))
    with path.open("r+b") as file:
        return mmap.mmap(file.fileno(), _INT.size)


class Publisher:
    """The writer's side: publish a snapshot after each write, prune the unused ones."""

    def __init__(self, directory: str | Path, timeout: float) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.grace = timeout + 30.0
        self._generation = _generation_map(self.directory)
        self._superseded: dict[int, float] = {}

    def publish(self, store: EmbeddedStore) -> int:
        """Checkpoint `store` as the next generation and make it the one readers open."""
        (current,) = _INT.unpack_from(self._generation)
        generation = current + 1
        store.checkpoint(self.directory / str(generation))
        _INT.pack_into(self._generation, 0, generation)
        now = time.monotonic()
        if current:
            self._superseded[current] = now
        for old, since in list(self._superseded.items()):
            if now - since > self.grace:
                shutil.rmtree(self.directory / str(old), ignore_errors=True)
                del self._superseded[old]
        return generation


class SnapshotStore:
    """A worker's store: reads from the newest snapshot, writes sent to the writer process."""

    def __init__(self, location: str, directory: str | Path, writer: WriterClient) -> None:
        self.location = location
        self.directory = Path(directory)
        self.writer = writer
        self._generation = _generation_map(self.directory)
        self._open_generation = 0
        self._reader: EmbeddedStore | None = None

    def generation(self) -> int:
        """The number of the newest snapshot: it changes with every write."""
        (generation,) = _INT.unpack_from(self._generation)
        return int(generation)

    def _read(self) -> EmbeddedStore:
        generation = self.generation()
        if self._reader is None or generation != self._open_generation:
            if self._reader is not None:
                self._reader.close()
            self._reader = EmbeddedStore(self.directory / str(generation), read_only=True)
            self._open_generation = generation
        return self._reader

    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> int:
        """Replace a named graph (in the writer process)."""
        count: int = self.writer.call("replace_graph", graph, list(triples))
        return count

    def replace_graphs(self, graphs: Iterable[tuple[str, Iterable[Triple]]]) -> list[int]:
        """Replace several named graphs in one transaction (in the writer process)."""
        counts: list[int] = self.writer.call(
            "replace_graphs", [(name, list(triples)) for name, triples in graphs]
        )
        return counts

    def delete_graph(self, graph: str) -> bool:
        """Remove a named graph (in the writer process)."""
        existed: bool = self.writer.call("delete_graph", graph)
        return existed

    def update(self, sparql: str, *, timeout: float | None = None) -> None:
        """Run a SPARQL update (in the writer process, under its time limit)."""
        self.writer.call("update", sparql)

    def query(
        self,
        sparql: str,
        *,
        result_format: str,
        dataset: Dataset | None = None,
        timeout: float | None = None,
    ) -> QueryOutput:
        """Run a query on the newest snapshot."""
        return self._read().query(sparql, result_format=result_format, dataset=dataset, timeout=timeout)

    def export(self, out: object, *, rdf_format: str, graph: str | None = None) -> None:
        """Write the newest snapshot (or one graph of it) to `out`."""
        self._read().export(out, rdf_format=rdf_format, graph=graph)

    def count(self, graph: str | None = None) -> int:
        """Quads in the newest snapshot."""
        return self._read().count(graph)

    def graphs(self) -> list[str]:
        """Named graphs of the newest snapshot."""
        return self._read().graphs()

    def close(self) -> None:
        """Close the open snapshot."""
        if self._reader is not None:
            self._reader.close()
            self._reader = None
