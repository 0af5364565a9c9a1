"""`pip install .` (not editable) ships the ontology where the installed code finds it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import ROOT

CHECK = """
import kg.owl, kg.cli
print(kg.owl.__file__)
print(len(kg.owl.load_ontology()), len(kg.owl.load_shapes()))
print(kg.owl.resource_path("commitment-kg.owl").stat().st_size)
"""


@pytest.mark.slow
def test_non_editable_install_reaches_the_ontology(tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(ROOT)],
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    )
    result = subprocess.run(
        [sys.executable, "-c", CHECK],
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PYTHONNOUSERSITE": "1", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    module_path, counts, rdfxml_size = result.stdout.splitlines()
    assert module_path.startswith(str(target)), "the installed copy, not the checkout, was imported"
    ontology_triples, shape_triples = map(int, counts.split())
    assert ontology_triples > 200
    assert shape_triples > 50
    assert int(rdfxml_size) > 10_000
