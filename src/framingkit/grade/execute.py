"""Running a submitted notebook (only with ``--execute``) in its own, limited kernel.

:func:`execute_notebook` copies the submitted bytes to a fresh temporary folder and
runs that copy in a separate process (``python -m framingkit.grade.execute``),
which starts one kernel through :mod:`nbclient`. The kernel is started by
:mod:`framingkit.grade.kernel`, which sets ``resource`` limits (memory, CPU time,
file size) before it becomes an IPython kernel. The runner adopts every orphaned
process below it (:mod:`framingkit.grade.procs`), and when the notebook ends, normally
or at the total time limit, every process it started is stopped and killed, so an
endless loop, a forked child or a hung kernel cannot outlive its notebook or stop the
batch. The runner's own memory and the output it keeps are bounded too, and the
kernel's connection file lives in the temporary folder, which is deleted. The submitted
file itself is never opened for writing.

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
import subprocess
import sys
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .procs import MARK, become_subreaper, end_tree, reap_children

_RESULT_FILE = "result.json"
#: Output (MB of text and data) a notebook's run may keep; the rest is dropped.
OUTPUT_MB = 20
#: Memory (MB) the runner may use besides the kernel's limit (its own Python, nbclient).
RUNNER_MB = 1536


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
    #: the message as the student reads it on the feedback page ("" = same as ``message``)
    student: str = ""


def execute_notebook(data: bytes, limits: Limits, key_dir: str | None = None) -> Execution:
    """Run the notebook ``data`` (its bytes) on a temporary copy and return the executed copy.

    ``key_dir`` (the grader's ``--key``) is passed to the kernel as ``FRAMINGKIT_KEY_DIR``.

    Example (needs a Python kernel, so it is not run as a doctest)::

        ex = execute_notebook(Path("alice.ipynb").read_bytes(), Limits(total_timeout=60))
        ex.status, ex.nb["cells"][0]["outputs"]
    """
    tmp = Path(tempfile.mkdtemp(prefix="framingkit-grade-"))
    run_id = uuid.uuid4().hex
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
        with open(tmp / "stderr.txt", "wb") as err_fh:
            proc = subprocess.Popen(
                cmd,
                cwd=src.parent,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=err_fh,
                start_new_session=True,
                env=_child_env(tmp, key_dir, run_id),
            )
        try:
            proc.wait(timeout=limits.total_timeout)
        except subprocess.TimeoutExpired:  # the runner is alive (not reaped): its pid is ours
            end_tree(proc.pid, run_id)  # the runner, the kernel and anything they started
            return Execution(
                "timeout",
                f"running the notebook took longer than {limits.total_timeout:g} s",
                student=f"it took longer than the time limit of {limits.total_timeout:g} s",
            )
        finally:
            end_tree(None, run_id)  # anything of this run still alive (found by its mark)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=5)
        result: dict[str, Any] = {}
        with contextlib.suppress(OSError, ValueError):
            result = json.loads((tmp / _RESULT_FILE).read_text("utf-8"))
        if not result:
            err = (tmp / "stderr.txt").read_bytes()[-400:].decode("utf-8", "replace").strip()
            last = err.splitlines()[-1] if err else f"exit status {proc.returncode}"
            if "MemoryError" in last:
                last = f"the runner ran out of its memory limit: {last}"
            return Execution("error", f"the notebook could not be run ({last})")
        nb = None
        status, message = result.get("status", "error"), result.get("message", "")
        with contextlib.suppress(OSError, ValueError, RecursionError, MemoryError):
            if out.stat().st_size > (OUTPUT_MB + 10) * 1024 * 1024:
                raise ValueError("too big to read back")
            nb = json.loads(out.read_text("utf-8"))
        return Execution(status, message, nb, result.get("student", ""))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _child_env(tmp: Path, key_dir: str | None, run_id: str = "") -> dict[str, str]:
    env = dict(os.environ)
    if key_dir:
        env["FRAMINGKIT_KEY_DIR"] = str(Path(key_dir).resolve())
    env[MARK] = run_id  # every process of this run carries it (see procs.end_tree)
    env["IPYTHONDIR"] = str(tmp / "ipython")  # no startup scripts or history of the instructor
    # connection files, runtime files, temporary files (and matplotlib's caches, when it has
    # no folders of its own yet) stay in the temporary folder, which is deleted
    env["JUPYTER_RUNTIME_DIR"] = str(tmp / "runtime")
    env["TMPDIR"] = str(tmp / "tmp")
    (tmp / "tmp").mkdir(exist_ok=True)
    from .summary import matplotlib_has_home

    if not matplotlib_has_home():  # else its font cache is reused, not rebuilt per notebook
        env["MPLCONFIGDIR"] = str(tmp / "mpl")
    env["MPLBACKEND"] = "Agg"
    env["JPY_SESSION_NAME"] = str(tmp / "work" / "submission.ipynb")
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    env.pop("JUPYTER_PATH", None)
    return env


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


def describe_cell(nb: Any, index: int) -> str:
    """A cell as a person finds it in Jupyter, which shows no cell numbers.

    >>> nb = {"cells": [{"cell_type": "markdown", "source": "# Hi"},
    ...     {"cell_type": "code", "source": "x = [1,\\n 2]", "metadata": {}}]}
    >>> describe_cell(nb, 1)
    "code cell 1 of 1 (the 2nd cell), which begins 'x = [1,'"
    """
    cells = nb["cells"]
    cell = cells[index]
    meta = cell.get("metadata") or {}
    fk = meta.get("framingkit") if isinstance(meta, dict) else None
    if isinstance(fk, dict) and isinstance(fk.get("exercise"), str):
        return f"the exercise cell of '{fk['exercise']}'"
    code = [i for i, c in enumerate(cells) if c.get("cell_type") == "code"]
    src = cell.get("source", "")
    src = "".join(src) if isinstance(src, list) else str(src)
    first = next((ln.strip() for ln in src.splitlines() if ln.strip()), "")
    first = first if len(first) <= 50 else first[:49] + "…"
    n = index + 1
    nth = f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"
    pos = f"code cell {code.index(index) + 1} of {len(code)} (the {nth} cell)"
    return f"{pos}, which begins {first!r}" if first else pos


def _first_error(nb: Any) -> tuple[str, str] | None:
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                what = f"{out.get('ename', 'an error')}: {out.get('evalue', '')}"[:300]
                where = describe_cell(nb, i)
                return f"{where} raised {what}", f"{where} raised {what}"
    return None


class _Capped:
    """Counts a run's output and drops what goes past :data:`OUTPUT_MB`."""

    def __init__(self, limit_mb: float) -> None:
        self.limit = int(limit_mb * 1024 * 1024)
        self.used = 0
        self.over = False

    def take(self, msg: dict[str, Any]) -> bool:
        """Whether an output message may be kept."""
        content = msg.get("content") or {}
        size = len(str(content.get("text", "")))
        data = content.get("data")
        if isinstance(data, dict):
            size += sum(len(str(v)) for v in data.values())
        self.used += size
        if self.used > self.limit:
            self.over = True
            return False
        return True


def _watch_parent(tmp: Path) -> None:
    """If the grader dies (killed mid-run), end this notebook's processes and its folder."""
    import threading
    import time

    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        end_tree(os.getpid(), os.environ.get(MARK, ""), include_root=False)
        shutil.rmtree(tmp, ignore_errors=True)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="framingkit-grade-watch").start()


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
    become_subreaper()  # orphans of the kernel's children stay in this tree
    _watch_parent(out.parent)
    from .kernel import set_limits

    set_limits(a.memory_mb + RUNNER_MB, a.cpu_seconds)  # the runner's own memory is bounded

    def finish(status: str, message: str, student: str = "") -> int:
        end_tree(os.getpid(), os.environ.get(MARK, ""), include_root=False)
        reap_children()
        doc = {"status": status, "message": message, "student": student}
        result_path.write_text(json.dumps(doc), "utf-8")
        return 0

    # jsonschema (imported by nbformat) compiles an IRI grammar with lark at import when the
    # optional rfc3987-syntax is installed: about 2.5 s of CPU per notebook, for "iri" format
    # checks that nbformat's notebook schema never uses; the runner goes without them
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[assignment]
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
    km = AsyncKernelManager(
        kernel_name="framingkit-grade",
        kernel_spec_manager=ksm,
        connection_file=str(out.parent / "kernel-connection.json"),  # deleted with the folder
    )
    cap = _Capped(OUTPUT_MB)

    class CappedClient(NotebookClient):  # type: ignore[misc]
        def output(self, outs: Any, msg: Any, display_id: Any, cell_index: int) -> Any:
            if msg.get("msg_type") != "error" and not cap.take(msg):
                return None
            return super().output(outs, msg, display_id, cell_index)

    client = CappedClient(
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
    student = ""
    if status == "ok":
        err = _first_error(nb)
        if err:
            status, (message, student) = "error", err
    if cap.over:
        over = f"it printed more than {OUTPUT_MB} MB of output (the rest was dropped)"
        message = f"{message}; {over}" if message else over
        status = "error" if status == "ok" else status
    with contextlib.suppress(Exception):
        nbformat.write(nb, out)
    return finish(status, message, student)


if __name__ == "__main__":
    sys.exit(_child())
