"""`kg export`."""

from __future__ import annotations

from pathlib import Path
from typing import IO

import click

from kg.commands.options import store_option
from kg.errors import UsageError
from kg.formats import format_for_path, rdf_format
from kg.outputs import open_output, quiet_broken_pipe
from kg.store import open_store
from kg.store.base import Store
from kg.store.csvexport import export_commitments
from kg.store.protege import export_protege


@click.command()
@store_option
@click.option("-o", "--output", help="Output file (stdout when absent); its extension can name the format.")
@click.option(
    "--format",
    "export_format",
    default=None,
    help="trig, nq, ttl, nt, rdf, jsonld, or csv (the commitments, one row per actor–asset pair).",
)
@click.option("--graph", help="Export only this named graph.")
@click.option("--protege", is_flag=True, help="One RDF/XML file with the ontology and all data, for Protégé.")
def export(
    store: str, output: str | None, export_format: str | None, graph: str | None, protege: bool
) -> None:
    """Export the whole store or one graph."""
    kind = export_kind(output, export_format, graph, protege)
    opened = open_store(store, create=False)
    try:
        with quiet_broken_pipe(), open_output(output) as out:
            write_export(opened, out, kind, graph)
    finally:
        opened.close()


def export_kind(output: str | None, export_format: str | None, graph: str | None, protege: bool) -> str:
    """What to write: `protege`, `csv`, or an RDF format name, checked before the store is opened."""
    if protege:
        if graph or (export_format and rdf_format(export_format).name != "RDF/XML"):
            raise UsageError("--protege writes the whole store as RDF/XML: drop --graph and --format")
        return "protege"
    if export_format and export_format.lower() == "csv":
        return "csv"
    if export_format:
        rdf_format(export_format)
        return export_format
    if output and Path(output).suffix.lower() == ".csv":
        return "csv"
    if output:
        format_for_path(output)
        return Path(output).suffix.lstrip(".")
    return "ttl" if graph else "trig"


def write_export(store: Store, out: IO[bytes], kind: str, graph: str | None) -> None:
    """Write the export of `kind` (see `export_kind`) to `out`."""
    if kind == "protege":
        export_protege(store, out)
    elif kind == "csv":
        if graph:
            raise UsageError("the commitments CSV covers the whole store: drop --graph")
        export_commitments(store, out)
    else:
        store.export(out, rdf_format=kind, graph=graph)
