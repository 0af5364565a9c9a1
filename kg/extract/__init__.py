"""The extractor: news text to commitments, as RDF that follows the graph contract."""

from __future__ import annotations

from kg.extract.extractor import Extractor, build_pipeline

__all__ = ["Extractor", "build_pipeline"]
