"""The `kg` command line: one click group, one module per command under `kg.commands`.

Errors of the `KGError` tree are translated here, once, into a message and an exit status.
"""

from __future__ import annotations

import sys

import click

from kg import __version__
from kg.commands.export import export
from kg.commands.extract import extract
from kg.commands.ingest import ingest
from kg.commands.query import query
from kg.commands.serve import serve
from kg.errors import KGError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """commitment-kg: extract who commits what to whom from news text, store it, query it."""


for command in (extract, ingest, query, export, serve):
    cli.add_command(command)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; a `KGError` becomes its message on stderr and its exit status."""
    try:
        cli.main(args=argv, prog_name="kg", standalone_mode=False)
    except KGError as err:
        click.echo(f"Error: {err.message}", err=True)
        if err.detail:
            click.echo(err.detail, err=True)
        return err.exit_code
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return 1
    except click.ClickException as err:
        err.show()
        return err.exit_code
    except click.exceptions.Exit as err:
        return err.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main())
