"""``--execute`` is contained: no process a notebook started survives it, nothing is left in
the temporary folder (connection files included), and the process-tree helpers work."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from framingkit.grade.execute import Limits, execute_notebook
from framingkit.grade.procs import end_tree, tree_of

from grade_helpers import SOLUTION, cell, code, notebook

pytestmark = pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")

SPAWN = """import os, subprocess, time
# a forked child that only sleeps
if os.fork() == 0:
    time.sleep(600)
    os._exit(0)
# a plain Popen child
subprocess.Popen(["sleep", "600"])
# a daemon: double fork and a new session, its parent exits at once
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        time.sleep(600)
    os._exit(0)
# a child in its own session
subprocess.Popen(["sleep", "600"], start_new_session=True)
time.sleep(0.5)"""


def with_token(token: str) -> list[int]:
    """Processes whose environment carries the test's token (inherited by everything)."""
    needle = f"FK_TEST_TOKEN={token}".encode()
    out = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit() and int(d.name) != os.getpid():
            try:
                if needle in (d / "environ").read_bytes().split(b"\0"):
                    out.append(int(d.name))
            except OSError:
                continue
    return out


def nb_bytes(*cells) -> bytes:
    body = [code("from framingkit.exercises import exercise"), *cells]
    body += [cell(e, v) for e, v in SOLUTION.items()]
    return json.dumps(notebook(cells=body)).encode()


def test_children_of_a_notebook_never_outlive_it(tmp_path, monkeypatch):
    token = uuid.uuid4().hex
    monkeypatch.setenv("FK_TEST_TOKEN", token)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    ends_normally = nb_bytes(code(SPAWN))
    # killed at the notebook's time limit while it sleeps after spawning its children; it
    # imports nothing else, so the limit is reached after the spawn on any machine that
    # starts a kernel within a few seconds (the mark says it did; else again, longer)
    marks = tmp_path / "marks"
    marks.mkdir()
    spawned = f"{SPAWN}\nopen({str(marks / 'spawned')!r}, 'w').close()"
    sleeps = "import time\nwhile True:\n    time.sleep(0.05)"
    runs_too_long = json.dumps(notebook(cells=[code(spawned), code(sleeps)])).encode()
    flood = "import sys, time\nfor i in range(40):\n    sys.stdout.write('y' * 10**6)\n"
    flood += "    sys.stdout.flush()\n    time.sleep(0.05)"  # paced: no message is dropped
    floods = nb_bytes(code(flood))
    with ThreadPoolExecutor(3) as pool:
        ok = pool.submit(execute_notebook, ends_normally, Limits(60, 120, 1024))
        late = pool.submit(execute_notebook, runs_too_long, Limits(120, 8, 1024))
        flood = pool.submit(execute_notebook, floods, Limits(60, 120, 1024))
        ok, late, flood = ok.result(), late.result(), flood.result()
    if not (marks / "spawned").exists():  # a very slow machine: the limit came first
        late = execute_notebook(runs_too_long, Limits(120, 40, 1024))
    assert (marks / "spawned").exists(), "the notebook never reached its children"
    assert ok.status == "ok", ok.message
    assert late.status == "timeout", late.message
    # an output flood is bounded and named, not blamed on memory or a crash
    assert flood.status == "error" and "printed more than 20 MB" in flood.message
    assert len(json.dumps(flood.nb)) < 25 * 1024 * 1024
    deadline = time.time() + 5
    while with_token(token) and time.time() < deadline:  # SIGKILL is not instant
        time.sleep(0.1)
    assert with_token(token) == []  # forked, spawned, daemonised: all gone
    # the temporary folder (work copy, connection file, runtime files) is deleted
    assert list(scratch.iterdir()) == []


def test_end_tree_stops_a_forking_tree(tmp_path):
    token = uuid.uuid4().hex
    script = (
        "import os, time\n"
        "for _ in range(3):\n"
        "    if os.fork() == 0:\n"
        "        os.setsid()\n"
        "        time.sleep(600)\n"
        "time.sleep(600)\n"
    )
    env = {**os.environ, "FRAMINGKIT_GRADE_RUN": token}
    proc = subprocess.Popen([sys.executable, "-c", script], env=env, start_new_session=True)
    time.sleep(1.0)
    assert end_tree(proc.pid, token) >= 4  # the parent and its three children
    proc.wait(timeout=5)
    deadline = time.time() + 5
    from framingkit.grade.procs import marked

    while marked(token) and time.time() < deadline:
        time.sleep(0.1)
    assert marked(token) == []


def test_tree_of_follows_parents_only():
    assert tree_of(1, {1: 0, 2: 1, 3: 2, 4: 0}) == [2, 3]
    assert tree_of(9, {1: 0}) == []
