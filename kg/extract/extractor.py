"""The extractor: documents in, one graph (or failure) per document out, in input order."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from kg import __version__
from kg.docgraph import DocumentGraph
from kg.documents import Document, InputFailure
from kg.extract.finder import COMMITMENTS, SOURCES
from kg.extract.graph import GraphBuilder
from kg.extract.records import CommitmentRec, SourceRec
from kg.namespaces import DEFAULT_BASE
from kg.nlp import load_pipeline, model_name

PIPES = ("commitment_kg_boundaries_v1", "commitment_kg_actors_v1", "commitment_kg_commitments_v1")
MAX_CHARS = 900_000


def build_pipeline(model: str | None = None) -> Language:
    """The spaCy model with our components added (line breaks before the parser, the rest at the end)."""
    import kg.extract.actors
    import kg.extract.finder  # noqa: F401

    nlp = load_pipeline(model)
    nlp.add_pipe(PIPES[0], before="parser" if "parser" in nlp.pipe_names else None)
    nlp.add_pipe(PIPES[1])
    nlp.add_pipe(PIPES[2])
    nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)
    return nlp


class Extractor:
    """Reads commitments from documents with a spaCy pipeline and our rule components."""

    def __init__(self, model: str | None = None, base: str = DEFAULT_BASE) -> None:
        self.model = model_name(model)
        self.nlp = build_pipeline(self.model)
        meta = self.nlp.meta
        model_id = (
            f"{meta.get('lang', 'en')}_{meta.get('name', self.model)} {meta.get('version', '')}".strip()
        )
        name = f"commitment-kg {__version__} ({model_id})"
        self.builder = GraphBuilder(base, name)

    def extract(
        self, items: Iterable[Document | InputFailure], processes: int = 1, batch_size: int = 64
    ) -> Iterator[DocumentGraph | InputFailure]:
        """Yield, in input order, each document's graph, or its failure (passed through or new).

        With `processes` > 1, batches are parsed by forked worker processes that share the loaded
        pipeline and send back only the (small) commitment records; graphs are built here.
        """
        if processes > 1 and "fork" in multiprocessing.get_all_start_methods():
            # smaller jobs than spaCy batches keep every worker busy to the end of the input
            yield from self._parallel(_batches(items, max(batch_size // 4, 1)), processes, batch_size)
            return
        jobs = _batches(items, max(batch_size, 1))
        for job in jobs:
            readings = _read([_usable(d.text) for d in job if isinstance(d, Document)], self.nlp, batch_size)
            yield from self._results(job, readings)

    def _parallel(
        self, jobs: Iterator[list[Document | InputFailure]], processes: int, batch_size: int
    ) -> Iterator[DocumentGraph | InputFailure]:
        _WORKER["nlp"], _WORKER["batch_size"] = self.nlp, batch_size
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            while True:
                window = list(islice(jobs, processes * 4))
                if not window:
                    return
                texts = [[_usable(d.text) for d in job if isinstance(d, Document)] for job in window]
                for job, readings in zip(window, pool.imap(_read_in_worker, texts), strict=True):
                    yield from self._results(job, readings)

    def _results(
        self, job: list[Document | InputFailure], readings: list[Reading]
    ) -> Iterator[DocumentGraph | InputFailure]:
        found = iter(readings)
        for item in job:
            yield item if isinstance(item, InputFailure) else self._graph(item, next(found))

    def _graph(self, document: Document, reading: Reading) -> DocumentGraph | InputFailure:
        where = document.location or document.id
        if len(document.text) > MAX_CHARS:
            return InputFailure(
                where, f"document too long: {len(document.text)} characters (limit {MAX_CHARS})"
            )
        if isinstance(reading, str):
            return InputFailure(where, f"extractor failed: {reading}")
        try:
            return self.builder.build(document, *reading)
        except Exception as err:  # report the document and keep going
            return InputFailure(where, f"extractor failed: {type(err).__name__}: {err}")


Reading = tuple[list[CommitmentRec], list[SourceRec]] | str
_WORKER: dict[str, Any] = {}


def _batches(items: Iterable[Document | InputFailure], size: int) -> Iterator[list[Document | InputFailure]]:
    """Items in groups holding `size` documents each (failures ride along in place)."""
    job: list[Document | InputFailure] = []
    count = 0
    for item in items:
        job.append(item)
        if isinstance(item, Document):
            count += 1
            if count == size:
                yield job
                job, count = [], 0
    if job:
        yield job


def _read(texts: list[str], nlp: Language, batch_size: int) -> list[Reading]:
    """Each text's commitments and sources; a batch that raises is redone text by text."""
    try:
        return [_reading(doc) for doc in nlp.pipe(texts, batch_size=batch_size)]
    except Exception:  # one bad document must not sink its batch
        out: list[Reading] = []
        for text in texts:
            try:
                out.append(_reading(nlp(text)))
            except Exception as err:  # reported for this document only
                out.append(f"{type(err).__name__}: {err}")
        return out


def _read_in_worker(texts: list[str]) -> list[Reading]:
    return _read(texts, _WORKER["nlp"], _WORKER["batch_size"])


def _reading(doc: Doc) -> Reading:
    return list(doc._.get(COMMITMENTS) or []), list(doc._.get(SOURCES) or [])


def _usable(text: str) -> str:
    return text if len(text) <= MAX_CHARS else ""
