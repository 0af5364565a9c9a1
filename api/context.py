"""What every view reaches through the app: its config, its store and its metrics."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from api.config import ApiConfig
from api.metrics import Metrics
from api.watchdog import Watchdog
from kg.ingest import Extractor
from kg.store.base import Store

EXTENSION = "kg"


@dataclass
class State:
    """The app's injected resources."""

    config: ApiConfig
    store: Store
    metrics: Metrics
    watchdog: Watchdog | None = None
    extractor: Extractor | None = None


def state() -> State:
    """The resources of the app handling the current request."""
    found: State = current_app.extensions[EXTENSION]
    return found
