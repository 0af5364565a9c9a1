"""Writing a command's answer to standard output."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator


@contextlib.contextmanager
def quiet_broken_pipe() -> Iterator[None]:
    """Stop quietly (status 1) when the reader of standard output goes away, as in `kg export | head`."""
    try:
        yield
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's final flush cannot fail again
        raise SystemExit(1) from None
