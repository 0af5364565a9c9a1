"""`kg serve`."""

from __future__ import annotations

import click

from kg.commands.options import store_option
from kg.errors import UsageError


@click.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
def serve(store: str, host: str, port: int) -> None:
    """Serve the SPARQL HTTP API and the web page."""
    raise UsageError("`kg serve` is not built yet (see issue 5)")
