"""Input documents: `.txt` files, JSON Lines files, directories and stdin.

Reading never stops at a bad document: each one is reported as an `InputFailure` with where it
is, and the readable documents keep coming.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

METADATA_FIELDS = ("title", "url", "date", "source")


@dataclass(frozen=True)
class Document:
    """One text to read statements from, with its metadata."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    date: str | None = None
    source: str | None = None
    location: str = ""


@dataclass(frozen=True)
class InputFailure:
    """A document that could not be read, and why."""

    location: str
    reason: str


def read_inputs(inputs: Iterable[str]) -> Iterator[Document | InputFailure]:
    """Yield the documents of every input (file, directory or `-` for stdin), in order."""
    for name in inputs:
        if name == "-":
            yield from read_jsonl_stream(sys.stdin.buffer, "<stdin>")
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix in (".txt", ".jsonl") and p.is_file())
            if not files:
                yield InputFailure(str(path), "directory holds no .txt or .jsonl file")
            for file in files:
                yield from read_file(file)
        elif path.is_file():
            yield from read_file(path)
        else:
            yield InputFailure(str(path), "no such file or directory")


def read_file(path: Path) -> Iterator[Document | InputFailure]:
    """Yield the documents of one `.txt` or `.jsonl` file."""
    if path.suffix == ".jsonl":
        try:
            with path.open("rb") as stream:
                yield from read_jsonl_stream(stream, str(path))
        except OSError as err:
            yield InputFailure(str(path), f"cannot read: {err.strerror}")
    elif path.suffix == ".txt":
        try:
            data = path.read_bytes()
        except OSError as err:
            yield InputFailure(str(path), f"cannot read: {err.strerror}")
            return
        text, problem = decode(data)
        if problem:
            yield InputFailure(str(path), problem)
        else:
            yield Document(id=path.stem, text=text, location=str(path))
    else:
        yield InputFailure(str(path), "not a .txt or .jsonl file")


def read_jsonl_stream(stream: IO[bytes], name: str) -> Iterator[Document | InputFailure]:
    """Yield one document per non-blank line of a JSON Lines byte stream."""
    for number, raw in enumerate(stream, start=1):
        where = f"{name}:{number}"
        if not raw.strip():
            continue
        line, problem = decode(raw)
        if problem:
            yield InputFailure(where, problem)
            continue
        yield parse_record(line, where)


def parse_record(line: str, where: str) -> Document | InputFailure:
    """Turn one JSON Lines record into a document, or say why it is not one."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return InputFailure(where, f"broken JSON: {err.msg} at column {err.colno}")
    if not isinstance(record, dict):
        return InputFailure(where, "a record must be a JSON object")
    doc_id, text = record.get("id"), record.get("text")
    if not isinstance(doc_id, (str, int)) or str(doc_id).strip() == "":
        return InputFailure(where, "record has no usable 'id'")
    if not isinstance(text, str):
        return InputFailure(where, "record has no 'text' string")
    metadata = {
        key: record[key] for key in METADATA_FIELDS if isinstance(record.get(key), str) and record[key]
    }
    return Document(id=str(doc_id), text=text, location=where, **metadata)


def decode(data: bytes) -> tuple[str, str | None]:
    """Decode UTF-8 (with or without BOM); report bytes that are not UTF-8 with their offset."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as err:
        return "", f"not UTF-8: byte 0x{data[err.start]:02x} at offset {err.start}"
