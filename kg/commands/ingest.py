"""`kg ingest`."""

from __future__ import annotations

import click

from kg.commands.options import store_option
from kg.errors import UsageError


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@store_option
def ingest(inputs: tuple[str, ...], store: str) -> None:
    """Extract INPUT documents and save them into the store, one named graph per document."""
    raise UsageError("`kg ingest` is not built yet (see issue 4)")
