"""Test-suite speed: nbval starts each notebook's kernel while the previous notebook runs.

nbval runs the notebooks one after another and starts a fresh kernel for each one: Python,
ipykernel, IPython, then the kit, matplotlib and ipywidgets imported by the first cells,
about a second of one core per notebook before the first cell runs. Here the kernel of the
*next* notebook is launched (and those modules imported in it, silently: no output, no
execution count) as soon as a notebook starts, so on two cores that second overlaps the
previous notebook's cells. Every notebook still gets its own fresh kernel, started in its
own folder, and runs every cell as before; only the start-up moves earlier. A kernel that is
never used (a run stopped early) is shut down when the session ends.

Only with ``--nbval-current-env`` (the kit's configuration in ``pyproject.toml``); set
``FRAMINGKIT_NBVAL_PRESTART=0`` to switch it off.

nbval's run of each lessons/ notebook is also kept (:func:`nbval_lesson_runs`): the outputs of
every cell, when every cell passed. A test that needs the lessons executed from the top (the
answer-first check of tests/test_lesson_design.py) asks for the fixture and is moved after
nbval's lessons, so the six lessons run once, not twice; run without nbval (``-p no:nbval``,
one test file), such a test executes the lessons itself.

nbval formats every kernel message for its debug log (``pformat``) even when debug logging is
off: about 0.5 s of CPU per notebook; here that text is made only if the message is logged.

jsonschema (imported by nbformat) compiles an IRI grammar with lark at import when the
optional ``rfc3987-syntax`` is installed, about 2.5 s of CPU; no notebook schema uses the "iri"
formats it checks, so a test process that imports nbformat after this file goes without them
(with nbval loaded, nbval has imported it already).
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


LESSONS = Path(__file__).resolve().parent / "lessons"
#: the fixture whose tests run after nbval's lessons/ notebooks
AFTER_LESSONS = "nbval_lesson_runs"

#: Imported in a pre-started kernel before its notebook runs (what the lessons' first cells
#: import anyway); importing them again in the notebook is then instant.
WARM_IMPORTS = (
    "import framingkit, framingkit.exercises, framingkit.lessonkit, framingkit.document\n"
    "import matplotlib.pyplot, ipywidgets\n"
)


class _Prestarter:
    """Stands in for ``nbval.plugin.RunningKernel``: hands out pre-launched kernels."""

    def __init__(self, folders: list[str], startup_timeout: float) -> None:
        from nbval.kernel import RunningKernel

        self._running_kernel = RunningKernel
        self.folders = folders  # the folder of each notebook, in the order they run
        self.timeout = startup_timeout
        self.next = 0
        self.waiting: dict[int, Any] = {}  # notebook index -> launched KernelManager

    def _launch(self, kernel_name: str, folder: str) -> Any:
        from nbval.kernel import KernelManager, NbvalKernelspecManager

        km = KernelManager(kernel_name=kernel_name, kernel_spec_manager=NbvalKernelspecManager())
        km.start_kernel(stderr=open(os.devnull, "w"), cwd=folder)  # noqa: SIM115
        return km

    def _warm(self, km: Any) -> None:
        """Connect and import the warm modules in a launched kernel, without waiting."""
        kc = km.client()
        kc.start_channels()
        km._framingkit_warm_id = kc.execute(WARM_IMPORTS, silent=True, store_history=False)
        km._framingkit_client = kc

    def __call__(self, kernel_name: str, cwd: str | None = None, startup_timeout: float = 60):
        k = self.next
        self.next += 1
        km = self.waiting.pop(k, None)
        if km is not None and (k >= len(self.folders) or self.folders[k] != cwd):
            self._shutdown(km)  # not the notebook it was started for
            km = None
        # launch the next notebook's kernel now: it starts while this notebook runs
        if self.next < len(self.folders) and self.next not in self.waiting:
            nxt = self._launch(kernel_name, self.folders[self.next])
            self._warm(nxt)
            self.waiting[self.next] = nxt
        if km is None:
            return self._running_kernel(kernel_name, cwd=cwd, startup_timeout=startup_timeout)
        kc = km._framingkit_client
        try:
            # the silent warm-up was sent first: wait for its reply, then for the kernel
            while True:
                msg = kc.get_shell_msg(timeout=startup_timeout)
                if msg["parent_header"].get("msg_id") == km._framingkit_warm_id:
                    break
            kc.wait_for_ready(timeout=startup_timeout)
        except Exception:
            self._shutdown(km)
            return self._running_kernel(kernel_name, cwd=cwd, startup_timeout=startup_timeout)
        rk = self._running_kernel.__new__(self._running_kernel)
        rk.km, rk.kc = km, kc
        rk._ensure_iopub_up()
        return rk

    @staticmethod
    def _shutdown(km: Any) -> None:
        kc = getattr(km, "_framingkit_client", None)
        if kc is not None:
            kc.stop_channels()
        km.shutdown_kernel(now=True)

    def close(self) -> None:
        for km in self.waiting.values():
            self._shutdown(km)
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
    folders: list[str] = []
    seen: set[int] = set()
    for item in items:
        nb = item.parent
        if isinstance(nb, plugin.IPyNbFile) and id(nb) not in seen:
            seen.add(id(nb))
            folders.append(str(nb.fspath.dirname))
    if len(folders) < 2:
        return
    _PRESTARTER = _Prestarter(folders, config.option.nbval_kernel_startup_timeout)
    plugin.RunningKernel = _PRESTARTER


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
    """Move the tests that use :func:`nbval_lesson_runs` after nbval's last lessons/ cell."""
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
    return Path(str(nb.fspath)).resolve().parent == LESSONS


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: Any, call: Any) -> Any:
    """Keep the outputs nbval got for each cell of a lessons/ notebook."""
    outcome = yield
    nb = _nbval_file(item)
    if nb is None or call.when != "call" or not _in_lessons(nb):
        return
    runs = item.config.__dict__.setdefault("_framingkit_nbval_lessons", {})
    run = runs.setdefault(Path(str(nb.fspath)).name, {"cells": {}, "failed": False})
    if outcome.get_result().passed and item.test_outputs is not None:
        run["cells"][item.cell_num] = (item.cell.source, [dict(o) for o in item.test_outputs])
    else:
        run["failed"] = True


@pytest.fixture(scope="session")
def nbval_lesson_runs(request: pytest.FixtureRequest) -> dict[str, list[tuple[str, list]]]:
    """nbval's run of each lessons/ notebook whose every cell passed: ``{notebook name:
    [(source, outputs) of code cell 0, of code cell 1, ...]}`` (empty without nbval).

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
