"""One JSON error shape, /healthz, /metrics, the access log, and the documented settings."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from urllib.parse import quote

import pytest

from api.config import ApiConfig
from api.context import EXTENSION

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [("get", "/nowhere", 404), ("get", "/sparql?query=ASK%20%7B", 400), ("delete", "/documents", 405)],
)
def test_one_error_shape(client, method, path, status):
    response = getattr(client, method)(path)
    assert response.status_code == status
    assert response.mimetype == "application/json"
    body = response.json
    assert set(body) <= {"error", "message", "detail"}
    assert isinstance(body["error"], str) and isinstance(body["message"], str)


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json["status"] == "ok"


def test_metrics_count_requests_and_store_size(client):
    client.get("/sparql?query=" + quote("ASK {}"))
    client.get("/sparql?query=" + quote("ASK {"))
    text = client.get("/metrics").data.decode()
    assert 'kg_http_requests_total{endpoint="sparql",status="200"} 1' in text
    assert 'kg_http_requests_total{endpoint="sparql",status="400"} 1' in text
    assert re.search(r'kg_http_request_duration_seconds_count\{endpoint="sparql"\} 2', text)
    assert "kg_query_timeouts_total 0" in text
    assert "kg_store_quads 4" in text


def test_access_log_is_one_json_line(app, client, caplog):
    with caplog.at_level(logging.INFO, logger="kg.access"):
        client.get("/healthz")
        client.get("/sparql?query=ASK%7B%7D")
        app.extensions[EXTENSION].access.flush()
    healthz, sparql = (json.loads(line) for line in caplog.records[-1].getMessage().splitlines())
    assert healthz["path"] == "/healthz" and healthz["status"] == 200 and healthz["ms"] >= 0
    assert sparql["path"] == "/sparql" and sparql["status"] == 200 and sparql["method"] == "GET"


def test_every_setting_is_documented():
    section = README.read_text(encoding="utf-8").split("## HTTP API", 1)[1].split("\n## ", 1)[0]
    source = Path(ApiConfig.__module__.replace(".", "/") + ".py")
    names = set(re.findall(r'"(KG_[A-Z_]+)"', (README.parent / source).read_text(encoding="utf-8")))
    assert names, "no settings found"
    missing = sorted(name for name in names | {"KG_STORE", "KG_WORKERS"} if name not in section)
    assert not missing, f"settings missing from the README's HTTP API section: {missing}"


def test_config_from_env():
    config = ApiConfig.from_env(
        {
            "KG_UPDATE_TOKEN": "t",
            "KG_QUERY_TIMEOUT": "2.5",
            "KG_FETCH_ALLOW": "https://query.wikidata.org/ https://dbpedia.org/",
            "KG_CORS_ORIGINS": "*",
        }
    )
    assert config.writes_enabled and config.query_timeout == 2.5
    assert config.fetch_allow == ("https://query.wikidata.org/", "https://dbpedia.org/")
    assert ApiConfig.from_env({}).query_timeout == 30.0
    assert not ApiConfig.from_env({}).writes_enabled
