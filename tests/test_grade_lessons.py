"""The kit's own notebooks as submissions: solutions get full marks, blank lessons zero."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from framingkit.grade.batch import grade_paths

ROOT = Path(__file__).resolve().parents[1]


def notebooks(folder: str, tmp_path: Path) -> list[Path]:
    """Copies of the kit's notebooks (the originals may be rebuilt while tests run)."""
    found = sorted((ROOT / folder).glob("*.ipynb"))
    if not found:
        pytest.skip(f"no {folder}/ notebooks yet")
    (tmp_path / folder).mkdir()
    copies = [tmp_path / folder / p.name for p in found]
    for src, dst in zip(found, copies, strict=True):
        dst.write_bytes(src.read_bytes())
    return copies


def test_solutions_get_full_marks_and_lessons_zero(tmp_path, request):
    sols, blanks = notebooks("solutions", tmp_path), notebooks("lessons", tmp_path)
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in sols + blanks}
    for paths, full in ((sols, True), (blanks, False)):
        if not full:  # the same panels (the real keys' titles) were drawn for the solutions
            request.getfixturevalue("quick_figure")
        batch = grade_paths(paths, tmp_path / ("sol" if full else "blank"), jobs=2)
        assert len(batch.results) == len(paths)
        for r in batch.results:
            assert r.status == "ok", (r.file, r.message)
            auto = [g for g in r.exercises.values() if g.type != "text"]
            assert auto, r.file
            # lesson 05's example pair is practice (graded: false): only its written answer counts
            assert r.max_score or not any(g.counted for g in auto), r.file
            for g in auto:
                expected = g.max_points if full else 0
                assert g.points == expected, (r.file, g.exercise, g.points, g.missed)
            assert r.score == (r.max_score if full else 0)
        assert (tmp_path / ("sol" if full else "blank") / "grades.csv").is_file()
    assert before == {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in before}
