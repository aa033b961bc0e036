"""``framingkit grade --execute``: own kernel, limits, statuses; and an interrupted run."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
import uuid

import pytest

from framingkit.cli import main

from grade_helpers import AUTO_POINTS, SOLUTION, cell, code, notebook, write_key, write_nb

pytestmark = pytest.mark.usefixtures("quick_figure")  # see tests/conftest.py

SETUP = code("from framingkit.exercises import exercise")
WRITER = code("open('written.txt', 'w').write('x')")


def nb_with(*cells):
    return notebook(cells=[SETUP, *cells, *(cell(e, v) for e, v in SOLUTION.items())])


def test_execute_statuses(tmp_path):
    keys = write_key(tmp_path / "keys")
    c = tmp_path / "class"
    # answered with the widget: the run restores the answers from the (copied) notebook file;
    # its first cell writes a file by a relative path (the run's folder is a temporary copy)
    widget = [SETUP, WRITER, *(cell(e, None, widget=v) for e, v in SOLUTION.items())]
    write_nb(c / "ok.ipynb", notebook(cells=json.loads(json.dumps(widget))))
    write_nb(c / "crash.ipynb", nb_with(code("1 / 0")))
    write_nb(c / "exit.ipynb", nb_with(code("import os\nos._exit(3)")))
    write_nb(c / "hog.ipynb", nb_with(code("x = bytearray(4 * 1024**3)")))
    write_nb(c / "broken.ipynb", '{"cells": [')  # never reaches a kernel
    before = {p: p.read_bytes() for p in c.iterdir()}
    out = tmp_path / "out"
    args = ["grade", str(c), "--out", str(out), "--key", str(keys), "--execute", "-q"]
    # the cell limit leaves room for a slow, shared CI machine (importing the engine can take
    # seconds there); no cell here should reach it (the endless loop has its own run below)
    args += ["--jobs", "2", "--cell-timeout", "60", "--timeout", "90", "--memory-mb", "1024"]
    assert main(args) == 0
    rows = {r["student"]: r for r in csv.DictReader((out / "grades.csv").open())}
    assert rows["ok"]["status"] == "ok" and float(rows["ok"]["score"]) == AUTO_POINTS
    assert rows["crash"]["status"] == "error" and "ZeroDivisionError" in rows["crash"]["message"]
    assert rows["exit"]["status"] == "error" and "kernel died" in rows["exit"]["message"]
    assert rows["hog"]["status"] == "error" and "MemoryError" in rows["hog"]["message"]
    assert rows["broken"]["status"] == "invalid"
    # scores still come from the saved answers, and the message says so
    assert float(rows["crash"]["score"]) == AUTO_POINTS and "as saved" in rows["crash"]["message"]
    # each notebook ran on a temporary copy in a temporary folder: the relative write of
    # "ok" landed there, and the submitted files are unchanged
    assert {p: p.read_bytes() for p in c.iterdir()} == before


def test_an_endless_cell_reaches_the_cell_limit(tmp_path):
    """Its own run with a short cell limit: the loop's first cell imports nothing, so only
    the endless (busy) loop can reach 2 s, however slow the machine; the exercise cells
    after it never run, so the score comes from the saved answers."""
    keys = write_key(tmp_path / "keys")
    c = tmp_path / "class"
    loop = [code("x = 1"), code("while True:\n    pass")]
    loop += [cell(e, v) for e, v in SOLUTION.items()]
    write_nb(c / "loop.ipynb", notebook(cells=loop))
    out = tmp_path / "out"
    args = ["grade", str(c), "--out", str(out), "--key", str(keys), "--execute", "-q"]
    args += ["--cell-timeout", "2", "--timeout", "90", "--memory-mb", "1024"]
    assert main(args) == 0
    rows = {r["student"]: r for r in csv.DictReader((out / "grades.csv").open())}
    assert rows["loop"]["status"] == "timeout" and "longer than 2 s" in rows["loop"]["message"]
    assert float(rows["loop"]["score"]) == AUTO_POINTS and "as saved" in rows["loop"]["message"]


def with_token(token: str) -> list[int]:
    """Processes whose environment carries ``FK_TEST_TOKEN=token``."""
    from pathlib import Path

    needle = f"FK_TEST_TOKEN={token}".encode()
    out = []
    for d in Path("/proc").iterdir() if Path("/proc").is_dir() else []:
        if d.name.isdigit():
            try:
                if needle in (d / "environ").read_bytes().split(b"\0"):
                    out.append(int(d.name))
            except OSError:
                continue
    return out


def test_interrupted_run_keeps_the_previous_grades(tmp_path):
    keys = write_key(tmp_path / "keys")
    c = tmp_path / "class"
    write_nb(c / "ann.ipynb", notebook())
    out = tmp_path / "out"
    assert main(["grade", str(c), "--out", str(out), "--key", str(keys), "-q"]) == 0
    previous = (out / "grades.csv").read_bytes()
    started = tmp_path / "started"  # each slow cell leaves a mark here, then sleeps
    started.mkdir()
    for i in range(4):
        mark = str(started / f"slow{i}")
        slow = f"import time\nopen({mark!r}, 'w').close()\ntime.sleep(60)"
        write_nb(c / f"slow{i}.ipynb", nb_with(code(slow)))
    cmd = [sys.executable, "-m", "framingkit", "grade", str(c), "--out", str(out)]
    cmd += ["--key", str(keys), "--execute", "--jobs", "2", "-q", "--cell-timeout", "120"]
    token = uuid.uuid4().hex  # every process of the run inherits it
    env = {**os.environ, "FK_TEST_TOKEN": token}
    proc = subprocess.Popen(cmd, start_new_session=True, stderr=subprocess.DEVNULL, env=env)
    try:
        # wait until both kernels (--jobs 2) are running their sleeping cells
        deadline = time.time() + 60
        while len(list(started.iterdir())) < 2 and time.time() < deadline:
            assert proc.poll() is None
            time.sleep(0.05)
        assert len(list(started.iterdir())) == 2 and proc.poll() is None
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert (out / "grades.csv").read_bytes() == previous
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    # the notebooks' runners notice the grader is gone and end their kernels
    deadline = time.time() + 15
    while with_token(token) and time.time() < deadline:
        time.sleep(0.2)
    assert with_token(token) == []
