"""Atomic file writes: a temporary file in the same folder, then ``os.replace``.

A run that is interrupted (Ctrl-C, a kill, a full disk) leaves either the old
file or the new one, never half of one.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> write_text(d / "a.txt", "hello")
>>> (d / "a.txt").read_text()
'hello'
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path


def write_bytes(path: str | Path, data: bytes, *, parents: bool = True) -> None:
    """Write ``data`` to ``path`` atomically (the old file stays until the new one is complete).

    Missing folders are created unless ``parents`` is false (then ``FileNotFoundError``).
    """
    path = Path(path)
    if parents:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except FileNotFoundError:
        raise FileNotFoundError(
            errno.ENOENT, f"the folder {str(path.parent)!r} does not exist", str(path)
        ) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_text(path: str | Path, text: str, *, parents: bool = True) -> None:
    """Write UTF-8 ``text`` to ``path`` atomically."""
    write_bytes(path, text.encode("utf-8"), parents=parents)
