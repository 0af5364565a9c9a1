"""`kg query`."""

from __future__ import annotations

import click

from kg.commands.options import store_option
from kg.errors import UsageError


@click.command()
@click.argument("sparql")
@store_option
@click.option(
    "--format",
    "result_format",
    default=None,
    help="json, xml, csv, tsv, or an RDF syntax for CONSTRUCT/DESCRIBE.",
)
def query(sparql: str, store: str, result_format: str | None) -> None:
    """Run a SPARQL query (text or @file.rq) against the store."""
    raise UsageError("`kg query` is not built yet (see issue 4)")
