"""Finding and ending every process a submitted notebook started (``grade --execute``).

jupyter_client starts each kernel in a session of its own (``start_new_session=True``),
so killing the runner's process group misses the kernel and everything it forked. The
runner therefore makes itself a *child subreaper* (Linux ``prctl``): an orphaned
grandchild (a ``fork()`` or ``Popen`` child whose parent exited, even after ``setsid``)
is re-parented to the runner instead of to init, so it stays in the runner's process
tree. Every process of the tree also inherits the environment variable
:data:`MARK`, which finds one that escaped anyway. :func:`end_tree` stops the whole tree
(``SIGSTOP``, so nothing can fork while it is collected), then kills it.

On Linux everything is read from ``/proc``; elsewhere :mod:`psutil` is used when it is
installed (it comes with IPython), else only the process group is killed.

>>> tree_of(os.getpid(), {os.getpid(): 1, 11: os.getpid(), 12: 11, 13: 1})
[11, 12]
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from collections.abc import Mapping
from pathlib import Path

#: Environment variable carried by every process of one notebook's run (value: a run id).
MARK = "FRAMINGKIT_GRADE_RUN"
_PROC = Path("/proc")


def become_subreaper() -> bool:
    """Make this process adopt its orphaned descendants (Linux only); True when it worked."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        return False


def _parents() -> dict[int, int]:
    """``{pid: parent pid}`` of every process (from /proc, else psutil, else empty)."""
    out: dict[int, int] = {}
    if _PROC.is_dir():
        for d in _PROC.iterdir():
            if not d.name.isdigit():
                continue
            with contextlib.suppress(OSError, ValueError, IndexError):
                stat = (d / "stat").read_text()
                out[int(d.name)] = int(stat.rsplit(")", 1)[1].split()[1])
        return out
    try:
        import psutil
    except ImportError:  # pragma: no cover - only without /proc and psutil
        return out
    for p in psutil.process_iter(["pid", "ppid"]):
        out[p.info["pid"]] = p.info["ppid"] or 0
    return out


def tree_of(root: int, parents: Mapping[int, int]) -> list[int]:
    """Every descendant of ``root`` in ``parents`` (``{pid: ppid}``), sorted."""
    children: dict[int, list[int]] = {}
    for pid, ppid in parents.items():
        children.setdefault(ppid, []).append(pid)
    out, todo = set(), [root]
    while todo:
        for c in children.get(todo.pop(), []):
            if c not in out and c != root:
                out.add(c)
                todo.append(c)
    return sorted(out)


def marked(run_id: str) -> list[int]:
    """Processes of this user whose environment carries ``MARK=run_id`` (Linux only)."""
    if not run_id or not _PROC.is_dir():
        return []
    needle = f"{MARK}={run_id}".encode()
    out = []
    me = os.getpid()
    for d in _PROC.iterdir():
        if not d.name.isdigit() or int(d.name) == me:
            continue
        with contextlib.suppress(OSError):
            if needle in (d / "environ").read_bytes().split(b"\0"):
                out.append(int(d.name))
    return out


def _signal(pids: list[int], sig: int) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, sig)


def end_tree(root: int | None, run_id: str = "", include_root: bool = True) -> int:
    """Stop, then kill ``root``'s descendants (and ``root``) and every process marked
    with ``run_id``; returns how many processes were ended.

    Processes are stopped first and the tree is read again until no new one appears, so a
    process that forks while it is being collected cannot leave a child behind. ``root``
    must be a process that has not been reaped (its pid cannot have been reused); pass None
    to end only the marked processes.
    """
    me = os.getpid()
    found: set[int] = set()
    for _ in range(50):
        parents = _parents()
        now = set(marked(run_id))
        if root is not None:
            now |= set(tree_of(root, parents))
            if include_root and root in parents:
                now.add(root)
        now.discard(me)
        new = sorted(now - found)
        if not new:
            break
        found |= now
        _signal(new, signal.SIGSTOP)
        time.sleep(0.01)
    if not found and include_root and root is not None:  # no /proc or psutil: the group
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(root, signal.SIGKILL)
    _signal(sorted(found), signal.SIGKILL)
    _signal(sorted(found), signal.SIGCONT)
    return len(found)


def reap_children() -> None:
    """Collect every exited child of this process (adopted orphans included)."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
