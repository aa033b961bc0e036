"""Test-suite speed: nbval's next notebook runs in its own kernel while this one is checked.

nbval runs the notebooks one after another and starts a fresh kernel for each one: Python,
ipykernel and IPython (about half a second of one core), then the cells, whose first ones
import the kit (and, in the notebooks that draw, matplotlib). Here the kernel of the *next*
notebook is launched as soon as a notebook starts (the first one's at collection, so it runs
during the unit tests) and runs the notebook's cells ahead, with nbval's flags and in nbval's
order (:class:`_Ahead`), while its output messages are collected. nbval then reads each
cell's reply and outputs as before: on two cores the next notebook executes while this one
is checked. Every notebook still gets its own fresh kernel, started in its own folder, and
runs every cell once and nothing else (no import ahead of its cells: most lessons never
import matplotlib or ipywidgets' full widget set, and importing them in every kernel cost
more than it saved); a failing cell fails its test as before. A kernel that is never used (a
run stopped early) is shut down when the session ends.

Up to :data:`AHEAD` notebooks (3) run ahead at once, so that a short notebook's kernel does not
wait for a long one's. The widgets' ``comm_*`` messages, which nbval skips, are dropped with
only their header read (:func:`_unless_comm`). Only with ``--nbval-current-env`` (the kit's
configuration in ``pyproject.toml``); set ``FRAMINGKIT_NBVAL_PRESTART=0`` to switch it off,
``FRAMINGKIT_NBVAL_AHEAD=1`` to run one notebook ahead only.

nbval's run of each lessons/ and solutions/ notebook is also kept (:func:`nbval_lesson_runs`):
the outputs of every cell, when every cell passed. A test that needs the lessons executed from
the top (the answer-first check of tests/test_lesson_design.py reads the solutions' runs) asks
for the fixture and is moved after nbval's notebooks, so the lessons run once, not twice; run
without nbval (``-p no:nbval``, one test file), such a test executes them itself.

nbval formats every kernel message for its debug log (``pformat``) even when debug logging is
off: about 0.5 s of CPU per notebook; here that text is made only if the message is logged.

jsonschema (imported by nbformat) compiles an IRI grammar with lark at import when the
optional ``rfc3987-syntax`` is installed, about 2.5 s of CPU; no notebook schema uses the "iri"
formats it checks, so the test process goes without them: pyproject.toml's addopts load
tests/plugins/framingkit_early.py before nbval (which imports nbformat when it is loaded), and
this file does the same for a run without those addopts.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest

sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type] (see above)


class _LazyPformat:
    """``pprint.pformat(obj)``, made only when a log record is formatted."""

    def __init__(self, obj: Any) -> None:
        self.obj = obj

    def __str__(self) -> str:
        from pprint import pformat

        return pformat(self.obj)


def pytest_configure(config: pytest.Config) -> None:
    """With nbval loaded, its debug log formats a kernel message only when it is logged."""
    if config.pluginmanager.has_plugin("nbval"):
        import nbval.kernel

        nbval.kernel.pformat = _LazyPformat  # type: ignore[assignment]


ROOT = Path(__file__).resolve().parent
#: the folders whose nbval runs are kept (:func:`nbval_lesson_runs`)
LESSON_DIRS = (ROOT / "lessons", ROOT / "solutions")
#: the fixture whose tests run after nbval's lessons/ and solutions/ notebooks
AFTER_LESSONS = "nbval_lesson_runs"

#: how many notebooks after the one nbval is checking have a kernel running ahead
AHEAD = int(os.environ.get("FRAMINGKIT_NBVAL_AHEAD", "3"))


class _Ahead:
    """One notebook's kernel, launched early, that runs the notebook's cells ahead of nbval.

    A thread starts the kernel's client, waits until the kernel and its output channel are
    up, then sends every cell nbval will run, in nbval's order and with nbval's own flags
    (``store_history=False``, ``stop_on_error=False``, no stdin), and from then on collects
    the kernel's output messages, so that nothing is dropped while nobody reads them
    (except the widgets' ``comm_*`` messages, which nbval skips: :func:`_unless_comm`).
    """

    def __init__(self, km: Any, sources: list[str], timeout: float) -> None:
        import queue
        import threading

        self.km, self.sources, self.timeout = km, sources, timeout
        self.kc: Any = None
        self.ids: list[tuple[str, str]] = []  # (source, msg_id) of each cell sent
        self.iopub: queue.Queue = queue.Queue()
        self.sent = threading.Event()  # the cells are sent (or starting failed)
        self.stop = threading.Event()
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, daemon=True, name="nbval-ahead")
        self.thread.start()

    def _run(self) -> None:
        from nbval.kernel import RunningKernel

        try:
            kc = self.kc = self.km.client()
            kc.start_channels()
            kc.wait_for_ready(timeout=self.timeout)
            rk = RunningKernel.__new__(RunningKernel)
            rk.km, rk.kc = self.km, kc
            rk._ensure_iopub_up()  # nbval's own check that output messages arrive
            for src in self.sources:
                msg_id = kc.execute(
                    src, store_history=False, allow_stdin=False, stop_on_error=False
                )
                self.ids.append((src, msg_id))
        except BaseException as exc:  # handed to the caller, which starts a kernel of its own
            self.error = exc
            self.sent.set()
            return
        self.sent.set()
        channel = kc.iopub_channel
        while not self.stop.is_set():
            try:
                if not channel.socket.poll(100):
                    continue
                msg = _unless_comm(channel)
            except Exception:  # channels closed: the kernel is being stopped
                return
            if msg is not None:
                self.iopub.put(msg)

    def shutdown(self) -> None:
        self.stop.set()
        self.thread.join(5)
        if self.kc is not None:
            self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)


def _unless_comm(channel: Any) -> dict[str, Any] | None:
    """The next message of ``channel`` (jupyter_client's own reading of it), or None for a
    widget's ``comm_*`` message, which nbval skips unread: only its header is decoded.

    The lessons' widgets send hundreds of them per notebook; decoding each (JSON, then every
    date in its headers) was about 2 s of the test process's CPU over the lessons.
    """
    import json

    _, frames = channel.session.feed_identities(channel.socket.recv_multipart())
    if json.loads(frames[1]).get("msg_type", "").startswith("comm"):  # frames[0]: signature
        return None
    return channel.session.deserialize(frames)


def _ahead_kernel_class() -> Any:
    """nbval's ``RunningKernel`` for a notebook whose cells an :class:`_Ahead` sent."""
    import queue

    from nbval.kernel import RunningKernel

    class AheadKernel(RunningKernel):  # type: ignore[misc, valid-type]
        ahead: _Ahead

        def execute_cell_input(self, cell_input: str, allow_stdin: Any = None) -> str:
            ids = self.ahead.ids
            if not ids or ids[0][0] != cell_input:
                raise RuntimeError(
                    "nbval ran a cell the pre-started kernel did not run ahead (are cells "
                    "reordered?); set FRAMINGKIT_NBVAL_PRESTART=0"
                )
            return ids.pop(0)[1]

        def get_message(self, stream: str, timeout: float | None = None) -> Any:
            if stream != "iopub":
                return super().get_message(stream, timeout)
            try:
                return self.ahead.iopub.get(timeout=timeout)
            except queue.Empty:
                raise queue.Empty from None  # what nbval catches

        def stop(self) -> None:
            self.ahead.stop.set()
            self.ahead.thread.join(5)
            super().stop()

    return AheadKernel


class _Prestarter:
    """Stands in for ``nbval.plugin.RunningKernel``: hands out kernels launched early.

    While notebook k runs, the kernels of notebooks k+1 ... k+AHEAD are launched and run
    their cells ahead (:class:`_Ahead`): on two cores, the next notebooks execute while nbval
    checks this one. Each notebook still gets its own fresh kernel, started in its own folder, and
    every cell runs once, in order, with the flags nbval uses; nbval reads each cell's
    reply and outputs as before (a cell that fails still fails its test).
    """

    def __init__(self, notebooks: list[tuple[str, list[str]]], startup_timeout: float) -> None:
        self.notebooks = notebooks  # (folder, sources of the cells nbval runs) in run order
        self.timeout = startup_timeout
        self.next = 0
        self.waiting: dict[int, _Ahead] = {}
        self.kernel_class = _ahead_kernel_class()

    def launch(self, k: int, kernel_name: str) -> None:
        from nbval.kernel import KernelManager, NbvalKernelspecManager

        if k >= len(self.notebooks) or k in self.waiting:
            return
        folder, sources = self.notebooks[k]
        km = KernelManager(kernel_name=kernel_name, kernel_spec_manager=NbvalKernelspecManager())
        km.start_kernel(stderr=open(os.devnull, "w"), cwd=folder)  # noqa: SIM115
        self.waiting[k] = _Ahead(km, sources, self.timeout)

    def __call__(self, kernel_name: str, cwd: str | None = None, startup_timeout: float = 60):
        from nbval.kernel import RunningKernel

        k = self.next
        self.next += 1
        ahead = self.waiting.pop(k, None)
        if ahead is not None and (k >= len(self.notebooks) or self.notebooks[k][0] != cwd):
            ahead.shutdown()  # not the notebook it was started for
            ahead = None
        for j in range(k + 1, k + 1 + AHEAD):  # the next notebooks start while this one runs
            self.launch(j, kernel_name)
        if ahead is not None:
            ahead.sent.wait(startup_timeout + 60)
            if ahead.error is None and ahead.sent.is_set():
                rk = self.kernel_class.__new__(self.kernel_class)
                rk.km, rk.kc, rk.ahead = ahead.km, ahead.kc, ahead
                return rk
            ahead.shutdown()
        return RunningKernel(kernel_name, cwd=cwd, startup_timeout=startup_timeout)

    def close(self) -> None:
        for ahead in self.waiting.values():
            ahead.shutdown()
        self.waiting.clear()


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    """With ``-p no:nbval`` (unit tests only), accept the nbval options of ``addopts``."""
    if pluginmanager.is_blocked("nbval"):
        group = parser.getgroup("nbval (disabled)")
        group.addoption("--nbval-lax", action="store_true", dest="nbval_lax")
        group.addoption("--nbval-current-env", action="store_true", dest="nbval_current_env")
        group.addoption("--nbval-cell-timeout", dest="nbval_cell_timeout", default=None)


_PRESTARTER: _Prestarter | None = None


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(session: pytest.Session, config: Any, items: list[Any]) -> None:
    """Note the notebooks in the order they will run, and let nbval use pre-started kernels."""
    global _PRESTARTER
    _after_nbval_lessons(items)
    if os.environ.get("FRAMINGKIT_NBVAL_PRESTART", "1") == "0":
        return
    if not getattr(config.option, "nbval_current_env", False):
        return
    try:
        import nbval.plugin as plugin
    except ImportError:
        return
    notebooks: dict[int, tuple[str, list[str]]] = {}  # in the order the notebooks run
    for item in items:
        nb = item.parent
        if isinstance(nb, plugin.IPyNbFile):
            _, sources = notebooks.setdefault(id(nb), (str(nb.fspath.dirname), []))
            if not item.options["skip"]:  # nbval never sends a skipped cell
                sources.append(item.cell.source)
    if not notebooks:
        return
    _PRESTARTER = _Prestarter(list(notebooks.values()), config.option.nbval_kernel_startup_timeout)
    plugin.RunningKernel = _PRESTARTER
    for k in range(AHEAD):  # they run while the unit tests run
        _PRESTARTER.launch(k, plugin.CURRENT_ENV_KERNEL_NAME)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Shut down kernels launched for notebooks that never ran."""
    if _PRESTARTER is not None:
        _PRESTARTER.close()


# ------------------------------------------------------------ nbval's runs of the lessons


def _nbval_file(item: Any) -> Any:
    """The nbval notebook an item is a cell of (None for any other item)."""
    try:
        import nbval.plugin as plugin
    except ImportError:
        return None
    return item.parent if isinstance(item.parent, plugin.IPyNbFile) else None


def _after_nbval_lessons(items: list[Any]) -> None:
    """Move the tests that use :func:`nbval_lesson_runs` after nbval's last lesson cell."""
    last = max(
        (i for i, it in enumerate(items) if (nb := _nbval_file(it)) and _in_lessons(nb)),
        default=None,
    )
    if last is None:
        return
    late = [it for it in items[:last] if AFTER_LESSONS in getattr(it, "fixturenames", ())]
    if not late:
        return
    ids = {id(it) for it in late}
    rest = [it for it in items if id(it) not in ids]
    at = rest.index(items[last]) + 1
    items[:] = rest[:at] + late + rest[at:]


def _in_lessons(nb: Any) -> bool:
    return Path(str(nb.fspath)).resolve().parent in LESSON_DIRS


def _run_name(nb: Any) -> str:
    """``"lessons/01-compare.ipynb"`` or ``"solutions/01-compare.ipynb"``."""
    path = Path(str(nb.fspath)).resolve()
    return f"{path.parent.name}/{path.name}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: Any, call: Any) -> Any:
    """Keep the outputs nbval got for each cell of a lessons/ or solutions/ notebook."""
    outcome = yield
    nb = _nbval_file(item)
    if nb is None or call.when != "call" or not _in_lessons(nb):
        return
    runs = item.config.__dict__.setdefault("_framingkit_nbval_lessons", {})
    run = runs.setdefault(_run_name(nb), {"cells": {}, "failed": False})
    if outcome.get_result().passed and item.test_outputs is not None:
        run["cells"][item.cell_num] = (item.cell.source, [dict(o) for o in item.test_outputs])
    else:
        run["failed"] = True


@pytest.fixture(scope="session")
def nbval_lesson_runs(request: pytest.FixtureRequest) -> dict[str, list[tuple[str, list]]]:
    """nbval's run of each lessons/ and solutions/ notebook whose every cell passed:
    ``{"solutions/<notebook name>": [(source, outputs) of code cell 0, of code cell 1, ...]}``
    (empty without nbval).

    The tests that use this fixture run after nbval's lessons; a caller checks that the
    sources match the notebook it reads and executes the notebook itself when they do not.
    """
    runs = request.config.__dict__.get("_framingkit_nbval_lessons", {})
    out: dict[str, list[tuple[str, list[dict]]]] = {}
    for name, run in runs.items():
        cells = run["cells"]
        if not run["failed"] and sorted(cells) == list(range(len(cells))):
            out[name] = [cells[i] for i in range(len(cells))]
    return out
