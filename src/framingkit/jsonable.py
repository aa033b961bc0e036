"""Turning the kit's dataclasses into plain JSON values.

>>> from dataclasses import dataclass
>>> @dataclass
... class P:
...     x: int
...     tags: tuple
>>> to_jsonable(P(1, ("a",)))
{'x': 1, 'tags': ['a']}
"""

from __future__ import annotations

import dataclasses
import json
from enum import Enum
from pathlib import PurePath
from typing import Any


def to_jsonable(obj: Any) -> Any:
    """Convert dataclasses, tuples, sets, enums and paths into JSON-ready values."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, (set, frozenset)):
        return sorted(to_jsonable(v) for v in obj)
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, PurePath):
        return str(obj)
    return obj


def dumps(obj: Any) -> str:
    """JSON text for ``obj`` (UTF-8 characters kept, two-space indent)."""
    return json.dumps(to_jsonable(obj), ensure_ascii=False, indent=2)
