"""`kg query`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.commands.options import store_option
from kg.errors import InputError
from kg.outputs import quiet_broken_pipe
from kg.store import open_store
from kg.store.base import Store


@click.command()
@click.argument("sparql")
@store_option
@click.option(
    "--format",
    "result_format",
    default=None,
    help="json, xml, csv, tsv (SELECT, ASK); turtle, ntriples, nquads, trig, rdfxml, jsonld "
    "(CONSTRUCT, DESCRIBE).",
)
def query(sparql: str, store: str, result_format: str | None) -> None:
    """Run a SPARQL query (text, @file.rq, or - for stdin) against the store."""
    text = read_query(sparql)
    opened = open_store(store, create=False)
    try:
        with quiet_broken_pipe():
            run_query(opened, text, result_format, sys.stdout.buffer)
    finally:
        opened.close()


def run_query(store: Store, text: str, result_format: str | None, out: object) -> None:
    """Run `text` and write its answer to the binary stream `out` (the path `kg query` takes)."""
    output = store.query(text, result_format=result_format or "auto")
    write = out.write  # type: ignore[attr-defined]
    for chunk in output.chunks:
        write(chunk)
    out.flush()  # type: ignore[attr-defined]


def read_query(argument: str) -> str:
    """The query text: the argument itself, the file after `@`, or standard input for `-`."""
    if argument == "-":
        return sys.stdin.read()
    if not argument.startswith("@"):
        return argument
    path = Path(argument[1:])
    try:
        return path.read_text(encoding="utf-8")
    except OSError as err:
        raise InputError(f"cannot read the query file {str(path)!r}: {err.strerror}") from None
    except UnicodeDecodeError:
        raise InputError(f"the query file {str(path)!r} is not UTF-8") from None
