"""Fixtures shared by the whole suite."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import owlapi


@pytest.fixture(scope="session")
def owlapi_classes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The compiled OWL API check, built once per run."""
    return owlapi.compile_check(tmp_path_factory.mktemp("owlapi"))
