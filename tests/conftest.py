"""Shared fixtures: Sphinx's own testing fixtures and test projects under roots/."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ("sphinx.testing.fixtures",)
collect_ignore = ["roots", "plugins", "bench"]

TESTS = Path(__file__).parent


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return TESTS / "roots"
