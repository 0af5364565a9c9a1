"""`kg serve`: the app behind gunicorn, with one worker process per concurrent request.

Each worker handles one request at a time, so a worker that overruns the time limit can be
ended (see `api.watchdog`) and gunicorn forks a fresh one. Over the embedded store, the workers
read snapshots and send writes to one writer process (`api.writer`), restarted if it dies;
over a remote store each worker talks to the remote server itself.
"""

from __future__ import annotations

import logging
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication

from api.app import create_app
from api.config import ApiConfig
from api.metrics import Metrics
from api.snapshots import SnapshotStore
from api.watchdog import Watchdog
from api.writer import WriterClient, WriterSettings
from kg.errors import ConfigurationError, StoreError
from kg.store.base import Store

log = logging.getLogger("kg.serve")
WRITER_START_SECONDS = 120


def is_remote(spec: str) -> bool:
    """Whether the store is a SPARQL server URL rather than a directory."""
    return spec.startswith(("http://", "https://"))


class WriterProcess:
    """Starts the writer, waits until it is ready, and restarts it whenever it dies."""

    def __init__(self, settings: WriterSettings) -> None:
        self.settings = settings
        self._process: subprocess.Popen[str] | None = None
        self._stopping = threading.Event()

    def start(self) -> None:
        """Start the writer and block until it serves (raise the reason if it cannot)."""
        # Its own session: a Ctrl-C meant for `kg serve` must not kill the writer mid-shutdown.
        process = subprocess.Popen(
            [sys.executable, "-m", "api.writer"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(self.settings.to_json() + "\n")
        process.stdin.flush()
        first = process.stdout.readline().strip()
        if first != "ready":
            process.wait(timeout=WRITER_START_SECONDS)
            raise StoreError(first.removeprefix("error: ") or "the store's writer process did not start")
        self._process = process
        threading.Thread(target=self._supervise, args=(process,), name="kg-writer-watch", daemon=True).start()

    def _supervise(self, process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        process.stdout.read()  # returns when the writer exits
        while not self._stopping.is_set():
            log.warning("the store's writer stopped; starting a new one")
            try:
                self.start()
                return
            except StoreError as err:
                log.error("the store's writer did not start: %s", err.message)
                self._stopping.wait(1.0)

    def stop(self) -> None:
        """Stop the writer (its store is flushed by RocksDB's own shutdown)."""
        self._stopping.set()
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()


class Server(BaseApplication):  # type: ignore[misc]
    """gunicorn, configured in code; each worker builds its own app and store after the fork."""

    def __init__(self, spec: str, config: ApiConfig, options: dict[str, Any]) -> None:
        self.spec = spec
        self.api_config = config
        self.options = options
        self.runtime = Path(tempfile.mkdtemp(prefix="kg-serve-"))
        self.metrics = Metrics(self.runtime / "metrics")
        self.writer: WriterProcess | None = None
        if not is_remote(spec):
            self.writer = WriterProcess(self._writer_settings())
        super().__init__()

    def _writer_settings(self) -> WriterSettings:
        store = Path(self.spec).resolve()
        store.parent.mkdir(parents=True, exist_ok=True)
        # Snapshots are hard links of the store's files, so they live on the same file system.
        snapshots = tempfile.mkdtemp(prefix=f".{store.name}-snapshots-", dir=store.parent)
        return WriterSettings(
            store=str(store),
            socket=str(self.runtime / "writer.sock"),
            snapshots=snapshots,
            authkey=secrets.token_hex(16),
            timeout=self.api_config.query_timeout,
        )

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)
        self.cfg.set("on_exit", lambda _arbiter: self.cleanup())

    def load(self) -> Flask:
        return create_app(self.api_config, self._worker_store(), metrics=self.metrics, watchdog=Watchdog())

    def _worker_store(self) -> Store:
        if self.writer is None:
            from kg.store import open_store

            return open_store(self.spec)
        settings = self.writer.settings
        return SnapshotStore(settings.store, settings.snapshots, WriterClient(settings))

    def serve(self) -> None:
        """Start the writer (embedded store), then gunicorn; clean up when it stops."""
        try:
            if self.writer is not None:
                self.writer.start()
            self.run()
        finally:
            self.cleanup()

    def cleanup(self) -> None:
        """Stop the writer and remove the snapshots and runtime files."""
        if self.writer is not None:
            self.writer.stop()
            shutil.rmtree(self.writer.settings.snapshots, ignore_errors=True)
        shutil.rmtree(self.runtime, ignore_errors=True)


def serve(spec: str, config: ApiConfig, *, host: str, port: int, workers: int) -> None:
    """Serve the API until SIGINT/SIGTERM (in-flight requests finish first)."""
    if workers < 1:
        raise ConfigurationError("--workers must be at least 1")
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    options = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "worker_class": "sync",
        # gunicorn's own limit is only a backstop for a worker stuck outside a guarded block.
        "timeout": int(config.query_timeout) + 30,
        "graceful_timeout": int(config.query_timeout) + 5,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
        "proc_name": "kg-serve",
        # gunicorn's largest bounded request line; longer queries are POSTed.
        "limit_request_line": 8190,
    }
    Server(spec, config, options).serve()
