"""Use the machine's other cores for big inputs: tasks run in forked worker processes.

:func:`run_all` runs independent tasks (functions of no arguments), the last one in this
process and the others each in a forked worker; :func:`map_chunks` splits a long list into one
contiguous chunk per core and concatenates what a function gives for each chunk. Results come
back in order and are exactly what the serial run gives; an error in a task is raised as the
serial run would raise it (the first failing task's, same type and message), and no worker is
left behind, on an error or on Ctrl-C.

Everything runs serially (in this process, in order) when forking is not available or not
safe: not on Linux-like systems (no ``fork``), inside a Jupyter kernel, when other threads are
running, inside a worker already, when ``FRAMINGKIT_WORKERS=1`` or when the input is small.
Results must pickle: keep them plain and small (offsets, strings, tuples), not object graphs.

>>> run_all([lambda: 1 + 1, lambda: "two"])
[2, 'two']
>>> map_chunks(lambda xs: [x * x for x in xs], range(5), min_items=1)
[0, 1, 4, 9, 16]
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
import threading
import warnings
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
X = TypeVar("X")

#: Below this many items, :func:`map_chunks` runs serially (a fork costs more than it saves).
MIN_ITEMS = 2000
#: At most this many processes, whatever the machine has.
MAX_WORKERS = 8

#: Set in a worker process: workers never fork workers of their own.
_IN_WORKER = False
#: Workers of this process running now (their cores are taken).
_running = 0


def _fork_context() -> Any:
    """The multiprocessing "fork" context, or ``None`` where fork is not available."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    return multiprocessing.get_context("fork")


def cores() -> int:
    """How many processes may run at once: ``FRAMINGKIT_WORKERS`` if set, else the cores
    this process may use (at most :data:`MAX_WORKERS`); at least 1."""
    env = os.environ.get("FRAMINGKIT_WORKERS", "").strip()
    if env:
        try:
            return max(1, min(MAX_WORKERS, int(env)))
        except ValueError:
            return 1
    try:
        n = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        n = os.cpu_count() or 1
    return max(1, min(MAX_WORKERS, n))


def _in_kernel() -> bool:
    """Whether this process is a running Jupyter (IPython) kernel."""
    if "ipykernel" not in sys.modules or "IPython" not in sys.modules:
        return False
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


def fork_safe() -> bool:
    """Whether forking a worker is safe here: fork exists, this is not a worker or a
    Jupyter kernel, and no other thread runs (a forked thread-heavy process can deadlock)."""
    return (
        not _IN_WORKER
        and _fork_context() is not None
        and not _in_kernel()
        and threading.active_count() == 1
    )


def available() -> int:
    """How many tasks may run at once now (1: run serially)."""
    if not fork_safe():
        return 1
    return max(1, cores() - _running)


def _child(conn: Any, task: Callable[[], Any]) -> None:
    """A worker's body: run ``task``, send ``(ok, result or error, warnings)`` back."""
    global _IN_WORKER
    _IN_WORKER = True
    with warnings.catch_warnings(record=True) as caught:
        try:
            payload: tuple[bool, Any] = (True, task())
        except BaseException as exc:
            payload = (False, exc)
    seen = [(str(w.message), w.category, w.filename, w.lineno) for w in caught]
    try:
        data = pickle.dumps((*payload, seen), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as exc:
        what = payload[1] if not payload[0] else exc
        error = RuntimeError(f"{type(what).__name__}: {what}")
        data = pickle.dumps((False, error, seen), protocol=pickle.HIGHEST_PROTOCOL)
    conn.send_bytes(data)
    conn.close()


def _receive(conn: Any, proc: Any) -> tuple[bool, Any, list[tuple[str, Any, str, int]]]:
    """What a worker sent; a worker that died without an answer is a RuntimeError."""
    try:
        data = conn.recv_bytes()
    except EOFError:
        proc.join()
        error = RuntimeError(f"a worker process ended without a result (exit {proc.exitcode})")
        return False, error, []
    return pickle.loads(data)


def _serial(tasks: Sequence[Callable[[], T]]) -> list[T]:
    return [task() for task in tasks]


def run_all(tasks: Sequence[Callable[[], T]], *, parallel: bool = True) -> list[T]:
    """The results of ``tasks`` in order: all but the last each in a forked worker (as many
    at once as :func:`available` allows; the rest here), the last in this process.

    ``parallel=False`` (or a place where forking is unsafe) runs them here, in order.
    An error is raised as the serial run raises it: the first failing task's.
    """
    global _running
    tasks = list(tasks)
    n = min(len(tasks), available()) if parallel else 1
    if n < 2:
        return _serial(tasks)
    ctx = _fork_context()
    for stream in (sys.stdout, sys.stderr):  # a child must not write the parent's buffers again
        stream.flush()
    forked, here = tasks[: n - 1], tasks[n - 1 :]
    procs: list[tuple[Any, Any]] = []
    outcomes: list[tuple[bool, Any, list[Any]]] = []
    try:
        for task in forked:
            recv, send = ctx.Pipe(duplex=False)
            proc = ctx.Process(target=_child, args=(send, task), daemon=True)
            proc.start()
            _running += 1
            send.close()
            procs.append((proc, recv))
        mine: list[tuple[bool, Any, list[Any]]] = []
        for task in here:
            try:
                mine.append((True, task(), []))
            except Exception as exc:
                mine.append((False, exc, []))
                break
        for proc, recv in procs:
            outcomes.append(_receive(recv, proc))
        outcomes.extend(mine)
    finally:
        for proc, recv in procs:
            if proc.is_alive():
                proc.join(timeout=5 if len(outcomes) >= len(procs) else 0)
            if proc.is_alive():  # interrupted, or an error here: end the worker
                proc.terminate()
                proc.join(timeout=5)
            if proc.is_alive():
                proc.kill()
                proc.join()
            recv.close()
            _running -= 1
    results = []
    for ok, value, seen in outcomes:
        for message, category, filename, lineno in seen:
            warnings.warn_explicit(message, category, filename, lineno)
        if not ok:
            raise value
        results.append(value)
    return results


def chunks(items: Sequence[X], n: int) -> list[Sequence[X]]:
    """``items`` cut into ``n`` contiguous chunks of nearly equal length (none empty).

    >>> [list(c) for c in chunks(range(7), 3)]
    [[0, 1, 2], [3, 4], [5, 6]]
    """
    n = max(1, min(n, len(items)))
    size, extra = divmod(len(items), n)
    out, lo = [], 0
    for k in range(n):
        hi = lo + size + (k < extra)
        out.append(items[lo:hi])
        lo = hi
    return out


def map_chunks(
    fn: Callable[[Sequence[X]], Sequence[T]],
    items: Sequence[X],
    *,
    min_items: int | None = None,
) -> list[T]:
    """``fn`` over contiguous chunks of ``items``, one chunk per core, the outputs joined in
    order: the same list as ``list(fn(items))`` when ``fn`` treats each item on its own.

    Fewer than ``min_items`` items (default :data:`MIN_ITEMS`) run serially, in one call.
    """
    items = items if isinstance(items, Sequence) else list(items)
    least = MIN_ITEMS if min_items is None else min_items
    n = available() if len(items) >= max(2, least) else 1
    if n < 2:
        return list(fn(items))
    parts = run_all([(lambda c=c: list(fn(c))) for c in chunks(items, n)])
    return [x for part in parts for x in part]
