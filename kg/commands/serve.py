"""`kg serve`."""

from __future__ import annotations

import dataclasses

import click

from kg.commands.options import store_option


@click.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int)
@click.option(
    "--workers",
    default=4,
    show_default=True,
    type=int,
    envvar="KG_WORKERS",
    help="Worker processes: requests answered at the same time. Env: KG_WORKERS.",
)
@click.option(
    "--timeout", type=float, default=None, help="Seconds a query may run. Env: KG_QUERY_TIMEOUT (30)."
)
def serve(store: str, host: str, port: int, workers: int, timeout: float | None) -> None:
    """Serve the SPARQL HTTP API and the web page (settings: see the README's HTTP API section)."""
    from api.config import ApiConfig
    from api.server import serve as run

    config = ApiConfig.from_env()
    if timeout is not None:
        config = dataclasses.replace(config, query_timeout=timeout)
    click.echo(f"kg serve: http://{host}:{port}/ over {store}", err=True)
    run(store, config, host=host, port=port, workers=workers)
