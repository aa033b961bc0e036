"""The examples in the claims modules' docstrings run and hold."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "actors",
    "build",
    "certainty",
    "core",
    "classify",
    "details",
    "evaluate",
    "extract",
    "lexicon",
    "links",
    "model",
    "support",
    "terms",
    "versions",
    "views",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    mod = importlib.import_module(f"framingkit.claims.{name}")
    res = doctest.testmod(mod, optionflags=doctest.ELLIPSIS)
    assert res.failed == 0


def test_package_docstring() -> None:
    import framingkit.claims as pkg

    assert doctest.testmod(pkg).failed == 0
