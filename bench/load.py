"""A small closed-loop HTTP/1.1 load generator: processes x threads, blocking sockets, keep-alive.

Every server in a comparison is driven by this same generator, so its own cost (it shares the
machine's cores) weighs on all of them alike. Keep-alive is used when the server keeps the
connection open, and a new connection is made when it closes it.
"""

from __future__ import annotations

import multiprocessing
import socket
import time
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass
class LoadResult:
    """Answers per second and latency percentiles over a run."""

    requests: int
    errors: int
    seconds: float
    latencies: list[float]

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, fraction: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def _request_bytes(url: str) -> tuple[str, int, bytes]:
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    head = (
        f"GET {path} HTTP/1.1\r\nHost: {parts.hostname}:{parts.port}\r\n"
        "Accept: application/sparql-results+json\r\nConnection: keep-alive\r\n\r\n"
    )
    return parts.hostname or "127.0.0.1", parts.port or 80, head.encode()


def _read_response(sock: socket.socket, buffer: bytearray) -> tuple[int, bool]:
    """Read one response; return (status, whether the server keeps the connection)."""
    while b"\r\n\r\n" not in buffer:
        data = sock.recv(65536)
        if not data:
            raise ConnectionError("closed")
        buffer += data
    end = buffer.index(b"\r\n\r\n") + 4
    head = bytes(buffer[:end]).decode("latin-1").lower()
    status = int(head.split(" ", 2)[1])
    length = 0
    keep = "connection: close" not in head
    for line in head.split("\r\n"):
        if line.startswith("content-length:"):
            length = int(line.split(":", 1)[1])
    if "transfer-encoding: chunked" in head:
        del buffer[:end]
        while True:
            while b"\r\n" not in buffer:
                buffer += sock.recv(65536)
            size_end = buffer.index(b"\r\n")
            size = int(bytes(buffer[:size_end]).split(b";")[0], 16)
            while len(buffer) < size_end + 2 + size + 2:
                data = sock.recv(65536)
                if not data:
                    raise ConnectionError("closed")
                buffer += data
            del buffer[: size_end + 2 + size + 2]
            if size == 0:
                return status, keep
    while len(buffer) < end + length:
        data = sock.recv(65536)
        if not data:
            raise ConnectionError("closed")
        buffer += data
    del buffer[: end + length]
    return status, keep


def _worker(urls: Sequence[str], offset: int, stop_at: float, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    import threading

    requests: list[int] = [0]
    errors: list[int] = [0]
    latencies: list[float] = []
    lock = threading.Lock()

    def loop(start: int) -> None:
        sock: socket.socket | None = None
        buffer = bytearray()
        index = start
        done = errors_here = 0
        mine: list[float] = []
        while time.monotonic() < stop_at:
            host, port, payload = _request_bytes(urls[index % len(urls)])
            index += 7
            began = time.perf_counter()
            try:
                if sock is None:
                    sock = socket.create_connection((host, port))
                    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                    buffer.clear()
                sock.sendall(payload)
                status, keep = _read_response(sock, buffer)
            except OSError:
                if sock is not None:
                    sock.close()
                sock = None
                errors_here += 1
                continue
            mine.append(time.perf_counter() - began)
            if status == 200:
                done += 1
            else:
                errors_here += 1
            if not keep:
                sock.close()
                sock = None
        with lock:
            requests[0] += done
            errors[0] += errors_here
            latencies.extend(mine)

    threads = [
        threading.Thread(target=loop, args=(offset * 1000 + n * 131,)) for n in range(THREADS_PER_PROCESS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    queue.put((requests[0], errors[0], latencies))


THREADS_PER_PROCESS = 4


def run(urls: Sequence[str], *, seconds: float, processes: int = 2) -> LoadResult:
    """Request `urls` in turn from `processes` x 4 connections for `seconds`."""
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    stop_at = time.monotonic() + seconds
    started = time.monotonic()
    workers = [context.Process(target=_worker, args=(urls, n, stop_at, queue)) for n in range(processes)]
    for worker in workers:
        worker.start()
    parts = [queue.get() for _ in workers]
    for worker in workers:
        worker.join()
    elapsed = time.monotonic() - started
    return LoadResult(
        requests=sum(p[0] for p in parts),
        errors=sum(p[1] for p in parts),
        seconds=min(elapsed, seconds),
        latencies=[x for p in parts for x in p[2]],
    )
