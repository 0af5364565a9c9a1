"""One query worker of `kg serve`: does one job at a time for the HTTP worker that started it.

Run as `python -m api.worker SETTINGS`; jobs and answers are framed pickles on standard input
and output (see `api.pool`). It ends when its parent closes the pipe, or is killed by it when a
job overruns the time limit.
"""

from __future__ import annotations

import os
import sys
from typing import IO

from api.errors import internal_error
from api.pool import read_frame, send_frame
from api.serving import ServeSettings
from api.work import LocalWork
from kg.errors import KGError, StoreError

JOBS = ("query", "export", "extract")


def serve(settings_path: str, requests: IO[bytes], answers: IO[bytes]) -> None:
    """Open the store, say ready, then answer jobs until the pipe closes."""
    try:
        settings = ServeSettings.load(settings_path)
        work = LocalWork(settings.open_store(), settings.config)
    except KGError as err:
        send_frame(answers, ("error", err))
        return
    send_frame(answers, ("ready", None))
    while True:
        try:
            method, args, options = read_frame(requests)
        except EOFError:
            return
        try:
            if method not in JOBS:
                raise StoreError(f"a query worker does not do {method!r}")
            reply: tuple[str, object] = ("ok", getattr(work, method)(*args, **options))
        except KGError as err:
            reply = ("error", err)
        except Exception as err:  # any other failure is logged and answered (500); the worker goes on
            reply = ("error", internal_error(err))
        send_frame(answers, reply)


if __name__ == "__main__":
    # Answers go to the original standard output only; anything a library prints goes to stderr.
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    serve(sys.argv[1], sys.stdin.buffer, answers)
