"""A pool of child processes that do the work under the time limit, killed when it passes.

Oxigraph cannot cancel a query, and a signal does not reach it inside an aggregate; so each
query (and each export or extraction) runs in a child process (`api.worker`) that does one job
at a time. The server waits for its answer until the deadline; past it, the child is killed —
its work stops at once — and a fresh one is started in the background. A request that finds
every child busy until its deadline gets 503.
"""

from __future__ import annotations

import contextlib
import logging
import pickle
import queue
import select
import struct
import subprocess
import sys
import threading
import time
from typing import IO, Any

from api.work import Answer
from kg.docgraph import DocumentGraph
from kg.documents import Document, InputFailure
from kg.errors import KGError, Overloaded, QueryTimeout, StoreError
from kg.store.base import Dataset

log = logging.getLogger("kg.serve")
HEADER = struct.Struct("<I")
START_SECONDS = 120.0
MODEL_LOAD_SECONDS = 60.0


def readable_within(source: IO[bytes], seconds: float) -> bool:
    """Whether `source` has something to read (or was closed) within `seconds`.

    `poll`, not `select`: the HTTP worker holds its clients' sockets too, so a pipe's descriptor
    may be past select's limit of 1024.
    """
    poller = select.poll()
    poller.register(source, select.POLLIN)
    return bool(poller.poll(max(0, int(seconds * 1000))))


def send_frame(out: IO[bytes], message: object) -> None:
    """Write one length-prefixed pickled message."""
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(HEADER.pack(len(data)) + data)
    out.flush()


def read_frame(source: IO[bytes]) -> Any:
    """Read one message; `EOFError` when the other side is gone."""
    head = source.read(HEADER.size)
    if len(head) < HEADER.size:
        raise EOFError("the other side closed the pipe")
    (size,) = HEADER.unpack(head)
    data = source.read(size)
    if len(data) < size:
        raise EOFError("the other side closed the pipe mid-message")
    return pickle.loads(data)


class Child:
    """One worker process and its pipes."""

    def __init__(self, settings_path: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "api.worker", settings_path],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            start_new_session=True,  # a Ctrl-C for `kg serve` must not kill it mid-answer
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.requests: IO[bytes] = self.process.stdin
        self.answers: IO[bytes] = self.process.stdout
        self.has_model = False

    def wait_ready(self) -> None:
        """Block until the child has opened its store; `StoreError` with its reason if it cannot."""
        try:
            if not readable_within(self.answers, START_SECONDS):
                raise StoreError("a query worker did not start in time")
            status, value = read_frame(self.answers)
            if status != "ready":
                raise value
        except (EOFError, ValueError):  # it exited, or the pool closed its pipes (shutting down)
            self.kill()
            raise StoreError("a query worker exited while starting") from None
        except KGError:
            self.kill()
            raise

    def kill(self) -> None:
        """End the process now and reap it."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for pipe in (self.requests, self.answers):
            with contextlib.suppress(OSError):  # a request still buffered for the dead process
                pipe.close()


class WorkerPool:
    """`size` children, each doing one job at a time; jobs wait for a free one."""

    def __init__(self, settings_path: str, size: int, timeout: float) -> None:
        self.settings_path = settings_path
        self.size = size
        self.timeout = timeout
        self._idle: queue.SimpleQueue[Child] = queue.SimpleQueue()
        self._closed = threading.Event()
        self._children: set[Child] = set()
        self._lock = threading.Lock()

    def start(self) -> None:
        """Start every child and wait until they serve."""
        children = [self._spawn() for _ in range(self.size)]
        for child in children:
            self._wait_ready(child)
            self._idle.put(child)

    def call(self, method: str, *args: object, **options: object) -> Any:
        """Run `method(*args, **options)` of `LocalWork` in a child within the time limit."""
        deadline = time.monotonic() + self.timeout
        try:
            child = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise Overloaded(
                f"all {self.size} query workers stayed busy for {self.timeout:g} s",
                detail="try again later, or start kg serve with more --workers",
            ) from None
        if method == "extract" and not child.has_model:
            deadline += MODEL_LOAD_SECONDS  # its first extraction also loads the spaCy pipeline
        try:
            send_frame(child.requests, (method, args, options))
            if not readable_within(child.answers, deadline - time.monotonic()):
                self._replace(child)
                raise QueryTimeout(
                    f"the request ran past the time limit of {self.timeout:g} s and was stopped",
                    detail="simplify it, add LIMIT, or raise KG_QUERY_TIMEOUT",
                )
            status, value = read_frame(child.answers)
        except (EOFError, OSError, pickle.PicklingError) as err:
            self._replace(child)
            raise StoreError(f"a query worker failed: {err}") from None
        child.has_model = child.has_model or method == "extract"
        self._idle.put(child)
        if status == "error":
            assert isinstance(value, KGError)
            raise value
        return value

    def _spawn(self) -> Child:
        child = Child(self.settings_path)
        with self._lock:
            if self._closed.is_set():  # closed while this one was starting
                child.kill()
                raise StoreError("the query workers are shutting down")
            self._children.add(child)
        return child

    def _wait_ready(self, child: Child) -> None:
        try:
            child.wait_ready()
        except KGError:
            with self._lock:
                self._children.discard(child)
            raise

    def _replace(self, child: Child) -> None:
        """Kill `child` and start its successor in the background."""
        child.kill()
        with self._lock:
            self._children.discard(child)
        threading.Thread(target=self._refill, name="kg-pool-refill", daemon=True).start()

    def _refill(self) -> None:
        while not self._closed.is_set():
            try:
                child = self._spawn()
                self._wait_ready(child)
            except (KGError, OSError) as err:
                if not self._closed.is_set():
                    log.error("a query worker did not start: %s", getattr(err, "message", err))
                    self._closed.wait(1.0)
                continue
            self._idle.put(child)
            return

    def close(self) -> None:
        """Kill every child."""
        self._closed.set()
        with self._lock:
            children = list(self._children)
            self._children.clear()
        for child in children:
            child.kill()


class PooledWork:
    """`Work` done by a `WorkerPool`."""

    def __init__(self, pool: WorkerPool) -> None:
        self.pool = pool

    def query(self, text: str, *, media_type: str, dataset: Dataset | None = None) -> Answer:
        answer: Answer = self.pool.call("query", text, media_type=media_type, dataset=dataset)
        return answer

    def export(self, graph: str, *, rdf_format: str) -> bytes:
        body: bytes = self.pool.call("export", graph, rdf_format=rdf_format)
        return body

    def extract(self, document: Document) -> DocumentGraph | InputFailure:
        result: DocumentGraph | InputFailure = self.pool.call("extract", document)
        return result

    def close(self) -> None:
        self.pool.close()
