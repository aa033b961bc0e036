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


def _tiny_png() -> bytes:
    """A valid 1 x 1 white PNG."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return b"".join(
        [
            b"\x89PNG\r\n\x1a\n",
            chunk(b"IHDR", ihdr),
            chunk(b"IDAT", zlib.compress(b"\x00\xff")),
            chunk(b"IEND", b""),
        ]
    )


@pytest.fixture
def quick_figure(request, monkeypatch):
    """Test speed: grade runs in this test write a 1-pixel summary.png instead of drawing the
    score distributions (about 0.5 s of matplotlib per run, most of a small run's time).

    Only the drawing is replaced: which exercises get a panel, the path (inside the staging
    folder, through the same atomic write) and the summary's link to the figure are the
    grader's own. The figure is drawn for real in the tests marked ``real_figure`` (the
    files' outputs, identical output whatever --jobs, links in --out, nothing written to the
    home folder, rubric points) and wherever this fixture is not used.
    """
    if request.node.get_closest_marker("real_figure"):
        return
    from framingkit.atomic import write_bytes
    from framingkit.grade import summary

    png = _tiny_png()

    def draw(shown, path) -> bool:
        write_bytes(path, png)
        return True

    monkeypatch.setattr(summary, "_draw", draw)
