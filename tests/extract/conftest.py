"""One loaded extractor for the whole extractor test suite."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.docgraph import DocumentGraph
from kg.documents import Document
from kg.extract import Extractor
from kg.extract.finder import COMMITMENTS
from kg.extract.records import CommitmentRec


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def commitments(extractor: Extractor) -> Callable[[str], list[CommitmentRec]]:
    """The commitment records the pipeline reads from a text."""

    def run(text: str) -> list[CommitmentRec]:
        return list(extractor.nlp(text)._.get(COMMITMENTS))

    return run


@pytest.fixture(scope="session")
def graph_of(extractor: Extractor) -> Callable[..., DocumentGraph]:
    """The graph of one text."""

    def run(text: str, doc_id: str = "doc-1", **metadata: str) -> DocumentGraph:
        result = next(extractor.extract([Document(id=doc_id, text=text, **metadata)]))
        assert isinstance(result, DocumentGraph)
        return result

    return run
