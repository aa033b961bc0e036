"""Running a submitted notebook (only with ``--execute``) in its own, limited kernel.

:func:`execute_notebook` copies the submitted bytes to a fresh temporary folder and
runs that copy in a separate process (``python -m framingkit.grade.execute``),
which starts one kernel through :mod:`nbclient`. The kernel is started by
:mod:`framingkit.grade.kernel`, which sets ``resource`` limits (memory, CPU time,
file size) before it becomes an IPython kernel. The whole process group is
killed when the total time limit is reached, so an endless loop, a fork or a
hung kernel cannot stop the batch. The submitted file itself is never opened
for writing.

This limits accidents and runaway code; it is not a security sandbox (see
docs/grading.md): the code runs as the instructor's user, with their network
and file access.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Exit codes of the child process and the status each one means.
_RESULT_FILE = "result.json"


@dataclass(frozen=True)
class Limits:
    """Time and memory limits for one executed notebook."""

    cell_timeout: float = 60.0
    total_timeout: float = 300.0
    memory_mb: int = 2048


@dataclass
class Execution:
    """What running one notebook gave: a status, a message and the executed notebook."""

    status: str  # "ok" | "error" | "timeout"
    message: str
    nb: dict[str, Any] | None = None


def execute_notebook(data: bytes, limits: Limits, key_dir: str | None = None) -> Execution:
    """Run the notebook ``data`` (its bytes) on a temporary copy and return the executed copy.

    ``key_dir`` (the grader's ``--key``) is passed to the kernel as ``FRAMINGKIT_KEY_DIR``.

    Example (needs a Python kernel, so it is not run as a doctest)::

        ex = execute_notebook(Path("alice.ipynb").read_bytes(), Limits(total_timeout=60))
        ex.status, ex.nb["cells"][0]["outputs"]
    """
    tmp = Path(tempfile.mkdtemp(prefix="framingkit-grade-"))
    try:
        src = tmp / "work" / "submission.ipynb"
        src.parent.mkdir()
        src.write_bytes(data)
        out = tmp / "executed.ipynb"
        cmd = [
            sys.executable,
            "-m",
            "framingkit.grade.execute",
            str(src),
            str(out),
            "--cell-timeout",
            str(limits.cell_timeout),
            "--memory-mb",
            str(limits.memory_mb),
            "--cpu-seconds",
            str(int(limits.total_timeout) + 1),
        ]
        proc = subprocess.Popen(
            cmd,
            cwd=src.parent,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=open(tmp / "stderr.txt", "wb"),  # noqa: SIM115 - closed with the process
            start_new_session=True,
            env=_child_env(tmp, key_dir),
        )
        try:
            proc.wait(timeout=limits.total_timeout)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            return Execution(
                "timeout", f"running the notebook took longer than {limits.total_timeout:g} s"
            )
        finally:
            _kill_group(proc)  # the kernel and anything it started
        result: dict[str, Any] = {}
        with contextlib.suppress(OSError, ValueError):
            result = json.loads((tmp / _RESULT_FILE).read_text("utf-8"))
        if not result:
            err = (tmp / "stderr.txt").read_bytes()[-400:].decode("utf-8", "replace").strip()
            last = err.splitlines()[-1] if err else f"exit status {proc.returncode}"
            return Execution("error", f"the notebook could not be run ({last})")
        nb = None
        with contextlib.suppress(OSError, ValueError):
            nb = json.loads(out.read_text("utf-8"))
        return Execution(result.get("status", "error"), result.get("message", ""), nb)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _child_env(tmp: Path, key_dir: str | None) -> dict[str, str]:
    env = dict(os.environ)
    if key_dir:
        env["FRAMINGKIT_KEY_DIR"] = str(Path(key_dir).resolve())
    env["IPYTHONDIR"] = str(tmp / "ipython")  # no startup scripts or history of the instructor
    env["MPLBACKEND"] = "Agg"
    env["JPY_SESSION_NAME"] = str(tmp / "work" / "submission.ipynb")
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    env.pop("JUPYTER_PATH", None)
    return env


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=5)


# ---------------------------------------------------------------- the child process


def _kernel_spec(folder: Path, memory_mb: int, cpu_seconds: int) -> Path:
    spec = folder / "kernels" / "framingkit-grade"
    spec.mkdir(parents=True)
    argv = [
        sys.executable,
        "-m",
        "framingkit.grade.kernel",
        "--memory-mb",
        str(memory_mb),
        "--cpu-seconds",
        str(cpu_seconds),
        "-f",
        "{connection_file}",
    ]
    spec_json = {"argv": argv, "display_name": "framingkit grade", "language": "python"}
    (spec / "kernel.json").write_text(json.dumps(spec_json), "utf-8")
    return spec.parent


def _first_error(nb: Any) -> str | None:
    for i, cell in enumerate(nb.cells, 1):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                return f"cell {i} raised {out.get('ename', 'an error')}: {out.get('evalue', '')}"
    return None


def _child(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("src")
    ap.add_argument("out")
    ap.add_argument("--cell-timeout", type=float, default=60)
    ap.add_argument("--memory-mb", type=int, default=2048)
    ap.add_argument("--cpu-seconds", type=int, default=300)
    a = ap.parse_args(argv)
    src, out = Path(a.src), Path(a.out)
    result_path = out.parent / _RESULT_FILE

    def finish(status: str, message: str) -> int:
        result_path.write_text(json.dumps({"status": status, "message": message}), "utf-8")
        return 0

    import nbformat  # the execute path only: reading never imports it
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    try:
        nb = nbformat.read(src, as_version=4)
    except Exception as exc:  # a notebook nbformat cannot read
        return finish("error", f"the notebook could not be read for running ({exc})")
    kernels = _kernel_spec(out.parent, a.memory_mb, a.cpu_seconds)
    ksm = KernelSpecManager(kernel_dirs=[str(kernels)], ensure_native_kernel=False)
    km = AsyncKernelManager(kernel_name="framingkit-grade", kernel_spec_manager=ksm)
    client = NotebookClient(
        nb,
        km=km,
        timeout=a.cell_timeout,
        allow_errors=True,
        record_timing=False,
        shutdown_kernel="immediate",
        resources={"metadata": {"path": str(src.parent)}},
    )
    status, message = "ok", ""
    try:
        client.execute()
    except CellTimeoutError:
        status, message = "timeout", f"a cell ran longer than {a.cell_timeout:g} s"
    except DeadKernelError:
        status = "error"
        message = "the kernel died while running the notebook (memory limit or crash)"
    except Exception as exc:
        status, message = "error", f"the notebook could not be run ({type(exc).__name__}: {exc})"
    if status == "ok":
        err = _first_error(nb)
        if err:
            status, message = "error", err
    with contextlib.suppress(Exception):
        nbformat.write(nb, out)
    return finish(status, message)


if __name__ == "__main__":
    sys.exit(_child())
