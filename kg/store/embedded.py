"""The embedded store: Oxigraph (pyoxigraph) on disk, no server to run.

One process holds a store directory for reading and writing (RocksDB's lock); see
docs/decisions/0020-embedded-store-sharing.md for how readers and the writer share it. Queries
and updates go straight to Oxigraph's engine. Queries see the union of all graphs as their
default graph unless the request names its dataset.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from kg.errors import InputError, NotFound, QueryError, StoreBusy, StoreError
from kg.formats import rdf_format
from kg.namespaces import PREFIXES
from kg.store import results
from kg.store.base import Dataset, QueryOutput, Triple
from kg.store.convert import quads_of

log = logging.getLogger(__name__)

JOURNAL = "kg-bulk-load.json"
MERGED = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"


class EmbeddedStore:
    """A pyoxigraph store in a directory; `read_only` opens a snapshot that never writes."""

    def __init__(self, path: str | Path, *, read_only: bool = False, create: bool = True) -> None:
        self.path = Path(path)
        self.location = str(self.path)
        self.read_only = read_only
        self.recovered: list[str] = []
        if not (self.path / "CURRENT").exists() and (read_only or not create):
            raise StoreError(f"no store at {self.location!r}", detail="`kg ingest` creates one")
        try:
            self._store = ox.Store.read_only(str(self.path)) if read_only else ox.Store(str(self.path))
        except OSError as err:
            if "lock" in str(err).lower():
                raise StoreBusy(
                    f"the store {self.location!r} is open for writing in another process",
                    detail="stop that process (kg ingest, kg serve), or send the request to its server",
                ) from None
            raise StoreError(f"cannot open the store {self.location!r}: {err}") from None
        if not read_only:
            self._recover()

    # -- writes ---------------------------------------------------------------------------

    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> int:
        """Replace the named graph `graph` by `triples` in one transaction; return the triple count."""
        return self.replace_graphs([(graph, triples)])[0]

    def replace_graphs(self, graphs: Iterable[tuple[str, Iterable[Triple]]]) -> list[int]:
        """Replace several named graphs in one transaction; return each one's triple count."""
        self._writable()
        counts: list[int] = []
        latest: dict[str, list[ox.Quad]] = {}  # a graph named twice: its last version wins
        for name, triples in graphs:
            latest[name] = quads_of(name, triples)
            counts.append(len(latest[name]))
        quads = [quad for graph_quads in latest.values() for quad in graph_quads]
        existing = [name for name in latest if self._store.contains_named_graph(ox.NamedNode(name))]
        try:
            if existing:
                self._store.update(_replace_update(existing, quads))
            elif quads:
                self._store.extend(quads)
        except (OSError, RuntimeError, SyntaxError) as err:
            raise StoreError(f"the store refused the write: {err}") from None
        return counts

    def delete_graph(self, graph: str) -> bool:
        """Remove a named graph; return whether it existed."""
        self._writable()
        name = ox.NamedNode(graph)
        if not self._store.contains_named_graph(name):
            return False
        self._store.remove_graph(name)
        return True

    def update(self, sparql: str, *, timeout: float | None = None) -> None:
        """Run a SPARQL update in one transaction (`timeout` is not enforced: Oxigraph cannot stop one)."""
        self._writable()
        try:
            self._store.update(sparql)
        except SyntaxError as err:
            raise QueryError(str(err)) from None
        except (OSError, RuntimeError, ValueError) as err:
            raise QueryError(f"the update failed: {err}") from None

    def load(self, source: str | Path, rdf_format_name: str, *, graph: str | None = None) -> int:
        """Bulk-load an RDF file: each named graph in it replaces the store's graph of that name.

        The file is read twice: once to check it and name its graphs (a file with an error
        changes nothing), once by Oxigraph's bulk loader. Until the load is complete its graphs
        are listed in a journal; a store reopened after a crash drops them (whole or absent).
        Triple formats need `graph`. Returns the number of quads read.
        """
        self._writable()
        fmt = rdf_format(rdf_format_name)
        if not fmt.supports_datasets and graph is None:
            raise InputError(f"{fmt.name} holds no graph names: say which graph it goes into")
        target = ox.NamedNode(graph) if graph else None
        names, quad_count = _graph_names(Path(source), fmt, target)
        self._write_journal(sorted(names))
        try:
            for name in names:
                self._store.remove_graph(ox.NamedNode(name))
            self._store.bulk_load(path=str(source), format=fmt, to_graph=target)
            self._store.flush()
        except (OSError, SyntaxError, ValueError) as err:
            self._recover()
            raise StoreError(f"the bulk load failed and was undone: {err}") from None
        (self.path / JOURNAL).unlink()
        return quad_count

    # -- reads ----------------------------------------------------------------------------

    def query(
        self,
        sparql: str,
        *,
        result_format: str,
        dataset: Dataset | None = None,
        timeout: float | None = None,
    ) -> QueryOutput:
        """Run a SPARQL query and serialise its answer (`timeout` is not enforced here)."""
        try:
            if dataset is not None and (dataset.default_graphs or dataset.named_graphs):
                answer = self._store.query(sparql, **_dataset_options(dataset))  # type: ignore[arg-type]
            else:
                answer = self._store.query(sparql, use_default_graph_as_union=True)
        except SyntaxError as err:
            raise QueryError(str(err)) from None
        except (OSError, RuntimeError, ValueError) as err:
            raise QueryError(f"the query failed: {err}") from None
        kind = results.kind_of(answer)
        fmt, media_type = results.resolve(result_format, kind)

        def write(out: IO[bytes]) -> None:
            try:
                answer.serialize(out, fmt)  # type: ignore[arg-type]
            except (RuntimeError, ValueError) as err:
                raise QueryError(f"the query failed: {err}") from None

        return QueryOutput(kind, media_type, results.spooled(write))

    def export(self, out: object, *, rdf_format: str, graph: str | None = None) -> None:
        """Stream the whole store (or one graph) to the binary file `out`; triple formats merge the graphs."""
        fmt = _format(rdf_format)
        try:
            if graph is not None:
                name = ox.NamedNode(graph)
                if not self._store.contains_named_graph(name):
                    raise NotFound(f"no graph {graph!r} in the store")
                self._store.dump(out, fmt, from_graph=name, prefixes=PREFIXES)  # type: ignore[arg-type]
            elif fmt.supports_datasets:
                self._store.dump(out, fmt, prefixes=PREFIXES)  # type: ignore[arg-type]
            else:
                merged = self._store.query(MERGED, use_default_graph_as_union=True)
                ox.serialize(merged, out, fmt, prefixes=PREFIXES)  # type: ignore[arg-type]
        except BrokenPipeError:
            raise
        except OSError as err:
            raise StoreError(f"the export failed: {err}") from None

    def count(self, graph: str | None = None) -> int:
        """The number of quads in the store, or triples in one graph."""
        if graph is None:
            return len(self._store)
        answer = self._store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
        return int(next(iter(answer))["n"].value)  # type: ignore[arg-type, index, union-attr]

    def graphs(self) -> list[str]:
        """The names of the named graphs."""
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def checkpoint(self, directory: str | Path) -> None:
        """Write a consistent copy of the store to a new `directory` (hard links where it can)."""
        try:
            self._store.backup(str(directory))
        except OSError as err:
            raise StoreError(f"cannot checkpoint the store into {str(directory)!r}: {err}") from None

    def close(self) -> None:
        """Flush and release the directory's lock."""
        if not self.read_only:
            self._store.flush()
        del self._store

    # -- internals ------------------------------------------------------------------------

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"the store {self.location!r} is open read-only")

    def _write_journal(self, graphs: list[str]) -> None:
        journal = self.path / JOURNAL
        with journal.open("w", encoding="utf-8") as out:
            json.dump({"loading": graphs}, out)
            out.flush()
            os.fsync(out.fileno())

    def _recover(self) -> None:
        """Drop the graphs of a bulk load that did not finish, so each is whole or absent."""
        journal = self.path / JOURNAL
        if not journal.exists():
            return
        try:
            graphs = json.loads(journal.read_text(encoding="utf-8"))["loading"]
        except (ValueError, KeyError) as err:
            raise StoreError(f"the bulk-load journal {journal} is unreadable: {err}") from None
        for name in graphs:
            self._store.remove_graph(ox.NamedNode(name))
        self._store.flush()
        journal.unlink()
        self.recovered = list(graphs)
        log.warning("dropped %d graph(s) of an interrupted bulk load in %s", len(graphs), self.location)


