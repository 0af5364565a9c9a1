"""Fixtures of the page tests: the API's app and client, and Chromium driven by Selenium."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api import running
from tests.api.conftest import app, client, config, store  # noqa: F401
from tests.page.chromium import CHROMEDRIVER, CHROMIUM, start_chromium
from tests.paths import ROOT
from tests.requirements import missing

SAMPLE = ROOT / "sample" / "us-security-guarantees.jsonl"
OUTPUT = ROOT / "test-output"


def serve_ingested(base: Path, documents: Path) -> Iterator[str]:
    """The URL of a real `kg serve` over a store in `base` where `documents` went through `kg ingest`."""
    kg = Path(sys.executable).with_name("kg")
    subprocess.run([str(kg), "ingest", "--store", str(base / "store"), "--quiet", str(documents)], check=True)
    server = running.start(base / "store", base / "serve.log", workers=1)
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture(scope="session")
def sample_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real `kg serve` over the ingested sample."""
    yield from serve_ingested(tmp_path_factory.mktemp("page-store"), SAMPLE)


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """Headless Debian Chromium; missing, it skips locally and fails in CI."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists() and shutil.which(str(CHROMEDRIVER))):
        missing("Debian chromium / chromium-driver not installed")
    driver = start_chromium(tmp_path_factory.mktemp("chromium"))
    OUTPUT.mkdir(exist_ok=True)
    try:
        yield driver
    finally:
        driver.quit()
