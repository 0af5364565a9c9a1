"""What a test needs from the machine: missing, it skips with the reason locally and fails in CI."""

from __future__ import annotations

import os

import pytest


def in_ci() -> bool:
    """Whether the suite runs under CI (`CI=true`), where nothing the README installs may be missing."""
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def missing(reason: str) -> None:
    """Skip the test for `reason`, or fail it in CI, where `make install` must have provided it."""
    if in_ci():
        pytest.fail(f"{reason} in CI: `make install` must install it")
    pytest.skip(reason)
