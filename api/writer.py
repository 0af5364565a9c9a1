"""The one process that writes the embedded store; worker processes send it their writes.

It holds the store read-write, runs each write in one transaction under the time limit (the
watchdog ends the process on overrun: the transaction is dropped whole and `kg serve` starts a
new writer), then publishes a new read-only snapshot for the workers (see `api.snapshots`).
Run as `python -m api.writer`, with its settings as one JSON line on standard input.
"""

from __future__ import annotations

import json
import os
import pickle
import sys
import threading
from dataclasses import asdict, dataclass
from multiprocessing.connection import Client, Connection, Listener
from pathlib import Path
from typing import Any

from api.snapshots import Publisher
from api.watchdog import Watchdog
from kg.errors import KGError, Overloaded, QueryTimeout, StoreError
from kg.store.embedded import EmbeddedStore

WRITES = ("replace_graph", "replace_graphs", "delete_graph", "update")
# The writer answers a write that overruns the time limit itself (504, nothing written), then
# ends; its clients wait a little longer than the limit so that this answer comes first.
WRITE_SLACK = 2.0


@dataclass(frozen=True)
class WriterSettings:
    """Where the writer's store, socket and snapshots are, and its time limit."""

    store: str
    socket: str
    snapshots: str
    authkey: str
    timeout: float

    def to_json(self) -> str:
        """One JSON line, as the writer reads it on standard input."""
        return json.dumps(asdict(self))


class WriterClient:
    """A worker's connection to the writer: each call is one write, answered or raised."""

    def __init__(self, settings: WriterSettings) -> None:
        self.settings = settings
        self._connection: Connection | None = None
        self._lock = threading.Lock()

    def call(self, method: str, *args: Any) -> Any:
        """Run `method(*args)` in the writer; its `KGError` is raised here."""
        with self._lock:
            connection = self._connect()
            try:
                connection.send((method, args))
                if not connection.poll(self.settings.timeout + WRITE_SLACK):
                    raise TimeoutError("the writer did not answer in time")
                status, value = connection.recv()
            except (EOFError, OSError) as err:
                connection.close()
                self._connection = None
                raise Overloaded(
                    "the store's writer stopped during the write; nothing was written", detail="try again"
                ) from err
        if status == "error":
            raise value
        return value

    def _connect(self) -> Connection:
        # The writer never speaks first: a readable connection is one it closed (it was restarted).
        if self._connection is not None and self._connection.poll(0):
            self._connection.close()
            self._connection = None
        if self._connection is None:
            try:
                self._connection = Client(
                    self.settings.socket, family="AF_UNIX", authkey=bytes.fromhex(self.settings.authkey)
                )
            except OSError:
                raise Overloaded("the store's writer is restarting; try again in a moment") from None
        return self._connection


def serve(settings: WriterSettings) -> None:
    """Open the store, publish its first snapshot, say `ready`, then answer writes forever."""
    try:
        store = EmbeddedStore(settings.store)
        publisher = Publisher(settings.snapshots, settings.timeout)
        publisher.publish(store)
        Path(settings.socket).unlink(missing_ok=True)  # left by a writer that was ended
        listener = Listener(settings.socket, family="AF_UNIX", authkey=bytes.fromhex(settings.authkey))
    except KGError as err:
        print(f"error: {err.message}", flush=True)
        sys.exit(1)
    print("ready", flush=True)
    lock = threading.Lock()
    watchdog = Watchdog()
    while True:
        try:
            connection = listener.accept()
        except (OSError, EOFError):  # a client that failed the handshake
            continue
        threading.Thread(
            target=_answer, args=(connection, store, publisher, lock, watchdog, settings.timeout), daemon=True
        ).start()


def _answer(
    connection: Connection,
    store: EmbeddedStore,
    publisher: Publisher,
    lock: threading.Lock,
    watchdog: Watchdog,
    timeout: float,
) -> None:
    """Answer one worker's writes, one at a time across all workers."""

    def report_timeout(elapsed: float) -> None:
        error = QueryTimeout(
            f"the write ran past the time limit of {timeout:g} s and was stopped; nothing was written"
        )
        connection.send(("error", error))

    while True:
        try:
            method, args = connection.recv()
        except (EOFError, OSError):
            return
        with lock:
            try:
                if method not in WRITES:
                    raise StoreError(f"the writer does not do {method!r}")
                with watchdog.guard(timeout, report_timeout):
                    value = getattr(store, method)(*args)
                    publisher.publish(store)
                reply: tuple[str, Any] = ("ok", value)
            except KGError as err:
                reply = ("error", err)
            except Exception as err:  # any other failure still answers the worker
                reply = ("error", StoreError(f"the write failed: {err}"))
        try:
            connection.send(reply)
        except (OSError, pickle.PicklingError):
            return


def _exit_with_parent() -> None:
    """End when `kg serve` is gone: its end of our standard input closes."""
    sys.stdin.read()
    os._exit(0)


if __name__ == "__main__":
    writer_settings = WriterSettings(**json.loads(sys.stdin.readline()))
    threading.Thread(target=_exit_with_parent, daemon=True).start()
    serve(writer_settings)
