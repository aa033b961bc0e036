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
"""

from __future__ import annotations

import os
from typing import Any

import pytest

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


_PRESTARTER: _Prestarter | None = None


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(session: pytest.Session, config: Any, items: list[Any]) -> None:
    """Note the notebooks in the order they will run, and let nbval use pre-started kernels."""
    global _PRESTARTER
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
