"""Loaded before every other plugin (``-p framingkit_early`` in pyproject.toml's addopts).

jsonschema (imported by nbformat) compiles an IRI grammar with lark at import when the
optional ``rfc3987-syntax`` is installed, about 2.5 s of CPU; no notebook schema uses the
"iri" formats it checks. nbval imports nbformat when pytest loads it, before any conftest.py
runs, so the test process goes without those formats from here (conftest.py does the same
when this plugin is not loaded, e.g. with ``-o addopts=""``).
"""

from __future__ import annotations

import sys

sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
