"""`kg extract`: read documents, write their commitments as RDF (no store involved)."""

from __future__ import annotations

import click

from kg.documents import InputFailure, read_inputs
from kg.errors import InputError, UsageError
from kg.namespaces import DEFAULT_BASE


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o", "--output", help="Output file; its extension picks the RDF format (TriG on stdout without one)."
)
@click.option(
    "--processes", type=click.IntRange(1, 64), default=1, show_default=True, help="Parser processes."
)
@click.option(
    "--batch-size",
    type=click.IntRange(1, 10_000),
    default=64,
    show_default=True,
    help="Documents per spaCy batch.",
)
@click.option(
    "--model",
    envvar="KG_SPACY_MODEL",
    default=None,
    help="spaCy pipeline (package name or path). Env: KG_SPACY_MODEL.",
)
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI of the instance IRIs.")
def extract(
    inputs: tuple[str, ...], output: str | None, processes: int, batch_size: int, model: str | None, base: str
) -> None:
    """Extract commitments from INPUT files (.txt, .jsonl, directories, - for stdin) into RDF."""
    from kg.extract import Extractor
    from kg.formats import format_for_path
    from kg.rdfwrite import write_graphs

    if not base.startswith(("http://", "https://", "urn:")) or not base.endswith(("/", "#")):
        raise UsageError(f"--base must be an http(s) or urn IRI ending in / or #, not {base!r}")
    if output is not None:
        format_for_path(output)
    extractor = Extractor(model=model, base=base)

    def report(failure: InputFailure) -> None:
        click.echo(f"failed: {failure.location}: {failure.reason}", err=True)

    stream = extractor.extract(read_inputs(inputs), processes=processes, batch_size=batch_size)
    count, failures = write_graphs(stream, output, on_failure=report)
    if failures:
        raise InputError(f"{len(failures)} document(s) failed; the other {count} were written")
