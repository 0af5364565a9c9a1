"""What every process of `kg serve` shares: its settings, and how each one opens the store.

`kg serve` writes the settings to a private file; the HTTP worker (built by `build_app`) and
the query workers (`api.worker`) read it. Over the embedded store they all read snapshots and
send writes to the one writer process; over a remote store each talks to the server itself.
"""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Flask

from api.config import ApiConfig
from api.writer import WriterClient, WriterSettings
from kg.store.base import Store

SETTINGS_ENV = "KG_SERVE_SETTINGS"


@dataclass(frozen=True)
class ServeSettings:
    """The store, its writer (embedded store only), the API settings and the shared folders."""

    spec: str
    config: ApiConfig
    runtime: str
    workers: int
    writer: WriterSettings | None = None

    def save(self, path: Path) -> None:
        """Write as JSON, readable by this user only (it holds the writer's key)."""
        path.touch(mode=0o600)
        path.write_text(json.dumps(dataclasses.asdict(self)), encoding="utf-8")

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> ServeSettings:
        """Read what `save` wrote."""
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        config: dict[str, Any] = {
            key: tuple(value) if isinstance(value, list) else value for key, value in raw["config"].items()
        }
        writer = WriterSettings(**raw["writer"]) if raw["writer"] else None
        return cls(
            spec=raw["spec"],
            config=ApiConfig(**config),
            runtime=raw["runtime"],
            workers=raw["workers"],
            writer=writer,
        )

    @property
    def metrics_dir(self) -> Path:
        """Where every process counts its requests."""
        return Path(self.runtime) / "metrics"

    def open_store(self) -> Store:
        """This process's view of the store."""
        if self.writer is None:
            from kg.store import open_store

            return open_store(self.spec)
        from api.snapshots import SnapshotStore

        return SnapshotStore(self.writer.store, self.writer.snapshots, WriterClient(self.writer))


def build_app() -> Flask:
    """The app of one HTTP worker of `kg serve`: its query workers started, its store opened."""
    from api.app import create_app
    from api.cache import CachedWork
    from api.metrics import Metrics
    from api.pool import PooledWork, WorkerPool
    from api.snapshots import SnapshotStore
    from api.work import Work

    settings_path = os.environ[SETTINGS_ENV]
    settings = ServeSettings.load(settings_path)
    pool = WorkerPool(settings_path, settings.workers, settings.config.query_timeout)
    pool.start()
    store = settings.open_store()
    metrics = Metrics(settings.metrics_dir)
    work: Work = PooledWork(pool)
    # Only the embedded store says when it changes; a remote one may be written by others.
    if isinstance(store, SnapshotStore) and settings.config.result_cache_bytes:
        work = CachedWork(work, store.generation, settings.config.result_cache_bytes, metrics)
    return create_app(settings.config, store, metrics=metrics, work=work)
