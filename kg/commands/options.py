"""Options shared by several commands."""

from __future__ import annotations

import click

store_option = click.option(
    "--store",
    envvar="KG_STORE",
    default="kg-store",
    show_default=True,
    help="Embedded store directory (created when missing) or a SPARQL 1.1 endpoint URL. Env: KG_STORE.",
)
