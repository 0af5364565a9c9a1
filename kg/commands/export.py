"""`kg export`."""

from __future__ import annotations

import click

from kg.commands.options import store_option
from kg.errors import UsageError


@click.command()
@store_option
@click.option("-o", "--output", help="Output file (stdout when absent).")
@click.option("--format", "export_format", default=None, help="trig, nq, ttl, nt, rdf, jsonld or csv.")
@click.option("--graph", help="Export only this named graph.")
@click.option("--protege", is_flag=True, help="One RDF/XML file with the ontology and all data, for Protégé.")
def export(
    store: str, output: str | None, export_format: str | None, graph: str | None, protege: bool
) -> None:
    """Export the whole store or one graph."""
    raise UsageError("`kg export` is not built yet (see issue 4)")
