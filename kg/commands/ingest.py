"""`kg ingest`."""

from __future__ import annotations

import click

from kg.commands.options import store_option
from kg.documents import read_inputs
from kg.errors import InputError
from kg.ingest import DEFAULT_BATCH, Extractor
from kg.ingest import ingest as run_ingest
from kg.store import open_store


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@store_option
@click.option("--batch-size", default=DEFAULT_BATCH, show_default=True, type=click.IntRange(1))
@click.option(
    "--processes", default=1, show_default=True, type=click.IntRange(1), help="Extractor processes."
)
@click.option("--quiet", is_flag=True, help="No progress bar.")
def ingest(inputs: tuple[str, ...], store: str, batch_size: int, processes: int, quiet: bool) -> None:
    """Extract INPUT documents and save them into the store, one named graph per document."""
    opened = open_store(store)
    try:
        extractor = load_extractor()
        summary = run_ingest(
            opened,
            read_inputs(inputs),
            extractor,
            batch_size=batch_size,
            processes=processes,
            progress=not quiet,
        )
    finally:
        opened.close()
    lines = summary.lines()
    for line in lines:
        click.echo(line, err=True)
    if summary.failures:
        raise InputError(f"{len(summary.failures)} document(s) failed and were skipped; the rest are stored")


def load_extractor() -> Extractor:
    """The project's extractor (`kg.extract`), imported only when needed: it loads spaCy."""
    from kg.extract import Extractor as SpacyExtractor

    return SpacyExtractor()
