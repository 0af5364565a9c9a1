"""Fixtures of the page tests: the API's app and client, and Chromium driven by Selenium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api import running
from tests.api.conftest import app, client, config, store  # noqa: F401
from tests.paths import ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SAMPLE = ROOT / "sample" / "us-security-guarantees.jsonl"
OUTPUT = ROOT / "test-output"


@pytest.fixture(scope="session")
def sample_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real `kg serve` over a temporary store where the sample was ingested with `kg ingest`."""
    base = tmp_path_factory.mktemp("page-store")
    kg = Path(sys.executable).with_name("kg")
    subprocess.run([str(kg), "ingest", "--store", str(base / "store"), "--quiet", str(SAMPLE)], check=True)
    server = running.start(base / "store", base / "serve.log", workers=1)
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """Headless Debian Chromium; missing, it skips locally and fails in CI."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists() and shutil.which(str(CHROMEDRIVER))):
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium and chromedriver are required in CI (apt install chromium chromium-driver)")
        pytest.skip("Debian chromium / chromium-driver not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1300,1400",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium')}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    OUTPUT.mkdir(exist_ok=True)
    try:
        yield driver
    finally:
        driver.quit()
