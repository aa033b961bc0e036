"""Shared test fixtures. Data under tests/data and artefacts are never collected as tests."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

collect_ignore_glob = ["data/*", "artifacts/*"]


@pytest.fixture(scope="session")
def original_path() -> Path:
    """Path of the original column."""
    return SEEDS / "original_telegraph.txt"


@pytest.fixture(scope="session")
def republished_path() -> Path:
    """Path of the re-published version."""
    return SEEDS / "republished_2023-03-28.txt"


@pytest.fixture(scope="session")
def original(original_path):
    """The original column, parsed."""
    from framingkit.document import load_article

    return load_article(original_path)


@pytest.fixture(scope="session")
def republished(republished_path):
    """The re-published version, parsed."""
    from framingkit.document import load_article

    return load_article(republished_path)
