"""`kg extract`."""

from __future__ import annotations

import click

from kg.errors import UsageError


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o", "--output", help="Output file; its extension picks the RDF format (TriG on stdout without one)."
)
def extract(inputs: tuple[str, ...], output: str | None) -> None:
    """Extract commitments from INPUT files (.txt, .jsonl, directories, - for stdin) into RDF."""
    raise UsageError("`kg extract` is not built yet (see issue 3)")
