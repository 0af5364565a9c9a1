"""An app over a fresh embedded store, and a Flask test client for it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from api.app import create_app
from api.config import ApiConfig
from kg.store.embedded import EmbeddedStore

TOKEN = "test-token-7f3a"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
DATA = """
PREFIX ex: <http://example.org/>
INSERT DATA {
  GRAPH ex:doc1 { ex:us ex:commits ex:tanks . ex:us ex:label "United States" . }
  GRAPH ex:doc2 { ex:uk ex:commits ex:jets . ex:uk ex:label "United Kingdom" . }
}
"""


@pytest.fixture
def store(tmp_path: Path) -> Iterator[EmbeddedStore]:
    opened = EmbeddedStore(tmp_path / "store")
    opened.update(DATA)
    yield opened
    opened.close()


@pytest.fixture
def config() -> ApiConfig:
    return ApiConfig(update_token=TOKEN, query_timeout=10.0)


@pytest.fixture
def app(config: ApiConfig, store: EmbeddedStore) -> Flask:
    return create_app(config, store)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()
