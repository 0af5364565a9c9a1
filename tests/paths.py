"""Where the repository, the shared specs and the gold data are, seen from the tests."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
ONTOLOGY_DIR = ROOT / "ontology"
TEST_DATA = Path(__file__).resolve().parent / "data"