def _dataset_options(dataset: Dataset) -> dict[str, object]:
    """pyoxigraph's query options for a protocol request's dataset."""
    default = [ox.NamedNode(g) for g in dataset.default_graphs]
    options: dict[str, object] = {"default_graph": default or ox.DefaultGraph()}
    if dataset.named_graphs:
        options["named_graphs"] = [ox.NamedNode(g) for g in dataset.named_graphs]
    return options


def _format(name: str | ox.RdfFormat) -> ox.RdfFormat:
    return name if isinstance(name, ox.RdfFormat) else rdf_format(name)


def _replace_update(existing: list[str], quads: list[ox.Quad]) -> str:
    """One SPARQL update that drops `existing` graphs and inserts `quads`: one transaction."""
    parts = [f"DROP SILENT GRAPH <{name}> ;\n" for name in existing]
    parts.append("INSERT DATA {\n")
    parts.extend(f"GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }}\n" for q in quads)
    parts.append("}\n")
    return "".join(parts)


def _graph_names(path: Path, fmt: ox.RdfFormat, target: ox.NamedNode | None) -> tuple[set[str], int]:
    """Check that the file parses; return the graph names it fills and its quad count."""
    names: set[str] = set()
    count = 0
    try:
        for count, quad in enumerate(ox.parse(path=str(path), format=fmt), start=1):
            graph = target if target is not None else quad.graph_name
            if not isinstance(graph, ox.NamedNode):
                raise InputError(f"{path}: quad {count} is outside any named graph")
            names.add(graph.value)
    except SyntaxError as err:
        raise InputError(f"{path}: {err}") from None
    except OSError as err:
        raise InputError(f"cannot read {path}: {err.strerror or err}") from None
    if target is not None:
        names = {target.value}
    return names, count
