"""`kg serve`: the app behind granian (a Rust HTTP server), its slow work in killable processes.

One HTTP worker process runs the app on a few threads; each query, export or extraction goes to
one of `workers` query processes (`api.pool`), killed at the time limit. Over the embedded
store, writes go to one writer process (`api.writer`), restarted if it dies, and every process
reads the snapshots it publishes.
"""

from __future__ import annotations

import logging
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from api.config import ApiConfig
from api.serving import SETTINGS_ENV, ServeSettings
from api.writer import WriterSettings
from kg.errors import ConfigurationError, StoreError

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


def writer_settings(spec: str, runtime: Path, timeout: float) -> WriterSettings:
    """Where the writer of the store at `spec` listens and publishes, with a fresh key."""
    store = Path(spec).resolve()
    store.parent.mkdir(parents=True, exist_ok=True)
    # Snapshots are hard links of the store's files, so they live on the same file system.
    snapshots = tempfile.mkdtemp(prefix=f".{store.name}-snapshots-", dir=store.parent)
    return WriterSettings(
        store=str(store),
        socket=str(runtime / "writer.sock"),
        snapshots=snapshots,
        authkey=secrets.token_hex(16),
        timeout=timeout,
    )


def serve(spec: str, config: ApiConfig, *, host: str, port: int, workers: int) -> None:
    """Serve the API until SIGINT/SIGTERM (in-flight requests finish first)."""
    from granian.constants import Interfaces
    from granian.log import LogLevels
    from granian.server import Server

    if workers < 1:
        raise ConfigurationError("--workers must be at least 1")
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    runtime = Path(tempfile.mkdtemp(prefix="kg-serve-"))
    writer = None if is_remote(spec) else WriterProcess(writer_settings(spec, runtime, config.query_timeout))
    settings = ServeSettings(
        spec=spec,
        config=config,
        runtime=str(runtime),
        workers=workers,
        writer=writer.settings if writer else None,
    )
    settings.save(runtime / "settings.json")
    os.environ[SETTINGS_ENV] = str(runtime / "settings.json")
    try:
        if writer is not None:
            writer.start()
        Server(
            "api.serving:build_app",
            factory=True,
            address=host,
            port=port,
            interface=Interfaces.WSGI,
            workers=1,
            # One thread per query worker, and one for requests that need none (health, metrics).
            blocking_threads=workers + 1,
            log_level=LogLevels.warning,
            respawn_failed_workers=True,
            workers_kill_timeout=int(config.query_timeout) + 5,
        ).serve()
    finally:
        if writer is not None:
            writer.stop()
            shutil.rmtree(writer.settings.snapshots, ignore_errors=True)
        shutil.rmtree(runtime, ignore_errors=True)
