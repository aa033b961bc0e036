"""``framingkit grade`` over a class: outputs, escaping, path safety, determinism, bytes."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pytest

from framingkit.cli import main

from grade_helpers import AUTO_POINTS, LESSON, SOLUTION, cell, notebook, write_key, write_nb

pytestmark = pytest.mark.usefixtures("quick_figure")  # see tests/conftest.py

HOSTILE = "<script>alert('x')</script>"


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture()
def klass(tmp_path):
    """A class folder with good, blank, broken and hostile submissions, and a key folder."""
    keys = write_key(tmp_path / "keys")
    c = tmp_path / "class"
    write_nb(c / "alice" / "lesson.ipynb", notebook())
    write_nb(c / "bob.ipynb", notebook({}))
    write_nb(c / "carol.ipynb", '{"cells": [')
    write_nb(c / "dan.ipynb", notebook(lesson=None))
    evil = dict(SOLUTION)
    evil[f"{LESSON}/essay"] = HOSTILE + "<img src=x onerror=alert(1)>"
    evil[f"{LESSON}/boosters"] = ["boldly", HOSTILE]
    evil[f"{LESSON}/kinds"] = {"i1": HOSTILE, HOSTILE: "order"}
    write_nb(c / HOSTILE.replace("/", "\\") / "..evil.ipynb", notebook(evil))
    write_nb(c / f"=cmd {HOSTILE.replace('/', '')}.ipynb", notebook())
    write_nb(c / "..%2f..%2fescape.ipynb", notebook())
    return c, keys


def run(klass, out, *extra):
    c, keys = klass
    return main(["grade", str(c), "--out", str(out), "--key", str(keys), "--quiet", *extra])


@pytest.mark.real_figure
def test_outputs_columns_and_statuses(klass, tmp_path):
    out = tmp_path / "out"
    assert run(klass, out, "--jobs", "2") == 0
    rows = list(csv.DictReader((out / "grades.csv").open(encoding="utf-8")))
    head = (out / "grades.csv").read_text("utf-8").splitlines()[0].split(",")
    assert head[:6] == ["student", "lesson", "status", "score", "max_score", "written"]
    assert head[6:11] == [f"{LESSON}/{n}" for n in ("boosters", "kinds", "pick", "essay", "map")]
    assert head[11] == "message"
    by = {r["student"]: r for r in rows}
    assert by["alice"]["status"] == "ok" and float(by["alice"]["score"]) == AUTO_POINTS
    assert by["alice"]["max_score"] == "7" and by["alice"][f"{LESSON}/essay"] == ""
    assert by["bob"]["score"] == "0"
    assert by["carol"]["status"] == "invalid" and "JSON" in by["carol"]["message"]
    assert by["dan"]["status"] == "not_a_lesson"
    assert by["'=cmd <script>alert('x')<script>"]["status"] == "ok"  # formula defused
    assert len(rows) == 7
    for r in rows:
        assert (out / r["feedback"]).is_file()
    assert (out / "summary.html").is_file() and (out / "summary.png").is_file()
    assert (out / "spans" / f"{LESSON}--boosters.html").is_file()


def test_nothing_a_student_wrote_reaches_html_unescaped(klass, tmp_path):
    out = tmp_path / "out"
    run(klass, out)
    pages = list(out.rglob("*.html"))
    assert len(pages) >= 9
    for p in pages:
        text = p.read_text("utf-8").lower()
        assert "<script" not in text and "<img src=x" not in text, p
        assert "content-security-policy" in text
    evil = [p for p in (out / "feedback").iterdir() if "script" in p.name]
    assert evil and "&lt;script&gt;" in evil[0].read_text("utf-8")


def test_no_file_is_written_outside_out(klass, tmp_path):
    before = {p for p in tmp_path.rglob("*")}
    out = tmp_path / "nested" / "out"
    run(klass, out)
    new = {p for p in tmp_path.rglob("*")} - before
    assert new and all(out in p.parents or p == out or p in out.parents for p in new)
    for p in out.rglob("*"):
        assert p.resolve().is_relative_to(out.resolve())


def test_submitted_bytes_unchanged(klass, tmp_path):
    before = digest(klass[0])
    run(klass, tmp_path / "out", "--jobs", "2")
    assert digest(klass[0]) == before


@pytest.mark.real_figure
def test_rerun_is_identical_and_independent_of_jobs(klass, tmp_path):
    run(klass, tmp_path / "a", "--jobs", "1")
    run(klass, tmp_path / "b", "--jobs", "2")
    run(klass, tmp_path / "b", "--jobs", "2")
    assert digest(tmp_path / "a") == digest(tmp_path / "b")


def test_lesson_filter_and_bad_arguments(klass, tmp_path, capsys):
    run(klass, tmp_path / "out", "--lesson", "01-compare")
    rows = list(csv.DictReader((tmp_path / "out" / "grades.csv").open(encoding="utf-8")))
    assert {r["status"] for r in rows} == {"invalid", "not_a_lesson"}
    assert main(["grade", str(tmp_path / "none"), "--out", str(tmp_path / "o")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["grade", str(klass[0]), "--out", str(tmp_path / "o"), "--jobs", "0"]) == 2
    bad_key = ["grade", str(klass[0]), "--out", str(tmp_path / "o"), "--key", "/no/such"]
    assert main(bad_key) == 2


def test_class_view_counts_students(tmp_path):
    keys = write_key(tmp_path / "keys")
    for i, pick in enumerate([["boldly"], ["boldly", "massive"], ["deal"]]):
        write_nb(tmp_path / "c" / f"s{i}.ipynb", notebook({f"{LESSON}/boosters": pick}))
    out = tmp_path / "out"
    main(["grade", str(tmp_path / "c"), "--out", str(out), "--key", str(keys), "--quiet"])
    view = (out / "spans" / f"{LESSON}--boosters.html").read_text("utf-8")
    assert "title='2 of 3'>boldly<sup>2</sup>" in view
    assert "title='1 of 3'>massive<sup>1</sup>" in view
    assert "<span class='ref'>boldly</span>" in view
    summary = (out / "summary.html").read_text("utf-8")
    assert "massive (2)" in summary  # most missed, with the count
    fb = (out / "feedback" / "s2__s2.html").read_text("utf-8")
    assert "deal" in fb  # the student's own phrase, as words
    # phrases the student never touched are counted, not revealed (the key stays hidden)
    assert "not found yet. Hint:" in fb
    assert "massive" not in fb and "praises the manner" not in fb


def test_feedback_never_shows_the_whole_key(tmp_path):
    keys = write_key(tmp_path / "keys")
    write_nb(tmp_path / "c" / "ann.ipynb", notebook({f"{LESSON}/map": [("c2", "c1", "contrasts")]}))
    out = tmp_path / "out"
    main(["grade", str(tmp_path / "c"), "--out", str(out), "--key", str(keys), "--quiet"])
    fb = (out / "feedback" / "ann__ann.html").read_text("utf-8")
    assert "c2 -supports-&gt; c1" in fb  # a missed link is named ...
    assert "says why" not in fb or "instructor" in fb  # rubric only as the instructor's tool
    # the choice exercise is not answered: the right option's text is not given away
    assert "B</li>" not in fb


def test_duplicate_cells_do_not_stop_the_batch(tmp_path):
    keys = write_key(tmp_path / "keys")
    cells = [cell(e, v) for e, v in SOLUTION.items()] * 2
    write_nb(tmp_path / "c" / "dup.ipynb", notebook(cells=cells))
    write_nb(tmp_path / "c" / "ok.ipynb", notebook())
    out = tmp_path / "out"
    assert main(["grade", str(tmp_path / "c"), "--out", str(out), "--key", str(keys), "-q"]) == 0
    rows = list(csv.DictReader((out / "grades.csv").open(encoding="utf-8")))
    assert [(r["student"], r["status"], r["score"]) for r in rows] == [
        ("dup", "ok", "7"),
        ("ok", "ok", "7"),
    ]
    assert "appears in cells" in rows[0]["message"]


def test_reading_never_imports_jupyter_packages(tmp_path):
    import subprocess
    import sys

    keys = write_key(tmp_path / "keys")
    write_nb(tmp_path / "c" / "ann.ipynb", notebook())
    code = (
        "import sys\nfrom framingkit.cli import main\n"
        f"rc = main(['grade', {str(tmp_path / 'c')!r}, '--out', {str(tmp_path / 'o')!r}, "
        f"'--key', {str(keys)!r}, '-q', '--jobs', '1'])\n"
        "bad = [m for m in ('nbformat', 'nbclient', 'jupyter_client', 'ipykernel', 'ipywidgets')"
        " if m in sys.modules]\n"
        "print(rc, bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0 []"
