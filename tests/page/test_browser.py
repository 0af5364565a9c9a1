"""End to end in headless Chromium against a real `kg serve` over ingested documents."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.wait import WebDriverWait

from tests.page.conftest import OUTPUT, serve_ingested

WAIT = 30


def test_example_query_fills_the_table(browser: Any, sample_server: str) -> None:
    browser.get(sample_server + "/")
    Select(browser.find_element(By.ID, "examples")).select_by_visible_text("Refusals")
    assert browser.find_elements(By.CSS_SELECTOR, "#highlight .kw")
    browser.find_element(By.ID, "run").click()
    WebDriverWait(browser, WAIT).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#results tbody tr"))
    headers = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "#results th")]
    assert headers == ["actor", "asset", "sentence"]
    cells = browser.find_element(By.CSS_SELECTOR, "#results tbody").text
    assert "its own troops" in cells
    links = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#downloads a")]
    assert links == ["json", "xml", "csv", "tsv"]


def test_commitments_view_draws_the_refusal(browser: Any, sample_server: str) -> None:
    browser.get(sample_server + "/#view")
    picker = browser.find_element(By.ID, "document")
    WebDriverWait(browser, WAIT).until(lambda b: len(Select(picker).options) > 1)
    Select(picker).select_by_index(1)
    WebDriverWait(browser, WAIT).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#graph g.node.commitment"))
    refused = [
        node
        for node in browser.find_elements(By.CSS_SELECTOR, "#graph g.node.commitment.refused")
        if "troops" in node.find_element(By.TAG_NAME, "title").get_attribute("textContent")
    ]
    assert refused, "the refusal of its own troops is not drawn as a refusal"
    assert browser.find_elements(By.CSS_SELECTOR, "#graph path.edge.refused")
    assert "commitments" in browser.find_element(By.ID, "view-status").text
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", refused[0])
    WebDriverWait(browser, WAIT).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#document-text mark"))
    assert "its own troops" in browser.find_element(By.CSS_SELECTOR, "#document-text mark").text
    assert "Refused" in browser.find_element(By.ID, "detail").text
    browser.save_screenshot(str(OUTPUT / "page-commitments.png"))


CHAIN = "According to Reuters, two officials said that Germany will send 14 Leopard tanks to Ukraine."


@pytest.fixture(scope="module")
def chain_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real `kg serve` over one document whose statement is reported through a chain of sources."""
    base = tmp_path_factory.mktemp("chain-store")
    document = base / "chain.jsonl"
    document.write_text(json.dumps({"id": "chain-1", "text": CHAIN}) + "\n", encoding="utf-8")
    yield from serve_ingested(base, document)


def test_a_commitment_shows_its_attribution_chain(browser: Any, chain_server: str) -> None:
    browser.get(chain_server + "/#view")
    picker = browser.find_element(By.ID, "document")
    WebDriverWait(browser, WAIT).until(lambda b: len(Select(picker).options) > 1)
    Select(picker).select_by_index(1)
    WebDriverWait(browser, WAIT).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#graph g.node.commitment"))
    node = browser.find_element(By.CSS_SELECTOR, "#graph g.node.commitment")
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", node)
    WebDriverWait(browser, WAIT).until(lambda b: "Attribution:" in b.find_element(By.ID, "detail").text)
    detail = browser.find_element(By.ID, "detail").text
    assert "Attribution: Reuters, citing two officials" in detail
    assert "Leopard tanks" in browser.find_element(By.CSS_SELECTOR, "#document-text mark").text
