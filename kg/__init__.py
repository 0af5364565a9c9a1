"""commitment-kg: who commits what to whom, under which conditions, as an RDF graph.

The names below are the public Python API; they are imported on first use, so `import kg`
loads neither spaCy nor a model. (The operations are named `extract_texts`, `ingest_texts` ...
because `kg.extract` and `kg.ingest` are the modules that implement them.)
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "Document": "kg.documents",
    "Extractor": "kg.extract",
    "extract_texts": "kg.library",
    "ingest_texts": "kg.library",
    "query_store": "kg.library",
    "export_store": "kg.library",
    "open_store": "kg.store",
    "read_inputs": "kg.documents",
    "KGError": "kg.errors",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    """Import a public name lazily from the module that defines it."""
    if name not in _EXPORTS:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
