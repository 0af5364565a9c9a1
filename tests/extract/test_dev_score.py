"""The dev-score floor: pair F1 on both gold files may not drop more than 0.02 below what was reached.

The gold is read from ../shared/eval at test time; none of it is copied into the project.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from kg.documents import read_inputs
from kg.extract import Extractor
from kg.rdfwrite import write_graphs
from tests.paths import SHARED

EVAL = SHARED / "eval"
REACHED = {"dev.jsonl": 0.947, "dev-news.jsonl": 0.790}
TOLERANCE = 0.02


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gold_score", EVAL / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@pytest.mark.parametrize("gold", sorted(REACHED))
def test_pair_f1_stays_at_what_was_reached(extractor: Extractor, tmp_path: Path, gold: str) -> None:
    path = EVAL / gold
    output = tmp_path / "pred.trig"
    count, failures = write_graphs(extractor.extract(read_inputs([str(path)])), output)
    assert failures == [] and count > 0
    scorer = _scorer()
    result = scorer.score(scorer.load_gold(str(path)), scorer.load_pred(str(output)))
    f1 = result["pairs"]["f1"]
    assert f1 >= REACHED[gold] - TOLERANCE, f"{gold}: pair F1 {f1:.3f} < {REACHED[gold]} - {TOLERANCE}"
