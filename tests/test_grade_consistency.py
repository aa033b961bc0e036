"""A run killed at any moment leaves ``--out`` consistent: no page or summary claims a score
that grades.csv does not hold (issue 14.5, reliability D6)."""

from __future__ import annotations

import csv
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from framingkit.grade import batch
from framingkit.grade.batch import grade_paths
from framingkit.grade.run import GradeOptions

from grade_helpers import AUTO_POINTS, notebook, write_key, write_nb

PAGE_SCORE = re.compile(r"<th>score</th><td>(?:([\d.]+) of ([\d.]+) points|No score)")
SUMMARY_ROW = re.compile(
    r"<a href='(feedback/[^']+)'>.*?</a></td><td>[^<]*</td><td>[^<]*</td><td>([^<]*)</td>"
)


def check_consistent(out: Path) -> None:
    """Every feedback page and the summary agree with grades.csv (or are absent)."""
    grades = out / "grades.csv"
    rows = list(csv.DictReader(grades.open(encoding="utf-8"))) if grades.exists() else []
    by_page = {r["feedback"]: (r["score"], r["max_score"]) for r in rows}
    for page in sorted((out / "feedback").glob("*.html")) if (out / "feedback").is_dir() else []:
        rel = f"feedback/{page.name}"
        assert rel in by_page, f"{rel} has no row in grades.csv"
        m = PAGE_SCORE.search(page.read_text("utf-8"))
        assert m, rel
        claimed = (m.group(1) or "", m.group(2) or "")
        assert claimed == by_page[rel], (rel, claimed, by_page[rel])
    summary = out / "summary.html"
    if summary.exists():
        for rel, score in SUMMARY_ROW.findall(summary.read_text("utf-8")):
            want = by_page.get(rel)
            assert want is not None, f"summary names {rel}, which grades.csv does not have"
            assert score == (f"{want[0]} / {want[1]}" if want[0] else ""), (rel, score, want)


def make_class(folder: Path, answers: dict | None, n: int) -> None:
    for i in range(n):
        write_nb(folder / f"s{i:02d}.ipynb", notebook(answers))


@pytest.fixture
def two_runs(tmp_path):
    keys = write_key(tmp_path / "keys")
    c, out = tmp_path / "class", tmp_path / "out"
    make_class(c, None, 12)  # full marks
    grade_paths([c], out, GradeOptions(key_dir=str(keys)), jobs=1)
    rows = list(csv.DictReader((out / "grades.csv").open(encoding="utf-8")))
    assert {float(r["score"]) for r in rows} == {AUTO_POINTS}
    make_class(c, {}, 12)  # now all blank: every score changes
    for i in range(12, 15):  # and new students join
        write_nb(c / f"s{i:02d}.ipynb", notebook({}))
    return c, keys, out


def _staging(out: Path) -> bool:
    """A run is writing its pages into a staging folder of ``out``."""
    return any(p.name.startswith(".staging-") and any(p.iterdir()) for p in out.iterdir())


def _switching(out: Path) -> bool:
    """A run is switching its pages into ``out`` (the old ones are being moved aside)."""
    return any(p.name.startswith(".replaced-") for p in out.iterdir())


def kill_when(proc: subprocess.Popen, moment) -> None:
    """SIGKILL ``proc`` as soon as ``moment()`` holds (checked every millisecond); a run that
    ends first is left to end."""
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            now = moment()
        except OSError:  # a folder vanished while it was listed
            now = False
        if now:
            os.kill(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.001)
    proc.wait()


def test_a_kill_at_chosen_moments_leaves_out_consistent(two_runs):
    """A real SIGKILL of the grader: while it starts and grades, while it writes its pages
    into the staging folder, and (when the poll catches it) while it switches them in; then
    a full run. Every step of the switch itself is interrupted in the next test."""
    c, keys, out = two_runs
    cmd = [sys.executable, "-c", "import sys; from framingkit.cli import main; sys.exit(main())"]
    cmd += ["grade", str(c), "--out", str(out), "--key", str(keys), "-q", "--jobs", "1"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    started = [0.0]
    moments = [
        lambda: time.monotonic() - started[0] > 0.3,  # starting, reading, grading
        lambda: _staging(out),
        lambda: _switching(out),
    ]
    for moment in moments:
        started[0] = time.monotonic()
        proc = subprocess.Popen(cmd, env=env, stderr=subprocess.DEVNULL)
        kill_when(proc, moment)
        check_consistent(out)
        # the class always differs from the grades in out: the next run changes every score
        rows = {r["student"]: r for r in csv.DictReader((out / "grades.csv").open())}
        make_class(c, {} if float(rows["s00"]["score"]) == AUTO_POINTS else None, 12)
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    check_consistent(out)
    rows = list(csv.DictReader((out / "grades.csv").open(encoding="utf-8")))
    assert len(rows) == 15
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # leftovers cleaned


def test_a_crash_at_every_step_of_the_switch_leaves_out_consistent(two_runs, monkeypatch):
    c, keys, out = two_runs
    real_rename, real_replace, real_commit = os.rename, os.replace, batch.commit
    active = [False]

    def commit(stage, out):  # only the switch's own renames are interrupted
        active[0] = True
        try:
            return real_commit(stage, out)
        finally:
            active[0] = False

    monkeypatch.setattr(batch, "commit", commit)
    monkeypatch.setattr(batch, "summary_figure", lambda summaries, path: False)  # speed only
    steps = 0
    while True:
        calls = [0]

        def dying(real, limit=steps, calls=calls):
            def op(a, b):
                if active[0]:
                    if calls[0] >= limit:
                        raise KeyboardInterrupt("killed")
                    calls[0] += 1
                return real(a, b)

            return op

        monkeypatch.setattr(batch.os, "rename", dying(real_rename))
        monkeypatch.setattr(batch.os, "replace", dying(real_replace))
        try:
            grade_paths([c], out, GradeOptions(key_dir=str(keys)), jobs=1)
            finished = True
        except KeyboardInterrupt:
            finished = False
        monkeypatch.setattr(batch.os, "rename", real_rename)
        monkeypatch.setattr(batch.os, "replace", real_replace)
        check_consistent(out)
        if finished:
            break
        make_class(c, None if steps % 2 else {}, 12)
        steps += 1
    assert steps >= 4  # the switch has several steps, and each was interrupted once
