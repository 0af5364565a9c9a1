"""Limits on a request's work: the time limit (with the 504 it sends) and the answer's size."""

from __future__ import annotations

import json
import logging
import os
import socket
from collections.abc import Iterable
from contextlib import AbstractContextManager, nullcontext

from flask import request

from api.context import state
from kg.errors import QueryTimeout, ResultTooLarge

log = logging.getLogger("kg.access")


# A write runs in the writer process under the same limit; its worker waits a little longer so
# that the writer's own answer (504, nothing written) comes back first.
WRITE_SLACK = 2.0


def time_limit(endpoint: str, *, write: bool = False) -> AbstractContextManager[None]:
    """Guard a block by the configured query timeout when the app runs under `kg serve`.

    Under the Flask test client there is no watchdog: the timeout goes to the store only.
    """
    current = state()
    client = request.environ.get("gunicorn.socket")
    if current.watchdog is None or client is None:
        return nullcontext()
    metrics = current.metrics
    method, path = request.method, request.path

    def answer_timeout(elapsed: float) -> None:
        error = QueryTimeout(
            f"the request ran past the time limit of {current.config.query_timeout:g} s and was stopped",
            detail="simplify it, add LIMIT, or raise KG_QUERY_TIMEOUT",
        )
        _send_raw(client, 504, "Gateway Timeout", json.dumps(error.to_dict()).encode())
        metrics.timed_out()
        metrics.observe(endpoint, 504, elapsed)
        log.warning(
            json.dumps(
                {
                    "method": method,
                    "path": path,
                    "status": 504,
                    "ms": round(elapsed * 1000, 2),
                    "pid": os.getpid(),
                }
            )
        )

    seconds = current.config.query_timeout + (WRITE_SLACK if write else 0.0)
    return current.watchdog.guard(seconds, answer_timeout)


def _send_raw(client: socket.socket, status: int, reason: str, body: bytes) -> None:
    head = (
        f"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode()
    try:
        client.sendall(head + body)
        client.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


def collect(chunks: Iterable[bytes], limit: int) -> bytes:
    """Join an answer's chunks; `ResultTooLarge` as soon as they pass `limit` bytes."""
    parts: list[bytes] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > limit:
            raise ResultTooLarge(
                f"the answer is over the limit of {limit} bytes",
                detail="add LIMIT to the query, or raise KG_MAX_RESULT_BYTES",
            )
        parts.append(chunk)
    return b"".join(parts)
