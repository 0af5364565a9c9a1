"""How long the page's commitments view takes to draw: the sample, then 10,000 commitments.

Drives headless Debian Chromium (Selenium) against a real `kg serve`. The first store holds the
ingested sample; the second adds 10,000 generated commitments (bench.generate), all given to one
actor so that its view is the worst case. Prints the page's own draw time (the view's three SPARQL
queries plus layout and SVG, as the page reports it) and the ratio to the sample.

    .venv/bin/python -m bench.page [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.wait import WebDriverWait

from bench.generate import write_nquads
from kg.store.embedded import EmbeddedStore
from tests.api import running
from tests.page.chromium import start_chromium

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample" / "us-security-guarantees.jsonl"
ONE_ACTOR = """
PREFIX ckg: <https://w3id.org/commitment-kg/ontology#>
BASE <https://w3id.org/commitment-kg/id/>
DELETE { GRAPH ?g { ?c ckg:hasActor ?a } } INSERT { GRAPH ?g { ?c ckg:hasActor <actor/united-states> } }
WHERE { GRAPH ?g { ?c ckg:hasActor ?a } FILTER(STRSTARTS(STR(?g), STR(<document/doc->))) }
"""


def draw_ms(driver: webdriver.Chrome, url: str, runs: int) -> tuple[float, str]:
    """Median draw time of the United States view over `runs` page loads, and the status line."""
    times: list[float] = []
    status = ""
    for _ in range(runs):
        driver.get(url + "/#view")
        WebDriverWait(driver, 60).until(lambda d: len(Select(d.find_element(By.ID, "actor")).options) > 1)
        Select(driver.find_element(By.ID, "actor")).select_by_visible_text("United States")
        WebDriverWait(driver, 120).until(
            lambda d: d.find_element(By.ID, "graph").get_attribute("data-drawn-ms")
        )
        times.append(float(driver.find_element(By.ID, "graph").get_attribute("data-drawn-ms") or 0))
        status = driver.find_element(By.ID, "view-status").text
    return statistics.median(times), status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    kg = Path(sys.executable).with_name("kg")
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        store = base / "store"
        subprocess.run([str(kg), "ingest", "--store", str(store), "--quiet", str(SAMPLE)], check=True)
        driver = start_chromium(base / "profile")
        try:
            server = running.start(store, base / "serve.log", workers=1)
            try:
                sample_ms, sample_status = draw_ms(driver, server.url, args.runs)
            finally:
                server.stop()
            write_nquads(base / "generated.nq", 10_000 // 8)
            opened = EmbeddedStore(store)
            opened.load(base / "generated.nq", "nquads")
            opened.update(ONE_ACTOR)
            opened.close()
            server = running.start(store, base / "serve.log", workers=1)
            try:
                big_ms, big_status = draw_ms(driver, server.url, args.runs)
            finally:
                server.stop()
        finally:
            driver.quit()
    print(f"sample:  {sample_ms:8.1f} ms  ({sample_status})")
    print(f"10,000:  {big_ms:8.1f} ms  ({big_status})")
    print(f"ratio 10,000 / sample: {big_ms / sample_ms:.1f}x")


if __name__ == "__main__":
    main()
