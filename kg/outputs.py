"""Where commands write: standard output, or a file that appears only once it is complete."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from kg.errors import InputError


@contextlib.contextmanager
def open_output(output: str | Path | None) -> Iterator[IO[bytes]]:
    """Standard output, or a temporary file beside `output` renamed to it when the block succeeds.

    A run that fails or is interrupted leaves no half-written file behind.
    """
    if output is None:
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    target = Path(output)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as err:
        raise InputError(f"cannot write {str(output)!r}: {err.strerror}") from None
    try:
        with os.fdopen(handle, "wb") as out:
            yield out
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    """The process's file-creation mask (mkstemp creates files readable by their owner only)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def quiet_broken_pipe() -> Iterator[None]:
    """Stop quietly (status 1) when the reader of standard output goes away, as in `kg export | head`."""
    try:
        yield
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's final flush cannot fail again
        raise SystemExit(1) from None
