"""What every view reaches through the app: its config, store, metrics and work under the time limit."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from api.access import AccessLog
from api.config import ApiConfig
from api.metrics import Metrics
from api.work import Work
from kg.store.base import Store

EXTENSION = "kg"


@dataclass
class State:
    """The app's injected resources."""

    config: ApiConfig
    store: Store
    metrics: Metrics
    work: Work
    access: AccessLog


def state() -> State:
    """The resources of the app handling the current request."""
    found: State = current_app.extensions[EXTENSION]
    return found
